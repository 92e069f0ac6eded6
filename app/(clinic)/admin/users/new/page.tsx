import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { getClinicWords } from "@/lib/data/clinics";
import { CreateStaffForm } from "@/components/admin/create-staff-form";

export async function generateMetadata(): Promise<Metadata> {
  const admin = await requireAdmin();
  const { t } = await getClinicWords(admin);
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
