import type { Metadata } from "next";
import { requireSignedIn } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/components/auth/change-password-form";

export const metadata: Metadata = { title: "Change your password" };

export default async function ChangePasswordPage() {
  const { session } = await requireSignedIn();
  return (
    <div className="stack">
      <h1>Change your password</h1>
      {session.pending === "change-password" && (
        <div className="alert alert-info" role="status">
          Your password was set by an administrator or is temporary. Choose your own before you continue.
        </div>
      )}
      <div className="card">
        <ChangePasswordForm />
      </div>
    </div>
  );
}
