// What the patient is told their pain most likely is, per classification (clinical-rules §0, §1): the wording
// keeps the classification's certainty ("most likely", never "your pain comes from") and §0's prognosis. Data
// only, so the English catalog (lib/i18n/summary-en.ts) takes the same sentences without the engine.
import type { Classification } from "./types";

export const EDUCATION_WHAT: Record<Classification["code"], string> = {
  "pfp-likely":
    "Your pain most likely comes from the joint between your kneecap and your thigh bone (patellofemoral pain). It is very common in runners and it is not damage to the knee. Scans are not needed to diagnose it.",
  "itbs-likely":
    "Your pain on the outside of the knee most likely comes from the band of tissue along the outside of your thigh where it crosses the knee (iliotibial band). It is common in runners and usually responds to strengthening and some changes to your running.",
  "tendinopathy-consider":
    "Your pain may come from a tendon just above or below your kneecap. Your clinician will check this and choose the right loading exercises for the tendon.",
  unclear: "Your clinician will explain what is most likely causing your pain. The advice below helps most runners' knee pain while it settles.",
};
