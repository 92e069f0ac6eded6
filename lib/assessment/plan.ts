// The plan a good sports physiotherapist would write (clinical-rules §1.2, §6, §7): education, a hip-
// and-knee exercise programme from the library, stretches chosen by the flexibility findings, activity
// changes and a cadence trial when it fits. Each line carries its rule and the findings that fired it.
import type { EngineExam } from "./exam-schema";
import { EXERCISES, EXERCISE_LIBRARY_VERSION, STRETCHES, STRETCH_DOSE, type LibraryExercise } from "./exercises";
import type { EngineIntake } from "./intake-schema";
import { EDUCATION_WHAT } from "./education-wording";
import { RULES } from "./rules";
import type { ClinicSettings } from "./settings";
import type { CadenceTrial, Classification, Derived, ExercisePrescription, Finding, Plan, Recommendation, StretchPrescription } from "./types";

/** Exercise days a week and programme length: §7.1 (3 days a week; 6–8 weeks before judging). */
export const EXERCISE_DAYS_PER_WEEK = 3;

/**
 * The starting level (1–5 on the §7.2 order) follows current pain alone (§7.4 "pain sets the starting
 * level"). The reference gives the order, not the cut-offs, so these are the ruleset's documented choices:
 * high pain (now ≥ 5 or worst ≥ 7) starts at level 1 (isometrics and clamshell, "early, high-pain");
 * moderate pain (now 3–4 or worst 4–6) at 2; low pain at 3. Unknown pain starts at 1 (nothing is assumed).
 * A strength deficit does not hold the level back: it is answered with load (see `loadFor`).
 */
export function startingLevel(intake: EngineIntake | null): { level: number; because: Finding[] } {
  const now = intake?.pain?.now;
  const worst = intake?.pain?.worstWeek;
  if (typeof now !== "number" || typeof worst !== "number")
    return { level: 1, because: [{ code: "intake.pain", label: "Pain scores", value: "not recorded" }] };
  return {
    level: now >= 5 || worst >= 7 ? 1 : now >= 3 || worst >= 4 ? 2 : 3,
    because: [
      { code: "intake.pain.now", label: "Pain now (0–10)", value: now },
      { code: "intake.pain.worstWeek", label: "Worst pain this week (0–10)", value: worst },
    ],
  };
}

/** Strength deficits (asymmetry or both sides below the norm), which call for progressive load (§7.4). */
function deficits(derived: Derived): Finding[] {
  return Object.values(derived.strength)
    .filter((s) => s && (s.verdict === "asymmetry" || s.bilateralWeakness?.weak))
    .map((d) => ({
      code: `derived.${d!.group}.symmetry`,
      label: `${groupLabel(d!.group)} symmetry (%)${d!.bilateralWeakness?.weak ? ", both sides below the norm" : ""}`,
      value: Math.round(d!.symmetryPercent),
    }));
}

/** Which exercise chains answer which measured deficit (hip abduction, extension, external rotation, knee extension). */
const CHAINS_FOR_GROUP: Record<string, LibraryExercise["chain"][]> = {
  hipAbduction: ["abductors"],
  hipExtension: ["extensors"],
  hipExternalRotation: ["external-rotators"],
  kneeExtension: ["quadriceps", "knee-extension"],
};

export function groupLabel(g: string): string {
  return (
    { hipAbduction: "Hip abduction", hipExtension: "Hip extension", hipExternalRotation: "Hip external rotation", kneeExtension: "Knee extension" }[g] ?? g
  );
}

export function prescribe(e: LibraryExercise, weeks: number, because: Finding[], loaded = false): ExercisePrescription {
  const dose = { sets: e.sets, reps: e.reps, holdSeconds: e.holdSeconds, perSide: e.perSide, daysPerWeek: EXERCISE_DAYS_PER_WEEK, weeks };
  return {
    exerciseId: e.id,
    level: e.level,
    target: e.target,
    dose,
    ...(loaded && e.reps ? { loaded: true } : {}),
    drawing: e.drawing ?? e.id,
    rule: RULES.exercise,
    because,
  };
}

/**
 * One exercise per progression chain, the highest level at or below the starting level: hip abduction,
 * external rotation and extension, and two knee exercises (§7.4). A poor step-down or single-leg squat keeps
 * the single-leg chain at its first step (control before depth). Chains answering a measured deficit are
 * loaded toward 8–12 RM.
 */
export function chooseExercises(
  level: number,
  weeks: number,
  because: Finding[],
  opts: { loadedGroups?: string[]; singleLegMax?: number } = {},
): ExercisePrescription[] {
  const chains = ["abductors", "external-rotators", "extensors", "lateral-trunk", "single-leg", "quadriceps", "knee-extension"] as const;
  const loadedChains = new Set((opts.loadedGroups ?? []).flatMap((g) => CHAINS_FOR_GROUP[g] ?? []));
  const out: ExercisePrescription[] = [];
  for (const chain of chains) {
    const max = chain === "single-leg" && opts.singleLegMax !== undefined ? Math.min(level, opts.singleLegMax) : level;
    const pick = EXERCISES.filter((e) => e.chain === chain && e.level <= max).sort((a, b) => b.level - a.level)[0];
    if (pick) out.push(prescribe(pick, weeks, because, loadedChains.has(chain)));
  }
  return out;
}

