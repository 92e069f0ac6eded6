// A complete, valid intake for tests, the demo seed and the engine's examples: a runner with gradual front-
// of-knee pain after a rise in distance (clinical-rules §1.1). Overrides merge into it at any depth;
// lists are replaced, not merged.
import { dropInapplicable, kneesFor } from "./intake-options";
import type { FollowUpIntakeAnswers, IntakeAnswers } from "./intake-schema";
import { mergeDeep } from "./merge";
import type { DeepPartial } from "./schema-builders";

export { mergeDeep };

export type IntakeOverrides = DeepPartial<IntakeAnswers>;

// Plausible answers to the §4.1 / §4.2 questionnaires for such a runner: AKPS 82, LEFS 61.
const AKPS = [1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0];
const LEFS = [4, 2, 4, 4, 4, 2, 4, 4, 3, 4, 4, 3, 3, 4, 2, 2, 1, 1, 2, 4];

/** Every safety screen answered "no". */
export const NO_RED_FLAGS: IntakeAnswers["safety"] = {
  injuryOrFall: false,
  swelling: false,
  hotOrRed: false,
  feverOrUnwell: false,
  locking: false,
  givingWay: false,
  nightWakes: false,
  constantRestPain: false,
  weightLoss: false,
  calfSwelling: false,
  painOnHopping: false,
  focalBonePain: false,
  groinPain: false,
  lowEnergyIntake: false,
  missedPeriods: false,
  recentTrainingJump: false,
};

/** A date that many weeks after today (YYYY-MM-DD): the sample's race is always still to come, as the
 * intake's rules require of a date a patient types. */
export function weeksFromToday(weeks: number, now: number = Date.now()): string {
  return new Date(now + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
}

export function sampleIntake(over: IntakeOverrides = {}): IntakeAnswers {
  const base: IntakeAnswers = {
    about: { nameCorrect: true, sex: "female", heightCm: 168, bodyMassKg: 60, occupation: "Teacher", activityLevel: "mostly-standing" },
    running: {
      yearsRunning: 6,
      runsPerWeek: 4,
      distanceUnit: "km",
      // Only the two required weeks, so overrides of thisWeek/fourWeeksAgo decide the §6.3 comparison.
      weeklyKm: { thisWeek: 32, fourWeeksAgo: 22, bestLastYear: 40 },
      longestRunKm: 16,
      paceMinPerKm: 5.5,
      surfaces: ["road", "trail"],
      downhill: "often",
      bankedRoads: "sometimes",
      shoes: "Road trainers",
      shoeAgeMonths: 8,
      cadenceSpm: 164,
      recentChanges: ["more-distance"],
      goal: { kind: "event", eventName: "City half marathon", eventDate: weeksFromToday(19) },
    },
    knee: {
      side: "right",
      areas: { left: [], right: ["around-kneecap"] },
      startedWeeksAgo: 6,
      onset: "gradual",
      triggers: ["running", "downhill", "stairs-down", "squatting"],
      painEachFootStrike: true,
      painStartsInRun: "10-to-30-min",
      painLastsAfter: "1-to-24-hours",
      restEases: true,
      tried: ["rest", "ice"],
    },
    pain: { now: 3, worstWeek: 6, duringRun: 5, morningAfter: 3 },
    safety: { ...NO_RED_FLAGS },
    questionnaires: { akps: [...AKPS], lefs: [...LEFS] },
    consent: { agreed: true, signatureName: "Ann Runner" },
  };
  const merged = mergeDeep(base, over);
  // Keep the drawing consistent with the painful knee(s) unless the override marks areas itself.
  if (!over.knee?.areas) {
    const painful = kneesFor(merged.knee.side);
    merged.knee.areas = { left: painful.includes("left") ? ["around-kneecap"] : [], right: painful.includes("right") ? ["around-kneecap"] : [] };
  }
  return dropInapplicable("INITIAL", merged);
}

/** A complete follow-up intake (the shorter version). */
export function sampleFollowUpIntake(over: DeepPartial<FollowUpIntakeAnswers> = {}): FollowUpIntakeAnswers {
  const full = sampleIntake();
  const base: FollowUpIntakeAnswers = {
    running: { distanceUnit: "km", runsPerWeek: 3, weeklyKm: { thisWeek: 20, fourWeeksAgo: 15 } },
    knee: { side: full.knee.side, areas: full.knee.areas },
    pain: { now: 1, worstWeek: 3, duringRun: 2, morningAfter: 1 },
    safety: full.safety,
    questionnaires: { akps: [0, 0, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0], lefs: Array.from({ length: 20 }, () => 4) },
    consent: full.consent,
  };
  return dropInapplicable("FOLLOW_UP", mergeDeep(base, over));
}
