import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { derive } from "./derive";
import { assess } from "./engine";
import type { ExamData } from "./exam-schema";
import type { IntakeAnswers } from "./intake-schema";
import { buildReturnToRun, entryCriteria, runnerState, SHOE_MAX_MONTHS, WALK_RUN_PHASES, weekTotalKm, type StartOverride } from "./return-to-run";
import type { DeepPartial } from "./schema-builders";
import { DEFAULT_SETTINGS, type ClinicSettings } from "./settings";
import { fullExam, fullIntake } from "./test-fixtures";
import type { ReturnToRun } from "./types";
import { fromKm } from "./units";
import { messagesFor } from "../i18n";
import { formatNumber } from "../i18n/format";
import { LOCALES } from "../i18n/locales";
import { SummaryWords } from "../i18n/summary";

const STEADY = (km: number) => ({ thisWeek: km, lastWeek: km, twoWeeksAgo: km, threeWeeksAgo: km, fourWeeksAgo: km });
const GREEN = { pain: { now: 1, duringRun: 2, morningAfter: 1 }, knee: { painLastsAfter: "under-1-hour" as const } };
const AMBER = { pain: { now: 1, duringRun: 3, morningAfter: 1 }, knee: { painLastsAfter: "under-1-hour" as const } };
const RED = { pain: { now: 2, duringRun: 6, morningAfter: 3 } };
const PASSED = {
  rtrScreen: Object.fromEntries(["walk30Min", "singleLegStand10s", "singleLegSquat10", "jogOnSpot1Min", "hop10"].map((k) => [k, { result: "pass", pain: 0 }])),
} as DeepPartial<ExamData>;
const NOT_SCREENED = { rtrScreen: {} } as DeepPartial<ExamData>;

function rtr(
  intakeOver?: DeepPartial<IntakeAnswers>,
  examOver?: DeepPartial<ExamData>,
  opts: { settings?: ClinicSettings; startOverride?: StartOverride; onHold?: boolean; visitDate?: string; reviewInWeeks?: number } = {},
): ReturnToRun {
  const intake = fullIntake(intakeOver);
  const exam = { ...fullExam(examOver), ...(examOver?.rtrScreen ? { rtrScreen: examOver.rtrScreen as ExamData["rtrScreen"] } : {}) };
  const settings = opts.settings ?? DEFAULT_SETTINGS;
  const derived = derive({ intake, exam, settings });
  return buildReturnToRun({
    intake,
    exam,
    derived,
    settings,
    startOverride: opts.startOverride ?? null,
    onHold: opts.onHold,
    visitDate: opts.visitDate,
    reviewInWeeks: opts.reviewInWeeks,
  });
}

/** A week's figure as the sheet prints it: its km, or for a plan in miles the sum of its sessions' miles
 * (each to 0.1 mi, as printed), or its minutes. */
const printed = (r: ReturnToRun, w: ReturnToRun["calendar"][number]) =>
  w.weeklyKm === null ? w.weeklyMinutes! : r.unit === "mi" ? Math.round(w.sessions.reduce((t, s) => t + fromKm(s.km ?? 0, "mi", 1) * 10, 0)) / 10 : w.weeklyKm;

/** The continuous (distance) weeks of a calendar, in order. */
const continuous = (r: ReturnToRun) => r.calendar.filter((w) => w.sessions.every((s) => s.kind === "run") && w.weeklyKm !== null);

describe("entry screen (§6.2)", () => {
  it("is met when passed at 2/10 or less, not met above it or when failed, and not tested when blank", () => {
    const c = entryCriteria({
      rtrScreen: {
        walk30Min: { result: "pass", pain: 2 },
        singleLegStand10s: { result: "pass", pain: 3 },
        singleLegSquat10: { result: "fail" },
        jogOnSpot1Min: { result: "not-tested" },
      },
    });
    expect(c.map((x) => x.status)).toEqual(["met", "not-met", "not-met", "not-tested", "not-tested"]);
  });
  it("keeps the pain recorded with each test", () => {
    const c = entryCriteria({ rtrScreen: { walk30Min: { result: "pass", pain: 1 }, hop10: { result: "pass", pain: 3 } } } as never);
    expect(c.map((x) => [x.id, x.status, x.pain])).toEqual([
      ["walk30Min", "met", 1],
      ["singleLegStand10s", "not-tested", null],
      ["singleLegSquat10", "not-tested", null],
      ["jogOnSpot1Min", "not-tested", null],
      ["hop10", "not-met", 3],
    ]);
  });
});

