import type { Metadata } from "next";
import { staffWords } from "@/lib/i18n/clinic/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/session";
import { getStaff } from "@/lib/data/admin";
import { getClinicTimeZone, getClinicWords } from "@/lib/data/clinics";
import { formatDateTimeIn } from "@/lib/i18n/format-staff";
import { StaffActions } from "@/components/admin/staff-actions";

export async function generateMetadata(): Promise<Metadata> {
  // The page checks the role (and audits a refusal once); the title only needs the clinic's words.
  const { t } = await staffWords();
  return { title: t.admin.user.title };
}

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const admin = await requireAdmin();
  const { userId } = await params;
  const [u, timeZone, { t: words, locale }] = await Promise.all([getStaff(admin, userId), getClinicTimeZone(admin), getClinicWords(admin)]);
  if (!u) notFound();
  const t = words.admin.user;
  const cols = words.admin.users;
  return (
    <div className="stack">
      <p>
        <Link href="/admin/users">{t.allAccounts}</Link>
      </p>
      <h1>{u.name}</h1>
      <div className="card">
        <dl className="facts">
          <dt>{cols.email}</dt>
          <dd>{u.email}</dd>
          <dt>{cols.role}</dt>
          <dd>{u.role === "ADMIN" ? words.admin.roles.ADMIN : words.admin.roles.CLINICIAN}</dd>
          <dt>{cols.status}</dt>
          <dd>{u.disabled ? cols.disabled : cols.active}</dd>
          <dt>{t.twoFactor}</dt>
          <dd>{u.twoFactor ? t.on : t.off}</dd>
          <dt>{t.password}</dt>
          <dd>{u.mustChangePassword ? t.passwordTemporary : t.passwordChosen}</dd>
          <dt>{cols.lastSignIn}</dt>
          <dd>{u.lastSignInAt ? formatDateTimeIn(locale, u.lastSignInAt, timeZone) : words.admin.never}</dd>
        </dl>
      </div>
      <section className="card" aria-labelledby="changes-h">
        <h2 id="changes-h" style={{ marginTop: 0 }}>
          {t.changeHeading}
        </h2>
        <p className="muted">{t.changeNote}</p>
        <StaffActions userId={u.id} role={u.role} disabled={u.disabled} twoFactor={u.twoFactor} isSelf={u.id === admin.userId} />
        {u.id === admin.userId && (
          <p className="muted">
            {t.selfBefore}
            <Link href="/account">{t.selfLink}</Link>
            {t.selfAfter}
          </p>
        )}
      </section>
    </div>
  );
}
