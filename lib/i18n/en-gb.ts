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
      reasons: {
        "hot-swollen-unwell": "A swollen, hot or red knee together with a fever or feeling unwell can be a sign of an infection in the joint. Go to A&E now.",
        calf: "A swollen, red or sore calf can be a sign of a blood clot. Get a medical assessment today (your GP, NHS 111 or an urgent treatment centre). Call 999 at once if you become breathless, have chest pain or cough blood.",
      },
    },
  },
};
