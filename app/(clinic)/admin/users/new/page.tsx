import type { Metadata } from "next";
import { staffWords } from "@/lib/i18n/clinic/server";
import { requireAdmin } from "@/lib/auth/session";
import { getClinicWords } from "@/lib/data/clinics";
import { CreateStaffForm } from "@/components/admin/create-staff-form";

export async function generateMetadata(): Promise<Metadata> {
  // The page checks the role (and audits a refusal once); the title only needs the clinic's words.
  const { t } = await staffWords();
  return { title: t.admin.newUser.title };
}

export default async function NewUserPage() {
  const admin = await requireAdmin();
  const { t } = await getClinicWords(admin);
  return (
    <div className="container-narrow" style={{ padding: 0 }}>
      <h1>{t.admin.newUser.title}</h1>
      <div className="card">
        <CreateStaffForm />
      </div>
    </div>
  );
}
