import type { Metadata } from "next";
import Link from "next/link";
import { requireSignedIn } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const { session } = await requireSignedIn();
  return (
    <div className="stack">
      <h1>Your account</h1>
      <div className="card">
        <dl className="facts">
          <dt>Name</dt>
          <dd>{session.name}</dd>
          <dt>Email</dt>
          <dd>{session.email}</dd>
          <dt>Role</dt>
          <dd>{session.role === "ADMIN" ? "Administrator" : "Clinician"}</dd>
          <dt>Two-factor sign-in</dt>
          <dd>{session.twoFactorEnabled ? "On" : "Off"}</dd>
        </dl>
      </div>
      <ul>
        <li>
          <Link href="/account/password">Change your password</Link>
        </li>
        {!session.twoFactorEnabled && (
          <li>
            <Link href="/account/two-factor">Set up two-factor sign-in</Link>
          </li>
        )}
        {!session.pending && (
          <li>
            <Link href={session.role === "ADMIN" ? "/admin" : "/patients"}>{session.role === "ADMIN" ? "Back to administration" : "Back to the worklist"}</Link>
          </li>
        )}
      </ul>
    </div>
  );
}
