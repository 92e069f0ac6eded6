import type { Metadata } from "next";
import { requireClinician } from "@/lib/auth/session";
import { PatientForm } from "@/components/clinic/patient-form";
import { getClinicLocale, getClinicTimeZone } from "@/lib/data/clinics";
import { todayIn } from "@/lib/format";

export const metadata: Metadata = { title: "New patient" };

export default async function NewPatientPage() {
  const actor = await requireClinician();
  const [zone, clinicLocale] = await Promise.all([getClinicTimeZone(actor), getClinicLocale(actor)]);
  const today = todayIn(zone);
  return (
    <div className="container-narrow" style={{ padding: 0 }}>
      <h1>New patient</h1>
      <div className="card">
        <PatientForm today={today} clinicLocale={clinicLocale} />
      </div>
    </div>
  );
}
