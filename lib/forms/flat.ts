// Form values as leaf values by dotted path ("strength.hipAbduction.left.trialsN.1") and back: what autosave's
// pruning, its fingerprint and the exam's three-way merge compare. Kept apart from the merge so a page that
// only prunes (the exam's first load) does not carry the merge.

export type Leaf = string | number | boolean | null;
export type Flat = Record<string, Leaf>;

export const isBlank = (v: unknown) => v === undefined || v === null || v === "";

/** Leaf values by dotted path ("strength.hipAbduction.left.trialsN.1"); blanks are left out. */
export function flatten(value: unknown, prefix = "", out: Flat = {}): Flat {
  if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(v, prefix ? `${prefix}.${i}` : String(i), out));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (!isBlank(value)) {
    out[prefix] = value as Leaf;
  }
  return out;
}

/** The object a flat map describes; numeric path segments make arrays, whose gaps are null (a blank). */
export function unflatten(flat: Flat): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const keys = path.split(".");
    let node: Record<string, unknown> | unknown[] = root;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const index = /^\d+$/.test(key) ? Number(key) : null;
      const container = node as Record<string, unknown>;
      const slot = index ?? key;
      if (last) {
        container[slot as string] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(keys[i + 1]!);
      container[slot as string] ??= nextIsIndex ? [] : {};
      node = container[slot as string] as Record<string, unknown>;
    });
  }
  return fillArrayGaps(root) as Record<string, unknown>;
}

function fillArrayGaps(v: unknown): unknown {
  if (Array.isArray(v)) return Array.from({ length: v.length }, (_, i) => (i in v ? fillArrayGaps(v[i]) : null));
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fillArrayGaps(x)]));
  return v;
}

/** The value at a dotted path ("functional.stepDown.left.knee"), or undefined. */
export function valueAt(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o !== null && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}
