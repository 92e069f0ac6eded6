// Autosave keeps everything that is valid: a value being corrected (3000 N, "6" on the way to "62", a distance of
// 400 km) is left out of the save and marked on screen, and never holds the rest of the form back. The one
// pruning function of both autosaving forms (the patient's intake draft and the clinician's exam).
import type * as z from "zod/mini";
import { flatten, unflatten } from "./flat";

export interface ValidPart<T> {
  data: T;
  /** Paths left out because they did not validate (a whole group when its required answer is missing; "*" when
   * nothing could be kept). */
  leftOut: string[];
  /** A stable fingerprint of `data`, to tell whether anything changed since the last save. */
  key: string;
}

export interface ValidPartOptions {
  /** Supplies required top-level shape (the exam's empty groups); `values` win over it. */
  base?: Record<string, unknown>;
  /** Store answers only: blanks ("" and null outside lists) and empty groups are left out before and after
   * (the exam). Without it the form's shape is kept as it is (the intake's empty lists and unanswered items). */
  compact?: boolean;
}

type Node = Record<string | number, unknown>;
const isObject = (v: unknown): v is Node => v !== null && typeof v === "object";
const compacted = (v: unknown) => unflatten(flatten(v));

export function fingerprint(value: unknown): string {
  return JSON.stringify(Object.entries(flatten(value)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Removes the answer at `key` from its group: a list keeps its other items in place (the item becomes null). */
function drop(parent: Node, key: string | number) {
  if (Array.isArray(parent) && typeof key === "number") parent[key] = null;
  else delete parent[key];
}

/** The largest valid part of `values` under `schema`, dropping each invalid answer (or its group when the
 * problem is a missing required answer inside it). Unknown keys are dropped by the schema's parse. */
export function validPart<S extends z.ZodMiniType>(schema: S, values: unknown, options: ValidPartOptions = {}): ValidPart<z.infer<S>> {
  const base = options.base ?? {};
  const fallback = (): ValidPart<z.infer<S>> => {
    const parsed = schema.safeParse(base);
    return { data: (parsed.success ? parsed.data : base) as z.infer<S>, leftOut: ["*"], key: fingerprint(base) };
  };
  if (!isObject(values) || Array.isArray(values)) return fallback();
  const current: Node = { ...structuredClone(base), ...(options.compact ? compacted(values) : structuredClone(values)) };
  const leftOut: string[] = [];
  for (let round = 0; round < 20; round++) {
    const parsed = schema.safeParse(current);
    if (parsed.success) {
      let data = parsed.data;
      if (options.compact) {
        const again = schema.safeParse({ ...base, ...compacted(data) });
        if (again.success) data = again.data;
      }
      return { data: data as z.infer<S>, leftOut, key: fingerprint(data) };
    }
    let removed = false;
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((k) => (typeof k === "number" ? k : String(k)));
      if (path.length === 0) return fallback();
      const leaf = path[path.length - 1]!;
      const parent = path.slice(0, -1).reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), current);
      if (isObject(parent) && leaf in parent) {
        drop(parent, leaf);
      } else if (path.length > 1) {
        // A required answer missing inside a group: the group cannot be saved until it is given.
        const groupKey = path[path.length - 2]!;
        const owner = path.slice(0, -2).reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), current);
        if (!isObject(owner) || !(groupKey in owner)) continue;
        drop(owner, groupKey);
      } else {
        continue;
      }
      if (path.length <= 2 && path[0]! in base && !(path[0]! in current)) current[path[0]!] = structuredClone(base[path[0] as string]);
      leftOut.push(path.join("."));
      removed = true;
    }
    if (!removed) break;
  }
  return fallback();
}
