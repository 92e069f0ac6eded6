// The patient's "My plan" link as a QR code on the printed sheet: a phone's camera opens it, where a
// 40-character token is hard to type. Drawn on the server as one SVG path from the code's modules (uqr:
// encoding only, no markup strings), black on white so any printer keeps it scannable.
import { encode } from "uqr";

export function PlanQr({ url, label, size = 72 }: { url: string; label: string; size?: number }) {
  // Medium error correction: survives a crease or a smudge on paper; a quiet zone of 2 modules.
  const { data } = encode(url, { ecc: "M", border: 2 });
  const n = data.length;
  let d = "";
  data.forEach((row, y) =>
    row.forEach((on, x) => {
      if (on) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${n} ${n}`} width={size} height={size} shapeRendering="crispEdges">
      <rect width={n} height={n} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
