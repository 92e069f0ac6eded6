// Server side: the catalog for a locale. Pages pass the part a client component needs as props, so the
// browser receives one language's words in the page data and no catalog code.
import "server-only";
import { en, type Messages } from "./en";
import { enGB } from "./en-gb";
import { es } from "./es";
import type { Locale } from "./locales";

const CATALOGS: Record<Locale, Messages> = { "en-US": en, "en-GB": enGB, es };

export function messagesFor(locale: Locale): Messages {
  return CATALOGS[locale];
}

/** The language the validated questionnaires (Kujala, LEFS) are shown in: the page's where a validated
 * translation is in the catalog, else English (docs/i18n.md). Recorded with the answers for the clinician. */
export function questionnaireLocale(locale: Locale): Locale {
  return locale === "es" ? "en-US" : locale;
}
