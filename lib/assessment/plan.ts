// The plan a good sports physiotherapist would write (clinical-reference §1.2, §6, §7): education, a hip-
// and-knee exercise programme from the library, stretches chosen by the flexibility findings, activity
// changes and a cadence trial when it fits. Each line carries its rule and the findings that fired it.
import type { EngineExam } from "./exam-schema";
import { EXERCISES, EXERCISE_LIBRARY_VERSION, STRETCHES, STRETCH_DOSE, type LibraryExercise } from "./exercises";
import type { EngineIntake } from "./intake-schema";
import { RULES } from "./rules";
import type { ClinicSettings } from "./settings";
import type { CadenceTrial, Classification, Derived, ExercisePrescription, Finding, Plan, Recommendation, StretchPrescription } from "./types";

/** Exercise days a week and programme length: §7.1 (3 days a week; 6–8 weeks before judging). */
export const EXERCISE_DAYS_PER_WEEK = 3;

/**
 * The starting level (1–5 on the §7.2 order) from pain and strength. The reference gives the order, not
 * the cut-offs, so these are the ruleset's documented choices: high pain (now ≥ 5 or worst ≥ 7) starts at
 * level 1 (clamshell and isometric work, "early, high-pain"); moderate pain (now 3–4 or worst 4–6) at 2;
 * low pain at 3. A strength deficit (asymmetry, bilateral weakness) or a poor step-down (≥ 4, §3) caps
 * the start at 2. Unknown pain starts at 1 (nothing is assumed).
 */
export function startingLevel(intake: EngineIntake | null, derived: Derived, exam: EngineExam | null): { level: number; because: Finding[] } {
  const now = intake?.pain?.now;
  const worst = intake?.pain?.worstWeek;
  const because: Finding[] = [];
  let level: number;
  if (typeof now !== "number" || typeof worst !== "number") {
    level = 1;
    because.push({ code: "intake.pain", label: "Pain scores", value: "not recorded" });
  } else {
    because.push({ code: "intake.pain.now", label: "Pain now (0–10)", value: now }, { code: "intake.pain.worstWeek", label: "Worst pain this week (0–10)", value: worst });
    level = now >= 5 || worst >= 7 ? 1 : now >= 3 || worst >= 4 ? 2 : 3;
  }
  const deficits = Object.values(derived.strength).filter((s) => s && (s.verdict === "asymmetry" || s.bilateralWeakness?.weak));
  for (const d of deficits) because.push({ code: `derived.${d!.group}.symmetry`, label: `${groupLabel(d!.group)} symmetry (%)`, value: Math.round(d!.symmetryPercent) });
  const poorStepDown = [derived.stepDown.left, derived.stepDown.right].some((t) => t !== null && t >= 4);
  const poorSquat = ["left", "right"].some((s) => exam?.functional?.singleLegSquat?.[s as "left" | "right"]?.rating === "poor");
  if (poorStepDown) because.push({ code: "derived.stepDown", label: "Lateral step-down (0–6)", value: Math.max(derived.stepDown.left ?? 0, derived.stepDown.right ?? 0) });
  if (poorSquat) because.push({ code: "exam.functional.singleLegSquat", label: "Single-leg squat", value: "poor" });
  if (deficits.length || poorStepDown || poorSquat) level = Math.min(level, 2);
  return { level, because };
}

export function groupLabel(g: string): string {
  return { hipAbduction: "Hip abduction", hipExtension: "Hip extension", hipExternalRotation: "Hip external rotation", kneeExtension: "Knee extension" }[g] ?? g;
}

export function doseText(e: { sets: number; reps?: number; holdSeconds?: number; perSide: boolean }, daysPerWeek: number): string {
  const each = e.perSide ? " on each side" : "";
  const what = e.holdSeconds ? `${e.sets} holds of ${e.holdSeconds} seconds${each}` : `${e.sets} sets of ${e.reps}${each}`;
  return `${what}, ${daysPerWeek === 7 ? "every day" : `${daysPerWeek} days a week`}`;
}

const PROGRESSION =
  "Move to the next level when you can do every set with knee pain of 2/10 or less and no extra pain the next morning, for a week. " +
  "Add load (a stronger band or a weight, about 2–10% more) when you can do 1–2 more repetitions than asked.";

export function prescribe(e: LibraryExercise, weeks: number, because: Finding[]): ExercisePrescription {
  const dose = { sets: e.sets, reps: e.reps, holdSeconds: e.holdSeconds, perSide: e.perSide, daysPerWeek: EXERCISE_DAYS_PER_WEEK, weeks };
  return {
    exerciseId: e.id,
    name: e.name,
    level: e.level,
    target: e.target,
    dose,
    doseText: doseText(dose, EXERCISE_DAYS_PER_WEEK),
    howTo: e.howTo,
    feel: e.feel,
    progression: PROGRESSION,
    drawing: e.id,
    rule: RULES.exercise,
    because,
  };
}

