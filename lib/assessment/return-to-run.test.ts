import { describe, expect, it } from "vitest";
import { derive } from "./derive";
import type { ExamData } from "./exam-schema";
import type { IntakeAnswers } from "./intake-schema";
import { buildReturnToRun, entryCriteria } from "./return-to-run";
import type { DeepPartial } from "./schema-kit";
import { DEFAULT_SETTINGS, type ClinicSettings } from "./settings";
import { fullExam, fullIntake } from "./test-fixtures";

function rtr(intakeOver?: DeepPartial<IntakeAnswers>, examOver?: DeepPartial<ExamData>, settings: ClinicSettings = DEFAULT_SETTINGS, startOverride?: Parameters<typeof buildReturnToRun>[0]["startOverride"]) {
  const intake = fullIntake(intakeOver);
  const exam = fullExam(examOver);
  const derived = derive({ intake, exam, settings });
  return buildReturnToRun({ intake, exam, derived, settings, startOverride });
}

describe("entry criteria (§6.2)", () => {
  it("are met when passed at 2/10 or less, not met above it or when failed, and not tested when blank", () => {
    const c = entryCriteria(
      { rtrScreen: { walk30Min: { result: "pass", pain: 2 }, singleLegStand10s: { result: "pass", pain: 3 }, singleLegSquat10: { result: "fail" }, jogOnSpot1Min: { result: "not-tested" } } },
      2,
    );
    expect(c.map((x) => x.status)).toEqual(["met", "not-met", "not-met", "not-tested", "not-tested"]);
  });
  it("allow up to 5/10 under the pain-monitoring model", () => {
    expect(entryCriteria({ rtrScreen: { walk30Min: { result: "pass", pain: 5 } } }, 5)[0]!.status).toBe("met");
  });
});

describe("the start point", () => {
  it("is walk-run phase 1 when running hurts more than the pain rule allows", () => {
    const r = rtr(); // pain during running 5/10
    expect(r.start).toMatchObject({ mode: "walk-run", phase: 1 });
    expect(r.calendar[0]!.sessions[0]!.text).toBe("Walk 2 min, run 3 min; repeat to 1.6 km, easy effort (3/10)");
  });
  it("waits for the entry tests when one is not met", () => {
    const r = rtr(undefined, { rtrScreen: { hop10: { result: "fail", pain: 4 } } });
    expect(r.criteriaMet).toBe(false);
    expect(r.start.text).toMatch(/once you pass the entry tests/);
  });
  it("is a reduced continuous volume for a runner within the pain rule, back to the level before a jump", () => {
    const r = rtr({ pain: { duringRun: 2, morningAfter: 1 } });
    expect(r.start).toMatchObject({ mode: "reduced-continuous", weeklyKm: 32 }); // jumped 32 → 40
    expect(r.calendar[0]!.weeklyKm).toBe(35.2); // +10%
  });
  it("keeps a steady runner within the pain rule at their current distance", () => {
    const steady = { thisWeek: 30, lastWeek: 30, twoWeeksAgo: 30, threeWeeksAgo: 30, fourWeeksAgo: 30, bestLastYear: 30 };
    const r = rtr({ pain: { duringRun: 1, morningAfter: 0 }, running: { weeklyKm: steady } });
    expect(r.start).toMatchObject({ mode: "reduced-continuous", weeklyKm: 30 });
    expect(r.projectedWeeks).toBe(0);
    expect(r.calendar).toHaveLength(1);
  });
  it("does not count 3/10 during running as within the TREK rule", () => {
    expect(rtr({ pain: { duringRun: 3, morningAfter: 1 } }).start.mode).toBe("walk-run");
  });
  it("follows the clinician's override", () => {
    expect(rtr(undefined, undefined, DEFAULT_SETTINGS, { mode: "walk-run", phase: 4 }).calendar[0]!.sessions[0]!.km).toBe(3.2);
    expect(rtr(undefined, undefined, DEFAULT_SETTINGS, { mode: "reduced-continuous", weeklyKm: 12 }).start.weeklyKm).toBe(12);
  });
});

describe("progression (§6.3)", () => {
  it("never adds more than the clinic's cap in a week", () => {
    for (const cap of [10, 15, 20]) {
      const r = rtr({ pain: { duringRun: 2, morningAfter: 2 } }, undefined, { ...DEFAULT_SETTINGS, returnWeeklyIncreasePercent: cap });
      const weekly = r.calendar.map((w) => w.weeklyKm!).filter((v) => v !== null);
      const all = [r.start.weeklyKm!, ...weekly];
      for (let i = 1; i < all.length; i++) expect(all[i]! / all[i - 1]!).toBeLessThanOrEqual(1 + cap / 100 + 1e-9);
    }
  });
  it("progresses by time below 10 km a week", () => {
    expect(rtr().progression.basis).toBe("time");
    expect(rtr({ pain: { duringRun: 1, morningAfter: 1 } }).progression.basis).toBe("distance");
  });
  it("projects the weeks back to the best weekly distance of the last year, and lays out a calendar", () => {
    const r = rtr();
    // 4 walk-run weeks (6 phases × 2, 3 runs a week), then 9.6 km growing 10% a week to 45 km
    expect(r.targetWeeklyKm).toBe(45);
    expect(r.calendar.slice(0, 4).every((w) => w.sessions.length === 3)).toBe(true);
    expect(r.projectedWeeks).toBe(21);
    expect(r.calendar).toHaveLength(10);
  });
  it("gives no projection when there is no target", () => {
    const r = rtr({ running: { weeklyKm: { thisWeek: 0, lastWeek: 0, twoWeeksAgo: 0, threeWeeksAgo: 0, fourWeeksAgo: 0, bestLastYear: null } } });
    expect(r.targetWeeklyKm).toBeNull();
    expect(r.projectedWeeks).toBeNull();
  });
});

describe("the pain rule and traffic light (§6.1)", () => {
  it("uses TREK (2/10) by default and the 5/10 model only when the clinic chooses it", () => {
    expect(rtr().painRule).toMatchObject({ model: "trek", duringMax: 2 });
    expect(rtr(undefined, undefined, { ...DEFAULT_SETTINGS, painRule: "pain-monitoring" }).painRule).toMatchObject({ model: "pain-monitoring", duringMax: 5 });
  });
  it("says to call the clinic after two reds", () => {
    expect(rtr().trafficLight.red).toMatch(/Call the clinic if you get a red twice/);
  });
});

describe("the calendar", () => {
  it("completes a partly used last walk-run week with continuous runs, so no week jumps", () => {
    const r = rtr(undefined, undefined, DEFAULT_SETTINGS, { mode: "walk-run", phase: 3 });
    const totals = r.calendar.map((w) => w.weeklyKm ?? w.sessions.reduce((t, s) => t + (s.km ?? 0), 0));
    expect(r.calendar.slice(0, 3).every((w) => w.sessions.length === 3)).toBe(true);
    expect(totals[2]).toBeCloseTo(9.6, 5);
    for (let i = 3; i < totals.length; i++) expect(totals[i]! / totals[i - 1]!).toBeLessThanOrEqual(1.1 + 1e-9);
  });
});
