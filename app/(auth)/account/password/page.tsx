import type { Metadata } from "next";
import { requireSignedIn } from "@/lib/auth/session";
import { getClinicWords } from "@/lib/data/clinics";
import { ChangePasswordForm } from "@/components/auth/change-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const { actor } = await requireSignedIn();
  const { t } = await getClinicWords(actor);
  return { title: t.account.password.title };
}

export default async function ChangePasswordPage() {
  const { actor, session } = await requireSignedIn();
  const { t: words } = await getClinicWords(actor);
  const t = words.account.password;
  return (
    <div className="stack">
      <h1>{t.title}</h1>
      {session.pending === "change-password" && (
        <div className="alert alert-info" role="status">
          {t.pending}
        </div>
      )}
      <div className="card">
        <ChangePasswordForm />
      </div>
    </div>
  );
}
