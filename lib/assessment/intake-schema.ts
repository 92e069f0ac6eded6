// The patient's pre-visit intake: one schema for the browser form and the server (docs/decisions/0004-forms.md).
// Clinical content from clinical-reference.md: §1 (where it hurts and what brings it on: PFP, ITB syndrome,
// tendinopathy), §4 (questionnaires and NPRS), §5 (safety questions), §6 (running load).
//
// Shape rules: distances are stored in km whatever unit the patient typed (running.distanceUnit says
// which they chose); a question that does not apply is absent; "not sure" is an answer, not a blank.
import { deepPartial, group, isoDate, listOf, numberIn, oneOf, scale, text, yesNo, z, type DeepPartial } from "./schema-kit";
import { AKPS_ITEMS, AKPS_POINTS, LEFS_ITEMS, LEFS_MAX_RATING } from "./scoring";

/** Bumped whenever the stored shape of the answers changes; stored beside every response. */
export const INTAKE_SCHEMA_VERSION = 2;

export const KNEE_SIDES = ["left", "right", "both"] as const;
export type KneeSide = (typeof KNEE_SIDES)[number];

/** Areas on the knee drawing (issue 3; §1.1 around/behind the kneecap = PFP; §1.4 above = quadriceps
 * tendon, below = patellar tendon; §1.3 outer side = ITB). */
export const KNEE_AREAS = ["above-kneecap", "around-kneecap", "below-kneecap", "inner", "outer", "back"] as const;
export type KneeArea = (typeof KNEE_AREAS)[number];

/** What brings the pain on (§1.1: activities that load the patellofemoral joint on a bent knee). */
export const TRIGGERS = ["running", "downhill", "stairs-down", "stairs-up", "squatting", "sitting", "jumping"] as const;
export const SURFACES = ["road", "track", "trail", "treadmill"] as const;
export const FREQUENCY = ["never", "sometimes", "often"] as const;
export const RECENT_CHANGES = ["more-distance", "speed-work", "more-hills", "races", "new-shoes", "new-surface"] as const;
export const TRIED = ["rest", "ice", "stretching", "strengthening", "physio", "brace-or-tape", "painkillers", "new-shoes", "other"] as const;
export const PAIN_ONSET_IN_RUN = ["from-start", "within-10-min", "10-to-30-min", "after-30-min", "only-after", "not-running"] as const;
export const PAIN_LASTS_AFTER = ["under-1-hour", "1-to-24-hours", "over-24-hours"] as const;
export const ACTIVITY_LEVELS = ["mostly-sitting", "mostly-standing", "physical-work"] as const;
export const SEXES = ["female", "male", "other", "undisclosed"] as const;

/** Weekly distance limits (km): 0 is a real answer (not running); 300 km a week is beyond elite volume. */
const weeklyKm = () => numberIn(0, 300);
/** Ticked boxes: each a listed option, none twice. */
const many = <const T extends readonly [string, ...string[]]>(values: T) =>
  listOf(oneOf(values)).check(
    z.maxLength(values.length, "invalid"),
    z.refine((v) => new Set(v).size === v.length, "invalid"),
  );

export const aboutSchema = group({
  /** The patient confirms the name the clinic has for them (shown to them after the date-of-birth check). */
  nameCorrect: yesNo(),
  nameCorrection: z.optional(text(200)),
  sex: oneOf(SEXES),
  heightCm: z.optional(numberIn(100, 230)),
  bodyMassKg: z.optional(numberIn(25, 250)),
  occupation: z.optional(text(200)),
  activityLevel: z.optional(oneOf(ACTIVITY_LEVELS)),
});

