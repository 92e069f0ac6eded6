// Complete, valid inputs for the engine's tests (and the example cases): a runner with patellofemoral
// pain after a jump in distance (+25% in a week) and an asymmetric hip abduction (65%, 54 N). Override what a test is about.
import type { ExamData } from "./exam-schema";
import type { IntakeAnswers } from "./intake-schema";
import type { DeepPartial } from "./schema-kit";

function merge<T>(base: T, over: DeepPartial<T> | undefined): T {
  if (over === undefined) return base;
  if (Array.isArray(base) || typeof base !== "object" || base === null) return over as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over as Record<string, unknown>)) {
    if (v === undefined) continue;
    const b = (base as Record<string, unknown>)[k];
    out[k] = b && typeof b === "object" && !Array.isArray(b) && v && typeof v === "object" && !Array.isArray(v) ? merge(b, v as never) : v;
  }
  return out as T;
}

export const NO_RED_FLAGS: IntakeAnswers["safety"] = {
  injuryOrFall: false,
  swelling: false,
  hotOrRed: false,
  feverOrUnwell: false,
  locking: false,
  givingWay: false,
  nightOrRestPain: false,
  weightLoss: false,
  calfSwelling: false,
  painOnHopping: false,
  focalBonePain: false,
  groinPain: false,
  lowEnergyIntake: false,
  missedPeriods: false,
  recentTrainingJump: false,
};

export function fullIntake(over?: DeepPartial<IntakeAnswers>): IntakeAnswers {
  const base: IntakeAnswers = {
    about: { nameCorrect: true, sex: "female", heightCm: 168, bodyMassKg: 60, occupation: "Teacher", activityLevel: "mostly-standing" },
    running: {
      yearsRunning: 4,
      runsPerWeek: 4,
      distanceUnit: "km",
      weeklyKm: { thisWeek: 40, lastWeek: 32, twoWeeksAgo: 30, threeWeeksAgo: 30, fourWeeksAgo: 28, bestLastYear: 45 },
      longestRunKm: 18,
      paceMinPerKm: 5.5,
      surfaces: ["road", "trail"],
      downhill: "often",
      bankedRoads: "sometimes",
      shoes: "Trainer X",
      shoeAgeMonths: 8,
      cadenceSpm: 164,
      recentChanges: ["more-distance", "more-hills"],
      goal: { kind: "event", eventName: "City half marathon", eventDate: "2027-04-18" },
    },
    knee: {
      side: "right",
      areas: { left: [], right: ["around-kneecap"] },
      startedWeeksAgo: 5,
      onset: "gradual",
      triggers: ["running", "downhill", "stairs-down", "squatting"],
      painEachFootStrike: true,
      painStartsInRun: "10-to-30-min",
      painLastsAfter: "1-to-24-hours",
      restEases: true,
      tried: ["rest", "ice"],
    },
    pain: { now: 3, worstWeek: 6, duringRun: 5, morningAfter: 4 },
    safety: NO_RED_FLAGS,
    questionnaires: { akps: [0, 0, 0, 1, 1, 2, 1, 1, 1, 0, 0, 0, 0], lefs: [4, 3, 4, 4, 4, 3, 4, 4, 3, 4, 4, 3, 3, 4, 3, 2, 1, 1, 2, 4] },
    consent: { agreed: true, signatureName: "Ann Runner" },
  };
  return merge(base, over);
}

/** Hip abduction measured on the norm's protocol (side-lying long lever, break test, belt). */
export function fullExam(over?: DeepPartial<ExamData>): ExamData {
  const base: ExamData = {
    bodyMassKg: 60,
    heightCm: 168,
    strength: {
      hipAbduction: { protocol: { position: "side-lying-long-lever", leverArmM: 0.85, contraction: "break", belt: true }, left: { trialsN: [150, 155, 152] }, right: { trialsN: [100, 98, 101] } },
      hipExtension: { protocol: { position: "prone-knee-90", leverArmM: 0.45, contraction: "break", belt: true }, left: { trialsN: [240] }, right: { trialsN: [232] } },
      hipExternalRotation: { protocol: { position: "seated-90-90", leverArmM: 0.35, contraction: "break", belt: false }, left: { trialsN: [110] }, right: { trialsN: [104] } },
    },
    mmt: { gluteusMedius: { left: "5", right: "4" }, gluteusMaximus: { left: "5", right: "5" } },
    functional: {
      singleLegSquat: { left: { rating: "good" }, right: { rating: "fair", kneeValgus: true, pelvicDrop: true } },
      stepDown: { left: { armStrategy: false, trunkLean: false, pelvisTilt: false, knee: 0, unsteady: false }, right: { armStrategy: false, trunkLean: true, pelvisTilt: true, knee: 1, unsteady: false } },
      trendelenburg: { left: "negative", right: "negative" },
      sidePlankS: { left: 60, right: 48 },
    },
    rtrScreen: {
      walk30Min: { result: "pass", pain: 0 },
      singleLegStand10s: { result: "pass", pain: 0 },
      singleLegSquat10: { result: "pass", pain: 2 },
      jogOnSpot1Min: { result: "pass", pain: 1 },
      hop10: { result: "pass", pain: 2 },
    },
    safety: { calfCircumferenceDiffCm: 0.5, focalBonyTenderness: "negative", painOnHop: "negative", painfulHipInternalRotation: "negative" },
    flexibility: {
      thomasOneJoint: { left: { result: "negative" }, right: { result: "negative" } },
      thomasTwoJoint: { left: { result: "negative" }, right: { result: "positive" } },
      ober: { left: { result: "negative" }, right: { result: "negative" } },
      ely: { left: { result: "negative" }, right: { result: "negative" } },
      hamstring9090: { left: { result: "negative" }, right: { result: "negative" } },
    },
    palpation: {
      quadricepsTendon: { left: "negative", right: "negative" },
      patellarTendonInferiorPole: { left: "negative", right: "negative" },
      patellarFacets: { left: "negative", right: "positive" },
      lateralEpicondyleNoble: { left: "negative", right: "negative" },
      jointLine: { left: "negative", right: "negative" },
      effusion: { left: "none", right: "trace" },
      squatReproducesPain: "positive",
    },
    impression: "Right PFP after a quick increase in distance and hills.",
    classification: "agree",
  };
  return merge(base, over);
}
