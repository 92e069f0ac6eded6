// Red flags and referral (clinical-rules §5). Hard flags mean `refer`: no running plan and no mileage
// numbers anywhere, plain "see a physician" advice with the reason. Soft flags give a plan whose running
// part is on hold until the clinician confirms it. A jump in training alone is a load flag (§6.3).
import { NO_DERIVED } from "./derive";
import type { EngineExam } from "./exam-schema";
import type { EngineIntake } from "./intake-schema";
import { DEFAULT_REFERRAL_URGENCY, REFERRAL_WORDING, referralAction, URGENCY_ORDER, type ReferralKey, type ReferralUrgency } from "./referral-wording";
import { RULES } from "./rules";
import type { Derived, Finding, Flag, Referral } from "./types";

interface HardFlag extends Flag {
  urgency: ReferralUrgency;
  /** What the patient is told to do, in English, for the clinician's status line (§5's table). */
  patientAction: string;
}

/** The clinic's urgency per hard flag (settings.referralUrgency), §5's defaults otherwise. */
export type ReferralUrgencies = Record<ReferralKey, ReferralUrgency>;

const yes = (code: string, label: string): Finding => ({ code, label, value: true });

/** Low body-mass index, part of the low-energy cluster of §5 (bone stress). WHO underweight cut-off. */
export const LOW_BMI = 18.5;

export interface SafetyResult {
  flags: Flag[];
  referral: Referral | null;
  /** What the patient is told to do, in English, for the clinician's status line (the patient's pages say
   * it from the flags in the patient's language). */
  referralAdvice: string | null;
  hasHard: boolean;
  hasSoft: boolean;
  /** True when the intake's safety questions were answered (the engine needs them to decide). */
  safetyAnswered: boolean;
}

