import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/session";
import { getStaff } from "@/lib/data/admin";
import { getClinicTimeZone } from "@/lib/data/clinics";
import { formatDateTime } from "@/lib/format";
import { StaffActions } from "@/components/admin/staff-actions";

export const metadata: Metadata = { title: "Account" };

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const admin = await requireAdmin();
  const { userId } = await params;
  const [u, timeZone] = await Promise.all([getStaff(admin, userId), getClinicTimeZone(admin)]);
  if (!u) notFound();
  return (
    <div className="stack">
      <p>
        <Link href="/admin/users">All accounts</Link>
      </p>
      <h1>{u.name}</h1>
      <div className="card">
        <dl className="facts">
          <dt>Email</dt>
          <dd>{u.email}</dd>
          <dt>Role</dt>
          <dd>{u.role === "ADMIN" ? "Administrator" : "Clinician"}</dd>
          <dt>Status</dt>
          <dd>{u.disabled ? "Disabled" : "Active"}</dd>
          <dt>Two-factor sign-in</dt>
          <dd>{u.twoFactor ? "On" : "Off"}</dd>
          <dt>Password</dt>
          <dd>{u.mustChangePassword ? "Temporary: to be changed at next sign-in" : "Chosen by the user"}</dd>
          <dt>Last sign-in</dt>
          <dd>{u.lastSignInAt ? formatDateTime(u.lastSignInAt, timeZone) : "Never"}</dd>
        </dl>
      </div>
      <section className="card" aria-labelledby="changes-h">
        <h2 id="changes-h" style={{ marginTop: 0 }}>
          Change this account
        </h2>
        <p className="muted">
          Every change here but &ldquo;Unblock sign-in&rdquo; ends the person&apos;s current sessions: they sign in again on their next click. Unblock sign-in
          when someone cannot sign in after many wrong passwords were tried against their account (theirs or someone else&apos;s); a password reset unblocks
          too.
        </p>
        <StaffActions userId={u.id} role={u.role} disabled={u.disabled} twoFactor={u.twoFactor} isSelf={u.id === admin.userId} />
        {u.id === admin.userId && (
          <p className="muted">
            This is your account: change your own password on <Link href="/account">your account page</Link>.
          </p>
        )}
      </section>
    </div>
  );
}
