// The languages the app speaks. Client-safe: no catalogs here, so a client component can name a locale
// without shipping every language's words.
export const LOCALES = ["en-US", "en-GB", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en-US";

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

/** A stored or requested value as a locale; anything unknown reads as the default rather than failing a page. */
export function toLocale(v: unknown): Locale {
  return isLocale(v) ? v : DEFAULT_LOCALE;
}

/** Each language named in itself, so a reader finds their own whatever the page's language. */
export const LOCALE_NAMES: Record<Locale, string> = { "en-US": "English (US)", "en-GB": "English (UK)", es: "Español" };

/** The HTML lang attribute. */
export const htmlLang = (l: Locale) => l;
