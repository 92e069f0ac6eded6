// The plan a good sports physiotherapist would write (clinical-rules §1.2, §6, §7): education, a hip-
// and-knee exercise programme from the library, stretches chosen by the flexibility findings, activity
// changes and a cadence trial when it fits. Each line carries its rule and the findings that fired it.
import type { EngineExam } from "./exam-schema";
import { EXERCISES, EXERCISE_LIBRARY_VERSION, STRETCHES, STRETCH_DOSE, type LibraryExercise } from "./exercises";
import type { EngineIntake } from "./intake-schema";
import { RULES } from "./rules";
import type { ClinicSettings } from "./settings";
import { DEFAULT_TERRAIN_ADVICE } from "./terrain-advice";
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
  // The wording keeps the classification's certainty (the catalog's `summary.education.what`), and the prognosis follows §0 (it
  // persists in about half), never "it usually gets better".
  const ramp = derived.load.find((l) => l.exceeds);
  const weak = deficits(derived);
  const out: Recommendation[] = [
    {
      id: "education.what",
      kind: "education",
      params: { classification: c.code },
      rule: c.code === "tendinopathy-consider" ? RULES.educationTendon : RULES.educationWhat,
      because: c.for,
    },
    {
      id: "education.load",
      kind: "education",
      params: { afterRamp: !!ramp },
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
      rule: RULES.educationHip,
      because: weak,
    });
  }
  if (c.code === "itbs-likely") {
    out.push({
      id: "education.borrowed",
      kind: "education",
      rule: RULES.educationBorrowed,
      because: [{ code: "classification", label: "Classification", value: c.label }],
    });
  }
  out.push({
    id: "education.passive",
    kind: "education",
    rule: RULES.educationPassive,
    because: [],
  });
  if (c.code === "pfp-likely" || c.code === "unclear") {
    out.push({
      id: "education.adjuncts",
      kind: "education",
      rule: RULES.adjuncts,
      because: [],
    });
  }
  if (hasExercises) {
    out.push({
      id: "education.expect",
      kind: "education",
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
    // The clinic's own advice is printed as written; the default is the catalog's, in the reader's language.
    const own = settings.terrainAdvice !== DEFAULT_TERRAIN_ADVICE ? { text: settings.terrainAdvice } : {};
    out.push({ id: "activity.terrain", kind: "activity", ...own, rule: RULES.downhill, because: terrainBecause });
  }
  if (triggers.has("stairs-down") || triggers.has("stairs-up")) {
    out.push({
      id: "activity.stairs",
      kind: "activity",
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
      rule: RULES.everyday,
      because: [{ code: "intake.knee.triggers.sitting", label: "Long sitting brings the pain on", value: true }],
    });
  }
  if (triggers.has("squatting")) {
    out.push({
      id: "activity.squatting",
      kind: "activity",
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
  holdFor: Plan["holdFor"];
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
  const runningOnHold = !!opts.holdFor;
  return {
    education: education(c, derived, intake, exercises.length > 0),
    exercises,
    stretches: stretches(exam, c),
    activity: activity(intake, c, settings, runningOnHold),
    cadence: cadence(intake, c, runningOnHold),
    runningOnHold,
    holdFor: opts.holdFor ?? null,
    exerciseLibraryVersion: EXERCISE_LIBRARY_VERSION,
  };
}
