// The engine's output: plain data that the screen, the printout, the PDF and the command line all read.
// Every recommendation carries the rule that produced it and the findings that fired it.
import type { FunctionalDerived } from "./functional";
import type { LoadChange } from "./load";
import type { MuscleGroup, SymmetryResult } from "./strength";

/** One fact the engine used, as a clinician would read it ("Hip abduction, left (N)": 152). */
export interface Finding {
  code: string;
  label: string;
  value: string | number | boolean | null;
}

/** A rule of the ruleset, with the clinical-rules section it encodes. */
export interface Rule {
  id: string;
  section: string;
  summary: string;
  /** True when the threshold behind it is a convention (a clinic setting), not a validated cut-off. */
  convention?: boolean;
}

export type FlagLevel = "hard" | "soft" | "warning" | "info";

export interface Flag {
  /** Stable code (see docs/case-format.md for the list). */
  code: string;
  level: FlagLevel;
  title: string;
  detail: string;
  section: string;
  findings: Finding[];
}

/** An education or everyday-activity point. Pages word it from its id and params (lib/i18n/summary.ts), in
 * plain language a 12-year-old can follow. */
export interface Recommendation {
  id: string;
  kind: "education" | "activity";
  /** What the id alone does not say: the classification the "what is it" point explains, and whether the
   * load point names a recent increase. */
  params?: { classification?: ClassificationCode; afterRamp?: boolean };
  /** Words that are not the catalog's, printed as written: a clinician's own point or reviewed wording, a
   * clinic's own terrain advice. In summaries signed before ruleset 2026.12.5, the engine's English. */
  text?: string;
  rule: Rule;
  because: Finding[];
}

export interface Dose {
  sets: number;
  reps?: number;
  holdSeconds?: number;
  perSide: boolean;
  daysPerWeek: number;
  weeks: number;
}

/** An exercise of the library (lib/assessment/exercises.ts) with its dose. Its name, how-to, what to feel, dose
 * and next step are worded by the page from `exerciseId`, `dose` and `loaded` (lib/i18n/summary.ts). The
 * English fields marked "signed before 2026.12.5" are only in summaries signed before ruleset 2026.12.5. */
export interface ExercisePrescription {
  exerciseId: string;
  /** Level in the progression order of clinical-rules §7.2 (1 = easiest). */
  level: number;
  target: "hip" | "knee" | "trunk";
  dose: Dose;
  /** §7.4: the muscles it works measured weaker, so the card asks for load toward 8–12 repetitions maximum. */
  loaded?: boolean;
  /** The clinician's note on the dose, printed as written after it. */
  note?: string;
  /** Signed before 2026.12.5. */
  name?: string;
  /** Signed before 2026.12.5: the dose in words, with the clinician's note after it. */
  doseText?: string;
  /** Signed before 2026.12.5. */
  howTo?: string;
  /** Signed before 2026.12.5. */
  feel?: string;
  /** Signed before 2026.12.5. */
  progression?: string;
  /** Key of the line drawing (components/summary/exercise-drawings.tsx). */
  drawing: string;
  rule: Rule;
  because: Finding[];
}

/** A stretch of the library with its dose; worded by the page from `stretchId` and the dose (as exercises). */
export interface StretchPrescription {
  stretchId: string;
  holdSeconds: number;
  reps: number;
  perSide: boolean;
  daysPerWeek: number;
  /** §1.3: an optional extra to the strengthening (the ITB stretch); the card says so. */
  optional?: boolean;
  /** Signed before 2026.12.5. */
  name?: string;
  /** Signed before 2026.12.5. */
  doseText?: string;
  /** Signed before 2026.12.5. */
  howTo?: string;
  /** Signed before 2026.12.5. */
  feel?: string;
  drawing: string;
  rule: Rule;
  because: Finding[];
}

export interface CadenceTrial {
  currentSpm: number | null;
  /** The target range at +5% and +10% (null when the current cadence is unknown). */
  targetSpm: [number, number] | null;
  /** Signed before ruleset 2026.12.5: the engine's English. */
  text?: string;
  rule: Rule;
  because: Finding[];
}

