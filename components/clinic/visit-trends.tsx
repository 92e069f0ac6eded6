// "Trends across visits": strength symmetry per muscle group, best force per side in N/kg, Kujala and LEFS
// with their meaningful change marked, pain and weekly distance, one point per visit. Server component with
// no client code: the patient page, a follow-up visit's summary and the clinician's printed version use it.
import type { ScoreTrend, Trends, TrendVisit } from "@/lib/assessment/trends";
import { groupLabel } from "@/lib/assessment/plan";
import { formatDate } from "@/lib/format";
import type { PatientsWords } from "@/lib/i18n/clinic/patients";
import { staffWords } from "@/lib/i18n/clinic/server";
import { format, formatIsoDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { TrendChart } from "../charts/trend-chart";

type TrendWords = PatientsWords["trends"];

/** "3 Aug 26" ("3 ago 26" in Spanish): short enough for the axis, the year kept because follow-ups can span one. */
const axisDate = (locale: Locale, iso: string) =>
  locale.startsWith("en")
    ? formatDate(iso).replace(/ \d\d(\d\d)$/, " $1")
    : new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "2-digit", timeZone: "UTC" }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

const signed = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${Math.abs(n)}`;

function scoreSeries(name: string, visits: TrendVisit[], trend: ScoreTrend, t: TrendWords, locale: Locale) {
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
      return format(p.meaningful ? t.sinceBeforeMeaningful : t.sinceBefore, { change: signed(p.change) }, locale);
    }),
  };
}

function scoreLine(name: string, trend: ScoreTrend, t: TrendWords, locale: Locale): string | null {
  const first = trend.points[0];
  const last = trend.points.at(-1);
  if (!first || !last || first === last) return null;
  return format(
    last.meaningfulSinceFirst ? t.lineMeaningful : t.lineUnder,
    {
      name,
      first: String(first.score),
      last: String(last.score),
      change: signed(last.sinceFirst!),
      date: formatIsoDate(locale, first.date),
      mcid: String(trend.mcid),
    },
    locale,
  );
}

/** Server component (the patient page, the summary page and the print page, which has no staff layout):
 * worded in the clinic's language (staffWords). */
export async function VisitTrends({
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
  const { t: words, locale } = await staffWords();
  const t = words.patients.trends;
  const date = (iso: string) => formatIsoDate(locale, iso);
  const chart = { words: words.patients.charts, locale };
  const group = (g: string) => t.groups[g] ?? groupLabel(g);
  const visits = trends?.visits ?? [];
  const heading = (
    <h2 id={headingId} style={{ marginTop: 0 }}>
      {t.heading}
    </h2>
  );
  if (!trends || !trends.enough) {
    return (
      <section className="card" aria-labelledby={headingId}>
        {heading}
        <p className="muted">{visits[0] ? format(t.oneVisit, { date: date(visits[0].date) }, locale) : t.noVisit}</p>
      </section>
    );
  }
  const labels = visits.map((v) => axisDate(locale, v.date));
  const id = (s: string) => `${idPrefix}-${s}`;
  const pick = (f: (v: TrendVisit) => number | null) => visits.map(f);
  const symmetry = trends.groups.flatMap((g) => visits.map((v) => v.strength[g]?.symmetryPercent ?? null)).filter((x): x is number => x !== null);
  const lowest = Math.min(trends.asymmetryThresholdPercent, ...symmetry);
  const lines = [scoreLine("Kujala", trends.akps, t, locale), scoreLine("LEFS", trends.lefs, t, locale)].filter(Boolean);
  return (
    <section className="card stack" aria-labelledby={headingId}>
      {heading}
      <p>
        {format(upToVisit ? t.introUpTo : t.intro, { n: String(visits.length), from: date(visits[0]!.date), to: date(visits.at(-1)!.date) }, locale)}{" "}
        {lines.join(" ")}
      </p>
      <div className="trend-grid">
        {trends.groups.length > 0 && (
          <TrendChart
            id={id("symmetry")}
            {...chart}
            title={t.symmetry}
            unit="%"
            decimals={0}
            labels={labels}
            yMin={Math.max(0, Math.floor((lowest - 5) / 10) * 10)}
            yMax={100}
            reference={{ value: trends.asymmetryThresholdPercent, label: format(t.threshold, { value: String(trends.asymmetryThresholdPercent) }, locale) }}
            series={trends.groups.map((g) => ({ name: group(g), values: pick((v) => v.strength[g]?.symmetryPercent ?? null) }))}
            caption={t.symmetryCaption}
          />
        )}
        {trends.groups.map((g) => (
          <TrendChart
            key={g}
            {...chart}
            id={id(`force-${g}`)}
            title={format(t.force, { group: group(g) }, locale)}
            unit=" N/kg"
            decimals={2}
            labels={labels}
            series={[
              { name: t.left, values: pick((v) => v.strength[g]?.leftNPerKg ?? null) },
              { name: t.right, values: pick((v) => v.strength[g]?.rightNPerKg ?? null) },
            ]}
          />
        ))}
        {trends.akps.points.length > 0 && (
          <TrendChart
            {...chart}
            id={id("akps")}
            title={t.akps}
            unit=""
            labels={labels}
            yMax={100}
            series={[scoreSeries("Kujala", visits, trends.akps, t, locale)]}
            caption={format(t.akpsCaption, { mcid: String(trends.akps.mcid) }, locale)}
          />
        )}
        {trends.lefs.points.length > 0 && (
          <TrendChart
            {...chart}
            id={id("lefs")}
            title={t.lefs}
            unit=""
            labels={labels}
            yMax={80}
            series={[scoreSeries("LEFS", visits, trends.lefs, t, locale)]}
            caption={format(t.lefsCaption, { mcid: String(trends.lefs.mcid) }, locale)}
          />
        )}
        {visits.some((v) => v.painNow !== null || v.painWorst !== null) && (
          <TrendChart
            {...chart}
            id={id("pain")}
            title={t.pain}
            unit="/10"
            labels={labels}
            yMax={10}
            series={[
              { name: t.painNow, values: pick((v) => v.painNow) },
              { name: t.painWorst, values: pick((v) => v.painWorst) },
            ]}
          />
        )}
        {visits.some((v) => v.weeklyKm !== null) && (
          <TrendChart {...chart} id={id("km")} title={t.km} unit=" km" labels={labels} series={[{ name: t.distance, values: pick((v) => v.weeklyKm) }]} />
        )}
      </div>
    </section>
  );
}
