// The patient's pre-visit intake: one schema for the browser form and the server (docs/decisions/0004-forms.md).
// Clinical content from docs/clinical-rules.md: §1 (where it hurts and what brings it on: PFP, ITB syndrome,
// tendinopathy), §4 (questionnaires and NPRS), §5 (safety questions), §6 (running load).
//
// Shape rules: distances are stored in km whatever unit the patient typed (running.distanceUnit says
// which they chose); a question that does not apply is absent; "not sure" is an answer, not a blank.
import * as z from "zod/mini";
import { deepPartial, group, isoDate, listOf, numberIn, oneOf, scale, text, todayIso, yesNo, type DeepPartial } from "./schema-builders";
import { AKPS_ITEMS, AKPS_POINTS, LEFS_ITEMS, LEFS_MAX_RATING } from "./scoring";
import {
  ACTIVITY_LEVELS,
  answered,
  DISTANCE_UNITS,
  GOAL_KINDS,
  ONSETS,
  at,
  FREQUENCY,
  INITIAL_FOLLOW_ONS,
  KNEE_AREAS,
  KNEE_SIDES,
  kneesFor,
  PAIN_LASTS_AFTER,
  PAIN_ONSET_IN_RUN,
  RECENT_CHANGES,
  RUN_PAIN,
  SEXES,
  SURFACES,
  TRIED,
  TRIGGERS,
  type FollowOn,
  type IntakeKind,
  type Loose,
  type QuestionnaireSwitches,
} from "./intake-options";

/** Bumped whenever the stored shape of the answers changes; stored beside every response. */
// 3: the night/rest question split in two (§5: pain that wakes from sleep; constant pain not eased by changing
// position). Version-2 answers keep `nightOrRestPain`, which the engine still reads and labels as the older form.
export const INTAKE_SCHEMA_VERSION = 3;

export {
  ACTIVITY_LEVELS,
  FREQUENCY,
  KNEE_AREAS,
  KNEE_SIDES,
  PAIN_LASTS_AFTER,
  PAIN_ONSET_IN_RUN,
  RECENT_CHANGES,
  SEXES,
  SURFACES,
  TRIED,
  TRIGGERS,
  DISTANCE_UNITS,
  GOAL_KINDS,
  ONSETS,
  dropInapplicable,
  followOnApplies,
  kneesFor,
  type DistanceUnit,
  type IntakeKind,
  type QuestionnaireSwitches,
  type KneeArea,
  type KneeSide,
} from "./intake-options";

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
  distanceUnit: oneOf(DISTANCE_UNITS),
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
    kind: oneOf(GOAL_KINDS),
    eventName: z.optional(text(120)),
    // A race still to come (a day's grace for time zones behind UTC); a past date is a typo.
    eventDate: z.optional(isoDate().check(z.refine((v) => v >= todayIso(new Date(Date.now() - 86_400_000)), "dateNotPast"))),
    weeklyKm: z.optional(weeklyKm()),
  }),
});

export const kneeSchema = group({
  side: oneOf(KNEE_SIDES),
  /** Where it hurts, per knee, marked on the drawing. */
  areas: group({ left: many(KNEE_AREAS), right: many(KNEE_AREAS) }),
  /** How many weeks ago it started (0 = this week). */
  startedWeeksAgo: numberIn(0, 520, { int: true }),
  onset: oneOf(ONSETS),
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
  /** §5: the red flag is pain that wakes from sleep, or constant pain even lying still; pain on sitting is a
   * PFP feature and is deliberately not part of either question. */
  nightWakes: yesNo(),
  constantRestPain: yesNo(),
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

export const consentSchema = group({
  agreed: z.literal(true, { error: "tick" }),
  /** The patient's full name typed as their signature. */
  signatureName: text(200).check(z.minLength(2, "required")),
});

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
  running: group({ distanceUnit: oneOf(DISTANCE_UNITS), weeklyKm: runningSchema.shape.weeklyKm, runsPerWeek: numberIn(0, 14, { int: true }) }),
  knee: group({ side: oneOf(KNEE_SIDES), areas: kneeSchema.shape.areas }),
  pain: painSchema,
  safety: safetySchema,
  questionnaires: questionnairesSchema,
  consent: consentSchema,
};

/** The initial visit's full intake. */
export const intakeSchema = z.object(initialShape).check(followOnRules(INITIAL_FOLLOW_ONS, true));
/**
 * An intake as a record of its visit (the example cases): the same rules, except "a race not in the past",
 * which is about the day a patient types it; a record's race is counted from its own visit date, and a
 * case written in December must still read in May.
 */
export const intakeRecordSchema = z.object({
  ...initialShape,
  running: group({ ...runningSchema.shape, goal: group({ ...runningSchema.shape.goal.shape, eventDate: z.optional(isoDate()) }) }),
});

/** Before a follow-up: the shorter version (no history, which the initial intake holds). Missed periods is
 * optional here: there is no sex answer to decide it, so the form asks it from the patient's record. */
export const followUpIntakeSchema = z.object(followUpShape).check(followOnRules(RUN_PAIN, true));

export type IntakeAnswers = z.infer<typeof intakeSchema>;
export type FollowUpIntakeAnswers = z.infer<typeof followUpIntakeSchema>;
/** What the engine reads: either version, or any part of one (the engine never assumes a value is there). */
export type EngineIntake = DeepPartial<IntakeAnswers>;

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
