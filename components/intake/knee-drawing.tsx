// The knee drawing: front and back of one knee, as seen by someone facing the patient, with the
// areas of clinical-rules §1 (above the kneecap: quadriceps tendon §1.4; around or behind it: PFP §1.1;
// below it: patellar tendon §1.4; outer side: ITB §1.3; inner side; back). Tappable in the intake, where
// every area is also a real checkbox (KneeAreasField); read-only with the marked areas for the clinician.
import { KNEE_AREAS, type KneeArea } from "@/lib/assessment/intake-options";
import type { Messages } from "@/lib/i18n/en";

type KneeLabels = Messages["intake"]["knee"];

const OUTLINE = "M60,4 L140,4 C138,60 134,80 132,96 C137,116 135,128 128,138 L124,216 L76,216 L72,138 C65,128 63,116 68,96 C66,80 62,60 60,4 Z";

type Shape = { cx: number; cy: number; rx: number; ry: number };
const FRONT: Record<Exclude<KneeArea, "back" | "inner" | "outer">, Shape> = {
  "above-kneecap": { cx: 100, cy: 62, rx: 26, ry: 17 },
  "around-kneecap": { cx: 100, cy: 108, rx: 21, ry: 25 },
  "below-kneecap": { cx: 100, cy: 156, rx: 16, ry: 19 },
};
const LEFT_EDGE: Shape = { cx: 72, cy: 110, rx: 10, ry: 28 };
const RIGHT_EDGE: Shape = { cx: 128, cy: 110, rx: 10, ry: 28 };
const BACK: Shape = { cx: 100, cy: 112, rx: 27, ry: 23 };

/** Where each area sits in the front view: facing the patient, the inner side of the right knee is on the
 * viewer's right and that of the left knee on the viewer's left. */
function sides(knee: "left" | "right"): { inner: Shape; outer: Shape } {
  return knee === "right" ? { inner: RIGHT_EDGE, outer: LEFT_EDGE } : { inner: LEFT_EDGE, outer: RIGHT_EDGE };
}

export function KneeDrawing({
  knee,
  marked,
  labels,
  onToggle,
}: {
  knee: "left" | "right";
  marked: readonly KneeArea[];
  labels: KneeLabels;
  onToggle?: (area: KneeArea) => void;
}) {
  const { inner, outer } = sides(knee);
  const front: [KneeArea, Shape][] = [...(Object.entries(FRONT) as [KneeArea, Shape][]), ["inner", inner], ["outer", outer]];
  const area = (key: KneeArea, s: Shape, dx = 0) => {
    const on = marked.includes(key);
    return (
      <ellipse
        key={key}
        data-area={key}
        cx={s.cx + dx}
        cy={s.cy}
        rx={s.rx}
        ry={s.ry}
        fill={on ? "#a4161a" : "#ffffff"}
        fillOpacity={on ? 0.75 : 0.01}
        stroke={on ? "#a4161a" : "#4a5460"}
        strokeWidth={on ? 3 : 1.5}
        strokeDasharray={on ? undefined : "4 3"}
        style={onToggle ? { cursor: "pointer" } : undefined}
        onClick={onToggle ? () => onToggle(key) : undefined}
      />
    );
  };
  const innerLeft = inner === LEFT_EDGE;
  const marks = KNEE_AREAS.filter((a) => marked.includes(a)).map((a) => labels.areas[a]);
  const title = `${labels[knee]}${onToggle ? "" : `: ${marks.length ? marks.join(", ") : "–"}`}`;
  return (
    <svg
      viewBox="20 0 360 250"
      width="100%"
      style={{ maxWidth: 420, display: "block" }}
      {...(onToggle ? { "aria-hidden": true, focusable: false } : { role: "img", "aria-label": title })}
    >
      <g>
        <path d={OUTLINE} fill="#f1e4d8" stroke="#4a5460" strokeWidth={2} />
        {front.map(([k, s]) => area(k, s))}
        <text x={innerLeft ? 40 : 160} y={115} fontSize={13} textAnchor="middle" fill="#15191e">
          {labels.innerShort}
        </text>
        <text x={innerLeft ? 160 : 40} y={115} fontSize={13} textAnchor="middle" fill="#15191e">
          {labels.outerShort}
        </text>
        <text x={100} y={240} fontSize={16} fontWeight={600} textAnchor="middle" fill="#15191e">
          {labels.front}
        </text>
      </g>
      <g>
        <path d={OUTLINE} transform="translate(200,0)" fill="#f1e4d8" stroke="#4a5460" strokeWidth={2} />
        {area("back", BACK, 200)}
        <text x={300} y={240} fontSize={16} fontWeight={600} textAnchor="middle" fill="#15191e">
          {labels.back}
        </text>
      </g>
    </svg>
  );
}
