// British English: only the words that differ from the US catalog; everything else is en.ts.
import { en, type Messages } from "./en";

const urgent = en.intake.urgent;
const summary = en.summary;

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
  // The same emergency numbers and places on the take-home sheet as on the intake.
  summary: {
    ...summary,
    stop: {
      ...summary.stop,
      careNowWhen:
        " (not the clinic) if your calf becomes swollen, red or tender, or you become breathless or have chest pain (call 999); or if your knee becomes hot, red and swollen with a fever, or you cannot put weight on the leg (go to A&E).",
    },
    referral: {
      ...summary.referral,
      septic: { ...summary.referral.septic, action: "Go to A&E now." },
      dvt: {
        ...summary.referral.dvt,
        action:
          "Get a medical assessment today (your GP, NHS 111 or an urgent treatment centre). Call 999 at once if you become breathless, have chest pain or cough blood (a clot that has moved to the lungs).",
      },
      ottawa: { ...summary.referral.ottawa, action: "Get an X-ray today (an urgent treatment centre or A&E)." },
    },
  },
};
