// The patient's pre-visit intake: one schema for the browser form and the server (docs/decisions/0004-forms.md).
// Clinical content from clinical-reference.md: §1 (where it hurts and what brings it on: PFP, ITB syndrome,
// tendinopathy), §4 (questionnaires and NPRS), §5 (safety questions), §6 (running load).
//
// Shape rules: distances are stored in km whatever unit the patient typed (running.distanceUnit says
// which they chose); a question that does not apply is absent; "not sure" is an answer, not a blank.
import { group, isoDate, numberIn, oneOf, scale, text, yesNo, z, type DeepPartial } from "./schema-kit";

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
const many = <const T extends readonly [string, ...string[]]>(values: T) => z.array(z.enum(values, { error: "choice" })).check(z.maxLength(values.length, "invalid"));

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

/** Kujala AKPS: 13 chosen option indexes; LEFS: 20 ratings 0–4 (§4.1, §4.2; lib/assessment/scoring.ts).
 * Absent when the clinic switched the questionnaire off. */
export const questionnairesSchema = group({
  akps: z.optional(z.array(numberIn(0, 4, { int: true })).check(z.length(13, "invalid"))),
  lefs: z.optional(z.array(numberIn(0, 4, { int: true })).check(z.length(20, "invalid"))),
});

export const consentSchema = group({
  agreed: z.literal(true, { error: "choice" }),
  /** The patient's full name typed as their signature. */
  signatureName: text(200).check(z.minLength(2, "required")),
});

/** The initial visit's full intake. */
export const intakeSchema = z.object({
  about: aboutSchema,
  running: runningSchema,
  knee: kneeSchema,
  pain: painSchema,
  safety: safetySchema,
  questionnaires: questionnairesSchema,
  consent: consentSchema,
});

/** Before a follow-up: the shorter version (no history, which the initial intake holds). */
export const followUpIntakeSchema = z.object({
  running: group({ distanceUnit: oneOf(["km", "mi"]), weeklyKm: runningSchema.shape.weeklyKm, runsPerWeek: numberIn(0, 14, { int: true }) }),
  knee: group({ side: oneOf(KNEE_SIDES), areas: kneeSchema.shape.areas }),
  pain: painSchema,
  safety: safetySchema,
  questionnaires: questionnairesSchema,
  consent: consentSchema,
});

export type IntakeAnswers = z.infer<typeof intakeSchema>;
export type FollowUpIntakeAnswers = z.infer<typeof followUpIntakeSchema>;
/** What the engine reads: either version, or any part of one (the engine never assumes a value is there). */
export type EngineIntake = DeepPartial<IntakeAnswers>;