export function assessSafety(
  intake: EngineIntake | null,
  exam: EngineExam | null,
  derived: Derived,
  heightCm: number | null,
  urgencies: ReferralUrgencies = DEFAULT_REFERRAL_URGENCY,
): SafetyResult {
  const wording = (k: ReferralKey) => {
    // A stored setting cannot make a referral less urgent than §5's default (the settings schema refuses it;
    // this keeps the engine safe on its own).
    const set = urgencies[k];
    const def = REFERRAL_WORDING[k].urgency;
    const urgency = set && URGENCY_ORDER.indexOf(set) <= URGENCY_ORDER.indexOf(def) ? set : def;
    return { urgency, patientAction: referralAction(REFERRAL_WORDING[k], urgency) };
  };
  const s = intake?.safety ?? {};
  const x = exam?.safety ?? {};
  const palp = exam?.palpation ?? {};
  const hard: HardFlag[] = [];
  const soft: Flag[] = [];

  const swellingOrHot = s.swelling === true || s.hotOrRed === true;
  if (swellingOrHot && s.feverOrUnwell === true) {
    hard.push({
      code: "red.septic-arthritis",
      level: "hard",
      ...wording("septic"),
      title: "Hot, red or swollen knee with fever or feeling unwell",
      detail: "Possible septic arthritis: emergency department now.",
      section: RULES.referSeptic.section,
      findings: [
        ...(s.swelling ? [yes("intake.safety.swelling", "Swelling")] : []),
        ...(s.hotOrRed ? [yes("intake.safety.hotOrRed", "Knee hot or red")] : []),
        yes("intake.safety.feverOrUnwell", "Fever or feeling unwell"),
      ],
    });
  }

  const calfDiff = typeof x.calfCircumferenceDiffCm === "number" ? x.calfCircumferenceDiffCm : null;
  if (s.calfSwelling === true || (calfDiff !== null && calfDiff > 3)) {
    hard.push({
      code: "red.dvt",
      level: "hard",
      ...wording("dvt"),
      title: "Calf swelling or tenderness",
      detail: "A deep-vein thrombosis must be ruled out the same day (warn about breathlessness, chest pain, coughing blood). No exercise plan until cleared.",
      section: RULES.referDvt.section,
      findings: [
        ...(s.calfSwelling ? [yes("intake.safety.calfSwelling", "Calf swollen, red or tender")] : []),
        ...(calfDiff !== null ? [{ code: "exam.safety.calfCircumferenceDiffCm", label: "Calf circumference difference (cm)", value: calfDiff }] : []),
      ],
    });
  }

  const ottawa = x.ottawa ?? null;
  if (s.injuryOrFall === true) {
    const items: Finding[] = [];
    if (ottawa?.age55OrOver || (derived.ageYears !== null && derived.ageYears >= 55)) items.push(yes("ottawa.age55", "Age 55 or over"));
    if (ottawa?.isolatedPatellarTenderness) items.push(yes("ottawa.patella", "Isolated tenderness of the kneecap"));
    if (ottawa?.fibularHeadTenderness) items.push(yes("ottawa.fibula", "Tenderness at the head of the fibula"));
    if (ottawa?.cannotFlexTo90) items.push(yes("ottawa.flex", "Cannot bend the knee to 90°"));
    if (ottawa?.cannotBearWeight4Steps) items.push(yes("ottawa.weight", "Cannot take 4 steps"));
    if (items.length) {
      hard.push({
        code: "red.ottawa",
        level: "hard",
        ...wording("ottawa"),
        title: "Injury with an Ottawa knee rule finding",
        detail: "X-ray today to rule out a fracture. No running plan.",
        section: RULES.referOttawa.section,
        findings: [yes("intake.safety.injuryOrFall", "Pain started with an injury or fall"), ...items],
      });
    } else if (!ottawa) {
      soft.push({
        code: "soft.trauma-ottawa-unchecked",
        level: "soft",
        title: "Injury or fall reported: Ottawa knee rules not recorded",
        detail: "Apply the Ottawa knee rules in the exam before any running plan; the running part is on hold.",
        section: RULES.reviewTrauma.section,
        findings: [yes("intake.safety.injuryOrFall", "Pain started with an injury or fall")],
      });
    }
  }

  const effusion = [palp.effusion?.left, palp.effusion?.right];
  const acute: Finding[] = [];
  if (s.locking === true) acute.push(yes("intake.safety.locking", "Knee locks"));
  if (effusion.includes("moderate-or-large")) acute.push({ code: "exam.palpation.effusion", label: "Effusion", value: "moderate or large" });
  if (s.injuryOrFall === true && s.swelling === true) acute.push(yes("intake.safety.swellingAfterInjury", "Swelling after an injury"));
  if (acute.length) {
    hard.push({
      code: "red.acute-knee",
      level: "hard",
      ...wording("acuteKnee"),
      title: "Locked knee, large effusion or swelling after an injury",
      detail: "Acute knee clinic or orthopaedic review today or tomorrow (possible internal knee injury).",
      section: RULES.referAcuteKnee.section,
      findings: acute,
    });
  }

  // §5: night pain is two questions. Pain that wakes from sleep, or constant pain not eased by position, is the
  // red flag; pain on sitting is a PFP feature and is not asked here. Answers from the older form asked both
  // as one question ("wake you at night, or keep going when you rest"): still read, and labelled as such.
  const legacyNight = (s as { nightOrRestPain?: boolean | null }).nightOrRestPain === true;
  const nightFindings: Finding[] = [];
  if (s.nightWakes === true) nightFindings.push(yes("intake.safety.nightWakes", "Pain wakes them from sleep"));
  if (s.constantRestPain === true) nightFindings.push(yes("intake.safety.constantRestPain", "Constant pain, not eased by rest or changing position"));
  if (legacyNight) nightFindings.push(yes("intake.safety.nightOrRestPain", "Pain at night or at rest (older form: one question for both)"));
  const serious: Finding[] = [...nightFindings];
  if (s.weightLoss === true) serious.push(yes("intake.safety.weightLoss", "Unexplained weight loss"));
  if (serious.length) {
    hard.push({
      code: "red.serious-pathology",
      level: "hard",
      ...wording("serious"),
      title: "Night or constant rest pain, or unexplained weight loss",
      detail: "Doctor within days to rule out infection, inflammatory disease or a tumour.",
      section: RULES.referSerious.section,
      findings: serious,
    });
  }

  // Bone stress injury (§5, Warden 2014): imaging only with a bony sign (focal bony tenderness, pain on
  // hopping, night pain that wakes from sleep). The low-energy cluster alone is a soft flag (below).
  const bony: Finding[] = [];
  if (s.focalBonePain === true) bony.push(yes("intake.safety.focalBonePain", "A spot on the bone very tender to press"));
  if (x.focalBonyTenderness === "positive") bony.push(yes("exam.safety.focalBonyTenderness", "Focal bony tenderness on examination"));
  if (s.painOnHopping === true) bony.push(yes("intake.safety.painOnHopping", "Pain on hopping"));
  if (x.painOnHop === "positive") bony.push(yes("exam.safety.painOnHop", "Pain on single-leg hop in the exam"));
  if (s.nightWakes === true) bony.push(yes("intake.safety.nightWakes", "Pain wakes them from sleep"));
  if (legacyNight) bony.push(yes("intake.safety.nightOrRestPain", "Night pain (older form)"));
  const bmi = derived.bodyMassKg !== null && heightCm ? derived.bodyMassKg / (heightCm / 100) ** 2 : null;
  const lowEnergy: Finding[] = [];
  if (bmi !== null && bmi < LOW_BMI) lowEnergy.push({ code: "derived.bmi", label: "Body-mass index", value: Math.round(bmi * 10) / 10 });
  if (s.missedPeriods === true) lowEnergy.push(yes("intake.safety.missedPeriods", "Missed periods"));
  if (s.lowEnergyIntake === true) lowEnergy.push(yes("intake.safety.lowEnergyIntake", "Eating too little for the training"));
  if (s.weightLoss === true) lowEnergy.push(yes("intake.safety.weightLoss", "Unexplained weight loss"));
  if (bony.length) {
    hard.push({
      code: "red.bone-stress",
      level: "hard",
      ...wording("boneStress"),
      title: "Possible bone stress injury",
      detail: "Refer for imaging (MRI), arranged by a doctor within days; offload (no running, limit walking, crutches if walking hurts).",
      section: RULES.referBoneStress.section,
      findings: [...bony, ...lowEnergy],
    });
  }
  if (s.groinPain === true) {
    hard.push({
      code: "red.femoral-neck",
      level: "hard",
      ...wording("femoralNeck"),
      title: "Groin or front-of-hip pain",
      detail:
        "Suspected femoral neck stress injury (high-risk site, can refer pain to the knee): same-day doctor and imaging; offload now (no running, limit walking, crutches if walking hurts).",
      section: RULES.referFemoralNeck.section,
      findings: [yes("intake.safety.groinPain", "Groin or front-of-hip pain")],
    });
  }
  if (derived.ageYears !== null && derived.ageYears < 18 && x.painfulHipInternalRotation === "positive") {
    hard.push({
      code: "red.scfe",
      level: "hard",
      ...wording("scfe"),
      title: "Adolescent with painful hip internal rotation",
      detail: "Same-day doctor to rule out a slipped capital femoral epiphysis (knee pain can come from the hip); non-weight-bearing until seen.",
      section: RULES.referScfe.section,
      findings: [
        { code: "patient.ageYears", label: "Age", value: derived.ageYears },
        yes("exam.safety.painfulHipInternalRotation", "Painful hip internal rotation"),
      ],
    });
  }

  // Low energy availability (RED-S, §5 revised): any one sign, with or without a load jump, is a soft flag for
  // medical review; with a bony sign it is part of the bone stress referral above.
  if (lowEnergy.length && !bony.length) {
    soft.push({
      code: "soft.low-energy",
      level: "soft",
      title: "Signs of low energy availability",
      detail:
        "Medical review for low energy availability (menstrual history, bloods, bone health, dietitian); the running part is on hold until the clinician releases it.",
      section: RULES.reviewLowEnergy.section,
      findings: lowEnergy,
    });
  }

  // Soft flags (§5 last row; §4.1 AKPS hooks).
  const akps = intake?.questionnaires?.akps ?? null;
  const instability: Finding[] = [];
  if (s.givingWay === true) instability.push(yes("intake.safety.givingWay", "Knee gives way"));
  if (akps && typeof akps[10] === "number" && akps[10] >= 1)
    instability.push(yes("intake.akps.11", "Painful kneecap movements or subluxations (Kujala item 11)"));
  if (instability.length) {
    soft.push({
      code: "soft.instability",
      level: "soft",
      title: "Giving way or kneecap subluxation",
      detail: "Clinician review for instability before running; the running part of the plan is on hold until confirmed.",
      section: RULES.reviewInstability.section,
      findings: instability,
    });
  }
  const swellingReview: Finding[] = [];
  if (s.swelling === true && !(s.injuryOrFall === true) && !(s.feverOrUnwell === true)) swellingReview.push(yes("intake.safety.swelling", "Swelling"));
  if (akps && akps[9] === 4) swellingReview.push(yes("intake.akps.10", "Constant swelling (Kujala item 10)"));
  if (akps && akps[1] === 2) swellingReview.push(yes("intake.akps.2", "Weight-bearing impossible (Kujala item 2)"));
  if (swellingReview.length) {
    soft.push({
      code: "soft.persistent-swelling",
      level: "soft",
      title: "Swelling or difficulty bearing weight",
      detail: "A small effusion can fit patellofemoral pain, but persistent swelling needs the clinician's review before running.",
      section: RULES.reviewInstability.section,
      findings: swellingReview,
    });
  }

  const referral = hard.length ? buildReferral(hard) : null;
  const referralAdvice = hard.length ? [...new Set(byUrgency(hard).map((f) => f.patientAction))].join(" ") : null;
  const safetyAnswered = !!intake?.safety && Object.keys(intake.safety).length > 0;
  return {
    flags: [...hard.map(({ urgency: _u, patientAction: _a, ...f }) => f), ...soft],
    referral,
    referralAdvice,
    hasHard: hard.length > 0,
    hasSoft: soft.length > 0,
    safetyAnswered,
  };
}

