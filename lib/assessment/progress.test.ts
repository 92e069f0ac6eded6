import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { derive } from "./derive";
import { applyCheckIns, clinicAlert, lightFor, missedCheckIns, painTrend, weeklyProgress, type DayCheckIn, type RunCheckIn } from "./progress";
import { buildReturnToRun } from "./return-to-run";
import { DEFAULT_SETTINGS } from "./settings";
import { fullExam, fullIntake } from "./test-fixtures";

// An amber runner at 30 km a week: a continuous calendar of 5 runs a week.
const intake = fullIntake({
  pain: { now: 1, duringRun: 3, morningAfter: 1 },
  knee: { painLastsAfter: "under-1-hour" },
  running: { weeklyKm: { thisWeek: 30, lastWeek: 30, twoWeeksAgo: 30, threeWeeksAgo: 30, fourWeeksAgo: 30, bestLastYear: 45 } },
});
const exam = fullExam();
const rtr = buildReturnToRun({ intake, exam, derived: derive({ intake, exam, settings: DEFAULT_SETTINGS }), settings: DEFAULT_SETTINGS });
const run = (date: string, painDuring: number | null, more: Partial<RunCheckIn> = {}): RunCheckIn => ({
  date,
  done: true,
  painDuring,
  settledWithinHour: true,
  worseNextMorning: false,
  ...more,
});

describe("the traffic light on a check-in (§6.1)", () => {
  it("is green at 2/10, settled, not worse next morning", () => expect(lightFor(run("d", 2))).toBe("green"));
  it("is amber at 3–4/10 or when slow to settle", () => {
    expect(lightFor(run("d", 4))).toBe("amber");
    expect(lightFor(run("d", 1, { settledWithinHour: false }))).toBe("amber");
  });
  it("is red when the runner limped, whatever the pain (§6.1), and says why", () => {
    expect(lightFor(run("d", 0, { limped: true }))).toBe("red");
    expect(applyCheckIns(rtr, [run("2026-12-02", 0, { limped: true })]).steps[0]!.facts).toMatchObject({ limped: true });
    expect(lightFor(run("d", 1, { limped: false }))).toBe("green");
    expect(applyCheckIns(rtr, [run("2026-12-01", 1), run("2026-12-02", 0, { limped: true })]).steps.at(-1)).toMatchObject({
      light: "red",
      action: "step-back",
    });
  });
  it("is red at 5/10 or worse the next morning", () => {
    expect(lightFor(run("d", 5))).toBe("red");
    expect(lightFor(run("d", 0, { worseNextMorning: true }))).toBe("red");
  });
  it("under the pain-monitoring model, 5/10 is amber and 6 red", () => {
    expect(lightFor(run("d", 5), "pain-monitoring")).toBe("amber");
    expect(lightFor(run("d", 6), "pain-monitoring")).toBe("red");
  });
  it("treats unknown pain as amber, never as green", () => expect(lightFor(run("d", null))).toBe("amber"));
});

