// Between-visits charts: inline SVG rendered on the server (no client code), readable in black and white:
// "planned" is an outlined hatched bar, "done" a solid one, and every bar carries its number; pain points
// are shapes by zone (circle ≤ 2, triangle 3–4, square ≥ 5) on a 0–10 scale with the 2/10 line dashed.
// Each chart's <desc> says the same in words, and a table under it lists the figures (the text alternative
// a screen reader or a clinician reading numbers uses). docs/decisions/0025-between-visits-charts.md.
import { format, formatIsoDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { CHART_WORDS_EN, fmtIn, INK, MUTED, niceMax, type ChartWords } from "./chart-kit";
import { FiguresTable } from "./figures-table";

/** The chart's words and language: English by default; the page passes the clinic's. */
interface Worded {
  words?: ChartWords;
  locale?: Locale;
}

export interface PlanVsDone {
  label: string;
  /** Null when nothing was planned that way (a week planned by time has no planned km). */
  planned: number | null;
  done: number;
}

/** Planned against done, one pair of bars per week. */
export function PlanVsDoneChart({
  id,
  title,
  unit,
  rows,
  width = 560,
  words: t = CHART_WORDS_EN,
  locale = "en-US",
}: { id: string; title: string; unit: string; rows: PlanVsDone[]; width?: number } & Worded) {
  const fmt = (n: number) => fmtIn(locale, n);
  const LEFT = 64;
  const ROW = 34;
  const TOP = 22;
  const max = niceMax(Math.max(0, ...rows.flatMap((r) => [r.planned ?? 0, r.done])));
  const barW = width - LEFT - 70;
  const x = (n: number) => LEFT + (Math.max(0, n) / max) * barW;
  const height = TOP + ROW * rows.length + 8;
  const desc = `${title}. ${rows
    .map((r) =>
      r.planned !== null
        ? format(t.doneOfPlannedRow, { label: r.label, done: fmt(r.done), unit, planned: fmt(r.planned) }, locale)
        : format(t.doneRow, { label: r.label, done: fmt(r.done), unit }, locale),
    )
    .join("; ")}.`;
  return (
    <figure className="chart">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#fff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={MUTED} strokeWidth="1.5" />
          </pattern>
        </defs>
        {/* Legend: planned hatched and outlined, done solid. */}
        <rect x={LEFT} y={4} width={14} height={10} fill={`url(#${id}-hatch)`} stroke={INK} />
        <text x={LEFT + 20} y={13} fontSize="12" fill={INK}>
          {t.planned}
        </text>
        <rect x={LEFT + 90} y={4} width={14} height={10} fill={INK} />
        <text x={LEFT + 110} y={13} fontSize="12" fill={INK}>
          {t.done}
        </text>
        <line x1={LEFT} y1={TOP - 2} x2={LEFT} y2={TOP + ROW * rows.length} stroke={MUTED} />
        {rows.map((r, i) => {
          const y = TOP + i * ROW;
          return (
            <g key={r.label}>
              <text x={0} y={y + ROW / 2 + 4} fontSize="12" fill={INK}>
                {r.label}
              </text>
              {r.planned !== null && (
                <>
                  <rect x={LEFT} y={y + 3} width={Math.max(1, x(r.planned) - LEFT)} height={12} fill={`url(#${id}-hatch)`} stroke={INK} />
                  <text x={x(r.planned) + 4} y={y + 13} fontSize="11" fill={MUTED}>
                    {fmt(r.planned)}
                  </text>
                </>
              )}
              <rect x={LEFT} y={y + 17} width={Math.max(1, x(r.done) - LEFT)} height={12} fill={INK} />
              <text x={x(r.done) + 4} y={y + 27} fontSize="11" fontWeight={700} fill={INK}>
                {fmt(r.done)} {unit}
              </text>
            </g>
          );
        })}
      </svg>
      <FiguresTable
        title={title}
        summary={format(t.figures, { title }, locale)}
        columns={[t.week, t.plannedColumn, t.doneColumn]}
        rows={rows.map((r) => ({ key: r.label, label: r.label, cells: [r.planned === null ? "–" : `${fmt(r.planned)} ${unit}`, `${fmt(r.done)} ${unit}`] }))}
      />
    </figure>
  );
}

export interface PainPoint {
  date: string;
  pain: number;
}

/** Pain during each run (0–10) in date order, with the 2/10 line of the pain rule. Dates: ISO (and MM-DD under
 * the axis) in English, as always; the language's own otherwise ("3 mar"). */
export function PainChart({
  id,
  title,
  points,
  width = 560,
  words: t = CHART_WORDS_EN,
  locale = "en-US",
}: { id: string; title: string; points: PainPoint[]; width?: number } & Worded) {
  const english = locale.startsWith("en");
  const dayText = (iso: string) => (english ? iso : formatIsoDate(locale, iso));
  const axisText = (iso: string) =>
    english ? iso.slice(5) : new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
  const LEFT = 34;
  const TOP = 10;
  const H = 150;
  const height = TOP + H + 34;
  const step = points.length > 1 ? (width - LEFT - 20) / (points.length - 1) : 0;
  const px = (i: number) => LEFT + 10 + i * step;
  const py = (p: number) => TOP + H - (p / 10) * H;
  const desc = points.length
    ? format(t.painDesc, { title, points: points.map((p) => `${dayText(p.date)}: ${p.pain}/10`).join("; ") }, locale)
    : format(t.painNone, { title }, locale);
  return (
    <figure className="chart">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {[0, 2, 5, 10].map((v) => (
          <g key={v}>
            <text x={0} y={py(v) + 4} fontSize="11" fill={INK}>
              {v}
            </text>
            <line
              x1={LEFT}
              x2={width - 4}
              y1={py(v)}
              y2={py(v)}
              stroke={v === 2 ? INK : "#c9ced4"}
              strokeDasharray={v === 2 ? "6 4" : undefined}
              strokeWidth={v === 2 ? 1.5 : 1}
            />
          </g>
        ))}
        <text x={width - 4} y={py(2) - 4} fontSize="11" textAnchor="end" fill={INK}>
          {t.painRuleLine}
        </text>
        {points.length > 1 && <polyline points={points.map((p, i) => `${px(i)},${py(p.pain)}`).join(" ")} fill="none" stroke={MUTED} strokeWidth="1.5" />}
        {points.map((p, i) => {
          const cx = px(i);
          const cy = py(p.pain);
          return (
            <g key={`${p.date}-${i}`}>
              {p.pain <= 2 ? (
                <circle cx={cx} cy={cy} r={5} fill="#fff" stroke={INK} strokeWidth="2" />
              ) : p.pain < 5 ? (
                <path d={`M${cx} ${cy - 6} L${cx + 6} ${cy + 5} H${cx - 6} Z`} fill={MUTED} stroke={INK} />
              ) : (
                <rect x={cx - 5} y={cy - 5} width={10} height={10} fill={INK} />
              )}
              {(points.length <= 14 || i % Math.ceil(points.length / 14) === 0) && (
                <text x={cx} y={TOP + H + 16} fontSize="10" textAnchor="middle" fill={INK}>
                  {axisText(p.date)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <FiguresTable
        title={title}
        summary={format(t.figures, { title }, locale)}
        columns={[t.run, t.painDuring]}
        rows={points.map((p, i) => ({ key: `${p.date}-${i}`, label: dayText(p.date), cells: [p.pain] }))}
      />
    </figure>
  );
}
