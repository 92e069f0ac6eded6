/** Typed text to a number: "" (or spaces) is blank, a comma works as the decimal point, anything else that is
 * not a plain decimal number is NaN (which the schema refuses with the field's allowed range). */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(",", ".");
  if (t === "") return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : Number.NaN;
}

/** react-hook-form's `setValueAs` for a number typed in a text input: blank is undefined, "1,5" is 1.5. */
export const formNumber = (v: unknown): number | undefined => (v === null || v === undefined ? undefined : typeof v === "number" ? v : parseNumber(String(v)));
