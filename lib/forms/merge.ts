// Field-by-field three-way merge for a form two people edited at once (optimistic concurrency):
// `base` is what both started from, `mine` what is on this screen, `theirs` what the other person saved.
// A field only one side changed takes that side's value; a field both changed to different values is a
// conflict the person chooses. Pure, so the same rules are testable without a browser.

import { flatten, isBlank, unflatten, valueAt, type Flat, type Leaf } from "./flat";

export { flatten, unflatten, valueAt, type Flat, type Leaf } from "./flat";

const same = (a: Leaf | undefined, b: Leaf | undefined) => (isBlank(a) && isBlank(b)) || Object.is(a, b);

export interface FieldConflict {
  path: string;
  base: Leaf | undefined;
  mine: Leaf | undefined;
  theirs: Leaf | undefined;
}

export interface MergePlan {
  /** Fields only they changed: their value is taken. */
  takenFromTheirs: string[];
  /** Fields only this screen changed: kept. */
  keptMine: string[];
  /** Fields both changed to different values: the person chooses. */
  conflicts: FieldConflict[];
  /** The merge with every conflict resolved to "mine" (the starting point of the choice). */
  merged: Flat;
}

export function threeWayMerge(base: unknown, mine: unknown, theirs: unknown): MergePlan {
  const b = flatten(base);
  const m = flatten(mine);
  const t = flatten(theirs);
  const paths = [...new Set([...Object.keys(b), ...Object.keys(m), ...Object.keys(t)])].sort();
  const plan: MergePlan = { takenFromTheirs: [], keptMine: [], conflicts: [], merged: {} };
  for (const p of paths) {
    const [bv, mv, tv] = [b[p], m[p], t[p]];
    let value: Leaf | undefined;
    if (same(mv, tv)) value = mv;
    else if (same(mv, bv)) {
      value = tv;
      plan.takenFromTheirs.push(p);
    } else if (same(tv, bv)) {
      value = mv;
      plan.keptMine.push(p);
    } else {
      value = mv;
      plan.conflicts.push({ path: p, base: bv, mine: mv, theirs: tv });
    }
    if (!isBlank(value)) plan.merged[p] = value as Leaf;
  }
  return plan;
}

/** The merged object with each conflict resolved as chosen (a conflict left unchosen keeps "mine"). */
export function resolveMerge(plan: MergePlan, choices: Record<string, "mine" | "theirs">): Record<string, unknown> {
  const flat: Flat = { ...plan.merged };
  for (const c of plan.conflicts) {
    const v = choices[c.path] === "theirs" ? c.theirs : c.mine;
    if (isBlank(v)) delete flat[c.path];
    else flat[c.path] = v as Leaf;
  }
  return unflatten(flat);
}

// The intake's merge, which needs no choice from the patient: a draft saved meanwhile by another tab or device is
// merged into this one without losing either side's answers (the exam shows a conflict panel instead).
type Json = unknown;
const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** Each answer as [path, value]; lists are single answers (a ticked list, a questionnaire). */
export function leaves(value: Json, prefix = ""): [string, Json][] {
  if (!isRecord(value)) return prefix ? [[prefix, value]] : [];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const sameAnswer = (a: Json, b: Json) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Another tab or device saved `remote` after this one last saved `base`, while this one now shows `local`.
 * The answers to take from `remote`: those it changed that this one did not touch. Answers this one changed
 * stay as typed (and are saved over the remote draft next), so neither side loses input.
 */
export function remoteChanges(base: Json, local: Json, remote: Json): [string, Json][] {
  const paths = new Set([...leaves(base), ...leaves(remote)].map(([p]) => p));
  const out: [string, Json][] = [];
  for (const p of paths) {
    const r = valueAt(remote, p);
    if (!sameAnswer(r, valueAt(base, p)) && sameAnswer(valueAt(local, p), valueAt(base, p))) out.push([p, r]);
  }
  return out;
}
