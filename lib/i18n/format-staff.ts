// The staff pages' formatting (dates in tables, instants in the clinic's zone, distances), apart from
// format.ts, which the patient's pages load. Turbopack keeps a module's exports that any page of the app uses,
// with their imports, in every chunk that holds the module: here, formatDateTimeIn brought lib/format.ts's
// time-zone code onto every patient page. With lib/date-text.ts, measured: the intake 28.3 → 27.8 KB, My plan
// 5.2 → 4.7 KB, the summary review 27.6 → 27.1 KB over the empty page.
import { formatDate as formatDateEnglish, formatDateTime as formatDateTimeEnglish } from "../format";
import { formatIsoDate, formatNumber } from "./format";
import type { Locale } from "./locales";

/** A distance as the clinician's pages write it: whole, or to 0.1 (12, 12.5), with the locale's decimal sign
 * and no thousands separator. */
export function formatKmFigure(locale: Locale, n: number): string {
  return formatNumber(locale, n, { maximumFractionDigits: 1, minimumFractionDigits: Number.isInteger(n) ? 0 : 1, useGrouping: false });
}

/** A calendar date in a table cell, short: "25 Nov 2026" in English (the app's form), "25 nov 2026" in Spanish. */
export function formatIsoDateShort(locale: Locale, iso: string): string {
  if (locale.startsWith("en")) return formatDateEnglish(iso);
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso.slice(0, 10)}T00:00:00Z`),
  );
}

/** An instant in the clinic's zone, the locale's way: "25 Nov 2026, 14:03 EST" in English, "25 de noviembre
 * de 2026, 14:03 EST" in Spanish (24-hour clock and the zone's label in both). */
export function formatDateTimeIn(locale: Locale, iso: string, timeZone: string): string {
  return formatDateTimeEnglish(iso, timeZone, (d) => formatIsoDate(locale, d));
}
