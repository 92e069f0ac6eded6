import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentClinician } from "@/lib/auth/session";
import { LoginForm } from "@/components/clinic/login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await currentClinician()) redirect("/patients");
  return (
    <main id="main" className="container-narrow">
      <div style={{ marginTop: "10vh" }}>
        <p className="brand" style={{ color: "var(--primary)", fontSize: "1.4rem", marginBottom: 8 }}>
          Stride
        </p>
        <div className="card">
          <h1>Clinician sign-in</h1>
          <LoginForm />
        </div>
        <p className="muted" style={{ marginTop: 16 }}>
          Patients: open the link your clinic sent you. You do not need an account.
        </p>
      </div>
    </main>
  );
}
