import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { derive } from "./derive";
import { AKPS_MCID, LEFS_MCID } from "./scoring";
import { DEFAULT_SETTINGS } from "./settings";
import { fullExam, fullIntake } from "./test-fixtures";
import { scoreTrend, visitTrends, type TrendVisitInput } from "./trends";

const exam = (leftN: number, rightN: number, bodyMassKg = 62) =>
  fullExam({
    bodyMassKg,
    strength: { hipAbduction: { left: { trialsN: [leftN, leftN - 5, leftN - 3] }, right: { trialsN: [rightN - 4, rightN, rightN - 2] } } },
  });
// Kujala answers: index 0 is the best option of each item (100 points); a later index loses points.
const akps = (worse: number) => Array.from({ length: 13 }, (_, i) => (i < worse ? 1 : 0));
const lefs = (rating: number) => Array.from({ length: 20 }, () => rating);
const intake = (o: { akpsWorse?: number; lefs?: number; painNow?: number; painWorst?: number; km?: number } = {}) =>
  fullIntake({
    questionnaires: { akps: akps(o.akpsWorse ?? 6), lefs: lefs(o.lefs ?? 3) },
    pain: { now: o.painNow ?? 3, worstWeek: o.painWorst ?? 6 },
    running: { weeklyKm: { thisWeek: o.km ?? 10 } },
  });
const visit = (visitId: string, date: string, parts: Partial<TrendVisitInput> = {}): TrendVisitInput => ({ visitId, date, exam: null, intake: null, ...parts });