describe("applying check-ins to the calendar (§6.1, §6.5)", () => {
  it("green moves on one session", () => expect(applyCheckIns(rtr, [run("2026-12-07", 1)]).position).toBe(1));
  it("amber repeats the session", () => expect(applyCheckIns(rtr, [run("2026-12-07", 1), run("2026-12-09", 3)]).position).toBe(1));
  it("red goes back one session", () => expect(applyCheckIns(rtr, [run("2026-12-07", 1), run("2026-12-08", 1), run("2026-12-10", 6)]).position).toBe(1));
  it("red twice without a green between pauses running and alerts the clinic", () => {
    const p = applyCheckIns(rtr, [run("2026-12-07", 1), run("2026-12-09", 6), run("2026-12-11", 3), run("2026-12-13", 5)]);
    expect(p).toMatchObject({ paused: true, alertClinic: true, next: [] });
    expect(p.steps.at(-1)!.decision).toBe("pause");
  });
  it("a green between two reds resets the count", () => {
    expect(applyCheckIns(rtr, [run("2026-12-07", 6), run("2026-12-09", 1), run("2026-12-11", 6)]).paused).toBe(false);
  });
  it("a session not done changes nothing", () => expect(applyCheckIns(rtr, [run("2026-12-07", 1, { done: false })]).position).toBe(0));
  it("orders check-ins by date, whatever order they arrive in (an offline phone sends late)", () => {
    const a = applyCheckIns(rtr, [run("2026-12-07", 1), run("2026-12-09", 6)]);
    const b = applyCheckIns(rtr, [run("2026-12-09", 6), run("2026-12-07", 1)]);
    expect(b.position).toBe(a.position);
  });

  const checkIn = fc.record({
    date: fc.integer({ min: 1, max: 28 }).map((d) => `2027-01-${String(d).padStart(2, "0")}`),
    done: fc.boolean(),
    painDuring: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    settledWithinHour: fc.option(fc.boolean(), { nil: null }),
    worseNextMorning: fc.option(fc.boolean(), { nil: null }),
  });
  it("property: a red never advances, and the next sessions never rise above the cap over the last week done", () => {
    fc.assert(
      fc.property(fc.array(checkIn, { maxLength: 30 }), checkIn, (before, last) => {
        const base = applyCheckIns(rtr, before);
        const after = applyCheckIns(rtr, [
          ...before.map((c) => ({ ...c, date: c.date.replace("2027-01", "2026-12") })),
          { ...last, done: true, painDuring: 7 },
        ]);
        const baseline = applyCheckIns(
          rtr,
          before.map((c) => ({ ...c, date: c.date.replace("2027-01", "2026-12") })),
        );
        expect(after.position).toBeLessThanOrEqual(baseline.position);
        expect(base.position).toBeLessThanOrEqual(rtr.calendar.flatMap((w) => w.sessions).length);
        // The sessions offered come from the signed calendar, whose weeks respect the cap.
        for (const s of after.next) expect(rtr.calendar.some((w) => w.sessions.includes(s))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("what each step keeps for the patient's page", () => {
  it("every step done carries the run's answers and the model's red threshold; a run not done carries none", () => {
    const p = applyCheckIns(rtr, [run("2026-12-07", 1), run("2026-12-09", 4, { settledWithinHour: false }), { ...run("2026-12-11", 0), done: false }]);
    expect(p.steps.map((s) => s.facts)).toEqual([
      { painDuring: 1, limped: null, settledWithinHour: true, worseNextMorning: false, redFrom: 5 },
      { painDuring: 4, limped: null, settledWithinHour: false, worseNextMorning: false, redFrom: 5 },
      null,
    ]);
    expect(applyCheckIns({ ...rtr, painRule: { ...rtr.painRule, model: "pain-monitoring" } }, [run("2026-12-07", 1)]).steps[0]!.facts!.redFrom).toBe(6);
  });
});

describe("pain trending up (§4.3: 2 points)", () => {
  it("needs four runs with pain before it says anything", () =>
    expect(painTrend([run("2026-12-01", 0), run("2026-12-02", 5), run("2026-12-03", 6)]).up).toBe(false));
  it("is up when the newer runs average 2 points more than the older", () => {
    expect(painTrend([run("2026-12-01", 0), run("2026-12-02", 1), run("2026-12-03", 3), run("2026-12-04", 3)])).toEqual({ up: true, older: 0.5, newer: 3 });
  });
  it("is not up for a smaller rise, nor for runs not done", () => {
    expect(painTrend([run("2026-12-01", 1), run("2026-12-02", 1), run("2026-12-03", 2), run("2026-12-04", 2)]).up).toBe(false);
    expect(painTrend([run("2026-12-01", 0), run("2026-12-02", 0), run("2026-12-03", 4, { done: false }), run("2026-12-04", 4, { done: false })]).up).toBe(
      false,
    );
  });
  it("reads the runs in date order", () =>
    expect(painTrend([run("2026-12-04", 3), run("2026-12-03", 3), run("2026-12-02", 1), run("2026-12-01", 0)]).up).toBe(true));
});

describe("what the clinic is alerted to", () => {
  it("red twice before pain trending up", () => expect(clinicAlert({ alertClinic: true }, { up: true })).toBe("red-twice"));
  it("pain trending up alone", () => expect(clinicAlert({ alertClinic: false }, { up: true })).toBe("pain-up"));
  it("nothing otherwise", () => expect(clinicAlert({ alertClinic: false }, { up: false })).toBeNull());
  it("missed check-ins after seven days without one, counted from the plan's start when there is none", () => {
    expect(missedCheckIns(null, "2026-12-01", "2026-12-07")).toBe(false);
    expect(missedCheckIns(null, "2026-12-01", "2026-12-08")).toBe(true);
    expect(missedCheckIns("2026-12-05", "2026-12-01", "2026-12-11")).toBe(false);
    expect(missedCheckIns("2026-12-05", "2026-12-01", "2026-12-12")).toBe(true);
  });
});

describe("weekly figures: adherence, distance against the plan, pain", () => {
  const day = (date: string, more: Partial<DayCheckIn> = {}): DayCheckIn => ({ ...run(date, 1), kind: "run", km: 3, minutes: null, exercises: "yes", ...more });
  it("counts each week from the plan's start against the calendar's week", () => {
    const w = weeklyProgress(
      rtr,
      3,
      "2026-12-01",
      [
        day("2026-12-01"),
        day("2026-12-03", { km: 4, painDuring: 3, exercises: "part" }),
        day("2026-12-04", { kind: "exercise", km: null, done: true, painDuring: null }),
        day("2026-12-08", { done: false, km: null }),
      ],
      "2026-12-09",
    );
    expect(w).toHaveLength(2);
    expect(w[0]).toMatchObject({
      week: 1,
      from: "2026-12-01",
      to: "2026-12-07",
      runsDone: 2,
      km: 7,
      exerciseDaysDone: 2.5,
      exerciseDaysPlanned: 3,
      pain: [1, 3],
      plannedKm: rtr.calendar[0]!.weeklyKm,
    });
    expect(w[0]!.plannedRuns).toBe(rtr.calendar[0]!.sessions.length);
    expect(w[1]).toMatchObject({ week: 2, runsDone: 0, km: 0, pain: [] });
  });
  it("plans nothing past the calendar's end", () => {
    const w = weeklyProgress({ calendar: rtr.calendar.slice(0, 1) }, 3, "2026-12-01", [], "2026-12-15");
    expect(w.map((x) => x.plannedRuns)).toEqual([rtr.calendar[0]!.sessions.length, 0, 0]);
  });
});
