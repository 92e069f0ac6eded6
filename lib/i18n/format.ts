// A small ICU MessageFormat subset: `{name}` arguments and `{n, plural, one {…} other {…}}` (with `=0`
// style exact cases and `#` for the number), plural categories from Intl.PluralRules and numbers from
// Intl.NumberFormat for the locale. Enough for every patient sentence; no library on the page.
import { formatDate as formatDateEnglish } from "../date-text";
import type { Locale } from "./locales";

export type Params = Record<string, string | number>;

const plurals = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();
const cached = <T>(m: Map<string, T>, k: string, make: () => T) => m.get(k) ?? (m.set(k, make()), m.get(k)!);

export function formatNumber(locale: Locale, n: number, options?: Intl.NumberFormatOptions): string {
  return cached(numbers, `${locale}:${JSON.stringify(options ?? {})}`, () => new Intl.NumberFormat(locale, options)).format(n);
}

/** A time of day as the locale writes it (24-hour in es and en-GB, 12-hour in en-US). */
export function formatTime(locale: Locale, d: Date): string {
  return new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit" }).format(d);
}

/** A calendar date, written out (no ambiguous 04/05). */
export function formatDate(locale: Locale, d: Date, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone }).format(d);
}

/** A calendar date (YYYY-MM-DD) on a patient's page or sheet: the app's English form ("25 Nov 2026") in
 * English, the locale's own otherwise ("3 de marzo de 2026"). */
export function formatIsoDate(locale: Locale, iso: string): string {
  return locale.startsWith("en") ? formatDateEnglish(iso) : formatDate(locale, new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/** The body of `{…}` starting at `open` (the index of `{`): its end, matching nested braces. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "{") depth++;
    else if (s[i] === "}" && --depth === 0) return i;
  }
  throw new Error(`Unbalanced braces in message: ${s}`);
}

export function format(template: string, params: Params = {}, locale: Locale = "en-US"): string {
  let out = "";
  for (let i = 0; i < template.length;) {
    const c = template[i]!;
    if (c !== "{") {
      out += c;
      i++;
      continue;
    }
    const end = closing(template, i);
    const body = template.slice(i + 1, end);
    i = end + 1;
    const comma = body.indexOf(",");
    if (comma < 0) {
      const v = params[body.trim()];
      out += v === undefined ? `{${body}}` : typeof v === "number" ? formatNumber(locale, v) : v;
      continue;
    }
    const name = body.slice(0, comma).trim();
    const rest = body.slice(comma + 1);
    const kind = rest.slice(0, rest.indexOf(",")).trim();
    if (kind !== "plural") throw new Error(`Unsupported message argument ${kind} in: ${template}`);
    const n = Number(params[name]);
    const cases = new Map<string, string>();
    const spec = rest.slice(rest.indexOf(",") + 1);
    for (let j = 0; j < spec.length;) {
      const open = spec.indexOf("{", j);
      if (open < 0) break;
      const key = spec.slice(j, open).trim();
      const close = closing(spec, open);
      cases.set(key, spec.slice(open + 1, close));
      j = close + 1;
    }
    const category = cached(plurals, locale, () => new Intl.PluralRules(locale)).select(n);
    const chosen = cases.get(`=${n}`) ?? cases.get(category) ?? cases.get("other") ?? "";
    out += format(chosen.replaceAll("#", formatNumber(locale, n)), params, locale);
  }
  return out;
}
