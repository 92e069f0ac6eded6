// The clinical engine: from the intake, the exam and earlier visits to a status, a classification, flags
// and a plan whose every line says which rule produced it and which findings fired it. Pure and
// deterministic: no I/O, no clock, no framework (a lint rule keeps it that way). Rules cite
// docs/clinical-rules.md by section; the ruleset is in ./rules.ts.
import { classificationPrompts, classify } from "./classification";
import { applyEducationEdits, applyExerciseEdits, applyStretchEdits, type SummaryEdits } from "./edits";
import { EXERCISE_LIBRARY_VERSION } from "./exercises";
import { derive, type PatientFacts, type PreviousVisit } from "./derive";
import type { EngineExam } from "./exam-schema";
import type { EngineIntake } from "./intake-schema";
import { buildPlan, groupLabel } from "./plan";
import { describeLoadChange, weekName } from "./load";
import { buildReturnToRun, goalRaceClinicianText, NOVICE_OBESE_BMI } from "./return-to-run";
import { RULES, RULESET_VERSION } from "./rules";
import { assessSafety } from "./safety";
import type { ClinicSettings } from "./settings";
import type { Assessment, Classification, Derived, Finding, Flag, FollowUp, Recommendation, ReturnToRun, StrengthDerived } from "./types";

export { RULESET_VERSION };
export type { Assessment, Finding, Flag } from "./types";

export interface AssessmentInput {
  intake: EngineIntake | null;
  exam: EngineExam | null;
  previousVisits?: PreviousVisit[];
  settings: ClinicSettings;
  patient?: PatientFacts;
  /** The visit's date (YYYY-MM-DD): the engine has no clock, so a goal race is counted from it. */
  visitDate?: string | null;
}

const r0 = (n: number) => Math.round(n);

function strengthFindings(s: StrengthDerived): Finding[] {
  const g = groupLabel(s.group);
  return [
    { code: `exam.${s.group}.left`, label: `${g}, left (N)`, value: r0(s.leftN) },
    { code: `exam.${s.group}.right`, label: `${g}, right (N)`, value: r0(s.rightN) },
    { code: `derived.${s.group}.symmetry`, label: `${g} symmetry (%)`, value: r0(s.symmetryPercent) },
  ];
}