function stretches(exam: EngineExam | null, c: Classification): StretchPrescription[] {
  // §1.4 / §7.4: for a possible tendinopathy the clinician chooses; nothing is auto-prescribed.
  if (c.code === "tendinopathy-consider") return [];
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
    // §1.3: the Ober test barely separates ITB syndrome from controls; the stretch is an optional adjunct.
    const adjunct = s.id === "itb-stretch";
    out.push({
      stretchId: s.id,
      holdSeconds: STRETCH_DOSE.holdSeconds,
      reps: STRETCH_DOSE.reps,
      perSide: true,
      daysPerWeek: STRETCH_DOSE.daysPerWeek,
      ...(adjunct ? { optional: true } : {}),
      drawing: s.id,
      rule: RULES.stretch,
      because: fired.map((t) => ({ code: `exam.flexibility.${t}`, label: `${TEST_LABEL[t]} test`, value: "positive" })),
    });
  }
  return out;
}

const TEST_LABEL: Record<string, string> = {
  thomasOneJoint: "Thomas (one-joint)",
  thomasTwoJoint: "Thomas (two-joint)",
  ely: "Ely",
  ober: "Ober",
  hamstring9090: "Hamstring 90-90",
};

/** The stretches' one dose, as the engine words it (the catalogs render it from the numbers). */

function education(c: Classification, derived: Derived, intake: EngineIntake | null, hasExercises: boolean): Recommendation[] {
  // The wording keeps the classification's certainty (education-wording.ts), and the prognosis follows §0 (it
  // persists in about half), never "it usually gets better".
  const ramp = derived.load.find((l) => l.exceeds);
  const weak = deficits(derived);
  const out: Recommendation[] = [
    {
      id: "education.what",
      kind: "education",
      text: EDUCATION_WHAT[c.code],
      rule: c.code === "tendinopathy-consider" ? RULES.educationTendon : RULES.educationWhat,
      because: c.for,
    },
    {
      id: "education.load",
      kind: "education",
      text:
        (ramp
          ? "Pain like this often starts when running increases faster than the body can adapt, as yours did recently. "
          : "Pain like this often follows more running, faster running or more hills than the knee is ready for. ") +
        "Rest calms it down but does not fix it on its own: what works is building your running back gradually while you get stronger.",
      rule: RULES.educationLoad,
      because: ramp
        ? [
            {
              code: "derived.load.changePercent",
              label: "Weekly distance change (%)",
              value: ramp.changePercent === null ? "from none" : Math.round(ramp.changePercent),
            },
          ]
        : [],
    },
  ];
  if (c.code !== "tendinopathy-consider") {
    out.push({
      id: "education.hip",
      kind: "education",
      text: "Hip muscles are often weaker in people with this kind of knee pain, and strengthening your hips and thighs together helps the pain settle.",
      rule: RULES.educationHip,
      because: weak,
    });
  }
  if (c.code === "itbs-likely") {
    out.push({
      id: "education.borrowed",
      kind: "education",
      text: "The pain rule and the knee questionnaire in this plan come from research on pain at the front of the knee; for outer-knee pain they are a sensible guide rather than tested rules.",
      rule: RULES.educationBorrowed,
      because: [{ code: "classification", label: "Classification", value: c.label }],
    });
  }
  out.push({
    id: "education.passive",
    kind: "education",
    text: "Treatments like ultrasound, laser or electrical stimulation, or a knee brace or sleeve on its own, are not recommended: the exercises and the running plan are what work.",
    rule: RULES.educationPassive,
    because: [],
  });
  if (c.code === "pfp-likely" || c.code === "unclear") {
    out.push({
      id: "education.adjuncts",
      kind: "education",
      text: "Your clinician may suggest taping the kneecap or off-the-shelf shoe insoles to ease the pain in the first weeks. They help alongside the exercises, not instead of them.",
      rule: RULES.adjuncts,
      because: [],
    });
  }
  if (hasExercises) {
    out.push({
      id: "education.expect",
      kind: "education",
      text: "Most people improve with these exercises and changes to their running; we judge how well it is working at about 6 weeks. Knee pain like this can keep coming back or linger, so keep the exercises going even when it feels better.",
      rule: RULES.prognosis,
      because:
        intake?.knee?.startedWeeksAgo !== undefined && intake?.knee?.startedWeeksAgo !== null
          ? [{ code: "intake.knee.startedWeeksAgo", label: "Pain started (weeks ago)", value: intake.knee.startedWeeksAgo }]
          : [],
    });
  }
  return out;
}

