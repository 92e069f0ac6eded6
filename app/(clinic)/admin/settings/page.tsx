import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { getSettingsForAdmin } from "@/lib/data/admin";
import { SettingsForm } from "@/components/admin/settings-form";
import { timeZoneChoices } from "@/lib/format";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { setClinicLocaleAction } from "../actions";

export const metadata: Metadata = { title: "Clinic settings" };

export default async function SettingsPage() {
  const admin = await requireAdmin();
  const { settings, clinicName, locale } = await getSettingsForAdmin(admin);
  return (
    <div className="stack">
      <h1>Clinic settings</h1>
      <p className="muted">
        {clinicName}. Thresholds marked as conventions come from clinical practice, not fixed evidence; the clinical reference&apos;s default is shown beside
        each.
      </p>
      <form action={setClinicLocaleAction} className="card">
        <div className="field">
          <label htmlFor="clinic-locale">Clinic language</label>
          <p id="clinic-locale-hint" className="hint">
            New patients start in this language (US or British English spellings, or Spanish); each patient&apos;s own can be changed on their page.
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
          Save language
        </button>
      </form>
      <SettingsForm initial={settings} timeZones={timeZoneChoices(settings.timeZone)} />
    </div>
  );
}
