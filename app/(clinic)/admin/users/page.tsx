import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { listStaff } from "@/lib/data/admin";
import { getClinicTimeZone } from "@/lib/data/clinics";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Accounts" };

export default async function UsersPage() {
  const admin = await requireAdmin();
  const [staff, timeZone] = await Promise.all([listStaff(admin), getClinicTimeZone(admin)]);
  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1 style={{ margin: 0 }}>Accounts</h1>
        <Link href="/admin/users/new" className="btn">
          Add an account
        </Link>
      </div>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
                </td>
                <td>{u.email}</td>
                <td>{u.role === "ADMIN" ? "Administrator" : "Clinician"}</td>
                <td>
                  {u.disabled ? "Disabled" : "Active"}
                  {u.twoFactor ? ", two-factor on" : ""}
                  {u.mustChangePassword ? ", temporary password" : ""}
                </td>
                <td>{u.lastSignInAt ? formatDateTime(u.lastSignInAt, timeZone) : "Never"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
