// Display formatting shared by screens and print (no locale surprises: ISO-like, unambiguous).
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-11-25" → "25 Nov 2026" (unambiguous in every English-speaking country). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  const date = formatDate(d.toISOString());
  return `${date}, ${d.toISOString().slice(11, 16)} UTC`;
}

export function ageOn(dobIso: string, onIso: string): number {
  const [y1, m1, d1] = dobIso.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = onIso.split("-").map(Number) as [number, number, number];
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

export function round(n: number | null | undefined, dp = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "–";
  return (Math.round(n * 10 ** dp) / 10 ** dp).toString();
}
