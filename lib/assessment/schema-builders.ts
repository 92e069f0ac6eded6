// Building blocks for the shared form schemas. They are written with zod/mini so the same schema runs in
// the patient's browser (where every kilobyte counts, see docs/decisions/0004-forms.md) and on the server.
//
// Import zod in a schema file as `import * as z from "zod/mini"`, never through a module that re-exports
// the namespace: Next 16's Turbopack cannot tree-shake a re-exported namespace object, so that one line
// ships all of zod (every locale, JSON Schema) to the browser: 84.5 KB gzip instead of 21.6 KB for the
// intake's validation (docs/decisions/0007-patient-intake.md). The exam schema imported such a module
// until December 2026 and shipped all of zod with the exam page; that module is gone.
//
// Each check carries a message *code* rather than English text ("intRange:0:10"); lib/forms/messages.ts
// turns a code plus the field's label into words from the message catalog, identically on both sides.
import * as z from "zod/mini";

export type IssueCode =
  | "required"
  | `range:${number}:${number}`
  | `intRange:${number}:${number}`
  | "choice"
  | `maxLength:${number}`
  | "date"
  | "dateNotFuture"
  | `pace:${number}:${number}`
  | "tick"
  | "timeZone"
  | "invalid";

/** The message code for a missing value (`missing`), or `code` for a present but wrong one. */
const missingOr = (missing: string, code: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null || issue.input === "" ? missing : code;
const requiredOr = (code: string) => missingOr("required", code);

/** A number within [min, max]; `int` for whole numbers. The same code names both bounds, so the message
 * can say "from 0 to 10" whichever bound was crossed. */
export function numberIn(min: number, max: number, opts: { int?: boolean } = {}) {
  const code = `${opts.int ? "intRange" : "range"}:${min}:${max}`;
  const base = opts.int ? z.int({ error: requiredOr(code) }) : z.number({ error: requiredOr(code) });
  return base.check(z.gte(min, code), z.lte(max, code));
}

/** A point on a scale answered by tapping one of its values (an NPRS 0–10): missing means "choose one". */
export function scale(min: number, max: number) {
  const code = `intRange:${min}:${max}`;
  return z.int({ error: missingOr("choice", code) }).check(z.gte(min, code), z.lte(max, code));
}

/** One of the listed values. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: "choice" });
}

/** Free text, trimmed, at most `max` characters. */
export function text(max: number) {
  return z.string({ error: requiredOr("invalid") }).check(z.trim(), z.maxLength(max, `maxLength:${max}`));
}

/** A group of fields (a section of a form); missing altogether, it is one "required" problem. */
export function group<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.object(shape, { error: requiredOr("invalid") });
}

/** A list of answers (ticked boxes, a questionnaire's items); missing altogether, it is "required". */
export function listOf<T extends z.core.SomeType>(element: T) {
  return z.array(element, { error: requiredOr("invalid") });
}

/** A yes/no answer. */
export function yesNo() {
  return z.boolean({ error: "choice" });
}

/** A calendar date as YYYY-MM-DD that exists (no 31 February). */
export function isoDate(opts: { notFuture?: boolean } = {}) {
  return z.string({ error: requiredOr("date") }).check(
    z.refine((v) => isRealDate(v), "date"),
    z.refine((v) => !opts.notFuture || !isRealDate(v) || v <= todayIso(), "dateNotFuture"),
  );
}

export function isRealDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 1900;
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export type DeepPartial<T> = T extends readonly (infer U)[] ? readonly DeepPartial<U>[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> | null } : T;

/**
 * The same schema with every answer optional at every depth, for drafts (autosave): an answer that is there
 * is checked exactly as in the full schema (its range, its options), while completeness rules (required
 * answers, cross-field rules, list lengths) wait for the real submission. A list may have gaps (a
 * questionnaire half answered). Derived from the real schema, never written twice.
 */
export function deepPartial<T extends z.ZodMiniType>(schema: T): z.ZodMiniType<DeepPartial<z.infer<T>>> {
  return partialOf(schema) as z.ZodMiniType<DeepPartial<z.infer<T>>>;
}

function partialOf(schema: z.core.$ZodType): z.core.$ZodType {
  const def = schema._zod.def as z.core.$ZodTypeDef & { shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType; innerType?: z.core.$ZodType };
  switch (def.type) {
    case "object":
      return z.object(Object.fromEntries(Object.entries(def.shape!).map(([key, field]) => [key, z.optional(partialOf(field))])));
    case "array":
      return z.array(z.optional(z.nullable(partialOf(def.element!))));
    case "optional":
    case "nullable":
      return partialOf(def.innerType!);
    default:
      return schema;
  }
}
