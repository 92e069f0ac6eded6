import type { Metadata } from "next";
import { staffWords } from "@/lib/i18n/clinic/server";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { listStaff } from "@/lib/data/admin";
import { getClinicTimeZone, getClinicWords } from "@/lib/data/clinics";
import { formatDateTimeIn } from "@/lib/i18n/format-staff";

export async function generateMetadata(): Promise<Metadata> {
  // The page checks the role (and audits a refusal once); the title only needs the clinic's words.
  const { t } = await staffWords();
  return { title: t.admin.users.title };
}

export default async function UsersPage() {
  const admin = await requireAdmin();
  const [staff, timeZone, { t: words, locale }] = await Promise.all([listStaff(admin), getClinicTimeZone(admin), getClinicWords(admin)]);
  const t = words.admin.users;
  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1 style={{ margin: 0 }}>{t.title}</h1>
        <Link href="/admin/users/new" className="btn">
          {t.add}
        </Link>
      </div>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.email}</th>
              <th scope="col">{t.role}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.lastSignIn}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
                </td>
                <td>{u.email}</td>
                <td>{u.role === "ADMIN" ? words.admin.roles.ADMIN : words.admin.roles.CLINICIAN}</td>
                <td>
                  {u.disabled ? t.disabled : t.active}
                  {u.twoFactor ? t.statusTwoFactor : ""}
                  {u.mustChangePassword ? t.statusTemporary : ""}
                </td>
                <td>{u.lastSignInAt ? formatDateTimeIn(locale, u.lastSignInAt, timeZone) : words.admin.never}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
