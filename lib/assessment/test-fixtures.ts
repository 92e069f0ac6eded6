// Complete, valid inputs for the engine's tests (and the example cases): a runner with patellofemoral
// pain after a jump in distance (+25% in a week) and an asymmetric hip abduction (65%, 54 N). Override what a test is about.
import type { ExamData } from "./exam-schema";
import type { IntakeAnswers } from "./intake-schema";
import type { DeepPartial } from "./schema-builders";
import { NO_RED_FLAGS, sampleIntake } from "./intake-sample";
import { mergeDeep } from "./merge";

export { NO_RED_FLAGS };

export function fullIntake(over?: DeepPartial<IntakeAnswers>): IntakeAnswers {
  // The demo's sample runner, with five weeks of distance (+25% this week) and somewhat worse scores.
  const differences: DeepPartial<IntakeAnswers> = {
    running: {
      yearsRunning: 4,
      weeklyKm: { thisWeek: 40, lastWeek: 32, twoWeeksAgo: 30, threeWeeksAgo: 30, fourWeeksAgo: 28, bestLastYear: 45 },
      longestRunKm: 18,
      shoes: "Trainer X",
      recentChanges: ["more-distance", "more-hills"],
    },
    knee: { startedWeeksAgo: 5 },
    pain: { morningAfter: 4 },
    questionnaires: { akps: [0, 0, 0, 1, 1, 2, 1, 1, 1, 0, 0, 0, 0], lefs: [4, 3, 4, 4, 4, 3, 4, 4, 3, 4, 4, 3, 3, 4, 3, 2, 1, 1, 2, 4] },
  };
  return sampleIntake(mergeDeep(differences, over));
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
  return mergeDeep(base, over);
}