describe("where the restart begins (§6.5)", () => {
  it("green: keeps the current weekly volume until the review, in more, shorter runs", () => {
    const r = rtr({ ...GREEN, running: { runsPerWeek: 3, weeklyKm: { ...STEADY(30), bestLastYear: 40 } } }, NOT_SCREENED, { reviewInWeeks: 4 });
    expect(r.runnerState).toBe("green");
    expect(r.start).toMatchObject({ mode: "keep-continuous", weeklyKm: 30 });
    expect(r.calendar.slice(0, 4).map((w) => w.weeklyKm)).toEqual([30, 30, 30, 30]);
    expect(r.calendar[0]!.sessions).toHaveLength(4);
    expect(r.calendar[4]!.weeklyKm).toBeGreaterThan(30);
    // The fixture's runner has run 18 km at most, and the pain starts late in a run.
    expect(r.start.msg).toEqual({ key: "keep", params: { runs: 4, oneMoreRun: true, longestKm: 7.5, usualLongestKm: 18, lateOnset: true } });
    expect(r.calendar.slice(0, 4).map((w) => w.step)).toEqual(["hold-review", "hold-review", "hold-review", "hold-review"]);
    expect(r.calendar[4]!.step).toBe("after-review");
    expect(r.calendar.slice(5).every((w) => w.step === "build")).toBe(true);
  });
  it("green without a screen still gets the continuous plan (the screen is for restarting)", () => {
    const r = rtr(
      {
        ...GREEN,
        running: { weeklyKm: { ...STEADY(98), bestLastYear: 98 }, runsPerWeek: 6 },
        knee: { painStartsInRun: "after-30-min", painLastsAfter: "under-1-hour" },
      },
      NOT_SCREENED,
    );
    expect(r.criteriaMet).toBe(false);
    expect(r.start.mode).toBe("keep-continuous");
    expect(r.start.msg).toMatchObject({ key: "keep", params: { lateOnset: true } });
    expect(r.calendar[0]!.weeklyKm).toBe(98);
  });
  it("amber: reduces to the week before a recent ramp", () => {
    const r = rtr({ ...AMBER, running: { weeklyKm: { thisWeek: 40, lastWeek: 32, twoWeeksAgo: 30, threeWeeksAgo: 30, fourWeeksAgo: 28 } } }, NOT_SCREENED);
    expect(r.runnerState).toBe("amber");
    expect(r.start).toMatchObject({ mode: "reduced-continuous", weeklyKm: 32 });
    expect(r.start.because.map((b) => b.label).join(" ")).toMatch(/32 km last week → 40 km this week/);
  });
  it("amber without a ramp: about a third less", () => {
    const r = rtr({ ...AMBER, running: { weeklyKm: STEADY(30) } }, NOT_SCREENED);
    expect(r.start).toMatchObject({ mode: "reduced-continuous", weeklyKm: 20 });
    expect(r.start.msg).toMatchObject({ key: "reduce", params: { why: "third", holdWeeks: 2 } });
    expect(r.calendar.slice(0, 2).map((w) => w.step)).toEqual(["hold-green", "hold-green"]);
  });
  it("amber: pain that takes more than an hour to settle, even at 2/10", () => {
    expect(
      runnerState(fullIntake({ pain: { duringRun: 2, morningAfter: 1, now: 1 }, knee: { painLastsAfter: "1-to-24-hours" } }), DEFAULT_SETTINGS).state,
    ).toBe("amber");
  });
  it("red: no running and no distances until the screen is passed", () => {
    const r = rtr({ ...RED }, NOT_SCREENED);
    expect(r.runnerState).toBe("red");
    expect(r.start.mode).toBe("walk-run");
    expect(r.start.msg).toEqual({ key: "screen-first", params: {} });
    expect(r.waitsForScreen).toBe(true);
    expect(r.calendar).toEqual([]);
    expect(r.projectedWeeks).toBeNull();
  });
  it("red, screen passed: walk-run from phase 1 with the protocol's distances", () => {
    const r = rtr({ ...RED }, PASSED);
    expect(r.start).toMatchObject({ mode: "walk-run", phase: 1 });
    expect(r.calendar[0]!.sessions[0]!.km).toBe(1.6);
  });
  it("red: worse the next morning than at rest", () => {
    expect(runnerState(fullIntake({ pain: { now: 1, duringRun: 2, morningAfter: 4 } }), DEFAULT_SETTINGS).state).toBe("red");
  });
  it("stopped because of the knee: screen first, like red", () => {
    const r = rtr(
      {
        running: { weeklyKm: { thisWeek: 0, lastWeek: 0, twoWeeksAgo: 20, threeWeeksAgo: 25, fourWeeksAgo: 25 } },
        knee: { painStartsInRun: "not-running" },
        pain: { duringRun: undefined, morningAfter: undefined },
      },
      NOT_SCREENED,
    );
    expect(r.runnerState).toBe("stopped");
    expect(r.calendar).toEqual([]);
  });
  it("a new runner builds from zero by time, without waiting for the screen", () => {
    const r = rtr(
      {
        running: { yearsRunning: 0.1, weeklyKm: { thisWeek: 0, lastWeek: 0, twoWeeksAgo: 0, threeWeeksAgo: 0, fourWeeksAgo: 0, bestLastYear: 0 } },
        knee: { painStartsInRun: "not-running" },
      },
      NOT_SCREENED,
    );
    expect(r.runnerState).toBe("novice");
    expect(r.progression.basis).toBe("time");
    expect(r.calendar.length).toBeGreaterThan(4);
    expect(r.calendar.every((w) => w.weeklyKm === null && (w.weeklyMinutes ?? 0) > 0)).toBe(true);
    expect(r.calendar[0]!.sessions[0]).toEqual({ kind: "walk-run", minutes: 12, km: null, phase: 1 });
    expect(r.start.msg).toEqual({ key: "by-time", params: {} });
  });
  it("a new runner with a BMI over 30 keeps week 1 to short intervals, under 3 km", () => {
    const r = rtr(
      {
        about: { bodyMassKg: 100, heightCm: 170 },
        running: { yearsRunning: 0, weeklyKm: { thisWeek: 0, lastWeek: 0, twoWeeksAgo: 0, threeWeeksAgo: 0, fourWeeksAgo: 0, bestLastYear: 0 } },
        knee: { painStartsInRun: "not-running" },
      },
      { bodyMassKg: 100, heightCm: 170 },
    );
    expect(r.calendar[0]!.step).toBe("obese-first");
    expect(r.calendar[0]!.sessions.every((s) => s.phase === undefined && s.minutes === 5)).toBe(true);
    expect(r.calendar[0]!.weeklyMinutes).toBe(15);
    expect(r.start.msg).toEqual({ key: "by-time-obese", params: { firstWeekMaxKm: 3 } });
  });
  it("on hold: no calendar and no distances", () => {
    const r = rtr(GREEN, PASSED, { onHold: true });
    expect(r.start.mode).toBe("on-hold");
    expect(r.calendar).toEqual([]);
    expect(JSON.stringify({ start: r.start, calendar: r.calendar, goal: r.goalRace, progression: r.progression })).not.toMatch(/\d\s?km/);
  });
  it("follows the clinician's choice", () => {
    expect(rtr(RED, PASSED, { startOverride: { mode: "walk-run", phase: 4 } }).calendar[0]!.sessions[0]!.km).toBe(3.2);
    expect(rtr(RED, PASSED, { startOverride: { mode: "reduced-continuous", weeklyKm: 12 } }).start.weeklyKm).toBe(12);
    expect(rtr(AMBER, PASSED, { startOverride: { mode: "keep-continuous" } }).start).toMatchObject({ mode: "keep-continuous", weeklyKm: 40 });
  });
});

