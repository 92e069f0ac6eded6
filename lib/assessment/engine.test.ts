import { describe, expect, it } from "vitest";
import { assess, RULESET_VERSION, type AssessmentInput } from "./engine";
import type { ExamData } from "./exam-schema";
import type { IntakeAnswers } from "./intake-schema";
import type { DeepPartial } from "./schema-builders";
import { DEFAULT_SETTINGS } from "./settings";
import { fullExam, fullIntake } from "./test-fixtures";
import { englishWords } from "../i18n/summary";

/** `unrecorded` leaves out exam sections the complete fixture has (an override can only add or change). */
const run = (
  opts: {
    intake?: DeepPartial<IntakeAnswers> | null;
    exam?: DeepPartial<ExamData> | null;
    unrecorded?: "ottawa";
    age?: number;
    extra?: Partial<AssessmentInput>;
  } = {},
) =>
  assess({
    intake: opts.intake === null ? null : fullIntake(opts.intake ?? undefined),
    exam: opts.exam === null ? null : withoutOttawa(fullExam(opts.exam ?? undefined), opts.unrecorded === "ottawa"),
    settings: DEFAULT_SETTINGS,
    patient: { ageYears: opts.age ?? 34 },
    ...opts.extra,
  });
function withoutOttawa(e: ExamData, drop: boolean): ExamData {
  if (!drop || !e.safety) return e;
  const { ottawa: _dropped, ...safety } = e.safety;
  return { ...e, safety };
}
const codes = (a: ReturnType<typeof assess>) => a.flags.map((f) => f.code);
const everyText = (a: ReturnType<typeof assess>) => JSON.stringify(a);

describe("status (clinical-rules §5)", () => {
  it("gives a plan for a runner with no red flags", () => {
    const a = run();
    expect(a.status).toBe("plan");
    expect(a.rulesetVersion).toBe(RULESET_VERSION);
    expect(a.plan).not.toBeNull();
    expect(a.returnToRun).not.toBeNull();
  });

  it("is incomplete without an exam, naming what is missing and giving no plan", () => {
    const a = run({ exam: null });
    expect(a.status).toBe("incomplete");
    expect(a.missing).toEqual(["No exam has been recorded."]);
    expect(a.plan).toBeNull();
    expect(a.returnToRun).toBeNull();
  });

  it("is incomplete without the intake", () => {
    expect(run({ intake: null }).missing[0]).toMatch(/intake/);
  });

  it("is incomplete when the safety questions were not answered", () => {
    const intake = fullIntake();
    const a = assess({ intake: { ...intake, safety: undefined }, exam: fullExam(), settings: DEFAULT_SETTINGS });
    expect(a.status).toBe("incomplete");
    expect(a.missing).toEqual(["The safety questions have not been answered."]);
  });

  it("refers even with no exam when the intake holds a hard red flag", () => {
    expect(run({ exam: null, intake: { safety: { calfSwelling: true } } }).status).toBe("refer");
  });
});

