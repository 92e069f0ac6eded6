// Red flags and referral (clinical-reference §5).
import type { Finding, Flag } from "./engine";
import type { EngineIntake, IntakeAnswers } from "./intake-schema";

type Safety = NonNullable<EngineIntake["safety"]>;
type SafetyKey = keyof IntakeAnswers["safety"];

const LABELS: Record<SafetyKey, string> = {
  injuryOrFall: "Injury or fall",
  swelling: "Swollen knee",
  hotOrRed: "Knee hot or red",
  feverOrUnwell: "Fever or feeling unwell",
  locking: "Knee locks",
  givingWay: "Knee gives way",
  nightOrRestPain: "Pain at night or at rest",
  weightLoss: "Unexplained weight loss",
  calfSwelling: "Calf swelling or tenderness",
  painOnHopping: "Pain on hopping",
  focalBonePain: "Pain on one spot of a bone",
  groinPain: "Groin pain",
  lowEnergyIntake: "Eating too little for the training",
  missedPeriods: "Missed periods",
  recentTrainingJump: "Recent big jump in training",
};

const yes = (s: Safety, k: SafetyKey) => s[k] === true;
const findings = (s: Safety, keys: SafetyKey[]): Finding[] =>
  keys.filter((k) => yes(s, k)).map((k) => ({ code: `intake.safety.${k}`, label: LABELS[k], value: true }));

/**
 * Safety (red-flag) findings from the intake, clinical-reference §5: hard flags mean refer with no running
 * plan; soft flags (giving way, swelling, an injury to assess with the Ottawa rules) hold the running part
 * for the clinician's review; warnings inform without changing the status.
 */
export function safetyFlags(intake: Pick<EngineIntake, "safety">): Flag[] {
  const s: Safety = intake.safety ?? {};
  const flags: Flag[] = [];
  const add = (code: string, level: Flag["level"], title: string, detail: string, keys: SafetyKey[]) =>
    flags.push({ code, level, title, detail, section: "§5", findings: findings(s, keys) });

  if ((yes(s, "swelling") || yes(s, "hotOrRed")) && yes(s, "feverOrUnwell")) {
    add("red.septic-arthritis", "hard", "Hot or swollen knee with fever or feeling unwell", "Urgent same-day medical assessment (possible joint infection).", ["swelling", "hotOrRed", "feverOrUnwell"]);
  }
  if (yes(s, "calfSwelling")) {
    add("red.dvt", "hard", "Calf swelling or tenderness", "Same-day medical assessment to rule out a deep-vein clot. No exercise plan until cleared.", ["calfSwelling"]);
  }
  if (yes(s, "locking")) {
    add("red.locked-knee", "hard", "Knee locks", "Urgent orthopaedic or acute knee clinic assessment (possible mechanical block).", ["locking"]);
  }
  if (yes(s, "nightOrRestPain")) {
    add("red.night-rest-pain", "hard", "Pain at night or at rest", "Refer to a physician to rule out bone stress injury, infection, inflammatory disease or tumour.", ["nightOrRestPain"]);
  }
  if (yes(s, "weightLoss")) {
    add("red.weight-loss", "hard", "Unexplained weight loss", "Refer to a physician to rule out tumour, infection or inflammatory disease.", ["weightLoss"]);
  }
  // §5 "Statuses": a bone stress injury is suspected on a bony sign (focal bone pain, pain on hopping; groin
  // pain for the femoral neck, a high-risk site that can refer to the knee), or on the low-energy cluster
  // together with a recent jump in load.
  const bony = yes(s, "focalBonePain") || yes(s, "painOnHopping") || yes(s, "groinPain");
  const lowEnergy = yes(s, "lowEnergyIntake") || yes(s, "missedPeriods") || yes(s, "weightLoss");
  if (bony || (lowEnergy && yes(s, "recentTrainingJump"))) {
    add(
      "red.bone-stress",
      "hard",
      "Possible bone stress injury",
      "Refer for imaging (MRI) before any running; a femoral neck injury (groin pain) is high risk.",
      ["focalBonePain", "painOnHopping", "groinPain", ...(bony ? [] : (["lowEnergyIntake", "missedPeriods", "weightLoss", "recentTrainingJump"] as SafetyKey[]))],
    );
  } else if (lowEnergy) {
    add("warning.low-energy", "warning", "Signs of low energy availability", "Ask about eating and periods: with a jump in training these raise the risk of a bone stress injury.", ["lowEnergyIntake", "missedPeriods"]);
  }
  if (yes(s, "givingWay")) {
    add("soft.giving-way", "soft", "Knee gives way", "Clinician review for instability before any running; the running part of the plan is on hold.", ["givingWay"]);
  }
  if ((yes(s, "swelling") || yes(s, "hotOrRed")) && !yes(s, "feverOrUnwell")) {
    add("soft.swelling", "soft", "Swollen, hot or red knee", "Clinician review before running: a small effusion can fit knee-cap pain, a persistent one needs assessment.", ["swelling", "hotOrRed"]);
  }
  if (yes(s, "injuryOrFall")) {
    add("soft.trauma", "soft", "Injury or fall reported", "Apply the Ottawa knee rules in the exam; refer for an X-ray if any applies.", ["injuryOrFall"]);
  }
  if (yes(s, "recentTrainingJump") && !flags.some((f) => f.code === "red.bone-stress")) {
    // §5: a jump in training alone is a load flag (§6.3), not a red flag.
    add("warning.training-jump", "warning", "Recent big jump in training (reported)", "A load flag: build back gradually (§6.3).", ["recentTrainingJump"]);
  }
  return flags;
}

/** Issue 3: any "yes" to a safety question marks the visit for the clinician's review (it never blocks). */
export function needsClinicianReview(intake: Pick<EngineIntake, "safety">): boolean {
  return Object.values(intake.safety ?? {}).some((v) => v === true);
}

export type UrgentReason = "hot-swollen-unwell" | "calf";

/**
 * The answers for which the patient is told at once to get medical care today (§5: possible joint infection,
 * possible deep-vein clot). Shown on the form as soon as they are answered and again after sending.
 */
export function urgentCareReasons(safety: Safety | null | undefined): UrgentReason[] {
  const s = safety ?? {};
  const out: UrgentReason[] = [];
  if ((yes(s, "swelling") || yes(s, "hotOrRed")) && yes(s, "feverOrUnwell")) out.push("hot-swollen-unwell");
  if (yes(s, "calfSwelling")) out.push("calf");
  return out;
}