function strengthFlags(derived: Derived, exam: EngineExam | null): Flag[] {
  const flags: Flag[] = [];
  for (const s of Object.values(derived.strength)) {
    if (!s) continue;
    const g = groupLabel(s.group);
    if (s.verdict === "asymmetry") {
      flags.push({
        code: `strength.asymmetry.${s.group}`,
        level: "warning",
        title: `${g} asymmetry: ${s.weakerSide} weaker`,
        detail:
          `Symmetry ${r0(s.symmetryPercent)}% is below ${s.thresholdPercent}% (a convention, not validated for knee pain) and the ` +
          `difference of ${r0(s.differenceN)} N exceeds the measurement error of ${r0(s.error.newtons)} N` +
          (s.error.basis === "mdc" ? " (published MDC)." : ` (${s.error.basis === "relative" ? "the clinic's relative error" : ""}).`),
        section: RULES.asymmetry.section,
        findings: strengthFindings(s),
      });
    } else if (s.verdict === "possible-retest") {
      flags.push({
        code: `strength.possible-asymmetry.${s.group}`,
        level: "info",
        title: `Possible ${g.toLowerCase()} asymmetry (${s.weakerSide} weaker), within measurement error: retest`,
        detail: `Symmetry ${r0(s.symmetryPercent)}% (${s.weakerSide} weaker) is below ${s.thresholdPercent}% but the difference of ${r0(s.differenceN)} N is within the measurement error of ${r0(s.error.newtons)} N.`,
        section: RULES.possibleAsymmetry.section,
        findings: strengthFindings(s),
      });
    }
    if (s.bilateralWeakness?.weak) {
      flags.push({
        code: `strength.bilateral-weakness.${s.group}`,
        level: "warning",
        title: `${g}: both sides weaker than expected`,
        // §2.2: Ramskov 2014's exact test position was not retrieved; the exam matched its contraction type
        // (break) and the assumed long-lever side-lying position, so the comparison is a guide, not a verdict.
        detail: `Both sides are below ${s.bilateralWeakness.cutoffNmPerKg.toFixed(2)} Nm/kg, under the ${s.bilateralWeakness.expectedNmPerKg.toFixed(2)} Nm/kg expected for age and sex from Ramskov 2014 (eccentric hip abduction in novice runners; its exact test position was not published in what we could check, so this is a guide; the cut-off is a convention). Strength is low on both sides even though symmetry looks normal.`,
        section: RULES.bilateralWeakness.section,
        findings: [
          { code: `derived.${s.group}.leftNmPerKg`, label: `${g}, left (Nm/kg)`, value: s.leftNmPerKg === null ? null : Math.round(s.leftNmPerKg * 100) / 100 },
          {
            code: `derived.${s.group}.rightNmPerKg`,
            label: `${g}, right (Nm/kg)`,
            value: s.rightNmPerKg === null ? null : Math.round(s.rightNmPerKg * 100) / 100,
          },
        ],
      });
    }
    if (s.change && !s.change.beyondError) {
      flags.push({
        code: `strength.change-within-error.${s.group}`,
        level: "info",
        title: `${g}: change since the last visit is within the measurement error`,
        detail: `Changes of ${[s.change.left, s.change.right]
          .filter((d) => d !== null)
          .map((d) => `${d! > 0 ? "+" : ""}${r0(d!)} N`)
          .join(" and ")} may be noise (measurement error ${r0(s.error.newtons)} N).`,
        section: RULES.possibleAsymmetry.section,
        findings: strengthFindings(s),
      });
    }
  }
  // Symmetric strength can still be low on both sides: say plainly where absolute strength was not compared
  // (no norm for that group and protocol, §2.2), in one line for all such groups.
  const notCompared = Object.values(derived.strength).filter((s): s is StrengthDerived => !!s && s.verdict === "symmetric" && !s.bilateralWeakness);
  if (notCompared.length) {
    const names = notCompared.map((s) => groupLabel(s.group).toLowerCase());
    flags.push({
      code: "strength.absolute-not-compared",
      level: "info",
      title: `Left and right similar for ${names.join(", ")}: absolute strength not compared`,
      detail:
        "Symmetry is normal, but both sides can still be weak. There is no published norm for this test protocol, so absolute strength was not compared (norms are only valid for the same position, lever and contraction type).",
      section: RULES.bilateralWeakness.section,
      findings: notCompared.map((s) => ({ code: `derived.${s.group}.symmetry`, label: `${groupLabel(s.group)} symmetry (%)`, value: r0(s.symmetryPercent) })),
    });
  }
  // Missing and untested strength data: reported, never invented (§5 "incomplete" and §2.3). With no exam
  // at all, the status says so instead.
  // Knee extension is prompted too (§7.4: quadriceps weakness is the one prospective risk factor, §0).
  for (const group of exam ? (["hipAbduction", "hipExtension", "hipExternalRotation", "kneeExtension"] as const) : []) {
    if (derived.strength[group]) continue;
    const g = exam?.strength?.[group];
    const untested = !!g && (g.left?.notTested || g.right?.notTested);
    flags.push({
      code: `${untested ? "untested" : "missing"}.strength.${group}`,
      level: "info",
      title: `${groupLabel(group)} ${untested ? "not tested" : "not recorded"} on both sides`,
      detail:
        group === "kneeExtension"
          ? "Measure knee extension (seated, knee at 90°) if you can: quadriceps weakness is the one prospective risk factor for this pain, and the follow-up retests it. Nothing was assumed."
          : "Symmetry cannot be judged; nothing was assumed.",
      section: RULES.missingStrength.section,
      findings: [],
    });
  }
  // §2.1: MMT grades that differ between sides do not establish an imbalance.
  const mmt = exam?.mmt;
  for (const [muscle, label, group] of [
    ["gluteusMedius", "Gluteus medius", "hipAbduction"],
    ["gluteusMaximus", "Gluteus maximus", "hipExtension"],
  ] as const) {
    const m = mmt?.[muscle];
    if (m?.left && m?.right && m.left !== m.right && m.left !== "not-tested" && m.right !== "not-tested" && !derived.strength[group]) {
      flags.push({
        code: `strength.mmt-only.${muscle}`,
        level: "info",
        title: `${label}: manual grades differ (${m.left} left, ${m.right} right)`,
        detail: "Manual muscle testing misses 15–30% differences; measure with a dynamometer before calling it an imbalance.",
        section: RULES.mmtOnly.section,
        findings: [],
      });
    }
  }
  return flags;
}

