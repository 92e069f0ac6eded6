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

/**
 * The one complete exam of the tests, the demo and the benchmarks: every section of the exam form, hip
 * abduction measured on the norm's protocol (side-lying long lever, break test, belt). A new exam field goes
 * here once; prisma/factories.ts's demo exam is this exam with the demo runner's readings.
 */
export function fullExam(over?: DeepPartial<ExamData>): ExamData {
  const base: ExamData = {
    bodyMassKg: 60,
    heightCm: 168,
    strength: {
      hipAbduction: {
        protocol: { position: "side-lying-long-lever", leverArmM: 0.85, contraction: "break", belt: true },
        left: { trialsN: [150, 155, 152] },
        right: { trialsN: [100, 98, 101] },
      },
      hipExtension: {
        protocol: { position: "prone-knee-90", leverArmM: 0.45, contraction: "break", belt: true },
        left: { trialsN: [240] },
        right: { trialsN: [232] },
      },
      hipExternalRotation: {
        protocol: { position: "seated-90-90", leverArmM: 0.35, contraction: "break", belt: false },
        left: { trialsN: [110] },
        right: { trialsN: [104] },
      },
      kneeExtension: {
        protocol: { position: "seated-90", leverArmM: 0.38, contraction: "break", belt: true },
        left: { notTested: true },
        right: { notTested: true },
      },
    },
    mmt: { gluteusMedius: { left: "5", right: "4" }, gluteusMaximus: { left: "5", right: "5" } },
    functional: {
      singleLegSquat: { left: { rating: "good" }, right: { rating: "fair", kneeValgus: true, pelvicDrop: true } },
      // Items not seen are left unticked (absent); the knee item is always answered.
      stepDown: { left: { knee: 0 }, right: { trunkLean: true, pelvisTilt: true, knee: 1 } },
      trendelenburg: { left: "negative", right: "negative" },
      sidePlankS: { left: 60, right: 48 },
      yBalance: {
        limbLengthCm: 90,
        left: { anteriorCm: 62, posteromedialCm: 96, posterolateralCm: 92 },
        right: { anteriorCm: 60, posteromedialCm: 94, posterolateralCm: 90 },
      },
    },
    rtrScreen: {
      walk30Min: { result: "pass", pain: 0 },
      singleLegStand10s: { result: "pass", pain: 0 },
      singleLegSquat10: { result: "pass", pain: 2 },
      jogOnSpot1Min: { result: "pass", pain: 1 },
      hop10: { result: "pass", pain: 2 },
    },
    safety: {
      ottawa: { age55OrOver: false, isolatedPatellarTenderness: false, fibularHeadTenderness: false, cannotFlexTo90: false, cannotBearWeight4Steps: false },
      calfCircumferenceDiffCm: 0.5,
      focalBonyTenderness: "negative",
      painOnHop: "negative",
      painfulHipInternalRotation: "negative",
    },
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
