// The patient's words for each referral (clinical-rules §5): what to do, how soon, and why. Data only, so the
// English catalog (lib/i18n/summary-en.ts) takes the same sentences without pulling the engine into a page.
import type { Referral } from "./types";

type Urgency = Referral["urgency"];

/** §5's urgency and wording per hard flag. The urgency is the default; the patient text is what they read. */
export const REFERRAL_WORDING = {
  septic: {
    urgency: "emergency",
    action: "Go to an emergency department now.",
    why: "A hot, red or swollen knee with a fever or feeling unwell can be an infection in the joint.",
  },
  dvt: {
    urgency: "same-day",
    action:
      "Get a medical assessment today. Call the emergency number at once if you become breathless, have chest pain or cough blood (a clot that has moved to the lungs).",
    why: "A swollen, red or tender calf can be a blood clot in a deep vein.",
  },
  ottawa: {
    urgency: "same-day",
    action: "Get an X-ray today (urgent care or an emergency department).",
    why: "After your injury, the knee checks suggest a broken bone must be ruled out.",
  },
  acuteKnee: {
    urgency: "next-day",
    action: "See an acute knee clinic or urgent care today or tomorrow. Do not force the knee straight.",
    why: "A knee that locks, or swells a lot or soon after an injury, may have an injury inside the joint.",
  },
  femoralNeck: {
    urgency: "same-day",
    action: "See a doctor today. No running; limit walking; use crutches if walking hurts. A doctor will arrange a scan.",
    why: "Pain in the groin or front of the hip in a runner can be a stress injury of the top of the thigh bone, which needs checking quickly.",
  },
  boneStress: {
    urgency: "urgent",
    action: "See a doctor in the next few days. No running; limit walking; use crutches if walking hurts. A doctor will arrange a scan.",
    why: "A sore spot on the bone, pain on hopping or pain that wakes you can be a stress injury of the bone.",
  },
  scfe: {
    urgency: "same-day",
    action: "See a doctor today. Avoid putting weight on the leg (use crutches) until you have been seen.",
    why: "In a young person, knee pain with a painful hip movement can come from the growth plate of the hip.",
  },
  serious: {
    urgency: "urgent",
    action: "See your doctor in the next few days; sooner if it gets worse.",
    why: "Pain that wakes you from sleep, constant pain or weight loss without trying needs a doctor to rule out other causes.",
  },
} as const satisfies Record<string, { urgency: Urgency; action: string; why: string }>;