function loadFlags(derived: Derived, intake: EngineIntake | null): Flag[] {
  const fired = derived.load.filter((l) => l.exceeds);
  const ramp = fired[0];
  if (!ramp && intake?.safety?.recentTrainingJump) {
    return [
      {
        code: "load.ramp",
        level: "warning",
        title: "Recent jump in training (reported by the patient)",
        detail:
          derived.load.length > 0
            ? "The patient reports a recent big jump in training; no comparison of the weekly distances given exceeds the limits. Ask what changed (speed, hills, long runs, another sport)."
            : "The patient reports a recent big jump in training; too few weekly distances were given to compare. Ask what changed (distance, speed, hills).",
        section: RULES.loadRamp.section,
        findings: [{ code: "intake.safety.recentTrainingJump", label: "Patient reports a recent jump in training", value: true }],
      },
    ];
  }
  if (!ramp) return [];
  const also = fired.slice(1).filter((l) => l.basis !== ramp.basis);
  const seen = new Set<string>();
  const alsoText = also
    .filter((l) => (seen.has(l.basis) ? false : (seen.add(l.basis), true)))
    .map((l) => `${describeLoadChange(l)}, limit ${l.limitPercent}%`)
    .join("; ");
  return [
    {
      code: "load.ramp",
      level: "warning",
      title: "Recent jump in weekly distance",
      detail: `Weekly distance ${describeLoadChange(ramp)}, above the ${ramp.limitPercent}% limit (a convention).` + (alsoText ? ` Also: ${alsoText}.` : ""),
      section: RULES.loadRamp.section,
      findings: [
        { code: "derived.load.basis", label: "Comparison", value: ramp.basis },
        { code: "derived.load.fromKm", label: `Weekly distance ${weekName(ramp.fromWeeksAgo)} (km)`, value: ramp.fromKm },
        { code: "derived.load.toKm", label: `Weekly distance ${weekName(ramp.toWeeksAgo)} (km)`, value: ramp.toKm },
        { code: "derived.load.changePercent", label: "Change (%)", value: ramp.changePercent === null ? null : r0(ramp.changePercent) },
        ...(intake?.safety?.recentTrainingJump
          ? [{ code: "intake.safety.recentTrainingJump", label: "Patient reports a recent jump in training", value: true }]
          : []),
      ],
    },
  ];
}

/** §6.5: the novice caution, and a goal race that comes before a safe build-up. */
function runningFlags(r: ReturnToRun, bmi: number | null): Flag[] {
  const flags: Flag[] = [];
  if (r.runnerState === "novice") {
    const obese = bmi !== null && bmi > NOVICE_OBESE_BMI;
    flags.push({
      code: "rtr.novice",
      level: obese ? "warning" : "info",
      title: obese ? "New runner with a BMI over 30: keep week 1 under 3 km" : "New runner: build by time",
      detail: obese
        ? "In new runners with a BMI over 30, running more than 3 km in the first week was linked to more injuries (Nielsen 2014). The calendar keeps week 1 to short run intervals and builds by time."
        : "Under about 3 months of running: the plan builds by minutes of running, not by percentage of distance.",
      section: RULES.novice.section,
      findings: [
        ...(bmi !== null ? [{ code: "derived.bmi", label: "Body-mass index", value: Math.round(bmi * 10) / 10 }] : []),
        ...r.start.because.filter((f) => f.code === "rtr.runner-state"),
      ],
    });
  }
  const g = r.goalRace;
  if (g && g.fits === false) {
    flags.push({
      code: "rtr.goal-race",
      level: "warning",
      title: g.name ? `Goal race comes before a safe build-up: ${g.name}` : "Goal race comes before a safe build-up",
      detail: goalRaceClinicianText(g),
      section: RULES.goalRace.section,
      findings: [
        { code: "intake.running.goal.eventDate", label: "Race date", value: g.date },
        { code: "rtr.goal-race.weeksAvailable", label: "Weeks to the race", value: g.weeksAvailable },
        { code: "rtr.goal-race.weeksNeeded", label: "Weeks needed at the cap", value: g.weeksNeeded },
        { code: "rtr.goal-race.kmByRaceDay", label: "Weekly km by race day at the cap", value: g.kmByRaceDay },
      ],
    });
  }
  return flags;
}

/** Running pain at or above this (0–10, during a run or now) calls for the early review (§7.4). */
export const EARLY_REVIEW_PAIN = 5;
/** The outcome visit (§7.4, §7.1: judge the programme after about 6 weeks). */
export const OUTCOME_VISIT_WEEKS = 6;

/**
 * §7.4: an early review at about 2 weeks when running pain is high, a ramp was flagged, running is on hold or
 * waits for the entry tests; otherwise the next visit is the outcome visit at about 6 weeks. The retest
 * list names every abnormal finding, the pain scores and, at 6 weeks, the questionnaires.
 */
