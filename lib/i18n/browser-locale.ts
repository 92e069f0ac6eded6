// The browser's language for a page shown before anyone is known (staff sign-in). Apart from locales.ts, which
// the patient's pages load in the browser: this parser is only needed on the server.
import { DEFAULT_LOCALE, type Locale } from "./locales";

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