export const runningSchema = group({
  yearsRunning: z.optional(numberIn(0, 80)),
  runsPerWeek: numberIn(0, 14, { int: true }),
  /** The unit the patient chose to type in; every distance below is stored in km. */
  distanceUnit: oneOf(["km", "mi"]),
  weeklyKm: group({
    thisWeek: weeklyKm(),
    lastWeek: z.optional(weeklyKm()),
    twoWeeksAgo: z.optional(weeklyKm()),
    threeWeeksAgo: z.optional(weeklyKm()),
    fourWeeksAgo: weeklyKm(),
    /** Their usual weekly distance at their best in the last year: the return-to-running target (§6). */
    bestLastYear: z.optional(weeklyKm()),
  }),
  longestRunKm: z.optional(numberIn(0, 250)),
  /** Usual easy pace in minutes per km (2:30 to 15:00). */
  paceMinPerKm: z.optional(numberIn(2.5, 15)),
  surfaces: many(SURFACES),
  /** §6.4: downhill running and banked or cambered roads. */
  downhill: oneOf(FREQUENCY),
  bankedRoads: oneOf(FREQUENCY),
  shoes: z.optional(text(120)),
  shoeAgeMonths: z.optional(numberIn(0, 120, { int: true })),
  /** Steps per minute, if known (§6.4: a +5–10% cadence trial is "likely most effective" at ≤170). */
  cadenceSpm: z.optional(numberIn(120, 220, { int: true })),
  recentChanges: many(RECENT_CHANGES),
  goal: group({
    kind: oneOf(["event", "distance", "none"]),
    eventName: z.optional(text(120)),
    eventDate: z.optional(isoDate()),
    weeklyKm: z.optional(weeklyKm()),
  }),
});

export const kneeSchema = group({
  side: oneOf(KNEE_SIDES),
  /** Where it hurts, per knee, marked on the drawing. */
  areas: group({ left: many(KNEE_AREAS), right: many(KNEE_AREAS) }),
  /** How many weeks ago it started (0 = this week). */
  startedWeeksAgo: numberIn(0, 520, { int: true }),
  onset: oneOf(["sudden", "gradual"]),
  triggers: many(TRIGGERS),
  /** Sharp pain at each foot landing (the clinics' description; §1.4 load-related tendon pain). */
  painEachFootStrike: yesNo(),
  painStartsInRun: oneOf(PAIN_ONSET_IN_RUN),
  painLastsAfter: z.optional(oneOf(PAIN_LASTS_AFTER)),
  restEases: yesNo(),
  tried: many(TRIED),
  triedOther: z.optional(text(300)),
});

/** NPRS 0–10 (§4.3): now, worst in the past week, during running and the morning after a run (the last two
 * absent when the patient is not running). */
export const painSchema = group({
  now: scale(0, 10),
  worstWeek: scale(0, 10),
  duringRun: z.optional(scale(0, 10)),
  morningAfter: z.optional(scale(0, 10)),
});

/** Safety questions (§5). A "yes" never blocks submission; it marks the visit for the clinician's review. */
export const safetySchema = group({
  injuryOrFall: yesNo(),
  swelling: yesNo(),
  hotOrRed: yesNo(),
  feverOrUnwell: yesNo(),
  locking: yesNo(),
  givingWay: yesNo(),
  nightOrRestPain: yesNo(),
  weightLoss: yesNo(),
  calfSwelling: yesNo(),
  painOnHopping: yesNo(),
  focalBonePain: yesNo(),
  groinPain: yesNo(),
  lowEnergyIntake: yesNo(),
  /** Asked only where relevant (female or other sex); absent otherwise. */
  missedPeriods: z.optional(yesNo()),
  recentTrainingJump: yesNo(),
});

/** Kujala AKPS: 13 chosen option indexes, each within its item's options (§4.1; AKPS_POINTS in scoring.ts);
 * LEFS: 20 ratings 0–4 (§4.2). A missing item is "choose one answer" at that item's path. */
const akpsAnswers = () =>
  listOf(scale(0, 4)).check(
    z.length(AKPS_ITEMS, "invalid"),
    z.superRefine(
      (choices, ctx) => {
        if (!Array.isArray(choices)) return;
        choices.forEach((choice, i) => {
          const max = (AKPS_POINTS[i]?.length ?? 1) - 1;
          if (typeof choice === "number" && choice > max) ctx.addIssue({ code: "custom", message: `intRange:0:${max}`, path: [i], input: choice });
        });
      },
      { when: () => true },
    ),
  );
const lefsAnswers = () => listOf(scale(0, LEFS_MAX_RATING)).check(z.length(LEFS_ITEMS, "invalid"));

/** Either questionnaire is absent when the clinic switched it off (settings akpsEnabled / lefsEnabled). */
export const questionnairesSchema = group({
  akps: z.optional(akpsAnswers()),
  lefs: z.optional(lefsAnswers()),
});

/** The questionnaires as a clinic's form asks them: each one required when switched on, absent when off. */
export function questionnairesFor(enabled: QuestionnaireSwitches) {
  return group({
    ...(enabled.akps ? { akps: akpsAnswers() } : {}),
    ...(enabled.lefs ? { lefs: lefsAnswers() } : {}),
  });
}

