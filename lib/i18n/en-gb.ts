// British English: only the words that differ from the US catalog; everything else is en.ts.
import { en, type Messages } from "./en";

const urgent = en.intake.urgent;

export const enGB: Messages = {
  ...en,
  lang: "en-GB",
  intake: {
    ...en.intake,
    options: { ...en.intake.options, distanceUnit: { km: "Kilometres", mi: "Miles" } },
    urgent: {
      ...urgent,
      body: "Please call your GP today, or go to an urgent treatment centre or A&E. Do not run or exercise until you have been checked.",
    },
  },
};
