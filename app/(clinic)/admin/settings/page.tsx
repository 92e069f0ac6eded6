import type { Metadata } from "next";
import { staffWords } from "@/lib/i18n/clinic/server";
import { requireAdmin } from "@/lib/auth/session";
import { getSettingsForAdmin } from "@/lib/data/admin";
import { SettingsForm } from "@/components/admin/settings-form";
import { messagesFor } from "@/lib/i18n";
import { timeZoneChoices } from "@/lib/format";
import { getClinicWords } from "@/lib/data/clinics";
import { format } from "@/lib/i18n/format";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { setClinicLocaleAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  // The page checks the role (and audits a refusal once); the title only needs the clinic's words.
  const { t } = await staffWords();
  return { title: t.admin.settings.title };
}

export default async function SettingsPage() {
  const admin = await requireAdmin();
  const [{ settings, clinicName, locale }, { t: words, locale: wordsLocale }] = await Promise.all([getSettingsForAdmin(admin), getClinicWords(admin)]);
  const t = words.admin.settings;
  return (
    <div className="stack">
      <h1>{t.title}</h1>
      <p className="muted">{format(t.intro, { clinic: clinicName }, wordsLocale)}</p>
      <form action={setClinicLocaleAction} className="card">
        <div className="field">
          <label htmlFor="clinic-locale">{t.language}</label>
          <p id="clinic-locale-hint" className="hint">
            {t.languageHint}
          </p>
          <select id="clinic-locale" name="locale" className="input input-short" aria-describedby="clinic-locale-hint" defaultValue={locale}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-secondary">
          {t.saveLanguage}
        </button>
      </form>
      {/* The defaults as the clinic's language says them (patients read them in their own: lib/i18n consentTextFor). */}
      <SettingsForm
        initial={settings}
        timeZones={timeZoneChoices(settings.timeZone)}
        defaultTexts={{ consentText: messagesFor(locale).intake.consent.defaultText, terrainAdvice: messagesFor(locale).summary.activity.terrain }}
      />
    </div>
  );
}