export interface QuestionnaireSwitches {
  akps: boolean;
  lefs: boolean;
}

export const consentSchema = group({
  agreed: z.literal(true, { error: "choice" }),
  /** The patient's full name typed as their signature. */
  signatureName: text(200).check(z.minLength(2, "required")),
});

// Follow-on questions. Each applies only given an earlier answer: the form shows it only then, the schema
// requires it then (when `code` is set) and refuses it otherwise, and dropInapplicable() removes an answer
// that stopped applying because the patient changed the earlier one. One table, so all three agree.
type Loose = DeepPartial<IntakeAnswers>;
interface FollowOn {
  field: readonly string[];
  /** The earlier answer it depends on; while that is unanswered, nothing is required or refused. */
  dependsOn: readonly string[];
  applies: (a: Loose) => boolean;
  /** The message code when it applies but is missing; absent for optional follow-ons. */
  code?: "required" | "choice";
}

const isEvent = (a: Loose) => a.running?.goal?.kind === "event";
const runs = (a: Loose) => typeof a.running?.runsPerWeek === "number" && a.running.runsPerWeek > 0;

const RUN_PAIN: FollowOn[] = [
  // §4.3: pain during running and the morning after are asked only of patients who are running.
  { field: ["pain", "duringRun"], dependsOn: ["running", "runsPerWeek"], applies: runs, code: "choice" },
  { field: ["pain", "morningAfter"], dependsOn: ["running", "runsPerWeek"], applies: runs, code: "choice" },
];

const INITIAL_FOLLOW_ONS: FollowOn[] = [
  { field: ["about", "nameCorrection"], dependsOn: ["about", "nameCorrect"], applies: (a) => a.about?.nameCorrect === false, code: "required" },
  // §5 (bone stress injury, low energy availability): missed periods, asked where relevant.
  { field: ["safety", "missedPeriods"], dependsOn: ["about", "sex"], applies: (a) => a.about?.sex === "female" || a.about?.sex === "other", code: "choice" },
  { field: ["running", "goal", "eventName"], dependsOn: ["running", "goal", "kind"], applies: isEvent },
  { field: ["running", "goal", "eventDate"], dependsOn: ["running", "goal", "kind"], applies: isEvent, code: "required" },
  { field: ["running", "goal", "weeklyKm"], dependsOn: ["running", "goal", "kind"], applies: (a) => a.running?.goal?.kind === "distance", code: "required" },
  ...RUN_PAIN,
  { field: ["knee", "painLastsAfter"], dependsOn: ["knee", "painStartsInRun"], applies: (a) => a.knee?.painStartsInRun !== "not-running", code: "choice" },
  { field: ["knee", "triedOther"], dependsOn: ["knee", "tried"], applies: (a) => !!a.knee?.tried?.includes("other") },
];

/** Which knees' drawings apply: the painful one(s). */
export function kneesFor(side: KneeSide | null | undefined): ("left" | "right")[] {
  return side === "both" ? ["left", "right"] : side === "left" || side === "right" ? [side] : [];
}

function at(obj: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}
const answered = (v: unknown) => v !== undefined && v !== null && v !== "";

/** The cross-field rules as one check. It runs even when other fields failed, so a step shows its own
 * follow-on problems without waiting for the whole form to be valid. */
function followOnRules(rules: FollowOn[], withKnees: boolean) {
  return z.superRefine(
    (a: unknown, ctx) => {
      const loose = a as Loose;
      for (const r of rules) {
        if (!answered(at(a, r.dependsOn))) continue;
        const value = at(a, r.field);
        if (r.applies(loose)) {
          if (r.code && !answered(value)) ctx.addIssue({ code: "custom", message: r.code, path: [...r.field], input: value });
        } else if (answered(value)) {
          ctx.addIssue({ code: "custom", message: "invalid", path: [...r.field], input: value });
        }
      }
      if (!withKnees) return;
      // Issue 3: where it hurts is marked per painful knee; a knee that does not hurt has no marks.
      const side = loose.knee?.side;
      if (!side) return;
      const painful = kneesFor(side);
      for (const k of ["left", "right"] as const) {
        const marked = at(a, ["knee", "areas", k]);
        const count = Array.isArray(marked) ? marked.length : 0;
        if (painful.includes(k) && count === 0) ctx.addIssue({ code: "custom", message: "required", path: ["knee", "areas", k], input: marked });
        if (!painful.includes(k) && count > 0) ctx.addIssue({ code: "custom", message: "invalid", path: ["knee", "areas", k], input: marked });
      }
    },
    { when: () => true },
  );
}

