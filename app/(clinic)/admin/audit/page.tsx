import type { Metadata } from "next";
import Link from "next/link";
import { requestMeta, requireAdmin } from "@/lib/auth/session";
import { isRealDate } from "@/lib/assessment/schema-builders";
import { listStaff, searchAudit, type AuditFilter } from "@/lib/data/admin";
import { AUDIT_ACTIONS } from "@/lib/data/audit";
import { isUuid } from "@/lib/data/patients";
import { getClinicTimeZone } from "@/lib/data/clinics";
import { formatDateTime } from "@/lib/format";
import styles from "@/components/admin/admin.module.css";

export const metadata: Metadata = { title: "Audit trail" };

type Params = { patient?: string; user?: string; action?: string; from?: string; to?: string; order?: string; page?: string };

/** Only known values pass from the address into the query (ONC §170.315(d)(3) report; sort keys fixed). */
function filterFrom(p: Params): { filter: AuditFilter; problems: string[] } {
  const problems: string[] = [];
  const date = (v: string | undefined, label: string) => {
    if (!v) return undefined;
    if (isRealDate(v)) return v;
    problems.push(`${label} must be a real date (year, month, day).`);
    return undefined;
  };
  const filter: AuditFilter = {
    patient: p.patient?.slice(0, 100) || undefined,
    userId: p.user && isUuid(p.user) ? p.user : undefined,
    action: p.action && (AUDIT_ACTIONS as readonly string[]).includes(p.action) ? p.action : undefined,
    from: date(p.from, "From"),
    to: date(p.to, "To"),
    order: p.order === "oldest" ? "oldest" : "newest",
    page: Math.min(Math.max(Number.parseInt(p.page ?? "0", 10) || 0, 0), 10_000),
  };
  if (filter.from && filter.to && filter.from > filter.to) problems.push("From must be on or before To.");
  return { filter, problems };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  const admin = await requireAdmin();
  const params = await searchParams;
  const { filter, problems } = filterFrom(params);
  const [staff, result, timeZone] = await Promise.all([listStaff(admin), searchAudit(admin, filter, await requestMeta()), getClinicTimeZone(admin)]);
  const pageLink = (page: number) => {
    const q = new URLSearchParams(Object.entries({ ...params, page: String(page) }).filter(([, v]) => v) as [string, string][]);
    return `/admin/audit?${q.toString()}`;
  };

  return (
    <div className="stack">
      <h1>Audit trail</h1>
      <form className="card" action="/admin/audit" role="search" aria-label="Filter the audit trail">
        <div className={styles.filters}>
          <div className="field">
            <label htmlFor="patient">Patient</label>
            <input id="patient" name="patient" className="input" defaultValue={params.patient ?? ""} placeholder="Name, or YYYY-MM-DD" autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="user">User</label>
            <select id="user" name="user" className="input" defaultValue={filter.userId ?? ""}>
              <option value="">Anyone</option>
              {staff.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="action">Action</label>
            <select id="action" name="action" className="input" defaultValue={filter.action ?? ""}>
              <option value="">Any</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="from">From</label>
            <input id="from" name="from" type="date" className="input" defaultValue={filter.from ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="to">To</label>
            <input id="to" name="to" type="date" className="input" defaultValue={filter.to ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="order">Order</label>
            <select id="order" name="order" className="input" defaultValue={filter.order}>
              <option value="newest">Newest first</option>
              <option value="oldest">Oldest first</option>
            </select>
          </div>
        </div>
        <button type="submit" className="btn">
          Show events
        </button>
      </form>
      {problems.length > 0 && (
        <div className="alert alert-danger" role="alert">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      {result.patientMatches === 0 && <p role="status">No patient of this clinic matches “{filter.patient}”.</p>}
      {result.rows.length === 0 ? (
        <p className="muted">No events match these filters.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Audit events</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Time</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Outcome</th>
                <th scope="col">Record</th>
                <th scope="col">Patient</th>
                <th scope="col">Address</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.seq}>
                  <td className={styles.mono}>{r.seq}</td>
                  <td className={styles.mono}>{formatDateTime(r.at, timeZone)}</td>
                  <td>{r.actor}</td>
                  <td>{r.action}</td>
                  <td>{r.outcome}</td>
                  <td>{r.record}</td>
                  <td>{r.patient ?? ""}</td>
                  <td className={styles.mono}>{r.ip ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages" className="row">
        {filter.page > 0 && <Link href={pageLink(filter.page - 1)}>Previous page</Link>}
        {result.hasMore && <Link href={pageLink(filter.page + 1)}>Next page</Link>}
      </nav>
    </div>
  );
}
