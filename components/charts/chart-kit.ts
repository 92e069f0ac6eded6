// What the server-rendered charts share: the two inks (black-and-white print keeps both readable), the
// axis maximum, how a figure is written, and the charts' words (English unless a page passes the clinic's).
import { patientsEn, type PatientsWords } from "@/lib/i18n/clinic/patients";
import type { Locale } from "@/lib/i18n/locales";

export const INK = "#15191e";
export const MUTED = "#4a5460";

export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(v));
  return Math.ceil((v * 1.1) / step) * step;
}

export const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** A figure as `fmt` writes it, with the language's decimal comma where it has one ("2,5" in Spanish). */
export const fmtIn = (locale: Locale, n: number) => decimalIn(locale, fmt(n));

/** A number already written with a point ("2.60"), with the language's decimal separator. */
export const decimalIn = (locale: Locale, text: string) => (locale === "es" ? text.replace(".", ",") : text);

export type ChartWords = PatientsWords["charts"];
export const CHART_WORDS_EN: ChartWords = patientsEn.charts;