describe("trends across visits", () => {
  it("gives one point per visit with data, in date order, with the values the visit's own summary shows", () => {
    const first = visit("a", "2026-09-01", { exam: exam(150, 200), intake: intake({ akpsWorse: 8, lefs: 2, painNow: 4, painWorst: 7, km: 5 }) });
    const second = visit("b", "2026-10-15", { exam: exam(180, 200), intake: intake({ akpsWorse: 2, lefs: 3, painNow: 1, painWorst: 3, km: 20 }) });
    const t = visitTrends([second, first], DEFAULT_SETTINGS);
    expect(t.visits.map((v) => v.visitId)).toEqual(["a", "b"]);
    expect(t.enough).toBe(true);
    expect(t.groups).toContain("hipAbduction");
    // The same numbers derive() gives the signed summary (and so the printout).
    const d = derive({ intake: first.intake, exam: first.exam, settings: DEFAULT_SETTINGS });
    expect(t.visits[0]!.strength.hipAbduction).toEqual({
      symmetryPercent: d.strength.hipAbduction!.symmetryPercent,
      weakerSide: "left",
      leftNPerKg: d.strength.hipAbduction!.leftNPerKg,
      rightNPerKg: d.strength.hipAbduction!.rightNPerKg,
    });
    expect(t.visits[0]!.strength.hipAbduction!.symmetryPercent).toBeCloseTo(75);
    expect(t.visits[1]!.strength.hipAbduction!.symmetryPercent).toBeCloseTo(90);
    expect(t.visits[0]!.strength.hipAbduction!.leftNPerKg).toBeCloseTo(150 / 62);
    expect(t.visits[0]!.akps).toBe(d.akps!.score);
    expect(t.visits.map((v) => [v.painNow, v.painWorst, v.weeklyKm])).toEqual([
      [4, 7, 5],
      [1, 3, 20],
    ]);
  });

  it("marks a Kujala change of 10 points (Crossley 2004) and a LEFS change of 9 (Binkley 1999) as meaningful, and not one point less", () => {
    expect(AKPS_MCID).toBe(10);
    expect(LEFS_MCID).toBe(9);
    const s = (scores: number[], mcid: number) =>
      scoreTrend(
        scores.map((score, i) => ({ visitId: String(i), date: `2026-0${i + 1}-01`, score })),
        mcid,
      ).points;
    expect(s([50, 60, 69], AKPS_MCID).map((p) => p.meaningful)).toEqual([null, true, false]);
    expect(s([50, 60, 69], AKPS_MCID).map((p) => p.meaningfulSinceFirst)).toEqual([null, true, true]);
    expect(s([40, 32, 41], LEFS_MCID).map((p) => [p.change, p.meaningful])).toEqual([
      [null, null],
      [-8, false],
      [9, true],
    ]);
  });

  it("skips visits with nothing to chart and keeps a visit with only an intake or only an exam", () => {
    const t = visitTrends(
      [visit("empty", "2026-09-01"), visit("exam", "2026-09-02", { exam: exam(150, 200) }), visit("intake", "2026-09-03", { intake: intake() })],
      DEFAULT_SETTINGS,
    );
    expect(t.visits.map((v) => v.visitId)).toEqual(["exam", "intake"]);
    expect(t.visits[0]!.akps).toBeNull();
    expect(t.visits[1]!.strength).toEqual({});
    expect(t.akps.points.map((p) => p.visitId)).toEqual(["intake"]);
  });

  it("is not enough with one visit", () => {
    const t = visitTrends([visit("a", "2026-09-01", { exam: exam(150, 200), intake: intake() })], DEFAULT_SETTINGS);
    expect(t.enough).toBe(false);
    expect(t.visits).toHaveLength(1);
  });

  it("orders visits on the same day by when they were made", () => {
    const t = visitTrends(
      [
        visit("z-later", "2026-09-01", { createdAt: "2026-09-01T10:00:00Z", intake: intake() }),
        visit("a-earlier", "2026-09-01", { createdAt: "2026-09-01T09:00:00Z", intake: intake() }),
      ],
      DEFAULT_SETTINGS,
    );
    expect(t.visits.map((v) => v.visitId)).toEqual(["a-earlier", "z-later"]);
  });

  it("property: one point per visit with data, in date order; a score is meaningful iff |change| ≥ its MCID", () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const visitArb = fc.record({
      date: day,
      exam: fc.option(fc.tuple(fc.integer({ min: 40, max: 400 }), fc.integer({ min: 40, max: 400 })), { nil: null }),
      intake: fc.option(
        fc.record({
          akpsWorse: fc.integer({ min: 0, max: 13 }),
          lefs: fc.integer({ min: 0, max: 4 }),
          painNow: fc.integer({ min: 0, max: 10 }),
          km: fc.integer({ min: 0, max: 120 }),
        }),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(fc.array(visitArb, { maxLength: 8 }), (vs) => {
        const input = vs.map((v, i) =>
          visit(`v${i}`, v.date, { exam: v.exam ? exam(v.exam[0], v.exam[1]) : null, intake: v.intake ? intake(v.intake) : null }),
        );
        const t = visitTrends(input, DEFAULT_SETTINGS);
        // Every visit here with an exam or an intake has something to chart.
        expect(t.visits).toHaveLength(vs.filter((v) => v.exam || v.intake).length);
        expect(t.enough).toBe(t.visits.length >= 2);
        for (let i = 1; i < t.visits.length; i++) expect(t.visits[i - 1]!.date <= t.visits[i]!.date).toBe(true);
        for (const trend of [t.akps, t.lefs]) {
          expect(trend.points).toHaveLength(vs.filter((v) => v.intake).length);
          trend.points.forEach((p, i) => {
            if (i === 0) return expect(p.meaningful).toBeNull();
            expect(p.change).toBe(p.score - trend.points[i - 1]!.score);
            expect(p.meaningful).toBe(Math.abs(p.change!) >= trend.mcid);
            expect(p.meaningfulSinceFirst).toBe(Math.abs(p.score - trend.points[0]!.score) >= trend.mcid);
          });
        }
        for (const v of t.visits) for (const g of t.groups) if (v.strength[g]) expect(v.strength[g]!.symmetryPercent).toBeLessThanOrEqual(100);
      }),
    );
  });
});