describe("hard red flags refer, with no running plan and no mileage anywhere (§5)", () => {
  const cases: [string, Parameters<typeof run>[0], string, string][] = [
    ["a hot swollen knee with fever", { intake: { safety: { swelling: true, feverOrUnwell: true } } }, "red.septic-arthritis", "emergency"],
    ["a red knee with feeling unwell", { intake: { safety: { hotOrRed: true, feverOrUnwell: true } } }, "red.septic-arthritis", "emergency"],
    ["calf swelling reported", { intake: { safety: { calfSwelling: true } } }, "red.dvt", "same-day"],
    ["a calf 3.1 cm larger", { exam: { safety: { calfCircumferenceDiffCm: 3.1 } } }, "red.dvt", "same-day"],
    [
      "an injury with an Ottawa finding",
      { intake: { safety: { injuryOrFall: true } }, exam: { safety: { ottawa: { cannotFlexTo90: true } } } },
      "red.ottawa",
      "same-day",
    ],
    ["an injury at 55 (Ottawa age)", { intake: { safety: { injuryOrFall: true } }, exam: { safety: { ottawa: {} } }, age: 55 }, "red.ottawa", "same-day"],
    ["a locked knee", { intake: { safety: { locking: true } } }, "red.acute-knee", "next-day"],
    ["a large effusion", { exam: { palpation: { effusion: { right: "moderate-or-large" } } } }, "red.acute-knee", "next-day"],
    [
      "swelling after an injury",
      { intake: { safety: { injuryOrFall: true, swelling: true } }, exam: { safety: { ottawa: {} } } },
      "red.acute-knee",
      "next-day",
    ],
    ["pain that wakes from sleep", { intake: { safety: { nightWakes: true } } }, "red.serious-pathology", "urgent"],
    ["constant pain not eased by position", { intake: { safety: { constantRestPain: true } } }, "red.serious-pathology", "urgent"],
    ["unexplained weight loss", { intake: { safety: { weightLoss: true } } }, "red.serious-pathology", "urgent"],
    ["focal bone pain", { intake: { safety: { focalBonePain: true } } }, "red.bone-stress", "urgent"],
    ["pain on hopping in the exam", { exam: { safety: { painOnHop: "positive" } } }, "red.bone-stress", "urgent"],
    ["missed periods with pain on hopping", { intake: { safety: { missedPeriods: true, painOnHopping: true } } }, "red.bone-stress", "urgent"],
    ["groin pain", { intake: { safety: { groinPain: true } } }, "red.femoral-neck", "same-day"],
    ["a 15-year-old with painful hip rotation", { exam: { safety: { painfulHipInternalRotation: "positive" } }, age: 15 }, "red.scfe", "same-day"],
  ];
  it.each(cases)("refers for %s", (_name, opts, code, urgency) => {
    const a = run(opts);
    expect(a.status).toBe("refer");
    expect(codes(a)).toContain(code);
    expect(a.referral?.urgency).toBe(urgency);
    expect(a.statusReason).toMatch(/^See a physician/);
    expect(a.plan).toBeNull();
    expect(a.returnToRun).toBeNull();
    expect(a.derived.load).toEqual([]);
    expect(codes(a)).not.toContain("load.ramp");
    expect(everyText(a)).not.toMatch(/\bkm\b|walk-run|weekly distance/i);
  });

  it("takes the most urgent referral when several fire", () => {
    expect(run({ intake: { safety: { nightWakes: true, calfSwelling: true, swelling: true, feverOrUnwell: true } } }).referral?.urgency).toBe("emergency");
  });
});

describe("around the safety thresholds", () => {
  it("does not refer a calf exactly 3 cm larger (the sign is more than 3 cm)", () => {
    expect(run({ exam: { safety: { calfCircumferenceDiffCm: 3 } } }).status).toBe("plan");
  });
  it("does not apply the Ottawa age item at 54", () => {
    const a = run({ intake: { safety: { injuryOrFall: true } }, exam: { safety: { ottawa: {} } }, age: 54 });
    expect(a.status).toBe("plan");
  });
  it("does not refer painful hip rotation at 18 (the SCFE rule is for adolescents)", () => {
    expect(run({ exam: { safety: { painfulHipInternalRotation: "positive" } }, age: 18 }).status).toBe("plan");
  });
  it("does not refer missed periods without a bony sign (safety.low-energy-review: a soft flag instead)", () => {
    const a = run({
      intake: { safety: { missedPeriods: true }, running: { weeklyKm: { thisWeek: 30, lastWeek: 30, twoWeeksAgo: 30, threeWeeksAgo: 30, fourWeeksAgo: 30 } } },
    });
    expect(a.status).toBe("plan");
    expect(codes(a)).toContain("soft.low-energy");
  });
  it("does not refer a BMI under 18.5 with a load jump but no bony sign (safety.bone-stress needs a bony sign)", () => {
    const a = run({ intake: { about: { bodyMassKg: 50 } }, exam: { bodyMassKg: 50, heightCm: 168 } });
    expect(codes(a)).not.toContain("red.bone-stress"); // BMI 17.7, weekly distance +43% over four weeks
    expect(codes(a)).toContain("soft.low-energy");
  });
  it("does not refer a BMI of exactly 18.5 without another sign", () => {
    const a = run({ exam: { bodyMassKg: 74, heightCm: 200 } });
    expect(codes(a)).not.toContain("red.bone-stress"); // 74 / 2.00² = 18.5
  });
});

