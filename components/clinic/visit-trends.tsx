// "Trends across visits": strength symmetry per muscle group, best force per side in N/kg, Kujala and LEFS
// with their meaningful change marked, pain and weekly distance, one point per visit. Server component with
// no client code: the patient page, a follow-up visit's summary and the clinician's printed version use it.
import type { ScoreTrend, Trends, TrendVisit } from "@/lib/assessment/trends";
import { groupLabel } from "@/lib/assessment/plan";
import { formatDate } from "@/lib/format";
import { TrendChart } from "../charts/trend-chart";

const WHAT = "strength symmetry per muscle group, best force per side in N/kg, Kujala and LEFS with any meaningful change marked, pain and weekly distance";

/** "3 Aug 26": short enough for the axis, the year kept because follow-ups can span one. */
const axisDate = (iso: string) => formatDate(iso).replace(/ \d\d(\d\d)$/, " $1");

const signed = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${Math.abs(n)}`;

function scoreSeries(name: string, visits: TrendVisit[], trend: ScoreTrend) {
  const at = new Map(trend.points.map((p) => [p.visitId, p]));
  return {
    name,
    values: visits.map((v) => at.get(v.visitId)?.score ?? null),
    marks: visits.map((v) => {
      const p = at.get(v.visitId);
      return p?.meaningful ? signed(p.change!) : null;
    }),
    notes: visits.map((v) => {
      const p = at.get(v.visitId);
      if (!p || p.change === null) return null;
      return `${signed(p.change)} since the visit before${p.meaningful ? ", meaningful" : ""}`;
    }),
  };
}

function scoreLine(name: string, t: ScoreTrend): string | null {
  const first = t.points[0];
  const last = t.points.at(-1);
  if (!first || !last || first === last) return null;
  return `${name} ${first.score} → ${last.score} (${signed(last.sinceFirst!)} since ${formatDate(first.date)}${last.meaningfulSinceFirst ? `, a meaningful change: ${t.mcid} points or more` : `, under the ${t.mcid}-point meaningful change`}).`;
}

export function VisitTrends({
  trends,
  idPrefix = "trend",
  headingId = "trends-h",
  upToVisit = false,
}: {
  trends: Trends | null;
  idPrefix?: string;
  headingId?: string;
  upToVisit?: boolean;
}) {
  const visits = trends?.visits ?? [];
  const heading = (
    <h2 id={headingId} style={{ marginTop: 0 }}>
      Trends across visits
    </h2>
  );
  if (!trends || !trends.enough) {
    return (
      <section className="card" aria-labelledby={headingId}>
        {heading}
        <p className="muted">
          {visits[0]
            ? `One visit with data so far (${formatDate(visits[0].date)}). From the second visit with a finalized exam or a submitted intake, this shows ${WHAT}.`
            : `No visit with a finalized exam or a submitted intake yet. From the second one, this shows ${WHAT}.`}
        </p>
      </section>
    );
  }
  const labels = visits.map((v) => axisDate(v.date));
  const id = (s: string) => `${idPrefix}-${s}`;
  const pick = (f: (v: TrendVisit) => number | null) => visits.map(f);
  const symmetry = trends.groups.flatMap((g) => visits.map((v) => v.strength[g]?.symmetryPercent ?? null)).filter((x): x is number => x !== null);
  const lowest = Math.min(trends.asymmetryThresholdPercent, ...symmetry);
  const lines = [scoreLine("Kujala", trends.akps), scoreLine("LEFS", trends.lefs)].filter(Boolean);
  return (
    <section className="card stack" aria-labelledby={headingId}>
      {heading}
      <p>
        {visits.length} visits{upToVisit ? ", up to this one" : ""}, from {formatDate(visits[0]!.date)} to {formatDate(visits.at(-1)!.date)}: values from each
        visit&apos;s finalized exam and submitted intake. {lines.join(" ")}
      </p>
      <div className="trend-grid">
        {trends.groups.length > 0 && (
          <TrendChart
            id={id("symmetry")}
            title="Strength symmetry (weaker ÷ stronger)"
            unit="%"
            decimals={0}
            labels={labels}
            yMin={Math.max(0, Math.floor((lowest - 5) / 10) * 10)}
            yMax={100}
            reference={{ value: trends.asymmetryThresholdPercent, label: `${trends.asymmetryThresholdPercent}%: the clinic's threshold` }}
            series={trends.groups.map((g) => ({ name: groupLabel(g), values: pick((v) => v.strength[g]?.symmetryPercent ?? null) }))}
            caption="Below the dashed line and beyond the measurement error is an asymmetry (§2.3; the threshold is a convention)."
          />
        )}
        {trends.groups.map((g) => (
          <TrendChart
            key={g}
            id={id(`force-${g}`)}
            title={`${groupLabel(g)}: best force, N/kg`}
            unit=" N/kg"
            decimals={2}
            labels={labels}
            series={[
              { name: "Left", values: pick((v) => v.strength[g]?.leftNPerKg ?? null) },
              { name: "Right", values: pick((v) => v.strength[g]?.rightNPerKg ?? null) },
            ]}
          />
        ))}
        {trends.akps.points.length > 0 && (
          <TrendChart
            id={id("akps")}
            title="Kujala (AKPS, 0–100, higher is better)"
            unit=""
            labels={labels}
            yMax={100}
            series={[scoreSeries("Kujala", visits, trends.akps)]}
            caption={`A ringed point changed by ${trends.akps.mcid} points or more since the visit before: the minimal clinically important difference (Crossley 2004).`}
          />
        )}
        {trends.lefs.points.length > 0 && (
          <TrendChart
            id={id("lefs")}
            title="LEFS (0–80, higher is better)"
            unit=""
            labels={labels}
            yMax={80}
            series={[scoreSeries("LEFS", visits, trends.lefs)]}
            caption={`A ringed point changed by ${trends.lefs.mcid} points or more since the visit before: the minimal clinically important difference (Binkley 1999).`}
          />
        )}
        {visits.some((v) => v.painNow !== null || v.painWorst !== null) && (
          <TrendChart
            id={id("pain")}
            title="Knee pain at intake (0–10)"
            unit="/10"
            labels={labels}
            yMax={10}
            series={[
              { name: "Now", values: pick((v) => v.painNow) },
              { name: "Worst, past week", values: pick((v) => v.painWorst) },
            ]}
          />
        )}
        {visits.some((v) => v.weeklyKm !== null) && (
          <TrendChart
            id={id("km")}
            title="Distance run in the week before the visit"
            unit=" km"
            labels={labels}
            series={[{ name: "Distance", values: pick((v) => v.weeklyKm) }]}
          />
        )}
      </div>
    </section>
  );
}
