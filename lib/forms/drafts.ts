// Autosave helpers shared by the intake form and its tests: what to send, and how to merge a draft saved
// meanwhile by another tab or device without losing either side's answers.
import type * as z from "zod/mini";

type Json = unknown;
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/**
 * The values without the answers the draft schema refuses (a distance of 400 while being typed, a
 * one-letter signature): those stay on screen with their own message and are saved once they are valid.
 * Returns the parsed draft (unknown keys dropped) and the paths left out.
 */
export function pruneInvalid<T>(schema: z.ZodMiniType<T>, values: Json): { value: T; dropped: string[] } {
  const current: Json = structuredClone(values ?? {});
  const dropped: string[] = [];
  for (let round = 0; round < 5; round++) {
    const r = schema.safeParse(current);
    if (r.success) return { value: r.data, dropped };
    for (const issue of r.error.issues) {
      const path = issue.path.map((k) => (typeof k === "number" ? k : String(k)));
      if (path.length === 0) return { value: schema.parse({}), dropped: ["*"] };
      const parent = path.slice(0, -1).reduce<Json>((o, k) => (o && typeof o === "object" ? (o as Record<string | number, Json>)[k] : undefined), current);
      const leaf = path[path.length - 1]!;
      if (Array.isArray(parent) && typeof leaf === "number") parent[leaf] = null;
      else if (parent && typeof parent === "object") delete (parent as Record<string, Json>)[leaf];
      dropped.push(path.join("."));
    }
  }
  return { value: schema.parse({}), dropped: ["*"] };
}

/** Each answer as [path, value]; lists are single answers (a ticked list, a questionnaire). */
export function leaves(value: Json, prefix = ""): [string, Json][] {
  if (!isObject(value)) return prefix ? [[prefix, value]] : [];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const get = (obj: Json, path: string): Json => path.split(".").reduce<Json>((o, k) => (isObject(o) ? o[k] : undefined), obj);
const same = (a: Json, b: Json) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Another tab or device saved `remote` after this one last saved `base`, while this one now shows `local`.
 * The answers to take from `remote`: those it changed that this one did not touch. Answers this one changed
 * stay as typed (and are saved over the remote draft next), so neither side loses input.
 */
export function remoteChanges(base: Json, local: Json, remote: Json): [string, Json][] {
  const paths = new Set([...leaves(base), ...leaves(remote)].map(([p]) => p));
  const out: [string, Json][] = [];
  for (const p of paths) {
    const r = get(remote, p);
    if (!same(r, get(base, p)) && same(get(local, p), get(base, p))) out.push([p, r]);
  }
  return out;
}
