import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminHome() {
  await requireAdmin();
  return (
    <div className="stack">
      <h1>Administration</h1>
      <ul className="stack">
        <li>
          <Link href="/admin/users">Accounts</Link>: add clinicians and administrators, disable an account, change a role, reset a password or two-factor
          sign-in.
        </li>
        <li>
          <Link href="/admin/settings">Clinic settings</Link>: the clinical thresholds the reference calls conventions, the intake questionnaires, sign-out
          after inactivity and two-factor sign-in.
        </li>
        <li>
          <Link href="/admin/api-tokens">API tokens</Link>: let another system (the clinic&apos;s EHR) read patients&apos; records as FHIR R4; make, list and
          revoke tokens.
        </li>
        <li>
          <Link href="/admin/audit">Audit trail</Link>: who opened, changed, printed or was refused what, and when.
        </li>
        <li>
          <Link href="/admin/messages">Undelivered messages</Link>: emails the queue gave up on, to try again.
        </li>
      </ul>
    </div>
  );
}
