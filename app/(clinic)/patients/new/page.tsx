import type { Metadata } from "next";
import { requireClinician } from "@/lib/auth/session";
import { PatientForm } from "@/components/clinic/patient-form";
import { getClinicLocale, getClinicTimeZone, getClinicWords } from "@/lib/data/clinics";
import { todayIn } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireClinician();
  const { t } = await getClinicWords(actor);
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
