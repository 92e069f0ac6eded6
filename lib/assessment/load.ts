// Recent change in weekly running distance (clinical-rules §6.3).
import type { ClinicSettings } from "./settings";

export interface WeeklyDistances {
  /** km this week (or the most recent full week). */
  thisWeek?: number | null;
  lastWeek?: number | null;
  twoWeeksAgo?: number | null;
  threeWeeksAgo?: number | null;
  fourWeeksAgo?: number | null;
}

export type LoadBasis = "week" | "two-weeks" | "four-weeks";

export interface LoadChange {
  /** Which comparison: week-on-week, across two weeks, or across four weeks. */
  basis: LoadBasis;
  /** The two weeks compared, as weeks before this one (0 = this week, 4 = four weeks ago). */
  fromWeeksAgo: number;
  toWeeksAgo: number;
  fromKm: number;
  toKm: number;
  /** Percentage change (never null: a start from zero is not compared, §6.3). */
  changePercent: number | null;
  limitPercent: number;
  exceeds: boolean;
}

/** Percentage change from `from` to `to`; null when `from` is zero. */
export function percentChange(from: number, to: number): number | null {
  if (from === 0) return null;
  return ((to - from) / from) * 100;
}

const known = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;

const GAPS: [LoadBasis, number, keyof Pick<ClinicSettings, "rampWeekPercent" | "rampTwoWeekPercent" | "rampFourWeekPercent">][] = [
  ["week", 1, "rampWeekPercent"],
  ["two-weeks", 2, "rampTwoWeekPercent"],
  ["four-weeks", 4, "rampFourWeekPercent"],
];

/** "this week", "last week", "2 weeks ago"… as a patient's answers name them. */
export function weekName(weeksAgo: number): string {
  return weeksAgo === 0 ? "this week" : weeksAgo === 1 ? "last week" : `${weeksAgo} weeks ago`;
}

/**
 * §6.3 (revised): every comparison the answers allow, between any two known weeks one, two or four weeks
 * apart: over 20% in a week, over 30% across two weeks, over 30% across four weeks (clinic settings). A
 * steady creep that no single week shows is caught by the four-week comparison. A week of zero is never
 * the base of a comparison: a start from nothing (a new runner, a restart after a break) is not a "jump"
 * (§6.5 handles it). Exceeding comparisons come first, the most recent first, then the shortest.
 */
export function assessLoadChange(
  d: WeeklyDistances,
  settings: Pick<ClinicSettings, "rampWeekPercent" | "rampTwoWeekPercent" | "rampFourWeekPercent">,
): LoadChange[] {
  const weeks = [d.thisWeek, d.lastWeek, d.twoWeeksAgo, d.threeWeeksAgo, d.fourWeeksAgo];
  const out: LoadChange[] = [];
  for (const [basis, gap, key] of GAPS) {
    for (let to = 0; to + gap < weeks.length; to++) {
      const toKm = weeks[to];
      const fromKm = weeks[to + gap];
      if (!known(toKm) || !known(fromKm) || fromKm === 0) continue;
      const changePercent = percentChange(fromKm, toKm)!;
      const limitPercent = settings[key];
      out.push({ basis, fromWeeksAgo: to + gap, toWeeksAgo: to, fromKm, toKm, changePercent, limitPercent, exceeds: changePercent > limitPercent + 1e-9 });
    }
  }
  return out.sort(
    (a, b) => Number(b.exceeds) - Number(a.exceeds) || a.toWeeksAgo - b.toWeeksAgo || a.fromWeeksAgo - a.toWeeksAgo - (b.fromWeeksAgo - b.toWeeksAgo),
  );
}

/** The comparison a ramp flag names: the first exceeding one (most recent, shortest). */
export function firedRamp(load: LoadChange[]): LoadChange | undefined {
  return load.find((l) => l.exceeds);
}

/** A comparison in words: "rose 56% over four weeks (18 km 4 weeks ago → 28 km this week)". */
export function describeLoadChange(l: LoadChange): string {
  const over = { week: "in a week", "two-weeks": "over two weeks", "four-weeks": "over four weeks" }[l.basis];
  const pct = Math.round(l.changePercent ?? 0);
  return `${pct >= 0 ? "rose" : "fell"} ${Math.abs(pct)}% ${over} (${l.fromKm} km ${weekName(l.fromWeeksAgo)} → ${l.toKm} km ${weekName(l.toWeeksAgo)})`;
}