export interface Plan {
  education: Recommendation[];
  exercises: ExercisePrescription[];
  stretches: StretchPrescription[];
  activity: Recommendation[];
  cadence: CadenceTrial | null;
  /** Soft flags: the running part is on hold until the clinician confirms it in review. */
  runningOnHold: boolean;
  /** Why it is on hold: a physician must see the runner first (a referral), the diagnosis to confirm (a
   * possible tendinopathy), or the soft flags (named by `flags`); null when it is not on hold. Pages say it
   * (lib/i18n/summary.ts `onHoldReason`). Absent in summaries signed before ruleset 2026.12.5. */
  holdFor?: "physician" | "diagnosis" | "flags" | null;
  /** Signed before ruleset 2026.12.5: why, in English. */
  runningOnHoldReason?: string | null;
  exerciseLibraryVersion: string;
}

export type CriterionStatus = "met" | "not-met" | "not-tested";

/** One test of the §6.2 entry screen: its id (the catalog names it, `summary.entryTests.tests`), whether it is
 * met, and the pain recorded with it. */
export interface EntryCriterion {
  id: "walk30Min" | "singleLegStand10s" | "singleLegSquat10" | "jogOnSpot1Min" | "hop10";
  status: CriterionStatus;
  /** Pain during the test (0–10), when recorded (absent in summaries signed before ruleset 2026.12.5). */
  pain?: number | null;
  /** Signed before ruleset 2026.12.5: the test's name in English. */
  label?: string;
  /** Signed before ruleset 2026.12.5: the result in English. */
  detail?: string;
}

export interface RtrSession {
  /** What to do, in English. Only in summaries signed before ruleset 2026.12.5: pages render a session from
   * the fields below (lib/i18n/summary.ts), in the reader's language. */
  text?: string;
  kind: "walk-run" | "run" | "walk" | "cross-train";
  minutes: number | null;
  km: number | null;
  /** The §6.2 walk-run phase (1–6) the session follows; absent for an easy continuous run and for the first
   * week's short intervals of a new runner with a BMI over 30. Lets a page say the session in another language. */
  phase?: number;
}

export interface RtrWeek {
  week: number;
  sessions: RtrSession[];
  /** The week's running distance: exactly the sum of its sessions' km (null for a week planned by time). */
  weeklyKm: number | null;
  /** The week's running minutes for a week planned by time: the sum of its sessions' minutes. */
  weeklyMinutes?: number | null;
  /** What the week asks besides its sessions, as a code (ruleset 2026.12.5 on); rendered with the cap and
   * the unit from `ReturnToRun.progression` (lib/i18n/summary.ts `weekNote`). */
  step?: RtrWeekStep;
  /** The same in English, in summaries signed before ruleset 2026.12.5. */
  note?: string;
}

/** A calendar week's instruction: a walk-run week, a new runner's first week over BMI 30, a held week (until
 * the review, or until green weeks), the first week after the review, or a week that builds at the cap. */
export type RtrWeekStep = "walk-run" | "obese-first" | "hold-review" | "hold-green" | "after-review" | "build";

/** A running rule under the calendar, as the catalog's key (`summary.rules`). Summaries signed before ruleset
 * 2026.12.5 hold the English sentence instead. */
export type RtrRuleKey = "spread" | "restDay" | "flat" | "swollen" | "shoes" | "shoesOld";

/** The parts of the start sentence that the start's other fields do not carry: with them, a page says the
 * sentence in the reader's language (lib/i18n/summary.ts `start`). */