const initialShape = {
  about: aboutSchema,
  running: runningSchema,
  knee: kneeSchema,
  pain: painSchema,
  safety: safetySchema,
  questionnaires: questionnairesSchema,
  consent: consentSchema,
};

const followUpShape = {
  running: group({ distanceUnit: oneOf(["km", "mi"]), weeklyKm: runningSchema.shape.weeklyKm, runsPerWeek: numberIn(0, 14, { int: true }) }),
  knee: group({ side: oneOf(KNEE_SIDES), areas: kneeSchema.shape.areas }),
  pain: painSchema,
  safety: safetySchema,
  questionnaires: questionnairesSchema,
  consent: consentSchema,
};

/** The initial visit's full intake. */
export const intakeSchema = z.object(initialShape).check(followOnRules(INITIAL_FOLLOW_ONS, true));

/** Before a follow-up: the shorter version (no history, which the initial intake holds). Missed periods is
 * optional here: there is no sex answer to decide it, so the form asks it from the patient's record. */
export const followUpIntakeSchema = z.object(followUpShape).check(followOnRules(RUN_PAIN, true));

export type IntakeAnswers = z.infer<typeof intakeSchema>;
export type FollowUpIntakeAnswers = z.infer<typeof followUpIntakeSchema>;
/** What the engine reads: either version, or any part of one (the engine never assumes a value is there). */
export type EngineIntake = DeepPartial<IntakeAnswers>;

/** Which version of the form a visit gets (Visit.kind). */
export type IntakeKind = "INITIAL" | "FOLLOW_UP";

/** The schema a clinic's form validates against, in the browser and on the server: the version for the
 * visit, with the questionnaires the clinic has switched on required and the others absent. */
export function intakeFormSchema(kind: IntakeKind, enabled: QuestionnaireSwitches) {
  return kind === "FOLLOW_UP"
    ? z.object({ ...followUpShape, questionnaires: questionnairesFor(enabled) }).check(followOnRules(RUN_PAIN, true))
    : z.object({ ...initialShape, questionnaires: questionnairesFor(enabled) }).check(followOnRules(INITIAL_FOLLOW_ONS, true));
}

const drafts: Partial<Record<IntakeKind, z.ZodMiniType>> = {};
/** A draft (autosave): the same schema with every answer optional; what is there is checked as usual. */
export function intakeDraftSchema(kind: IntakeKind): z.ZodMiniType<DeepPartial<IntakeAnswers>> {
  drafts[kind] ??= deepPartial(kind === "FOLLOW_UP" ? followUpIntakeSchema : intakeSchema);
  return drafts[kind] as z.ZodMiniType<DeepPartial<IntakeAnswers>>;
}
/** Whether a follow-on question applies now (the form shows it only then). */
export function followOnApplies(kind: IntakeKind, field: string, answers: Loose): boolean {
  const rule = (kind === "FOLLOW_UP" ? RUN_PAIN : INITIAL_FOLLOW_ONS).find((r) => r.field.join(".") === field);
  return rule ? rule.applies(answers) : true;
}

/**
 * The answers without those that no longer apply (the patient answered a follow-on, then changed the answer
 * it depended on), and without marks on a knee that does not hurt. The form submits this.
 */
export function dropInapplicable<T extends Loose>(kind: IntakeKind, answers: T): T {
  const copy = structuredClone(answers) as T;
  for (const r of kind === "FOLLOW_UP" ? RUN_PAIN : INITIAL_FOLLOW_ONS) {
    if (!answered(at(copy, r.dependsOn)) || r.applies(copy)) continue;
    const parent = at(copy, r.field.slice(0, -1));
    if (parent && typeof parent === "object") delete (parent as Record<string, unknown>)[r.field[r.field.length - 1]!];
  }
  const knee = copy.knee as { side?: KneeSide; areas?: Record<string, unknown> } | undefined;
  if (knee?.side && knee.areas) {
    const painful = kneesFor(knee.side);
    for (const k of ["left", "right"] as const) if (!painful.includes(k)) knee.areas[k] = [];
  }
  return copy;
}