describe("soft flags: a plan with the running part on hold (§5)", () => {
  it.each([
    ["giving way", { intake: { safety: { givingWay: true } } }, "soft.instability"],
    ["kneecap subluxations on the Kujala", { intake: { questionnaires: { akps: [0, 0, 0, 1, 1, 2, 1, 1, 1, 0, 2, 0, 0] } } }, "soft.instability"],
    ["swelling without injury or fever", { intake: { safety: { swelling: true } } }, "soft.persistent-swelling"],
    ["an injury with the Ottawa rules not recorded", { intake: { safety: { injuryOrFall: true } }, unrecorded: "ottawa" }, "soft.trauma-ottawa-unchecked"],
  ] as const)("holds running for %s", (_n, opts, code) => {
    const a = run(opts as Parameters<typeof run>[0]);
    expect(a.status).toBe("plan");
    expect(codes(a)).toContain(code);
    expect(a.plan?.runningOnHold).toBe(true);
    expect(a.plan?.holdFor).toBe("flags");
    expect(englishWords().onHoldReason(a)).toMatch(/^On hold until your clinician confirms/);
    expect(a.plan?.cadence).toBeNull();
  });

  it("treats a recent jump in training alone as a load flag, not a red flag", () => {
    const steady = { thisWeek: 30, lastWeek: 30, twoWeeksAgo: 30, threeWeeksAgo: 30, fourWeeksAgo: 30 };
    const a = run({ intake: { safety: { recentTrainingJump: true }, running: { weeklyKm: steady } } });
    expect(a.status).toBe("plan");
    expect(a.plan?.runningOnHold).toBe(false);
    expect(codes(a)).toContain("load.ramp");
  });
});

describe("strength flags (§2.3)", () => {
  it("flags hip abduction asymmetry with the weaker side", () => {
    const a = run();
    const f = a.flags.find((x) => x.code === "strength.asymmetry.hipAbduction")!;
    expect(f.title).toBe("Hip abduction asymmetry: right weaker");
    expect(f.findings.map((x) => x.value)).toEqual([155, 101, 65]);
  });
  it("reports a possible asymmetry within the 49 N MDC as 'retest', not the flag", () => {
    const a = run({ exam: { strength: { hipAbduction: { left: { trialsN: [150] }, right: { trialsN: [120] } } } } });
    // 120/150 = 80% < 90% but 30 N ≤ 49 N
    expect(codes(a)).toContain("strength.possible-asymmetry.hipAbduction");
    expect(codes(a)).not.toContain("strength.asymmetry.hipAbduction");
  });
  it("uses the clinic's 10% relative error for hip extension", () => {
    const a = run({ exam: { strength: { hipExtension: { left: { trialsN: [300] }, right: { trialsN: [260] } } } } });
    expect(codes(a)).toContain("strength.asymmetry.hipExtension"); // 87%, 40 N > 30 N
  });
  it("flags bilateral weakness only on the norm's protocol", () => {
    const weak = { strength: { hipAbduction: { left: { trialsN: [70] }, right: { trialsN: [68] } } } };
    // (70 N × 0.85 m) / 60 kg = 0.99 Nm/kg; female aged 34: expected 1.43, cut-off 1.08
    expect(codes(run({ exam: weak }))).toContain("strength.bilateral-weakness.hipAbduction");
    const otherProtocol = { strength: { hipAbduction: { ...weak.strength.hipAbduction, protocol: { contraction: "make" as const } } } };
    expect(codes(run({ exam: otherProtocol }))).not.toContain("strength.bilateral-weakness.hipAbduction");
  });
  it("reports missing and untested strength data without inventing values", () => {
    const a = run({
      exam: {
        strength: {
          hipExternalRotation: { left: { notTested: true }, right: { notTested: true } },
          hipExtension: { left: { trialsN: [] }, right: { trialsN: [] } },
        },
      },
    });
    expect(codes(a)).toContain("untested.strength.hipExternalRotation");
    expect(codes(a)).toContain("missing.strength.hipExtension");
    expect(a.derived.strength.hipExtension).toBeUndefined();
  });
  it("never infers an imbalance from manual muscle grades alone", () => {
    const exam = fullExam();
    delete exam.strength.hipAbduction;
    const a = assess({ intake: fullIntake(), exam, settings: DEFAULT_SETTINGS });
    expect(codes(a)).toContain("strength.mmt-only.gluteusMedius");
    expect(codes(a).some((c) => c.startsWith("strength.asymmetry.hipAbduction"))).toBe(false);
  });
  it("says when a change since the last visit is within the measurement error", () => {
    const previousVisits = [{ date: "2026-10-01", exam: fullExam({ strength: { hipAbduction: { left: { trialsN: [140] }, right: { trialsN: [80] } } } }) }];
    const a = run({ extra: { previousVisits } });
    expect(a.derived.strength.hipAbduction?.change).toEqual({ left: 15, right: 21, beyondError: false });
    const bigger = run({ extra: { previousVisits: [{ date: "2026-10-01", exam: fullExam({ strength: { hipAbduction: { right: { trialsN: [50] } } } }) }] } });
    expect(bigger.derived.strength.hipAbduction?.change?.beyondError).toBe(true); // +51 N > 49 N
    expect(codes(a)).toContain("strength.change-within-error.hipAbduction");
  });
});