describe("the entry screen matters only to a runner who waits for it (§6.5, §7.4)", () => {
  it("a green runner without a recorded screen keeps running, is not told to pass the tests first and gets no early review for them", () => {
    const a = assess({
      intake: fullIntake({ ...GREEN, running: { weeklyKm: STEADY(30) } }),
      exam: { ...fullExam(), rtrScreen: {} },
      settings: DEFAULT_SETTINGS,
    });
    expect(a.returnToRun!.start.mode).toBe("keep-continuous");
    expect(a.returnToRun!.criteriaMet).toBe(false);
    expect(a.returnToRun!.waitsForScreen).toBe(false);
    expect(a.followUp!.retest.join(" ")).not.toMatch(/entry tests/i);
  });
  it("a red runner without a passed screen waits for it: early review at about 2 weeks, with the tests to retest", () => {
    const a = assess({ intake: fullIntake({ ...RED }), exam: { ...fullExam(), rtrScreen: {} }, settings: DEFAULT_SETTINGS });
    expect(a.returnToRun!.waitsForScreen).toBe(true);
    expect(a.returnToRun!.calendar).toEqual([]);
    expect(a.followUp!.inWeeks).toBe(2);
    expect(a.followUp!.retest.join(" ")).toMatch(/entry tests/i);
  });
  it("waits for the screen exactly when a restart has no calendar yet", () => {
    fc.assert(
      fc.property(fc.constantFrom(GREEN, AMBER, RED), fc.constantFrom(PASSED, NOT_SCREENED), fc.integer({ min: 0, max: 80 }), (state, screen, km) => {
        const r = rtr({ ...state, running: { weeklyKm: STEADY(km) } }, screen);
        expect(r.waitsForScreen).toBe(r.start.mode === "walk-run" && r.calendar.length === 0);
        if (r.waitsForScreen) expect(r.criteriaMet).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe("no running advice before running may start (§6.5)", () => {
  it("drops the pace and cadence advice while a red runner waits for the screen, and keeps it once running", () => {
    const waiting = assess({
      intake: fullIntake({ ...RED, running: { cadenceSpm: 160 } }),
      exam: { ...fullExam(), rtrScreen: {} },
      settings: DEFAULT_SETTINGS,
    });
    expect(waiting.plan!.cadence).toBeNull();
    expect(waiting.plan!.activity.map((x) => x.id)).not.toContain("activity.speed");
    const running = assess({ intake: fullIntake({ ...GREEN, running: { cadenceSpm: 160 } }), exam: fullExam(), settings: DEFAULT_SETTINGS });
    expect(running.plan!.cadence).not.toBeNull();
    expect(running.plan!.activity.map((x) => x.id)).toContain("activity.speed");
  });
});

describe("the calendar adds up (§6.3)", () => {
  it("prints each week's total as the sum of its sessions: 4 × 3 km is 12 km", () => {
    const r = rtr({ ...GREEN, running: { runsPerWeek: 3, weeklyKm: { ...STEADY(12), bestLastYear: 20 } } });
    expect(r.calendar[0]!.sessions.map((s) => s.km)).toEqual([3, 3, 3, 3]);
    expect(r.calendar[0]!.weeklyKm).toBe(12);
  });
  it("never rises more than the cap on the printed figures, from week 6 to 7 or any other", () => {
    const r = rtr({ ...AMBER, running: { weeklyKm: { ...STEADY(30), bestLastYear: 60 } } });
    const weeks = continuous(r);
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.weeklyKm! * 100).toBeLessThanOrEqual(weeks[i - 1]!.weeklyKm! * 110 + 1e-6);
  });
});

describe("goal race (§6.5)", () => {
  it("says plainly when a half marathon in 10 weeks comes before a safe build-up, without raising the cap", () => {
    const r = rtr(
      {
        ...AMBER,
        running: { weeklyKm: { ...STEADY(30), bestLastYear: 50 }, goal: { kind: "event", eventName: "Spring half", eventDate: "2027-02-13", weeklyKm: 50 } },
      },
      NOT_SCREENED,
      { visitDate: "2026-12-05" },
    );
    expect(r.goalRace).toMatchObject({ weeksAvailable: 10, fits: false });
    expect(r.goalRace!.weeksNeeded!).toBeGreaterThan(10);
    expect(r.goalRace).toMatchObject({ name: "Spring half", date: "2027-02-13", goalWeeklyKm: 50, capPercent: 10 });
    expect(r.goalRace!.kmByRaceDay!).toBeLessThan(50);
    expect(r.progression.weeklyIncreaseCapPercent).toBe(10);
  });
  it("says when it fits", () => {
    const r = rtr(
      {
        ...GREEN,
        running: { weeklyKm: { ...STEADY(30), bestLastYear: 32 }, goal: { kind: "event", eventName: "Autumn 10K", eventDate: "2027-06-01", weeklyKm: 32 } },
      },
      NOT_SCREENED,
      { visitDate: "2026-12-05" },
    );
    expect(r.goalRace).toMatchObject({ fits: true });
  });
});

describe("engine properties over generated runners", () => {
  const km = fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 1500 }).map((x) => x / 10),
  );
  const pain = fc.integer({ min: 0, max: 10 });
  const runner = fc.record({
    weeks: fc.tuple(km, km, km, km, km),
    best: fc.option(km, { nil: undefined }),
    runs: fc.integer({ min: 0, max: 14 }),
    years: fc.option(
      fc.integer({ min: 0, max: 200 }).map((x) => x / 10),
      { nil: undefined },
    ),
    during: fc.option(pain, { nil: undefined }),
    morning: fc.option(pain, { nil: undefined }),
    now: pain,
    lasts: fc.constantFrom("under-1-hour", "1-to-24-hours", "over-24-hours"),
    onset: fc.constantFrom("from-start", "within-10-min", "10-to-30-min", "after-30-min", "only-after", "not-running"),
    screened: fc.boolean(),
    onHold: fc.boolean(),
    cap: fc.integer({ min: 5, max: 20 }),
    mass: fc.integer({ min: 40, max: 140 }),
    /** The clinician's chosen walk-run phase, sometimes. */
    phase: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined, freq: 4 }),
    /** The unit the runner answered in: the calendar is planned and printed in it. */
    unit: fc.constantFrom("km" as const, "mi" as const),
    /** How old their running shoes are, in months; null when not answered. */
    shoes: fc.option(fc.integer({ min: 0, max: 24 }), { nil: null }),
  });
  type R = typeof runner extends fc.Arbitrary<infer T> ? T : never;
  const build = (g: R) =>
    rtr(
      {
        about: { bodyMassKg: g.mass },
        running: {
          distanceUnit: g.unit,
          shoeAgeMonths: g.shoes as number,
          runsPerWeek: g.runs,
          yearsRunning: g.years,
          weeklyKm: {
            thisWeek: g.weeks[0],
            lastWeek: g.weeks[1],
            twoWeeksAgo: g.weeks[2],
            threeWeeksAgo: g.weeks[3],
            fourWeeksAgo: g.weeks[4],
            bestLastYear: g.best,
          },
        },
        pain: { now: g.now, duringRun: g.during, morningAfter: g.morning },
        knee: { painLastsAfter: g.lasts as never, painStartsInRun: g.onset as never },
      },
      g.screened ? PASSED : NOT_SCREENED,
      {
        settings: { ...DEFAULT_SETTINGS, returnWeeklyIncreasePercent: g.cap },
        onHold: g.onHold,
        startOverride: g.phase === undefined ? undefined : { mode: "walk-run", phase: g.phase },
      },
    );

  it("every part of the plan can be said in every language, from its codes alone (no English in the output)", () => {
    const words = LOCALES.map((l) => {
      const fallbacks: string[] = [];
      return { l, fallbacks, w: new SummaryWords(messagesFor(l).summary, l, (x) => fallbacks.push(x)) };
    });
    fc.assert(
      fc.property(runner, fc.constantFrom("trek", "pain-monitoring" as const), fc.boolean(), (g, painRule, race) => {
        const r = build(g);
        if (painRule !== "trek") r.painRule.model = painRule;
        if (race) r.goalRace = { name: null, date: "2027-04-18", weeksAvailable: 12, weeksNeeded: null, goalWeeklyKm: null, kmByRaceDay: null, fits: null };
        // The output names no sentence: every English word a page shows comes from the catalog.
        expect(JSON.stringify({ ...r, entryCriteria: [], start: { ...r.start, because: [] } })).not.toMatch(/"(text|note|clinicianText|scales)"/);
        for (const { l, w } of words) {
          const said = [
            w.start(r),
            w.progressionRule(r),
            w.painRule(r),
            w.scales(r.scales),
            ...r.rules.map((x) => w.rule(x)),
            r.goalRace ? w.goalRace(r.goalRace, r.unit) : "x",
          ];
          for (const c of ["green", "amber", "red"] as const) said.push(w.light(r, c).text);
          for (const wk of r.calendar) {
            said.push(w.weekNote(r, wk));
            for (const s of wk.sessions) {
              const text = w.session(s, r.unit);
              said.push(text);
              // The session says its own amount: its distance in the runner's unit, or its minutes, in the locale's numbers.
              const amount = s.km !== null ? `${formatNumber(l, fromKm(s.km, r.unit ?? "km", 1))} ${r.unit ?? "km"}` : String(s.minutes);
              expect(text, `${l}: ${JSON.stringify(s)}`).toContain(amount);
            }
          }
          for (const x of said) expect(x, l).toMatch(/^[^{}]+$/);
        }
      }),
      { numRuns: 200 },
    );
    for (const { l, fallbacks } of words) expect(fallbacks, l).toEqual([]);
  });
  it("every calendar week's total is the sum of its sessions", () => {
    fc.assert(
      fc.property(runner, (g) => {
        for (const w of build(g).calendar) {
          if (w.weeklyKm !== null) expect(w.weeklyKm).toBe(weekTotalKm(w.sessions));
          else expect(w.weeklyMinutes).toBe(w.sessions.reduce((t, s) => t + (s.minutes ?? 0), 0));
        }
      }),
      { numRuns: 300 },
    );
  });
  it("no printed week, walk-run or continuous, rises more than the cap over the week before", () => {
    fc.assert(
      fc.property(runner, (g) => {
        const r = build(g);
        const weeks = r.calendar;
        for (let i = 1; i < weeks.length; i++) {
          const [a, b] = [weeks[i - 1]!, weeks[i]!];
          expect(b.week).toBe(a.week + 1);
          expect(a.weeklyKm === null).toBe(b.weeklyKm === null);
          const prev = printed(r, a);
          const next = printed(r, b);
          expect(next * 100).toBeLessThanOrEqual(prev * (100 + g.cap) + 1e-6);
        }
      }),
      { numRuns: 300 },
    );
  });
  it("a new runner's walk-run weeks never fall, and their sessions end on a whole run interval once the weeks grow by one", () => {
    let seen = 0;
    fc.assert(
      fc.property(runner, fc.integer({ min: 10, max: 20 }), (g, cap) => {
        const r = build({ ...g, cap, years: 0, runs: 0, onHold: false, phase: undefined });
        const weeks = r.calendar.filter((w) => w.weeklyMinutes !== null && w.sessions.some((s) => s.kind === "walk-run" && s.phase));
        for (let i = 1; i < weeks.length; i++) {
          const [a, b] = [weeks[i - 1]!, weeks[i]!];
          expect(b.weeklyMinutes!).toBeGreaterThanOrEqual(a.weeklyMinutes!);
          // From 36 minutes a week (a new runner's first week), 10% growth holds at least one more whole interval.
          if (a.weeklyMinutes! < 36) continue;
          for (const s of b.sessions) {
            const p = s.kind === "walk-run" && s.phase ? WALK_RUN_PHASES[s.phase - 1]! : null;
            if (!p) continue;
            seen++;
            expect(s.minutes! % p.runMin, `${JSON.stringify(s)} in week ${b.week}`).toBe(0);
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(seen).toBeGreaterThan(100);
  });
  it("§6.2's shoes rule: a walk-run runner whose shoes are over 6 months old is told to replace them; anyone else keeps theirs", () => {
    const seen = { old: 0, keep: 0 };
    fc.assert(
      fc.property(runner, (g) => {
        const r = build(g);
        const walkRun = r.start.mode !== "keep-continuous" && r.start.mode !== "reduced-continuous";
        const told = walkRun && g.shoes !== null && g.shoes > SHOE_MAX_MONTHS;
        if (r.rules.length === 0) return;
        expect(r.rules.filter((x) => x === "shoes" || x === "shoesOld")).toEqual([told ? "shoesOld" : "shoes"]);
        seen[told ? "old" : "keep"]++;
      }),
      { numRuns: 300 },
    );
    expect(seen.old).toBeGreaterThan(10);
    expect(seen.keep).toBeGreaterThan(10);
  });
  it("a walk-run session by time says runs that add up to its minutes: whole intervals, or whole ones then a shorter last run", () => {
    const w = new SummaryWords(messagesFor("en-US").summary, "en-US");
    let spelled = 0;
    fc.assert(
      fc.property(runner, (g) => {
        const r = build({ ...g, years: 0, runs: 0, onHold: false, phase: undefined });
        for (const wk of r.calendar)
          for (const s of wk.sessions) {
            if (s.kind !== "walk-run" || s.minutes === null || !s.phase) continue;
            const p = WALK_RUN_PHASES[s.phase - 1]!;
            const text = w.session(s, r.unit);
            const part = /run (\d+) min, (?:once|(\d+) times), then walk (\d+) min, run (\d+) min \((\d+) min of running\)/.exec(text);
            if (s.minutes % p.runMin === 0) {
              expect(part, text).toBeNull();
              expect(text).toContain(`run ${p.runMin} min; repeat to ${s.minutes} min of running`);
            } else {
              expect(part, text).not.toBeNull();
              const [run, n, walk, rest, total] = [part![1], part![2] ?? "1", part![3], part![4], part![5]].map(Number) as number[];
              expect([run, walk, total]).toEqual([p.runMin, p.walkMin, s.minutes]);
              expect(rest).toBeGreaterThan(0);
              expect(rest).toBeLessThan(run!);
              expect(n! * run! + rest!).toBe(s.minutes);
              spelled++;
            }
          }
      }),
      { numRuns: 300 },
    );
    expect(spelled).toBeGreaterThan(0);
  });
  it("a reduced start is below the current volume", () => {
    fc.assert(
      fc.property(runner, (g) => {
        const r = build(g);
        if (r.start.mode === "reduced-continuous") expect(r.start.weeklyKm!).toBeLessThan(g.weeks[0]);
      }),
      { numRuns: 300 },
    );
  });
  it("running on hold has no calendar and no distance", () => {
    fc.assert(
      fc.property(runner, (g) => {
        const r = build({ ...g, onHold: true });
        expect(r.calendar).toEqual([]);
        expect(r.start.weeklyKm).toBeNull();
        expect(r.projectedWeeks).toBeNull();
      }),
      { numRuns: 100 },
    );
  });
  it("a red or stopped runner without a passed screen gets no distances", () => {
    fc.assert(
      fc.property(runner, (g) => {
        const r = build({ ...g, screened: false, onHold: false });
        if (r.runnerState === "red" || r.runnerState === "stopped") {
          expect(r.calendar).toEqual([]);
          expect(r.start.weeklyKm).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });
  it("a referral has no running content, no plan and no distances", () => {
    fc.assert(
      fc.property(runner, fc.constantFrom("hotOrRed", "calfSwelling", "nightPain"), (g, red) => {
        const intake = fullIntake({
          running: { weeklyKm: { thisWeek: g.weeks[0], lastWeek: g.weeks[1], twoWeeksAgo: g.weeks[2], threeWeeksAgo: g.weeks[3], fourWeeksAgo: g.weeks[4] } },
          pain: { now: g.now, duringRun: g.during, morningAfter: g.morning },
          safety: red === "hotOrRed" ? { hotOrRed: true, feverOrUnwell: true } : red === "calfSwelling" ? { calfSwelling: true } : { nightPain: true },
        } as DeepPartial<IntakeAnswers>);
        const a = assess({ intake, exam: fullExam(), settings: DEFAULT_SETTINGS });
        if (a.status !== "refer") return;
        expect(a.returnToRun).toBeNull();
        expect(a.plan).toBeNull();
        expect(a.derived.load).toEqual([]);
        expect(JSON.stringify({ r: a.referral, s: a.statusReason })).not.toMatch(/\bkm\b|walk-run|calendar/i);
      }),
      { numRuns: 100 },
    );
  });
});

describe("the return-to-run screen's own rule (§6.2: a pass means pain 2/10 or less)", () => {
  it("refuses 'Pass' with pain 6/10, naming the test and the limit, and accepts pass at 2 or fail at 6", async () => {
    const { examSchema } = await import("./exam-schema");
    const { validate } = await import("../forms/validate");
    const { clinicErrors, labelsFrom } = await import("../forms/messages");
    const { examLabels } = await import("./exam-labels");
    const bad = validate(examSchema, { rtrScreen: { hop10: { result: "pass", pain: 6 } } }, labelsFrom(examLabels), clinicErrors);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors["rtrScreen.hop10.pain"]).toMatch(/pass means pain 2\/10 or less/);
    expect(examSchema.safeParse({ ...fullExam(), rtrScreen: { hop10: { result: "pass", pain: 2 } } }).success).toBe(true);
    expect(examSchema.safeParse({ ...fullExam(), rtrScreen: { hop10: { result: "fail", pain: 6 } } }).success).toBe(true);
    expect(examSchema.safeParse({ ...fullExam(), rtrScreen: { hop10: { result: "pass", pain: 3 } } }).success).toBe(false);
  });
});