export interface RtrStartMsg {
  key: "keep" | "reduce" | "screen-first" | "by-time" | "by-time-obese" | "walk-run" | "on-hold";
  params: {
    /** Runs a week, and whether that is one more than now. */
    runs?: number;
    oneMoreRun?: boolean;
    /** The week's longest run, in km or (a plan set in minutes) in minutes. */
    longestKm?: number;
    longestMinutes?: number;
    /** The runner's own longest recent run, named when it is longer. */
    usualLongestKm?: number;
    /** Why the reduced volume is what it is (absent when the clinician set it). */
    why?: "ramp" | "third";
    /** The pain starts late in a run: keep each run shorter than that. */
    lateOnset?: boolean;
    /** Weeks of green running before building again. */
    holdWeeks?: number;
    /** A plan set in minutes: the first week's minutes of running. */
    minutesAWeek?: number;
    /** A new runner with a BMI over 30: the first week's limit in km. */
    firstWeekMaxKm?: number;
  };
}

/** §6.5: where the runner is now (the row of the table that sets the start). */
export type RunnerState = "green" | "amber" | "red" | "stopped" | "novice";

/** §6.5: a goal race against the weeks a safe build-up needs. */
export interface GoalRace {
  /** The race's name as the runner typed it; null when they gave none (the page says "your race"). Summaries
   * signed before ruleset 2026.12.5 hold "your race" in English instead of null. */
  name: string | null;
  date: string;
  weeksAvailable: number | null;
  /** Weeks from the start to the goal volume at the cap (null when it cannot be projected). */
  weeksNeeded: number | null;
  goalWeeklyKm: number | null;
  /** The weekly distance reached by race day at the cap. */
  kmByRaceDay: number | null;
  fits: boolean | null;
  /** The weekly cap the projection used (%), absent in summaries signed before ruleset 2026.12.5. */
  capPercent?: number;
  /** Why the weeks needed cannot be projected (`weeksNeeded` null while the race is ahead). */
  notProjectedBecause?: "on-hold" | "screen-first" | "by-time" | "no-goal-volume";
  /** The patient's sentence in English, only in summaries signed before ruleset 2026.12.5. */
  text?: string;
  /** The clinician's sentence in English, only in summaries signed before ruleset 2026.12.5. */
  clinicianText?: string;
}

export interface ReturnToRun {
  /** The pain rule the clinic chose; `text` is its English, only in summaries signed before ruleset 2026.12.5. */
  painRule: { model: "trek" | "pain-monitoring"; duringMax: number; text?: string; rule: Rule };
  /** What each colour means follows from `painRule.model`; the colour sentences are English, only in
   * summaries signed before ruleset 2026.12.5. */
  trafficLight: { green?: string; amber?: string; red?: string; rule: Rule };
  entryCriteria: EntryCriterion[];
  /** True when every entry criterion is met. */
  criteriaMet: boolean;
  /**
   * §6.5: running waits for the entry screen (a red or stopped runner whose screen is not passed): no calendar
   * yet. A runner who keeps running, or a new runner building by time, does not wait for it. Absent in summaries
   * signed before ruleset 2026.12.2 (read as: waits when the walk-run calendar is empty).
   */
  waitsForScreen?: boolean;
  /** Shown beside the calendar: which numbers are pain and which are effort. English, only in summaries signed
   * from ruleset 2026.12 to 2026.12.4; later ones render it from the catalog. */
  scales?: string;
  /** §6.5: the row of the table the runner is in (absent in summaries signed before ruleset 2026.12). */
  runnerState?: RunnerState;
  /** The runner's own unit (the intake's answer): the calendar is planned on its grid (half-miles and tenths
   * of a mile for "mi"; distances stay in km fields) and pages print it in this unit. Absent: km. */
  unit?: "km" | "mi";
  start: {
    mode: "walk-run" | "reduced-continuous" | "keep-continuous" | "on-hold";
    /** Walk-run phase (1–6, clinical-rules §6.2) when mode is walk-run. */
    phase: number | null;
    /** Weekly distance to start from when mode is reduced-continuous. */
    weeklyKm: number | null;
    /** The start in English, only in summaries signed before ruleset 2026.12.5. */
    text?: string;
    /** What the start says, as a message key and its values (always present from ruleset 2026.12.5; absent
     * in summaries signed before 2026.12.2). */
    msg?: RtrStartMsg;
    rule: Rule;
    because: Finding[];
  };
  /** `text` is the English, only in summaries signed before ruleset 2026.12.5. */
  progression: { basis: "time" | "distance"; weeklyIncreaseCapPercent: number; text?: string; rule: Rule };
  currentWeeklyKm: number | null;
  targetWeeklyKm: number | null;
  /** Weeks from the start point back to the target weekly distance (null when it cannot be known). */
  projectedWeeks: number | null;
  calendar: RtrWeek[];
  goalRace?: GoalRace | null;
  /** Catalog keys (ruleset 2026.12.5 on); English sentences in older summaries. */
  rules: (RtrRuleKey | string)[];
}

