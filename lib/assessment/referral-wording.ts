// The patient's words for each referral (clinical-rules §5): what to do, how soon, and why. Data only, so the
// English catalog (lib/i18n/summary-en.ts) takes the same sentences without pulling the engine into a page.
// How soon is a clinic setting (§5: "Urgency (default; a clinic setting)"): each action names the time at
// `{when}`, filled from the flag's urgency, so a clinic that makes a referral more urgent changes the words too.
import type { Referral } from "./types";

export type Urgency = Referral["urgency"];
/** The urgencies a referral can have, most urgent first. */
export const URGENCY_ORDER = ["emergency", "same-day", "next-day", "urgent", "routine"] as const satisfies readonly Urgency[];
/** The urgencies a hard flag can be given (a routine referral is not a red flag's). */
export type ReferralUrgency = Exclude<Urgency, "routine">;

/** How soon, in the patient's words, for each urgency (§5's table). */
export const REFERRAL_WHEN: Record<ReferralUrgency, string> = {
  emergency: "now",
  "same-day": "today",
  "next-day": "today or tomorrow",
  urgent: "in the next few days",
};

/** §5's default urgency and wording per hard flag. `action` names the time at `{when}`; `urgentWhen`
 * replaces the time for the "within days" urgency where the sentence says more. */
export const REFERRAL_WORDING = {
  septic: {
    urgency: "emergency",
    action: "Go to an emergency department {when}.",
    why: "A hot, red or swollen knee with a fever or feeling unwell can be an infection in the joint.",
  },
  dvt: {
    urgency: "same-day",
    action:
      "Get a medical assessment {when}. Call the emergency number at once if you become breathless, have chest pain or cough blood (a clot that has moved to the lungs).",
    why: "A swollen, red or tender calf can be a blood clot in a deep vein.",
  },
  ottawa: {
    urgency: "same-day",
    action: "Get an X-ray {when} (urgent care or an emergency department).",
    why: "After your injury, the knee checks suggest a broken bone must be ruled out.",
  },
  acuteKnee: {
    urgency: "next-day",
    action: "See an acute knee clinic or urgent care {when}. Do not force the knee straight.",
    why: "A knee that locks, or swells a lot or soon after an injury, may have an injury inside the joint.",
  },
  femoralNeck: {
    urgency: "same-day",
    action: "See a doctor {when}. No running; limit walking; use crutches if walking hurts. A doctor will arrange a scan.",
    why: "Pain in the groin or front of the hip in a runner can be a stress injury of the top of the thigh bone, which needs checking quickly.",
  },
  boneStress: {
    urgency: "urgent",
    action: "See a doctor {when}. No running; limit walking; use crutches if walking hurts. A doctor will arrange a scan.",
    why: "A sore spot on the bone, pain on hopping or pain that wakes you can be a stress injury of the bone.",
  },
  scfe: {
    urgency: "same-day",
    action: "See a doctor {when}. Avoid putting weight on the leg (use crutches) until you have been seen.",
    why: "In a young person, knee pain with a painful hip movement can come from the growth plate of the hip.",
  },
  serious: {
    urgency: "urgent",
    action: "See your doctor {when}.",
    urgentWhen: "in the next few days; sooner if it gets worse",
    why: "Pain that wakes you from sleep, constant pain or weight loss without trying needs a doctor to rule out other causes.",
  },
} as const satisfies Record<string, { urgency: ReferralUrgency; action: string; urgentWhen?: string; why: string }>;

export type ReferralKey = keyof typeof REFERRAL_WORDING;
export const REFERRAL_KEYS = Object.keys(REFERRAL_WORDING) as ReferralKey[];

/** Each hard flag's code (the engine's `flags[].code`) and its wording's key. */
export const REFERRAL_KEY_BY_FLAG: Record<string, ReferralKey> = {
  "red.septic-arthritis": "septic",
  "red.dvt": "dvt",
  "red.ottawa": "ottawa",
  "red.acute-knee": "acuteKnee",
  "red.femoral-neck": "femoralNeck",
  "red.bone-stress": "boneStress",
  "red.scfe": "scfe",
  "red.serious-pathology": "serious",
};

/** A clinic may make a referral more urgent than §5's default, never less: the choices for one flag. */
export function urgencyChoices(k: ReferralKey): ReferralUrgency[] {
  return URGENCY_ORDER.slice(0, URGENCY_ORDER.indexOf(REFERRAL_WORDING[k].urgency) + 1) as ReferralUrgency[];
}

/** §5's default urgency of every hard flag (the clinic setting's default). */
export const DEFAULT_REFERRAL_URGENCY = Object.fromEntries(REFERRAL_KEYS.map((k) => [k, REFERRAL_WORDING[k].urgency])) as Record<ReferralKey, ReferralUrgency>;

/** One flag's action for an urgency, from a catalog's template and time words (the engine's are English). */
export function referralAction(
  entry: { action: string; urgentWhen?: string },
  urgency: ReferralUrgency,
  when: Record<ReferralUrgency, string> = REFERRAL_WHEN,
): string {
  const time = urgency === "urgent" && entry.urgentWhen ? entry.urgentWhen : when[urgency];
  return entry.action.replace("{when}", time);
}
