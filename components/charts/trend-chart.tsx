// A value per visit, one line per series: inline SVG rendered on the server (no client code), readable in
// black and white. Each series has its own marker and dash pattern (circle on a solid line, square on a
// dashed one, triangle on a dotted one, diamond on a dash-dot one) and is named in the legend; a point can
// be ringed and labelled (a meaningful change); a dashed reference line carries its own label. Visits are
// evenly spaced, labelled with their dates. Its <desc> says every figure in words, and the figures table
// under it is the same text alternative the between-visits charts use (docs/decisions/0025 and 0029).
import { format } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { CHART_WORDS_EN, decimalIn, fmtIn, INK, MUTED, niceMax, type ChartWords } from "./chart-kit";
import { FiguresTable } from "./figures-table";

export interface TrendSeries {
  name: string;
  /** One per label; null where the visit has no value. */
  values: (number | null)[];
  /** Per point: ring it and write this beside it (e.g. "+12"). */
  marks?: (string | null)[];
  /** Per point: words for the figures table and the description (e.g. "+12 since the visit before, meaningful"). */
  notes?: (string | null)[];
}

interface Props {
  /** Unique on the page. */
  id: string;
  title: string;
  /** Written after each value ("%", " N/kg", "/10"). */
  unit: string;
  /** The visits' dates, as shown under the axis. */
  labels: string[];
  series: TrendSeries[];
  yMin?: number;
  yMax?: number;
  /** Fixed decimals; by default whole numbers as they are and others to one decimal. */
  decimals?: number;
  reference?: { value: number; label: string } | null;
  /** Visible under the chart (a source, what a ring means). */
  caption?: string;
  width?: number;
  /** The chart's words and language: English by default; the page passes the clinic's. */
  words?: ChartWords;
  locale?: Locale;
}

const DASHES = [undefined, "6 4", "2 3", "8 3 2 3"];
/** A white outline under a label, so a line crossing it does not hide it. */
const HALO = { stroke: "#fff", strokeWidth: 3, paintOrder: "stroke" } as const;

function Marker({ kind, x, y }: { kind: number; x: number; y: number }) {
  switch (kind % 4) {
    case 0:
      return <circle cx={x} cy={y} r={4.5} fill="#fff" stroke={INK} strokeWidth="2" />;
    case 1:
      return <rect x={x - 4.5} y={y - 4.5} width={9} height={9} fill={INK} />;
    case 2:
      return <path d={`M${x} ${y - 6} L${x + 6} ${y + 4.5} H${x - 6} Z`} fill={MUTED} stroke={INK} />;
    default:
      return <path d={`M${x} ${y - 6} L${x + 6} ${y} L${x} ${y + 6} L${x - 6} ${y} Z`} fill="#fff" stroke={INK} strokeWidth="2" />;
  }
}