function activity(intake: EngineIntake | null, c: Classification, settings: ClinicSettings, runningOnHold: boolean): Recommendation[] {
  const r = intake?.running;
  const triggers = new Set((intake?.knee?.triggers ?? []).filter(Boolean) as string[]);
  const changes = new Set((r?.recentChanges ?? []).filter(Boolean) as string[]);
  const out: Recommendation[] = [
    {
      id: "activity.relative-rest",
      kind: "activity",
      text: "Keep active, but only as much as the pain rule allows. Cycling (saddle high, low resistance), swimming and walking are good ways to stay fit while your knee settles.",
      rule: RULES.relativeRest,
      because: [],
    },
  ];
  // On hold, running advice waits for the clinician: no terrain or pace advice for a run that is not allowed yet.
  if (!runningOnHold) {
    const terrainBecause: Finding[] = [];
    if (r?.downhill && r.downhill !== "never") terrainBecause.push({ code: "intake.running.downhill", label: "Runs downhill", value: r.downhill });
    if (triggers.has("downhill")) terrainBecause.push({ code: "intake.knee.triggers.downhill", label: "Downhill brings the pain on", value: true });
    if (r?.bankedRoads && r.bankedRoads !== "never")
      terrainBecause.push({ code: "intake.running.bankedRoads", label: "Runs on banked or cambered roads", value: r.bankedRoads });
    if (c.code === "itbs-likely") terrainBecause.push({ code: "classification", label: "Classification", value: c.label });
    out.push({ id: "activity.terrain", kind: "activity", text: settings.terrainAdvice, rule: RULES.downhill, because: terrainBecause });
  }
  if (triggers.has("stairs-down") || triggers.has("stairs-up")) {
    out.push({
      id: "activity.stairs",
      kind: "activity",
      text: "On stairs, use the rail: go up leading with your good leg and come down leading with the sore one, one step at a time, while stairs hurt. Go back to normal stairs once your pain is 2/10 or less.",
      rule: RULES.stairs,
      because: [
        ...(triggers.has("stairs-down") ? [{ code: "intake.knee.triggers.stairs-down", label: "Stairs down bring the pain on", value: true }] : []),
        ...(triggers.has("stairs-up") ? [{ code: "intake.knee.triggers.stairs-up", label: "Stairs up bring the pain on", value: true }] : []),
      ],
    });
  }
  if (triggers.has("sitting")) {
    out.push({
      id: "activity.sitting",
      kind: "activity",
      text: "When you sit for a long time, stretch the leg out straight now and then, or get up and move every 30 minutes or so. Sitting with your knees bent for long is a common trigger, not a sign of harm.",
      rule: RULES.everyday,
      because: [{ code: "intake.knee.triggers.sitting", label: "Long sitting brings the pain on", value: true }],
    });
  }
  if (triggers.has("squatting")) {
    out.push({
      id: "activity.squatting",
      kind: "activity",
      text: "For now, avoid deep squatting and kneeling where you can: bend your knees only as far as is comfortable, and use a cushion if you must kneel.",
      rule: RULES.everyday,
      because: [{ code: "intake.knee.triggers.squatting", label: "Squatting brings the pain on", value: true }],
    });
  }
  if (!runningOnHold) {
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
  }
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
  const start = startingLevel(intake);
  const { level } = start;
  const weak = deficits(derived);
  const weeks = level <= 2 ? 8 : 6;
  const poorStepDown = [derived.stepDown.left, derived.stepDown.right].some((t) => t !== null && t >= 4);
  const poorSquat = (["left", "right"] as const).some((side) => exam?.functional?.singleLegSquat?.[side]?.rating === "poor");
  const because = [...start.because, ...weak];
  if (poorStepDown)
    because.push({ code: "derived.stepDown", label: "Lateral step-down (0–6)", value: Math.max(derived.stepDown.left ?? 0, derived.stepDown.right ?? 0) });
  if (poorSquat) because.push({ code: "exam.functional.singleLegSquat", label: "Single-leg squat", value: "poor" });
  const loadedGroups = Object.values(derived.strength)
    .filter((x) => x && (x.verdict === "asymmetry" || x.bilateralWeakness?.weak))
    .map((x) => x!.group);
  // §1.4: for a possible tendinopathy the PFP programme is not generated; the clinician chooses.
  const exercises =
    c.code === "tendinopathy-consider" ? [] : chooseExercises(level, weeks, because, { loadedGroups, singleLegMax: poorStepDown || poorSquat ? 3 : undefined });
  const runningOnHold = opts.runningOnHoldReason !== null;
  return {
    education: education(c, derived, intake, exercises.length > 0),
    exercises,
    stretches: stretches(exam, c),
    activity: activity(intake, c, settings, runningOnHold),
    cadence: cadence(intake, c, runningOnHold),
    runningOnHold,
    runningOnHoldReason: opts.runningOnHoldReason,
    exerciseLibraryVersion: EXERCISE_LIBRARY_VERSION,
  };
}
