// Recent change in weekly running distance (clinical-reference §6.3).
import type { ClinicSettings } from "./settings";

export interface WeeklyDistances {
  /** km this week (or the most recent full week). */
  thisWeek?: number | null;
  lastWeek?: number | null;
  twoWeeksAgo?: number | null;
  threeWeeksAgo?: number | null;
  fourWeeksAgo?: number | null;
}

export interface LoadChange {
  /** Which comparison fired or was used: week-on-week, across two weeks, or now vs four weeks ago. */
  basis: "week" | "two-weeks" | "four-weeks";
  fromKm: number;
  toKm: number;
  /** Percentage change; null when running started from zero (no percentage exists). */
  changePercent: number | null;
  limitPercent: number;
  exceeds: boolean;
}

/** Percentage change from `from` to `to`; null when `from` is zero. */
export function percentChange(from: number, to: number): number | null {
  if (from === 0) return null;
  return ((to - from) / from) * 100;
}

function compare(basis: LoadChange["basis"], from: number, to: number, limit: number): LoadChange {
  const changePercent = percentChange(from, to);
  // Starting from nothing to any running is a ramp with no percentage: it exceeds any limit.
  const exceeds = changePercent === null ? to > 0 : changePercent > limit;
  return { basis, fromKm: from, toKm: to, changePercent, limitPercent: limit, exceeds };
}

const known = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;

/**
 * §6.3 defaults: flag when week-on-week weekly distance rises over 20%, or over 30% across two weeks; when
 * only this week and four weeks ago are known, when it rises over 30% across them. Returns every comparison
 * the data allows, the first exceeding one first; empty when too little is known.
 */
export function assessLoadChange(
  d: WeeklyDistances,
  settings: Pick<ClinicSettings, "rampWeekPercent" | "rampTwoWeekPercent" | "rampFourWeekPercent">,
): LoadChange[] {
  const out: LoadChange[] = [];
  if (known(d.thisWeek) && known(d.lastWeek)) out.push(compare("week", d.lastWeek, d.thisWeek, settings.rampWeekPercent));
  if (known(d.thisWeek) && known(d.twoWeeksAgo)) out.push(compare("two-weeks", d.twoWeeksAgo, d.thisWeek, settings.rampTwoWeekPercent));
  if (known(d.thisWeek) && known(d.fourWeeksAgo) && out.length === 0) {
    out.push(compare("four-weeks", d.fourWeeksAgo, d.thisWeek, settings.rampFourWeekPercent));
  }
  return out.sort((a, b) => Number(b.exceeds) - Number(a.exceeds));
}
