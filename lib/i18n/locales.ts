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

/** The language a browser asks for first among ours (Accept-Language, by q), for a page shown before anyone is
 * known (staff sign-in); the default when it asks for none of them. */
export function browserLocale(acceptLanguage: string | null | undefined): Locale {
  const asked = (acceptLanguage ?? "")
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of asked) {
    if (tag === "en-gb") return "en-GB";
    if (tag === "es" || tag.startsWith("es-")) return "es";
    if (tag === "en" || tag.startsWith("en-")) return "en-US";
  }
  return DEFAULT_LOCALE;
}
