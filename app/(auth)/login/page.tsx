import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentSession } from "@/lib/auth/session";
import { LoginForm } from "@/components/clinic/login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string; reason?: string; "signed-out"?: string }> }) {
  if (await currentSession()) redirect("/");
  const q = await searchParams;
  return (
    <main id="main" className="container-narrow">
      <div style={{ marginTop: "10vh" }}>
        <p className="brand" style={{ color: "var(--primary)", fontSize: "1.4rem", marginBottom: 8 }}>
          Stride
        </p>
        {q.reason === "idle" && (
          <div className="alert alert-info" role="status">
            You were signed out after a period without activity, to protect patients&apos; information. Sign in again to continue.
          </div>
        )}
        {q["signed-out"] && (
          <div className="alert alert-ok" role="status">
            You are signed out.
          </div>
        )}
        <div className="card">
          <h1>Clinician sign-in</h1>
          <LoginForm initialError={q.error === "rate-limited" ? "rate-limited" : null} />
        </div>
        <p className="muted" style={{ marginTop: 16 }}>
          Patients: open the link your clinic sent you. You do not need an account.
        </p>
      </div>
    </main>
  );
}
