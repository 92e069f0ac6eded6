// Input hygiene in one place: every server action's input passes through `cleanInput` (lib/forms/validate.ts
// calls it before the schema runs), so no text reaches PostgreSQL or a page with characters that break it
// or spoof what a reader sees.
//
// - NUL and the other C0/C1 control characters (tab, line feed and carriage return stay): PostgreSQL
//   refuses NUL in text and jsonb, so one pasted NUL made every autosave fail.
// - Lone UTF-16 surrogates: not valid Unicode, refused by PostgreSQL's UTF-8 encoding.
// - Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F,
//   U+061C): they reorder how a name is displayed ("Trojan Source", CVE-2021-42574).
// - Zero-width characters (U+200B–U+200D, U+2060, U+FEFF): two names that look the same would differ.
// Then NFC, so the same name typed on two keyboards is the same string.

/** Deeper than any form of the app nests (the intake is four levels): JSON nested thousands deep is refused. */
export const MAX_INPUT_DEPTH = 32;
/** More keys or array items than any form has, in one object: refused. */
export const MAX_INPUT_ENTRIES = 2000;

const UNSAFE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\u061C\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with the characters above removed, in NFC. */
export function cleanText(s: string): string {
  return s.replace(UNSAFE, "").normalize("NFC");
}

/** Whether a string still holds a character cleanText removes (the fuzz test's check on stored data). */
export function hasUnsafeText(s: string): boolean {
  UNSAFE.lastIndex = 0;
  const hit = UNSAFE.test(s);
  UNSAFE.lastIndex = 0;
  return hit;
}

export class InputShapeError extends Error {}

/** A copy of `value` with every string (and key) cleaned; throws InputShapeError when nested too deep or too wide. */
export function cleanInput(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return cleanText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_INPUT_DEPTH) throw new InputShapeError("nested too deep");
  if (Array.isArray(value)) {
    if (value.length > MAX_INPUT_ENTRIES) throw new InputShapeError("too many items");
    return value.map((v) => cleanInput(v, depth + 1));
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_INPUT_ENTRIES) throw new InputShapeError("too many keys");
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    const key = cleanText(k);
    // Never let input set an object's prototype.
    if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
    out[key] = cleanInput(v, depth + 1);
  }
  return out;
}

/** A database integer (PostgreSQL int4): versions, counts, revisions. Larger numbers never reach SQL. */
export const MAX_INT4 = 2_147_483_647;
export const isVersion = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_INT4;