export function TrendChart({
  id,
  title,
  unit,
  labels,
  series,
  yMin = 0,
  yMax,
  decimals,
  reference = null,
  caption,
  width = 340,
  words: t = CHART_WORDS_EN,
  locale = "en-US",
}: Props) {
  const fmt = (n: number) => fmtIn(locale, n);
  const show = (n: number) => (decimals === undefined ? fmt(n) : decimalIn(locale, n.toFixed(decimals)));
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = yMax ?? niceMax(Math.max(yMin + 1, ...all, reference?.value ?? 0));
  const LEFT = 34;
  const RIGHT = 14;
  const legendRows = Math.ceil(series.length / 2);
  const TOP = 8 + legendRows * 16 + 12;
  const H = 120;
  const height = TOP + H + 26;
  const plotW = width - LEFT - RIGHT;
  const px = (i: number) => (labels.length > 1 ? LEFT + 14 + (i * (plotW - 28)) / (labels.length - 1) : LEFT + plotW / 2);
  const py = (v: number) => TOP + H - ((Math.min(top, Math.max(yMin, v)) - yMin) / (top - yMin)) * H;
  const ticks = [yMin, yMin + (top - yMin) / 2, top];
  const desc =
    `${title}. ` +
    labels
      .map(
        (l, i) =>
          `${l}: ${series.map((s) => `${s.name} ${s.values[i] === null ? t.notRecorded : `${show(s.values[i]!)}${unit}`}${s.notes?.[i] ? ` (${s.notes[i]})` : ""}`).join(", ")}`,
      )
      .join("; ") +
    "." +
    (reference ? ` ${reference.label}.` : "");
  // Dates thin out when there are many visits; the table and the description keep every one.
  const every = Math.ceil(labels.length / Math.max(1, Math.floor(plotW / 64)));
  return (
    <figure className="chart trend-chart">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        <text x={0} y={12} fontSize="12" fontWeight={700} fill={INK}>
          {title}
        </text>
        {series.map((s, k) => {
          const lx = LEFT + (k % 2) * (plotW / 2);
          const ly = 8 + 16 + Math.floor(k / 2) * 16;
          return (
            <g key={s.name}>
              <line x1={lx} x2={lx + 22} y1={ly - 4} y2={ly - 4} stroke={INK} strokeWidth="1.5" strokeDasharray={DASHES[k % 4]} />
              <Marker kind={k} x={lx + 11} y={ly - 4} />
              <text x={lx + 28} y={ly} fontSize="11" fill={INK}>
                {s.name}
              </text>
            </g>
          );
        })}
        {ticks.map((t) => (
          <g key={t}>
            <text x={LEFT - 4} y={py(t) + 4} fontSize="10" textAnchor="end" fill={INK}>
              {fmt(t)}
            </text>
            <line x1={LEFT} x2={width - RIGHT} y1={py(t)} y2={py(t)} stroke="#c9ced4" />
          </g>
        ))}
        {reference && (
          <g>
            <line x1={LEFT} x2={width - RIGHT} y1={py(reference.value)} y2={py(reference.value)} stroke={INK} strokeWidth="1.5" strokeDasharray="5 4" />
            <text x={width - RIGHT} y={py(reference.value) + 12} fontSize="10" textAnchor="end" fill={INK} {...HALO}>
              {reference.label}
            </text>
          </g>
        )}
        {series.map((s, k) => {
          // Series that share a value would hide each other's markers: each is nudged sideways a little.
          const dx = (k - (series.length - 1) / 2) * 4;
          const pts = s.values.flatMap((v, i) => (v === null ? [] : [[px(i) + dx, py(v)] as const]));
          return (
            <g key={s.name}>
              {pts.length > 1 && (
                <polyline points={pts.map(([x, y]) => `${x},${y}`).join(" ")} fill="none" stroke={INK} strokeWidth="1.5" strokeDasharray={DASHES[k % 4]} />
              )}
              {s.values.map((v, i) =>
                v === null ? null : (
                  <g key={i}>
                    {s.marks?.[i] && (
                      <>
                        <circle cx={px(i) + dx} cy={py(v)} r={9} fill="none" stroke={INK} strokeWidth="1.5" />
                        <text x={px(i) + dx} y={py(v) - 12} fontSize="10" fontWeight={700} textAnchor="middle" fill={INK} {...HALO}>
                          {s.marks[i]}
                        </text>
                      </>
                    )}
                    <Marker kind={k} x={px(i) + dx} y={py(v)} />
                  </g>
                ),
              )}
            </g>
          );
        })}
        {labels.map((l, i) =>
          i % every === 0 || i === labels.length - 1 ? (
            <text key={i} x={px(i)} y={TOP + H + 16} fontSize="10" textAnchor="middle" fill={INK}>
              {l}
            </text>
          ) : null,
        )}
      </svg>
      {caption && <figcaption className="muted">{caption}</figcaption>}
      <FiguresTable
        title={title}
        summary={format(t.figures, { title }, locale)}
        columns={[t.visit, ...series.map((s) => s.name)]}
        rows={labels.map((l, i) => ({
          key: `${i}`,
          label: l,
          cells: series.map((s) => (s.values[i] === null ? "–" : `${show(s.values[i]!)}${unit}${s.notes?.[i] ? ` (${s.notes[i]})` : ""}`)),
        }))}
      />
    </figure>
  );
}
