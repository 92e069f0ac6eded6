// What the server-rendered charts share: the two inks (black-and-white print keeps both readable), the
// axis maximum and how a figure is written.
export const INK = "#15191e";
export const MUTED = "#4a5460";

export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(v));
  return Math.ceil((v * 1.1) / step) * step;
}

export const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