export interface FollowUp {
  /** The next visit: about 2 weeks for an early review, else the outcome visit. */
  inWeeks: number;
  /** The outcome visit (§7.4: about 6 weeks, questionnaires and retests). Absent in older summaries. */
  outcomeInWeeks?: number;
  retest: string[];
  rule: Rule;
}

export type ClassificationCode = "pfp-likely" | "itbs-likely" | "tendinopathy-consider" | "unclear";

export interface Classification {
  code: ClassificationCode;
  /** For tendinopathy: which tendon the findings point to. */
  tendon: "quadriceps" | "patellar" | null;
  label: string;
  for: Finding[];
  against: Finding[];
  /** The clinician's working classification when they overrode the engine's. */
  clinicianOverride: string | null;
  rule: Rule;
}

export interface StrengthDerived extends SymmetryResult {
  leftNPerKg: number | null;
  rightNPerKg: number | null;
  leftNmPerKg: number | null;
  rightNmPerKg: number | null;
  /** Change since the previous visit (N), with whether it exceeds the measurement error. */
  change: { left: number | null; right: number | null; beyondError: boolean } | null;
  bilateralWeakness: { expectedNmPerKg: number; cutoffNmPerKg: number; weak: boolean } | null;
}

export interface Derived {
  ageYears: number | null;
  bodyMassKg: number | null;
  painfulKnee: "left" | "right" | "both" | null;
  strength: Partial<Record<MuscleGroup, StrengthDerived>>;
  load: LoadChange[];
  akps: { score: number; change: number | null; beyondMcid: boolean | null } | null;
  lefs: { score: number; change: number | null; beyondMcid: boolean | null } | null;
  stepDown: { left: number | null; right: number | null };
  /** The functional tests as the exam form scores them (functional.ts). Absent in assessments stored before
   * 2026-12-06, so read it as optional. */
  functional?: FunctionalDerived | null;
}

export interface Referral {
  /** §5's urgency: emergency = now; same-day; next-day = today or tomorrow; urgent = within days. */
  urgency: "emergency" | "same-day" | "next-day" | "urgent" | "routine";
  /** Each hard flag's urgency by flag code (the clinic's setting, §5): with the flags' codes, a page says
   * what to do, how soon and why, the most urgent first (lib/i18n/summary.ts `referral`). Absent in summaries
   * signed before ruleset 2026.12.4 (they used §5's defaults). */
  urgencyByFlag?: Record<string, "emergency" | "same-day" | "next-day" | "urgent">;
  /** Signed before ruleset 2026.12.5: what to do and how soon, in English. */
  advice?: string;
  /** Signed before ruleset 2026.12.5: why, in English (one line per flag). */
  reasons?: string[];
}

export interface Assessment {
  rulesetVersion: string;
  /** The clinician's notes added in review (printed on the summary). */
  clinicianNotes: string | null;
  status: "refer" | "plan" | "incomplete";
  statusReason: string;
  /** What is missing to decide (never guessed). */
  missing: string[];
  referral: Referral | null;
  classification: Classification;
  flags: Flag[];
  derived: Derived;
  plan: Plan | null;
  returnToRun: ReturnToRun | null;
  followUp: FollowUp | null;
}