const byUrgency = (flags: HardFlag[]) => [...flags].sort((a, b) => URGENCY_ORDER.indexOf(a.urgency) - URGENCY_ORDER.indexOf(b.urgency));

/** The referral's urgency is the most urgent flag's; each flag keeps its own (pages say each action and why). */
function buildReferral(flags: HardFlag[]): Referral {
  return { urgency: byUrgency(flags)[0]!.urgency, urgencyByFlag: Object.fromEntries(flags.map((f) => [f.code, f.urgency])) };
}

/**
 * The flags the intake alone raises, for the clinician's view of the answers (before any exam). A reported
 * jump in training is shown as a load warning (§6.3), not a red flag.
 */
export function safetyFlags(intake: Pick<EngineIntake, "safety" | "questionnaires">): Flag[] {
  const r = assessSafety(intake as EngineIntake, null, NO_DERIVED, null);
  const flags = [...r.flags];
  if (intake.safety?.recentTrainingJump === true) {
    flags.push({
      code: "warning.training-jump",
      level: "warning",
      title: "Recent big jump in training (reported)",
      detail: "A load flag: build back gradually (§6.3).",
      section: RULES.loadRamp.section,
      findings: [yes("intake.safety.recentTrainingJump", "Recent jump in training")],
    });
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
export function urgentCareReasons(safety: EngineIntake["safety"] | null | undefined): UrgentReason[] {
  const s = safety ?? {};
  const out: UrgentReason[] = [];
  if ((s.swelling === true || s.hotOrRed === true) && s.feverOrUnwell === true) out.push("hot-swollen-unwell");
  if (s.calfSwelling === true) out.push("calf");
  return out;
}
