/** Typed text to a number: "" (or spaces) is blank, a comma works as the decimal point, anything else that is
 * not a plain decimal number is NaN (which the schema refuses with the field's allowed range). */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(",", ".");
  if (t === "") return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : Number.NaN;
}
