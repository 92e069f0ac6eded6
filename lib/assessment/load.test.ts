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

describe("assessLoadChange (clinical-reference §6.3)", () => {
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
  it("treats any running after none as a ramp", () => {
    expect(assessLoadChange({ thisWeek: 10, fourWeeksAgo: 0 }, s)[0]).toMatchObject({ changePercent: null, exceeds: true });
    expect(assessLoadChange({ thisWeek: 0, fourWeeksAgo: 0 }, s)[0]).toMatchObject({ exceeds: false });
  });
  it("says nothing when too little is known", () => {
    expect(assessLoadChange({ thisWeek: 30 }, s)).toEqual([]);
  });
  it("follows the clinic's setting", () => {
    expect(assessLoadChange({ thisWeek: 36, fourWeeksAgo: 30 }, { ...s, rampFourWeekPercent: 15 })[0]!.exceeds).toBe(true);
  });
});
