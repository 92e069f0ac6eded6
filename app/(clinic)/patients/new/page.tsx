import type { Metadata } from "next";
import { requireClinician } from "@/lib/auth/session";
import { PatientForm } from "@/components/clinic/patient-form";
import { getClinicTimeZone } from "@/lib/data/clinics";
import { todayIn } from "@/lib/format";

export const metadata: Metadata = { title: "New patient" };

export default async function NewPatientPage() {
  const actor = await requireClinician();
  const today = todayIn(await getClinicTimeZone(actor));
  return (
    <div className="container-narrow" style={{ padding: 0 }}>
      <h1>New patient</h1>
      <div className="card">
        <PatientForm today={today} />
      </div>
    </div>
  );
}