/** One exercise per progression chain, the highest level at or below the starting level. */
export function chooseExercises(level: number, weeks: number, because: Finding[]): ExercisePrescription[] {
  const chains = ["abductors", "extensors", "lateral-trunk", "single-leg", "quadriceps"] as const;
  const out: ExercisePrescription[] = [];
  for (const chain of chains) {
    const pick = EXERCISES.filter((e) => e.chain === chain && e.level <= level).sort((a, b) => b.level - a.level)[0];
    if (pick) out.push(prescribe(pick, weeks, because));
  }
  return out;
}

function stretches(exam: EngineExam | null): StretchPrescription[] {
  const flex = exam?.flexibility ?? {};
  const positive = (t: keyof NonNullable<EngineExam["flexibility"]>) => {
    const v = flex[t];
    return !!v && (v.left?.result === "positive" || v.right?.result === "positive");
  };
  const out: StretchPrescription[] = [];
  for (const s of STRETCHES) {
    const tests = s.id === "quadriceps-stretch" ? (["thomasTwoJoint", "ely"] as const) : ([s.test] as const);
    const fired = tests.filter((t) => positive(t));
    if (!fired.length) continue;
    out.push({
      stretchId: s.id,
      name: s.name,
      holdSeconds: STRETCH_DOSE.holdSeconds,
      reps: STRETCH_DOSE.reps,
      perSide: true,
      daysPerWeek: STRETCH_DOSE.daysPerWeek,
      doseText: `Hold ${STRETCH_DOSE.holdSeconds} seconds, ${STRETCH_DOSE.reps} times on each side, once a day`,
      howTo: s.howTo,
      feel: s.feel,
      drawing: s.id,
      rule: RULES.stretch,
      because: fired.map((t) => ({ code: `exam.flexibility.${t}`, label: `${TEST_LABEL[t]} test`, value: "positive" })),
    });
  }
  return out;
}

const TEST_LABEL: Record<string, string> = { thomasOneJoint: "Thomas (one-joint)", thomasTwoJoint: "Thomas (two-joint)", ely: "Ely", ober: "Ober", hamstring9090: "Hamstring 90-90" };

function education(c: Classification, derived: Derived, intake: EngineIntake | null): Recommendation[] {
  const what: Record<Classification["code"], string> = {
    "pfp-likely":
      "Your pain comes from the joint between your kneecap and your thigh bone (patellofemoral pain). It is very common in runners. It is not damage, and it usually gets better with the right exercises and a gradual return to running.",
    "itbs-likely":
      "Your pain on the outside of the knee comes from the band of tissue along the outside of your thigh where it crosses the knee (iliotibial band). It is common in runners and settles with strengthening and some changes to your running.",
    "tendinopathy-consider":
      "Your pain may come from a tendon just above or below your kneecap. Your clinician will check this and choose the right loading exercises for the tendon.",
    unclear: "Your clinician will explain what is causing your pain. The advice below helps most runners' knee pain while it settles.",
  };
  const ramp = derived.load.find((l) => l.exceeds);
  const deficits = Object.values(derived.strength).filter((s) => s && (s.verdict === "asymmetry" || s.bilateralWeakness?.weak));
  const out: Recommendation[] = [
    { id: "education.what", kind: "education", text: what[c.code], rule: c.code === "tendinopathy-consider" ? RULES.educationTendon : RULES.educationWhat, because: c.for },
    {
      id: "education.load",
      kind: "education",
      text:
        (ramp ? "Pain like this often starts when running increases faster than the body can adapt, as yours did recently. " : "Pain like this often follows more running, faster running or more hills than the knee is ready for. ") +
        "Rest calms it down but does not fix it on its own: what works is building your running back gradually while you get stronger.",
      rule: RULES.educationLoad,
      because: ramp ? [{ code: "derived.load.changePercent", label: "Weekly distance change (%)", value: ramp.changePercent === null ? "from none" : Math.round(ramp.changePercent) }] : [],
    },
  ];
  if (c.code !== "tendinopathy-consider") {
    out.push({
      id: "education.hip",
      kind: "education",
      text: "Hip muscles are often weaker in people with this kind of knee pain, and strengthening your hips and thighs helps the pain settle.",
      rule: RULES.educationHip,
      because: deficits.map((d) => ({ code: `derived.${d!.group}.symmetry`, label: `${groupLabel(d!.group)} symmetry (%)`, value: Math.round(d!.symmetryPercent) })),
    });
  }
  out.push(
    {
      id: "education.passive",
      kind: "education",
      text: "Treatments like ultrasound, laser, electrical stimulation or a knee brace do not help on their own. The exercises and the running plan are what work.",
      rule: RULES.educationPassive,
      because: [],
    },
    {
      id: "education.expect",
      kind: "education",
      text: "Most people notice a difference within about 6 weeks of doing the exercises regularly. Keep going even when it starts to feel better.",
      rule: RULES.followUp,
      because: intake?.knee?.startedWeeksAgo !== undefined && intake?.knee?.startedWeeksAgo !== null ? [{ code: "intake.knee.startedWeeksAgo", label: "Pain started (weeks ago)", value: intake.knee.startedWeeksAgo }] : [],
    },
  );
  return out;
}

