import type { Metadata } from "next";
import { requireClinician } from "@/lib/auth/session";
import { PatientForm } from "@/components/clinic/patient-form";

export const metadata: Metadata = { title: "New patient" };

export default async function NewPatientPage() {
  await requireClinician();
  return (
    <div className="container-narrow" style={{ padding: 0 }}>
      <h1>New patient</h1>
      <div className="card">
        <PatientForm />
      </div>
    </div>
  );
}