function followUp(
  derived: Derived,
  a: { runningOnHold: boolean; screenPending: boolean; rampFlagged: boolean; tendon: Classification["tendon"] | undefined },
  intake: EngineIntake | null,
  exam: EngineExam | null,
): FollowUp {
  const retest: string[] = [
    "Pain scores (0–10 now, worst this week, during and the morning after runs; 1–2 points is a meaningful change) and how runs went against the pain rule",
  ];
  // §1.4: a suspected tendinopathy is confirmed or ruled out on the tendon itself.
  if (a.tendon === "patellar") retest.push("Patellar tendon: tenderness at the lower pole of the kneecap and pain on a single-leg decline squat");
  else if (a.tendon === "quadriceps") retest.push("Quadriceps tendon: tenderness just above the kneecap and pain as knee-extensor load rises");
  for (const s of Object.values(derived.strength)) {
    if (s && (s.verdict !== "symmetric" || s.bilateralWeakness?.weak)) retest.push(`${groupLabel(s.group)} strength, both sides`);
  }
  if (!derived.strength.hipAbduction) retest.push("Hip abduction strength, both sides (not recorded this time)");
  const knee = derived.strength.kneeExtension;
  if (!knee) retest.push("Knee extension strength, both sides (not recorded this time)");
  else if (knee.verdict === "symmetric") retest.push("Knee extension strength, both sides");
  const stepDown = [derived.stepDown.left, derived.stepDown.right].filter((t): t is number => t !== null);
  if (stepDown.some((t) => t >= 4)) retest.push(`Lateral step-down (worst ${Math.max(...stepDown)}/6 this time)`);
  const squat = exam?.functional?.singleLegSquat;
  const poorSquat = (["left", "right"] as const).filter((side) => squat?.[side]?.rating === "poor");
  if (poorSquat.length) retest.push(`Single-leg squat (poor on the ${poorSquat.join(" and ")} this time)`);
  const flex = exam?.flexibility ?? {};
  const tight = (Object.keys(FLEX_LABEL) as (keyof typeof FLEX_LABEL)[]).filter(
    (t) => flex[t]?.left?.result === "positive" || flex[t]?.right?.result === "positive",
  );
  if (tight.length) retest.push(`Flexibility: ${tight.map((t) => FLEX_LABEL[t]).join(", ")}`);
  if (a.screenPending) retest.push("Return-to-run entry tests (running waits for them)");
  if (derived.akps || derived.lefs || intake?.questionnaires)
    retest.push(`Kujala and LEFS questionnaires at the ${OUTCOME_VISIT_WEEKS}-week visit (10 and 9 points are meaningful changes)`);
  const painHigh = [intake?.pain?.now, intake?.pain?.duringRun].some((p) => typeof p === "number" && p >= EARLY_REVIEW_PAIN);
  const soon = a.runningOnHold || a.screenPending || painHigh || a.rampFlagged;
  return { inWeeks: soon ? 2 : OUTCOME_VISIT_WEEKS, outcomeInWeeks: OUTCOME_VISIT_WEEKS, retest, rule: RULES.followUp };
}

const FLEX_LABEL = {
  thomasOneJoint: "Thomas (one-joint)",
  thomasTwoJoint: "Thomas (two-joint)",
  ely: "Ely",
  ober: "Ober",
  hamstring9090: "Hamstring 90-90",
} as const;

/** Strip every distance from a refer output (§5: no running plan and no mileage numbers). */
function withoutMileage(derived: Derived): Derived {
  return { ...derived, load: [] };
}

/**
 * Assess a case. `edits` are the clinician's review choices (lib/assessment/edits.ts); without them this is
 * the engine's own draft.
 */
/**
 * The assessment, with the clinician's review edits applied. `sayEducation` words the engine's education
 * points as the review form showed them (the catalog's, lib/i18n/summary.ts, in the patient's language or in
 * English): a reviewed point whose words are one of those is kept as the engine's, with no words of its own;
 * only a changed one keeps its text.
 */
