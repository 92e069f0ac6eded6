import { describe, expect, it } from "vitest";
import { assessLoadChange, percentChange } from "./load";
import { DEFAULT_SETTINGS } from "./settings";

describe("percentChange", () => {
  it("is relative to the earlier value", () => {
    expect(percentChange(20, 30)).toBe(50);
    expect(percentChange(40, 30)).toBe(-25);
  });
  it("has no percentage from zero", () => {
    expect(percentChange(0, 10)).toBeNull();
  });
});

describe("assessLoadChange (clinical-rules §6.3)", () => {
  const s = DEFAULT_SETTINGS;
  it("flags a rise over 30% from four weeks ago when only those are known", () => {
    const [r] = assessLoadChange({ thisWeek: 40, fourWeeksAgo: 30 }, s);
    expect(r).toMatchObject({ basis: "four-weeks", exceeds: true });
    expect(r!.changePercent).toBeCloseTo(33.33, 1);
  });
  it("does not flag exactly 30%", () => {
    expect(assessLoadChange({ thisWeek: 39, fourWeeksAgo: 30 }, s)[0]!.exceeds).toBe(false);
  });
  it("flags week-on-week rises over 20%", () => {
    expect(assessLoadChange({ thisWeek: 25, lastWeek: 20 }, s)[0]).toMatchObject({ basis: "week", exceeds: true });
    expect(assessLoadChange({ thisWeek: 24, lastWeek: 20 }, s)[0]).toMatchObject({ basis: "week", exceeds: false });
  });
  it("flags rises over 30% across two weeks, listing the exceeding comparison first", () => {
    const r = assessLoadChange({ thisWeek: 27, lastWeek: 24, twoWeeksAgo: 20 }, s);
    expect(r[0]).toMatchObject({ basis: "two-weeks", exceeds: true });
    expect(r[1]).toMatchObject({ basis: "week", exceeds: false });
  });
  it("does not call a start from zero a jump (a new runner or a restart is §6.5's business)", () => {
    expect(assessLoadChange({ thisWeek: 6, lastWeek: 0, fourWeeksAgo: 0 }, s)).toEqual([]);
    expect(assessLoadChange({ thisWeek: 0, fourWeeksAgo: 0 }, s)).toEqual([]);
  });
  it("catches a steady creep that no single week shows: 18 → 20 → 22.5 → 25 → 28 km is +56% over four weeks", () => {
    const r = assessLoadChange({ thisWeek: 28, lastWeek: 25, twoWeeksAgo: 22.5, threeWeeksAgo: 20, fourWeeksAgo: 18 }, s);
    expect(r[0]).toMatchObject({ basis: "four-weeks", fromKm: 18, toKm: 28, exceeds: true });
    expect(r.filter((l) => l.exceeds)).toHaveLength(1);
  });
  it("protects a patient who fills every week at least as well as one who fills only now and four weeks ago", () => {
    const full = assessLoadChange({ thisWeek: 40, lastWeek: 36, twoWeeksAgo: 33, threeWeeksAgo: 31, fourWeeksAgo: 30 }, s);
    const sparse = assessLoadChange({ thisWeek: 40, fourWeeksAgo: 30 }, s);
    expect(sparse.some((l) => l.exceeds)).toBe(true);
    expect(full.some((l) => l.exceeds)).toBe(true);
  });
  it("compares earlier pairs too: a jump two weeks ago still shows", () => {
    const r = assessLoadChange({ thisWeek: 30, lastWeek: 30, twoWeeksAgo: 20 }, s);
    expect(r.filter((l) => l.exceeds)).toEqual(expect.arrayContaining([expect.objectContaining({ basis: "week", fromWeeksAgo: 2, toWeeksAgo: 1 })]));
  });
  it("says nothing when too little is known", () => {
    expect(assessLoadChange({ thisWeek: 30 }, s)).toEqual([]);
  });
  it("follows the clinic's setting", () => {
    expect(assessLoadChange({ thisWeek: 36, fourWeeksAgo: 30 }, { ...s, rampFourWeekPercent: 15 })[0]!.exceeds).toBe(true);
  });
});
