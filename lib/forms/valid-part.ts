// Autosave keeps everything that is valid: a value being corrected (3000 N, "6" on the way to "62") is left
// out of the save and marked on screen, and never holds the rest of the form back.
import type * as z from "zod/mini";
import { flatten, unflatten, type Flat } from "./merge";

export interface ValidPart<T> {
  data: T;
  /** Paths left out because they did not validate (a whole group when its required answer is missing). */
  leftOut: string[];
  /** A stable fingerprint of `data`, to tell whether anything changed since the last save. */
  key: string;
}

export function fingerprint(value: unknown): string {
  return JSON.stringify(Object.entries(flatten(value)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The largest valid part of `values` under `schema`, dropping each invalid field (or its group when the
 * problem is a missing required answer inside it). `base` supplies required top-level shape. */
export function validPart<S extends z.ZodMiniType>(schema: S, values: unknown, base: Record<string, unknown> = {}): ValidPart<z.infer<S>> {
  const flat: Flat = flatten(values);
  const leftOut: string[] = [];
  for (let round = 0; round < 20; round++) {
    const parsed = schema.safeParse({ ...base, ...unflatten(flat) });
    if (parsed.success) return { data: parsed.data as z.infer<S>, leftOut, key: fingerprint(parsed.data) };
    let removed = false;
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join(".");
      if (path in flat) {
        delete flat[path];
        leftOut.push(path);
        removed = true;
        continue;
      }
      // A required answer missing inside a group: the group cannot be saved until it is given.
      const parent = path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : "";
      const inside = Object.keys(flat).filter((k) => parent && k.startsWith(`${parent}.`));
      for (const k of inside) delete flat[k];
      if (inside.length) {
        leftOut.push(path);
        removed = true;
      }
    }
    if (!removed) break;
  }
  const fallback = schema.safeParse(base);
  return { data: (fallback.success ? fallback.data : base) as z.infer<S>, leftOut: ["*"], key: fingerprint(base) };
}