function activity(intake: EngineIntake | null, c: Classification, settings: ClinicSettings): Recommendation[] {
  const r = intake?.running;
  const triggers = new Set((intake?.knee?.triggers ?? []).filter(Boolean) as string[]);
  const changes = new Set((r?.recentChanges ?? []).filter(Boolean) as string[]);
  const out: Recommendation[] = [
    {
      id: "activity.relative-rest",
      kind: "activity",
      text: "Keep active, but only as much as the pain rule allows. Cycling, swimming and walking are good ways to stay fit while your knee settles.",
      rule: RULES.relativeRest,
      because: [],
    },
  ];
  const terrainBecause: Finding[] = [];
  if (r?.downhill && r.downhill !== "never") terrainBecause.push({ code: "intake.running.downhill", label: "Runs downhill", value: r.downhill });
  if (triggers.has("downhill")) terrainBecause.push({ code: "intake.knee.triggers.downhill", label: "Downhill brings the pain on", value: true });
  if (r?.bankedRoads && r.bankedRoads !== "never") terrainBecause.push({ code: "intake.running.bankedRoads", label: "Runs on banked or cambered roads", value: r.bankedRoads });
  if (c.code === "itbs-likely") terrainBecause.push({ code: "classification", label: "Classification", value: c.label });
  out.push({ id: "activity.terrain", kind: "activity", text: settings.terrainAdvice, rule: RULES.downhill, because: terrainBecause });
  if (triggers.has("stairs-down") || triggers.has("stairs-up")) {
    out.push({
      id: "activity.stairs",
      kind: "activity",
      text: "Take stairs one step at a time or use a lift while going down stairs hurts. Bring stairs back gradually once your pain is 2/10 or less.",
      rule: RULES.stairs,
      because: [...(triggers.has("stairs-down") ? [{ code: "intake.knee.triggers.stairs-down", label: "Stairs down bring the pain on", value: true }] : []), ...(triggers.has("stairs-up") ? [{ code: "intake.knee.triggers.stairs-up", label: "Stairs up bring the pain on", value: true }] : [])],
    });
  }
  const speedBecause: Finding[] = [];
  if (changes.has("speed-work")) speedBecause.push({ code: "intake.running.recentChanges.speed-work", label: "Recently added speed work", value: true });
  if (changes.has("races")) speedBecause.push({ code: "intake.running.recentChanges.races", label: "Recent races", value: true });
  out.push({
    id: "activity.speed",
    kind: "activity",
    text: "Run 10–20% slower than usual and pause speed work and races for now. Several shorter runs are easier on the knee than a few long ones.",
    rule: RULES.speed,
    because: speedBecause,
  });
  return out;
}

/** §6.4 / §1.2: +5–10% step rate at the same speed; "likely most effective" at 170 steps a minute or less. */
export const CADENCE_LIKELY_HELPS_AT_OR_BELOW = 170;

function cadence(intake: EngineIntake | null, c: Classification, runningOnHold: boolean): CadenceTrial | null {
  if (runningOnHold || c.code === "tendinopathy-consider") return null;
  const spm = typeof intake?.running?.cadenceSpm === "number" ? intake.running.cadenceSpm : null;
  if (spm !== null && spm > CADENCE_LIKELY_HELPS_AT_OR_BELOW) return null;
  const target: [number, number] | null = spm === null ? null : [Math.round(spm * 1.05), Math.round(spm * 1.1)];
  return {
    currentSpm: spm,
    targetSpm: target,
    text:
      spm === null
        ? "Try taking slightly shorter, quicker steps (about 5–10% more steps a minute at the same speed; a metronome app helps). Count your steps for 30 seconds first. Keep it only if your knee feels better."
        : `Try taking slightly shorter, quicker steps: from about ${spm} to ${target![0]}–${target![1]} steps a minute at the same speed (a metronome app helps). Keep it only if your knee feels better.`,
    rule: RULES.cadence,
    because: [{ code: "intake.running.cadenceSpm", label: "Cadence (steps a minute)", value: spm ?? "not known" }],
  };
}

export function buildPlan(opts: {
  intake: EngineIntake | null;
  exam: EngineExam | null;
  derived: Derived;
  classification: Classification;
  settings: ClinicSettings;
  runningOnHoldReason: string | null;
}): Plan {
  const { intake, exam, derived, classification: c, settings } = opts;
  const { level, because } = startingLevel(intake, derived, exam);
  const weeks = level <= 2 ? 8 : 6;
  // §1.4: for a possible tendinopathy the PFP programme is not generated; the clinician chooses.
  const exercises = c.code === "tendinopathy-consider" ? [] : chooseExercises(level, weeks, because);
  const runningOnHold = opts.runningOnHoldReason !== null;
  return {
    education: education(c, derived, intake),
    exercises,
    stretches: stretches(exam),
    activity: activity(intake, c, settings),
    cadence: cadence(intake, c, runningOnHold),
    runningOnHold,
    runningOnHoldReason: opts.runningOnHoldReason,
    exerciseLibraryVersion: EXERCISE_LIBRARY_VERSION,
  };
}
