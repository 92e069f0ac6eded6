import type { Metadata } from "next";
import { staffWords } from "@/lib/i18n/clinic/server";
import { requireClinician } from "@/lib/auth/session";
import { PatientForm } from "@/components/clinic/patient-form";
import { getClinicLocale, getClinicTimeZone, getClinicWords } from "@/lib/data/clinics";
import { todayIn } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  // The page checks the role (and audits a refusal once); the title only needs the clinic's words.
  const { t } = await staffWords();
  return { title: t.patients.form.title };
}

export default async function NewPatientPage() {
  const actor = await requireClinician();
  const [zone, clinicLocale, { t }] = await Promise.all([getClinicTimeZone(actor), getClinicLocale(actor), getClinicWords(actor)]);
  const today = todayIn(zone);
  return (
    <div className="container-narrow" style={{ padding: 0 }}>
      <h1>{t.patients.form.title}</h1>
      <div className="card">
        <PatientForm today={today} clinicLocale={clinicLocale} />
      </div>
    </div>
  );
}
