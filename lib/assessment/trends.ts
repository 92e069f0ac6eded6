// Trends across visits: one point per visit that has data, in date order, each value computed by derive()
// (the same derivation the signed summary and its printout show), so a trend never disagrees with the
// visit's own sheet. Missing stays missing: a visit without a finalized exam has no strength point, one
// without a submitted intake no scores, pain or distance.
import { derive, MCID, type PatientFacts } from "./derive";
import { MUSCLE_GROUPS, type EngineExam, type MuscleGroupKey } from "./exam-schema";
import type { EngineIntake } from "./intake-schema";
import type { ClinicSettings } from "./settings";
import type { Side } from "./strength";

export interface TrendVisitInput {
  visitId: string;
  /** YYYY-MM-DD */
  date: string;
  /** Orders two visits on the same day (ISO timestamp; when the visit was made). */
  createdAt?: string;
  kind?: "INITIAL" | "FOLLOW_UP";
  /** The finalized exam (latest signed revision), or null. */
  exam: EngineExam | null;
  /** The submitted intake (latest revision), or null. */
  intake: EngineIntake | null;
  /** Age on the visit date and sex, for derive()'s norms (not charted). */
  patient?: PatientFacts;
}

export interface GroupPoint {
  /** Weaker ÷ stronger × 100 (§2.3), never above 100. */
  symmetryPercent: number;
  weakerSide: Side | null;
  /** Best trial per side ÷ body mass (§2.2); null without a body mass. */
  leftNPerKg: number | null;
  rightNPerKg: number | null;
}

export interface TrendVisit {
  visitId: string;
  date: string;
  kind: "INITIAL" | "FOLLOW_UP" | null;
  strength: Partial<Record<MuscleGroupKey, GroupPoint>>;
  akps: number | null;
  lefs: number | null;
  /** NPRS 0–10 from the intake (§4.3): now, and worst in the past week. */
  painNow: number | null;
  painWorst: number | null;
  /** The intake's distance run this week (km). */
  weeklyKm: number | null;
}

export interface ScorePoint {
  visitId: string;
  date: string;
  score: number;
  /** Since the previous visit that has this score; null at the first. */
  change: number | null;
  /** |change| ≥ the MCID; null at the first. */
  meaningful: boolean | null;
  /** Since the first visit that has this score; null at the first. */
  sinceFirst: number | null;
  meaningfulSinceFirst: boolean | null;
}

export interface ScoreTrend {
  /** §4.1 Kujala (AKPS) 10 points, Crossley 2004; §4.2 LEFS 9 points, Binkley 1999 (lib/assessment/scoring.ts). */
  mcid: number;
  points: ScorePoint[];
}

export interface Trends {
  /** Visits with any charted value, in date order (then creation order). */
  visits: TrendVisit[];
  /** The muscle groups measured on both sides at one visit or more, in the exam's order. */
  groups: MuscleGroupKey[];
  akps: ScoreTrend;
  lefs: ScoreTrend;
  /** The asymmetry threshold the clinic uses (§2.3, a convention), drawn on the symmetry chart. */
  asymmetryThresholdPercent: number;
  /** Trends need two visits with data; with fewer the page says what will appear. */
  enough: boolean;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function hasData(v: TrendVisit): boolean {
  return Object.keys(v.strength).length > 0 || [v.akps, v.lefs, v.painNow, v.painWorst, v.weeklyKm].some((x) => x !== null);
}

/** The change between consecutive scores and since the first, flagged when it reaches the MCID (§4). */
export function scoreTrend(scores: { visitId: string; date: string; score: number }[], mcid: number): ScoreTrend {
  return {
    mcid,
    points: scores.map((s, i) => {
      const before = scores[i - 1];
      const first = scores[0];
      const change = before ? s.score - before.score : null;
      const sinceFirst = first && i > 0 ? s.score - first.score : null;
      return {
        ...s,
        change,
        meaningful: change === null ? null : Math.abs(change) >= mcid,
        sinceFirst,
        meaningfulSinceFirst: sinceFirst === null ? null : Math.abs(sinceFirst) >= mcid,
      };
    }),
  };
}

export function visitTrends(input: readonly TrendVisitInput[], settings: ClinicSettings): Trends {
  const ordered = [...input].sort(
    (a, b) => a.date.localeCompare(b.date) || (a.createdAt ?? "").localeCompare(b.createdAt ?? "") || a.visitId.localeCompare(b.visitId),
  );
  const visits: TrendVisit[] = [];
  for (const v of ordered) {
    // No previous visits: the change between visits is computed here, across all of them, not pairwise.
    const d = derive({ intake: v.intake, exam: v.exam, settings, patient: v.patient });
    const strength: TrendVisit["strength"] = {};
    for (const g of MUSCLE_GROUPS) {
      const s = d.strength[g];
      if (s) strength[g] = { symmetryPercent: s.symmetryPercent, weakerSide: s.weakerSide, leftNPerKg: s.leftNPerKg, rightNPerKg: s.rightNPerKg };
    }
    const t: TrendVisit = {
      visitId: v.visitId,
      date: v.date,
      kind: v.kind ?? null,
      strength,
      akps: d.akps?.score ?? null,
      lefs: d.lefs?.score ?? null,
      painNow: num(v.intake?.pain?.now),
      painWorst: num(v.intake?.pain?.worstWeek),
      weeklyKm: num(v.intake?.running?.weeklyKm?.thisWeek),
    };
    if (hasData(t)) visits.push(t);
  }
  const scores = (key: "akps" | "lefs") => visits.flatMap((v) => (v[key] === null ? [] : [{ visitId: v.visitId, date: v.date, score: v[key]! }]));
  return {
    visits,
    groups: MUSCLE_GROUPS.filter((g) => visits.some((v) => v.strength[g])),
    akps: scoreTrend(scores("akps"), MCID.akps),
    lefs: scoreTrend(scores("lefs"), MCID.lefs),
    asymmetryThresholdPercent: settings.asymmetryThresholdPercent,
    enough: visits.length >= 2,
  };
}
