import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { CreateStaffForm } from "@/components/admin/create-staff-form";

export const metadata: Metadata = { title: "Add an account" };

export default async function NewUserPage() {
  await requireAdmin();
  return (
    <div className="container-narrow" style={{ padding: 0 }}>
      <h1>Add an account</h1>
      <div className="card">
        <CreateStaffForm />
      </div>
    </div>
  );
}
