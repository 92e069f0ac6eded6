import { describe, expect, it } from "vitest";
import { assess, RULESET_VERSION } from "./engine";
import type { ExamData } from "./exam-schema";
import type { IntakeAnswers } from "./intake-schema";
import { sampleIntake } from "./intake-sample";
import { DEFAULT_SETTINGS } from "./settings";

const intake = (over: Partial<IntakeAnswers["safety"]> = {}, km: { thisWeek: number; fourWeeksAgo: number } = { thisWeek: 30, fourWeeksAgo: 28 }): IntakeAnswers =>
  sampleIntake({ safety: over, running: { weeklyKm: { ...km, bestLastYear: undefined }, downhill: "often", bankedRoads: "never" } });
const exam = (left?: number, right?: number): ExamData => ({
  bodyMassKg: 60,
  strength: { hipAbduction: { left: { trialsN: left === undefined ? [] : [left] }, right: { trialsN: right === undefined ? [] : [right] } } },
});
const run = (i: IntakeAnswers | null, e: ExamData | null) => assess({ intake: i, exam: e, settings: DEFAULT_SETTINGS });

describe("assess", () => {
  it("stamps the ruleset version", () => {
    expect(run(intake(), exam(200, 150)).rulesetVersion).toBe(RULESET_VERSION);
  });

  it("is incomplete without an exam, naming what is missing, with no plan", () => {
    const r = run(intake(), null);
    expect(r.status).toBe("incomplete");
    expect(r.missing).toEqual(["No exam has been recorded."]);
    expect(r.plan).toBeNull();
  });

  it("is incomplete without an intake", () => {
    expect(run(null, exam(200, 200)).status).toBe("incomplete");
  });

  it.each([
    ["a hot knee with fever", { hotOrRed: true, feverOrUnwell: true }, "red.septic-arthritis"],
    ["a swollen knee with feeling unwell", { swelling: true, feverOrUnwell: true }, "red.septic-arthritis"],
    ["calf swelling", { calfSwelling: true }, "red.dvt"],
    ["night pain", { nightOrRestPain: true }, "red.night-rest-pain"],
    ["a locking knee", { locking: true }, "red.locked-knee"],
    ["weight loss", { weightLoss: true }, "red.weight-loss"],
    ["pain on hopping", { painOnHopping: true }, "red.bone-stress"],
    ["groin pain", { groinPain: true }, "red.bone-stress"],
    ["low energy with a training jump", { lowEnergyIntake: true, recentTrainingJump: true }, "red.bone-stress"],
  ] as const)("refers and suppresses the running plan when %s is reported", (_name, safety, code) => {
    const r = run(intake(safety), exam(200, 150));
    expect(r.status).toBe("refer");
    expect(r.plan).toBeNull();
    expect(r.returnToRun).toBeNull();
    expect(r.flags.map((f) => f.code)).toContain(code);
    expect(r.statusReason).toMatch(/physician/);
    expect(r.derived.load).toEqual([]);
    expect(JSON.stringify(r)).not.toMatch(/km|weekly distance/i);
  });

  it("refers even when the exam is missing", () => {
    expect(run(intake({ calfSwelling: true }), null).status).toBe("refer");
  });

  it("gives a plan with the running part on hold when the knee gives way", () => {
    const r = run(intake({ givingWay: true }), exam(200, 190));
    expect(r.status).toBe("plan");
    expect(r.plan).not.toBeNull();
    expect(r.returnToRun).toBeNull();
    expect(r.flags.find((f) => f.code === "soft.giving-way")?.level).toBe("soft");
  });

  it("flags hip abduction asymmetry with the weaker side and the findings", () => {
    const r = run(intake(), exam(200, 140));
    const flag = r.flags.find((f) => f.code === "strength.asymmetry.hipAbduction");
    expect(flag?.title).toContain("right weaker");
    expect(flag?.findings.map((f) => f.value)).toEqual([200, 140, 70]);
    expect(r.derived.hipAbduction?.symmetryPercent).toBe(70);
  });

  it("reports possible asymmetry within the measurement error instead of the flag", () => {
    const r = run(intake(), exam(140, 100));
    expect(r.flags.map((f) => f.code)).toContain("strength.possible-asymmetry.hipAbduction");
    expect(r.flags.map((f) => f.code)).not.toContain("strength.asymmetry.hipAbduction");
  });

  it("flags missing strength data without inventing values", () => {
    const r = run(intake(), exam(200, undefined));
    expect(r.status).toBe("plan");
    expect(r.derived.hipAbduction).toBeNull();
    expect(r.flags.map((f) => f.code)).toContain("missing.strength.hipAbduction");
  });

  it("flags a recent jump in weekly distance and cites it in the slow-build line", () => {
    const r = run(intake({}, { thisWeek: 40, fourWeeksAgo: 25 }), exam(200, 200));
    expect(r.flags.map((f) => f.code)).toContain("load.ramp");
    const line = r.plan!.lines.find((l) => l.id === "load.slow-build")!;
    expect(line.because.find((f) => f.code === "derived.load.changePercent")?.value).toBe(60);
  });

  it("gives every plan line a rule with a reference section", () => {
    const r = run(intake(), exam(200, 150));
    expect(r.plan!.lines.length).toBeGreaterThan(0);
    for (const line of r.plan!.lines) expect(line.rule.section).toMatch(/^§/);
  });

  it("gives the terrain advice, citing downhill running when the patient runs downhill", () => {
    const line = run(intake(), exam(200, 200)).plan!.lines.find((l) => l.id === "activity.terrain")!;
    expect(line.text).toMatch(/downhill/);
    expect(line.because.map((f) => f.code)).toEqual(["intake.running.downhill"]);
  });

  it("never says hip weakness causes the pain", () => {
    const text = run(intake(), exam(200, 140)).plan!.lines.map((l) => l.text).join(" ");
    expect(text).not.toMatch(/caus/i);
  });
});
