// Hostile input for the fuzz tests (lib/forms/hostile-input.int.test.ts) and the fault run's HTTP fuzz
// (scripts/faults.ts): fast-check arbitraries for what a hostile client or an unlucky paste sends, and the
// check that nothing stored holds a character input hygiene removes.
import fc from "fast-check";
import { hasUnsafeText } from "../lib/forms/input-hygiene.ts";

// What a hostile client or an unlucky paste puts in a field.
const nasty = fc.constantFrom(
  "\u0000",
  "\ud800",
  "\udfff",
  "\u202e",
  "\u2066",
  "\u200b",
  "\ufeff",
  "\u0007",
  "\u009f",
  "\u061c",
  "e\u0301",
  "\r\n",
  '\'; DROP TABLE "Patient"; --',
  "<script>alert(1)</script>",
  "$1",
  "${x}",
  "%00",
  "\\",
  '"',
  "a".repeat(5000),
);
const hostileString = fc
  .array(fc.oneof(nasty, fc.string({ unit: "binary", maxLength: 8 }), fc.string({ maxLength: 8 })), { maxLength: 5 })
  .map((a) => a.join(""));
// React's reply encoding carries NaN, Infinity and -0 too.
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_VALUE, -0, 1e308, Infinity, -Infinity, NaN),
);
const hostileKey = fc.oneof(hostileString, fc.constantFrom("__proto__", "constructor", "prototype", "toString", ""));
export const { value: hostileValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie("value"), { maxKeys: 4 }),
  ),
}));
/** Nested far deeper than any form: validate() must refuse it as a value, not overflow the stack. */
export const deep = (max = 20_000) =>
  fc.integer({ min: 20, max }).map((n) => {
    let v: unknown = "x";
    for (let i = 0; i < n; i++) v = i % 2 ? { a: v } : [v];
    return v;
  });

type Leaf = { path: (string | number)[]; value: unknown };
function leaves(v: unknown, path: (string | number)[] = []): Leaf[] {
  if (v !== null && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, Array.isArray(v) ? Number(k) : k]));
  return [{ path, value: v }];
}
function setAt(v: unknown, path: (string | number)[], x: unknown): unknown {
  if (!path.length) return x;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), x);
  return copy;
}
/** A valid input with one field made hostile: a string field gets hostile characters mixed in (so it can
 * still pass the schema and be saved), any field may get any hostile value. */
function mutated(valid: unknown) {
  const all = leaves(valid);
  return fc.tuple(fc.nat({ max: all.length - 1 }), fc.boolean(), hostileString, hostileValue).map(([i, keepType, s, x]) => {
    const leaf = all[i]!;
    const replacement = keepType && typeof leaf.value === "string" ? `${s.slice(0, 3)}${leaf.value}${s.slice(3)}` : x;
    return setAt(valid, leaf.path, replacement);
  });
}
export const inputsFor = (valid: unknown, maxDepth = 20_000) =>
  fc.oneof({ weight: 3, arbitrary: mutated(valid) }, { weight: 1, arbitrary: hostileValue }, { weight: 1, arbitrary: deep(maxDepth) });

/** Every string anywhere in a stored value, checked for what input hygiene removes. */
export function unsafeStrings(v: unknown): string[] {
  if (typeof v === "string") return hasUnsafeText(v) ? [v] : [];
  if (v !== null && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => [...(hasUnsafeText(k) ? [k] : []), ...unsafeStrings(x)]);
  return [];
}

/** The body a browser's server action call sends (React's reply encoding for plain values): undefined,
 * NaN, the infinities and -0 as "$" strings, and strings that start with "$" escaped. */
export function encodeActionArgs(args: unknown[]): string {
  return JSON.stringify(args, function (this: unknown, key, v: unknown) {
    const raw = key === "" ? v : (this as Record<string, unknown>)[key];
    if (raw === undefined) return "$undefined";
    if (typeof raw === "number") {
      if (Number.isNaN(raw)) return "$NaN";
      if (raw === Infinity) return "$Infinity";
      if (raw === -Infinity) return "$-Infinity";
      if (Object.is(raw, -0)) return "$-0";
    }
    if (typeof raw === "string" && raw.startsWith("$")) return `$${raw}`;
    return v;
  });
}