export function assess(
  input: AssessmentInput,
  edits: SummaryEdits = {},
  opts: { sayEducation?: (r: Recommendation) => string | readonly string[] } = {},
): Assessment {
  const { intake, exam, settings } = input;
  const derived = derive(input);
  const heightCm = typeof exam?.heightCm === "number" ? exam.heightCm : typeof intake?.about?.heightCm === "number" ? intake.about.heightCm : null;
  const safety = assessSafety(intake, exam, derived, heightCm, settings.referralUrgency);
  const classification = classify(intake, exam);

  const missing: string[] = [];
  if (!intake) missing.push("The patient's intake (with the safety questions) has not been submitted.");
  else if (!safety.safetyAnswered) missing.push("The safety questions have not been answered.");
  if (!exam) missing.push("No exam has been recorded.");

  const notes = edits.notes?.trim() ? edits.notes.trim() : null;
  if (safety.hasHard) {
    // §5: "exercise suggestions only if the clinician overrides": exercises the clinician chose, nothing else.
    const chosen = applyExerciseEdits([], edits.exercises);
    return {
      rulesetVersion: RULESET_VERSION,
      clinicianNotes: notes,
      status: "refer",
      statusReason: `See a physician. ${safety.referralAdvice}`,
      missing,
      referral: safety.referral,
      classification,
      flags: [...safety.flags, ...strengthFlags(derived, exam)],
      derived: withoutMileage(derived),
      plan: chosen.length
        ? {
            education: [],
            exercises: chosen,
            stretches: [],
            activity: [],
            cadence: null,
            runningOnHold: true,
            holdFor: "physician",
            exerciseLibraryVersion: EXERCISE_LIBRARY_VERSION,
          }
        : null,
      returnToRun: null,
      followUp: null,
    };
  }

  const flags = [...safety.flags, ...strengthFlags(derived, exam), ...loadFlags(derived, intake), ...classificationPrompts(intake, exam, classification)];
  if (missing.length) {
    return {
      rulesetVersion: RULESET_VERSION,
      clinicianNotes: notes,
      status: "incomplete",
      statusReason: `Not enough to decide yet: ${missing.join(" ")}`,
      missing,
      referral: null,
      classification,
      flags,
      derived,
      plan: null,
      returnToRun: null,
      followUp: null,
    };
  }

  const softReason = safety.flags.filter((f) => f.level === "soft").map((f) => f.title);
  const tendon = classification.code === "tendinopathy-consider";
  const heldFor = softReason.length ? ("flags" as const) : tendon ? ("diagnosis" as const) : null;
  const onHold = edits.confirmRunning ? null : heldFor;
  if (tendon) {
    flags.push({
      code: "classification.tendinopathy-confirm",
      level: "soft",
      title: `Consider ${classification.tendon ?? ""} tendinopathy: clinician to confirm`.replace("  ", " "),
      detail: "The patellofemoral programme is not generated automatically; choose the tendon loading programme in review.",
      section: RULES.classifyTendon.section,
      findings: classification.for,
    });
  }
  const drafted = buildPlan({ intake, exam, derived, classification, settings, holdFor: onHold });
  const plan = {
    ...drafted,
    exercises: applyExerciseEdits(drafted.exercises, edits.exercises),
    stretches: applyStretchEdits(drafted.stretches, edits.stretches),
    education: applyEducationEdits(drafted.education, edits.education, opts.sayEducation),
  };
  const rampFlagged = flags.some((f) => f.code === "load.ramp");
  // The review date sets how long a runner who keeps running holds the volume; whether running waits for the
  // entry screen is known only once the start is chosen, and then the review is early (§7.4).
  let next = followUp(
    derived,
    { runningOnHold: plan.runningOnHold, screenPending: false, rampFlagged, tendon: tendon ? classification.tendon : undefined },
    intake,
    exam,
  );
  const returnToRun = buildReturnToRun({
    intake,
    exam,
    derived,
    settings,
    startOverride: edits.rtrStart ?? null,
    onHold: plan.runningOnHold,
    reviewInWeeks: next.inWeeks,
    visitDate: input.visitDate ?? null,
  });
  if (returnToRun.waitsForScreen)
    next = followUp(
      derived,
      { runningOnHold: plan.runningOnHold, screenPending: true, rampFlagged, tendon: tendon ? classification.tendon : undefined },
      intake,
      exam,
    );
  const bmi = derived.bodyMassKg !== null && heightCm ? derived.bodyMassKg / (heightCm / 100) ** 2 : null;
  flags.push(...runningFlags(returnToRun, bmi));
  // §6.5: a runner who is not to run yet (on hold, or waiting for the entry screen) gets no advice on how to
  // run (pace, cadence): it would contradict "no running".
  const noRunningYet = returnToRun.start.mode === "on-hold" || returnToRun.waitsForScreen === true;
  if (noRunningYet) {
    plan.cadence = null;
    plan.activity = plan.activity.filter((x) => x.id !== "activity.speed");
  }
  return {
    rulesetVersion: RULESET_VERSION,
    clinicianNotes: notes,
    status: "plan",
    statusReason: onHold
      ? `A plan, with the running part on hold until the clinician confirms it (${softReason.length ? "see the flags" : "diagnosis to confirm"}).`
      : heldFor
        ? "A plan; the clinician confirmed the running part after reviewing the flags."
        : "No red flags: a plan can start.",
    missing: [],
    referral: null,
    classification,
    flags,
    derived,
    plan,
    returnToRun,
    followUp: next,
  };
}
