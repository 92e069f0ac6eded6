// The intake's options and follow-on rules, free of zod so the patient's first page load can use them
// without the validation code (which loads when first needed; see components/intake/intake-form.tsx).
// lib/assessment/intake-schema.ts builds the schema from these and re-exports them.
import type { DeepPartial } from "./schema-builders";
import type { IntakeAnswers } from "./intake-schema";

export const KNEE_SIDES = ["left", "right", "both"] as const;
export type KneeSide = (typeof KNEE_SIDES)[number];

/** Areas on the knee drawing (§1.1 around/behind the kneecap = PFP; §1.4 above = quadriceps
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
export const ONSETS = ["sudden", "gradual"] as const;
export const GOAL_KINDS = ["event", "distance", "none"] as const;
export const DISTANCE_UNITS = ["km", "mi"] as const;
export type DistanceUnit = (typeof DISTANCE_UNITS)[number];

/** Which version of the form a visit gets (Visit.kind). */
export type IntakeKind = "INITIAL" | "FOLLOW_UP";

/** The clinic's questionnaire switches (settings akpsEnabled / lefsEnabled). */
export interface QuestionnaireSwitches {
  akps: boolean;
  lefs: boolean;
}

// Follow-on questions. Each applies only given an earlier answer: the form shows it only then, the schema
// requires it then (when `code` is set) and refuses it otherwise, and dropInapplicable() removes an answer
// that stopped applying because the patient changed the earlier one. One table, so all three agree.
export type Loose = DeepPartial<IntakeAnswers>;
export interface FollowOn {
  field: readonly string[];
  /** The earlier answer it depends on; while that is unanswered, nothing is required or refused. */
  dependsOn: readonly string[];
  applies: (a: Loose) => boolean;
  /** The message code when it applies but is missing; absent for optional follow-ons. */
  code?: "required" | "choice";
}

const isEvent = (a: Loose) => a.running?.goal?.kind === "event";
const runs = (a: Loose) => typeof a.running?.runsPerWeek === "number" && a.running.runsPerWeek > 0;

export const RUN_PAIN: FollowOn[] = [
  // §4.3: pain during running and the morning after are asked only of patients who are running.
  { field: ["pain", "duringRun"], dependsOn: ["running", "runsPerWeek"], applies: runs, code: "choice" },
  { field: ["pain", "morningAfter"], dependsOn: ["running", "runsPerWeek"], applies: runs, code: "choice" },
];

export const INITIAL_FOLLOW_ONS: FollowOn[] = [
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

export function at(obj: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}
export const answered = (v: unknown) => v !== undefined && v !== null && v !== "";

/** Whether a follow-on question is asked now: the answer it depends on is given and makes it apply. */
export function followOnApplies(kind: IntakeKind, field: string, answers: Loose): boolean {
  const rule = (kind === "FOLLOW_UP" ? RUN_PAIN : INITIAL_FOLLOW_ONS).find((r) => r.field.join(".") === field);
  return rule ? answered(at(answers, rule.dependsOn)) && rule.applies(answers) : true;
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
