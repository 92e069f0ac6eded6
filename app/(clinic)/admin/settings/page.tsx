import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { getSettingsForAdmin } from "@/lib/data/admin";
import { SettingsForm } from "@/components/admin/settings-form";
import { timeZoneChoices } from "@/lib/format";

export const metadata: Metadata = { title: "Clinic settings" };

export default async function SettingsPage() {
  const admin = await requireAdmin();
  const { settings, clinicName } = await getSettingsForAdmin(admin);
  return (
    <div className="stack">
      <h1>Clinic settings</h1>
      <p className="muted">
        {clinicName}. Thresholds marked as conventions come from clinical practice, not fixed evidence; the clinical reference&apos;s default is shown beside each.
      </p>
      <SettingsForm initial={settings} timeZones={timeZoneChoices(settings.timeZone)} />
    </div>
  );
}