describe("load (§6.3)", () => {
  it("flags a week-on-week rise over 20%", () => {
    const a = run({ intake: { running: { weeklyKm: { thisWeek: 25, lastWeek: 20, twoWeeksAgo: 20, threeWeeksAgo: 20, fourWeeksAgo: 20 } } } });
    expect(codes(a)).toContain("load.ramp");
  });
  it("does not flag steady running", () => {
    const a = run({ intake: { running: { weeklyKm: { thisWeek: 30, lastWeek: 30, twoWeeksAgo: 30, threeWeeksAgo: 30, fourWeeksAgo: 30 } } } });
    expect(codes(a)).not.toContain("load.ramp");
  });
});

describe("classification (§1)", () => {
  it("says patellofemoral pain is likely for pain around the kneecap on squatting", () => {
    const a = run();
    expect(a.classification.code).toBe("pfp-likely");
    expect(a.classification.for.map((f) => f.code)).toContain("exam.palpation.squatReproducesPain");
  });
  it("considers quadriceps tendinopathy for one spot above the kneecap, and withholds the PFP programme", () => {
    const a = run({ intake: { knee: { areas: { right: ["above-kneecap"] } } } });
    expect(a.classification).toMatchObject({ code: "tendinopathy-consider", tendon: "quadriceps" });
    expect(a.plan?.exercises).toEqual([]);
    expect(codes(a)).toContain("classification.tendinopathy-confirm");
    expect(a.plan?.runningOnHold).toBe(true);
  });
  it("considers patellar tendinopathy for a tender inferior pole", () => {
    const a = run({ exam: { palpation: { patellarTendonInferiorPole: { right: "positive" } } } });
    expect(a.classification).toMatchObject({ code: "tendinopathy-consider", tendon: "patellar" });
  });
  it("says ITB syndrome is likely for outer-knee pain with a positive Noble test", () => {
    const a = run({ intake: { knee: { areas: { right: ["outer"] } } }, exam: { palpation: { lateralEpicondyleNoble: { right: "positive" } } } });
    expect(a.classification.code).toBe("itbs-likely");
  });
  it("is unclear for outer-knee pain with the Noble test not done", () => {
    expect(run({ intake: { knee: { areas: { right: ["outer"] } } } }).classification.code).toBe("unclear");
  });
  it("follows the clinician's override", () => {
    const a = run({ exam: { classification: "itbs" } });
    expect(a.classification.code).toBe("itbs-likely");
    expect(a.classification.clinicianOverride).toMatch(/clinician's working classification/);
  });
});

describe("the plan (§1.2, §6.4, §7)", () => {
  it("starts at level 2 with moderate pain (plan.exercise: pain sets the level), 3 days a week for 8 weeks", () => {
    const a = run();
    expect(a.plan!.exercises.map((e) => e.exerciseId)).toEqual(["side-lying-abduction", "band-clamshell", "bridge", "sit-to-stand", "seated-knee-extension"]);
    expect(a.plan!.exercises[0]).toMatchObject({ level: 2, dose: { sets: 2, reps: 10, perSide: true, daysPerWeek: 3, weeks: 8 } });
  });
  it("starts at level 1 with high pain", () => {
    const a = run({ intake: { pain: { now: 5 } } });
    expect(a.plan!.exercises.map((e) => e.exerciseId)).toEqual(["isometric-abduction", "clamshell", "bridge-hold", "wall-sit", "isometric-knee-extension"]);
  });
  it("starts at level 3 with low pain and no deficit, for 6 weeks", () => {
    const a = run({
      intake: { pain: { now: 1, worstWeek: 3 } },
      exam: {
        strength: { hipAbduction: { right: { trialsN: [150] } } },
        functional: { stepDown: { right: { trunkLean: false, pelvisTilt: false, knee: 0 } } },
      },
    });
    expect(a.plan!.exercises.map((e) => e.exerciseId)).toEqual([
      "band-walk",
      "band-clamshell",
      "bridge",
      "side-plank",
      "hip-hike",
      "squat",
      "seated-knee-extension",
    ]);
    expect(a.plan!.exercises[0]!.dose.weeks).toBe(6);
  });
  it("starts at level 1 when the pain scores are missing", () => {
    const intake = fullIntake();
    const a = assess({ intake: { ...intake, pain: undefined }, exam: fullExam(), settings: DEFAULT_SETTINGS });
    expect(a.plan!.exercises[0]!.level).toBe(1);
  });
  it("always includes knee-targeted work with the hip work", () => {
    const a = run();
    expect(new Set(a.plan!.exercises.map((e) => e.target))).toEqual(new Set(["hip", "knee"]));
  });
  it("chooses the quadriceps stretch for a positive two-joint Thomas test, and no stretch for negatives", () => {
    const a = run();
    expect(a.plan!.stretches.map((s) => s.stretchId)).toEqual(["quadriceps-stretch"]);
    expect(a.plan!.stretches[0]).toMatchObject({ holdSeconds: 30, reps: 2, perSide: true, daysPerWeek: 7 });
  });
  it("gives the clinic's terrain advice citing downhill and camber", () => {
    const line = run().plan!.activity.find((r) => r.id === "activity.terrain")!;
    // The default advice is the catalog's (said in the patient's language); a clinic's own is printed as written.
    expect(line.text).toBeUndefined();
    const own = run({ extra: { settings: { ...DEFAULT_SETTINGS, terrainAdvice: "Run the flat canal path until your review." } } });
    expect(own.plan!.activity.find((r) => r.id === "activity.terrain")!.text).toBe("Run the flat canal path until your review.");
    expect(line.because.map((f) => f.code)).toEqual(["intake.running.downhill", "intake.knee.triggers.downhill", "intake.running.bankedRoads"]);
  });
  it("advises on stairs only when stairs bring the pain on", () => {
    expect(run().plan!.activity.map((r) => r.id)).toContain("activity.stairs");
    expect(run({ intake: { knee: { triggers: ["running"] } } }).plan!.activity.map((r) => r.id)).not.toContain("activity.stairs");
  });
  it("offers a cadence trial at 170 steps a minute or less, and not above", () => {
    expect(run().plan!.cadence?.targetSpm).toEqual([172, 180]);
    expect(run({ intake: { running: { cadenceSpm: 170 } } }).plan!.cadence).not.toBeNull();
    expect(run({ intake: { running: { cadenceSpm: 171 } } }).plan!.cadence).toBeNull();
  });
  it("never tells the patient that hip weakness causes the pain (§0)", () => {
    const p = run().plan!;
    const w = englishWords();
    const patientText = [...p.education.map((r) => w.education(r)), ...p.activity.map((r) => w.activity(r))].join(" ");
    expect(patientText).not.toMatch(/caus/i);
    expect(w.education(p.education.find((e) => e.id === "education.hip")!)).toMatch(/often weaker .* strengthening .* helps/);
  });
  it("gives every recommendation a rule with a reference section", () => {
    const p = run().plan!;
    for (const line of [...p.education, ...p.activity, ...p.exercises, ...p.stretches]) expect(line.rule.section).toMatch(/§/);
  });
});

describe("follow-up", () => {
  it("reviews early (2 weeks) when a ramp was flagged, listing the asymmetric groups (plan.follow-up)", () => {
    const a = run();
    expect(codes(a)).toContain("load.ramp");
    expect(a.followUp?.inWeeks).toBe(2);
    expect(a.followUp?.outcomeInWeeks).toBe(6);
    expect(a.followUp?.retest).toContain("Hip abduction strength, both sides");
  });
  it("goes straight to the 6-week outcome visit when pain is low and there is no ramp (plan.follow-up)", () => {
    const steady = { thisWeek: 30, lastWeek: 30, twoWeeksAgo: 30, threeWeeksAgo: 30, fourWeeksAgo: 30 };
    const a = run({ intake: { running: { weeklyKm: steady }, pain: { now: 1, worstWeek: 3, duringRun: 2, morningAfter: 1 } }, exam: { rtrScreen: undefined } });
    if (a.returnToRun?.criteriaMet) expect(a.followUp?.inWeeks).toBe(6);
  });
  it("retests in 2 weeks when running is on hold", () => {
    expect(run({ intake: { safety: { givingWay: true } } }).followUp?.inWeeks).toBe(2);
  });
});

describe("robustness", () => {
  it("copes with empty objects everywhere without crashing or inventing values", () => {
    const a = assess({ intake: {}, exam: {}, settings: DEFAULT_SETTINGS });
    expect(a.status).toBe("incomplete");
    expect(a.derived.strength).toEqual({});
    expect(a.derived.bodyMassKg).toBeNull();
  });
  it("is deterministic", () => {
    expect(JSON.stringify(run())).toBe(JSON.stringify(run()));
  });
});
