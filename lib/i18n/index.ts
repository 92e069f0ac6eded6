// Server side: the catalog for a locale. Pages pass the part a client component needs as props, so the
// browser receives one language's words in the page data and no catalog code.
import "server-only";
import { en, type Messages } from "./en";
import { enGB } from "./en-gb";
import { es } from "./es";
import type { Locale } from "./locales";
import { DEFAULT_CONSENT_TEXT } from "../assessment/consent-text";

const CATALOGS: Record<Locale, Messages> = { "en-US": en, "en-GB": enGB, es };

export function messagesFor(locale: Locale): Messages {
  return CATALOGS[locale];
}

/** The consent statement a patient reads: the clinic's default in the patient's language, or the clinic's own
 * statement as written. The one shown is the one stored with the answers. */
export function consentTextFor(clinicConsentText: string, m: Messages): string {
  return clinicConsentText === DEFAULT_CONSENT_TEXT ? m.intake.consent.defaultText : clinicConsentText;
}

/** The language the validated questionnaires (Kujala, LEFS) are shown in: the page's where a validated
 * translation is in the catalog, else English (docs/i18n.md). Recorded with the answers for the clinician. */
export function questionnaireLocale(locale: Locale): Locale {
  return locale === "es" ? "en-US" : locale;
}
