// Left/right bars for one muscle group: inline SVG with no client code, so it renders on the server (the
// printed summary) and in the exam form alike. Reads in black and white: the left bar is solid, the right
// hatched, each labelled with its value; the previous visit is a dashed marker. Its text alternative says
// the same in words. English unless the clinic's words are given (`words`, from lib/i18n/clinic/exam.ts).
import { FORCE_UNITS, fromStored, type ForceUnit } from "@/lib/assessment/exam-units";

export interface StrengthChartProps {
  /** Unique on the page (pattern and title ids). */
  id: string;
  title: string;
  leftN: number | null;
  rightN: number | null;
  /** The same group at the previous visit, when comparable. */
  previous?: { leftN: number | null; rightN: number | null; label: string } | null;
  /** From the symmetry assessment (lib/assessment/strength.ts), so chart and text agree. */
  weakerSide?: "left" | "right" | null;
  symmetryPercent?: number | null;
  unit?: ForceUnit;
  width?: number;
  /** The chart's words in the clinic's language; English when absent (the printed summary). */
  words?: StrengthChartWords;
}

/** The chart's words: side names, and the text alternative in clauses ({title}, {left}, {right}, {pct},
 * {side}, {label}). */
export const STRENGTH_CHART_EN = {
  left: "Left",
  right: "Right",
  /** A side inside a sentence ("left weaker"). */
  leftInText: "left",
  rightInText: "right",
  title: "{title}, left and right",
  notRecorded: "not recorded",
  weakerMark: " ◂ weaker",
  descSides: "{title}: left {left}, right {right}",
  descSymmetry: "; symmetry {pct}%",
  descSymmetryWeaker: "; symmetry {pct}%, {side} weaker",
  descPrevious: ". {label}: left {left}, right {right}.",
  descEnd: ".",
  /** The decimal separator of the values ("20.0 kgf"). */
  decimal: ".",
};
export type StrengthChartWords = { [K in keyof typeof STRENGTH_CHART_EN]: string };

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, k: string) => values[k] ?? whole);

const ROW = 30;
const LABEL_W = 48;
const VALUE_W = 86;
const TOP = 6;

function niceMax(v: number): number {
  if (v <= 0) return 10;
  const step = 10 ** Math.floor(Math.log10(v));
  return Math.ceil((v * 1.05) / step) * step;
}

export function StrengthChart({
  id,
  title,
  leftN,
  rightN,
  previous,
  weakerSide = null,
  symmetryPercent = null,
  unit = "N",
  width = 340,
  words: w = STRENGTH_CHART_EN,
}: StrengthChartProps) {
  const spec = FORCE_UNITS[unit];
  const show = (n: number) =>
    `${fromStored(n, spec)
      .toFixed(spec.dp === 1 ? 0 : 1)
      .replace(".", w.decimal)} ${unit}`;
  const values = [leftN, rightN, previous?.leftN ?? null, previous?.rightN ?? null].filter((v): v is number => v !== null);
  const max = niceMax(Math.max(0, ...values));
  const barW = width - LABEL_W - VALUE_W;
  const x = (n: number) => LABEL_W + (Math.max(0, n) / max) * barW;
  const height = TOP + ROW * 2 + (previous ? 18 : 4);
  const rows = [
    { key: "left", side: w.left, n: leftN, prev: previous?.leftN ?? null, fill: "var(--chart-left, #0b5563)" },
    { key: "right", side: w.right, n: rightN, prev: previous?.rightN ?? null, fill: `url(#${id}-hatch)` },
  ];
  const words = (n: number | null) => (n === null ? w.notRecorded : show(n));
  const weaker = weakerSide;
  const symmetry = symmetryPercent === null ? null : Math.round(symmetryPercent);
  const desc =
    fill(w.descSides, { title, left: words(leftN), right: words(rightN) }) +
    (symmetry !== null
      ? fill(weaker ? w.descSymmetryWeaker : w.descSymmetry, { pct: String(symmetry), side: weaker === "left" ? w.leftInText : w.rightInText })
      : "") +
    (previous ? fill(w.descPrevious, { label: previous.label, left: words(previous.leftN), right: words(previous.rightN) }) : w.descEnd);

  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
      className="strength-chart"
    >
      <title id={`${id}-title`}>{fill(w.title, { title })}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <defs>
        <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="var(--chart-right, #0b5563)" strokeWidth="3" />
        </pattern>
      </defs>
      <line x1={LABEL_W} y1={TOP - 2} x2={LABEL_W} y2={TOP + ROW * 2} stroke="#4a5460" strokeWidth="1" />
      {rows.map((r, i) => {
        const y = TOP + i * ROW;
        return (
          <g key={r.key}>
            <text x={0} y={y + ROW / 2 + 5} fontSize="13" fill="#15191e">
              {r.side}
            </text>
            {r.n !== null ? (
              <>
                <rect x={LABEL_W} y={y + 4} width={Math.max(1, x(r.n) - LABEL_W)} height={ROW - 10} fill={r.fill} stroke="#15191e" strokeWidth="1" />
                <text x={x(r.n) + 6} y={y + ROW / 2 + 5} fontSize="13" fontWeight={weaker === r.key ? 700 : 400} fill="#15191e">
                  {show(r.n)}
                  {weaker === r.key ? w.weakerMark : ""}
                </text>
              </>
            ) : (
              <text x={LABEL_W + 6} y={y + ROW / 2 + 5} fontSize="13" fill="#4a5460">
                {w.notRecorded}
              </text>
            )}
            {r.prev !== null && <line x1={x(r.prev)} x2={x(r.prev)} y1={y + 1} y2={y + ROW - 3} stroke="#15191e" strokeWidth="2" strokeDasharray="3 2" />}
          </g>
        );
      })}
      {previous && (
        <g>
          <line x1={LABEL_W} x2={LABEL_W + 14} y1={TOP + ROW * 2 + 10} y2={TOP + ROW * 2 + 10} stroke="#15191e" strokeWidth="2" strokeDasharray="3 2" />
          <text x={LABEL_W + 20} y={TOP + ROW * 2 + 14} fontSize="11" fill="#15191e">
            {previous.label}
          </text>
        </g>
      )}
    </svg>
  );
}
