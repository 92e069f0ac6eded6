import type { Metadata } from "next";
import { staffWords } from "@/lib/i18n/clinic/server";
import Link from "next/link";
import { requestMeta, requireAdmin } from "@/lib/auth/session";
import { isRealDate } from "@/lib/assessment/schema-builders";
import { listStaff, searchAudit, type AuditFilter, type AuditRow } from "@/lib/data/admin";
import { AUDIT_ACTIONS } from "@/lib/data/audit";
import { isUuid } from "@/lib/data/patients";
import { getClinicTimeZone, getClinicWords } from "@/lib/data/clinics";
import type { AdminWords } from "@/lib/i18n/clinic/admin";
import { format, formatIsoDate } from "@/lib/i18n/format";
import { formatDateTimeIn } from "@/lib/i18n/format-staff";
import type { Locale } from "@/lib/i18n/locales";
import styles from "@/components/admin/admin.module.css";

export async function generateMetadata(): Promise<Metadata> {
  // The page checks the role (and audits a refusal once); the title only needs the clinic's words.
  const { t } = await staffWords();
  return { title: t.admin.audit.title };
}

type Params = { patient?: string; user?: string; action?: string; from?: string; to?: string; order?: string; page?: string };

/** Only known values pass from the address into the query (ONC §170.315(d)(3) report; sort keys fixed). */
function filterFrom(p: Params, t: AdminWords["audit"], locale: Locale): { filter: AuditFilter; problems: string[] } {
  const problems: string[] = [];
  const date = (v: string | undefined, label: string) => {
    if (!v) return undefined;
    if (isRealDate(v)) return v;
    problems.push(format(t.badDate, { label }, locale));
    return undefined;
  };
  const filter: AuditFilter = {
    patient: p.patient?.slice(0, 100) || undefined,
    userId: p.user && isUuid(p.user) ? p.user : undefined,
    action: p.action && (AUDIT_ACTIONS as readonly string[]).includes(p.action) ? p.action : undefined,
    from: date(p.from, t.from),
    to: date(p.to, t.to),
    order: p.order === "oldest" ? "oldest" : "newest",
    page: Math.min(Math.max(Number.parseInt(p.page ?? "0", 10) || 0, 0), 10_000),
  };
  if (filter.from && filter.to && filter.from > filter.to) problems.push(t.fromAfterTo);
  return { filter, problems };
}

/** A code or fixed English name from the trail (lib/data/admin.ts searchAudit) in the clinic's words; anything
 * else (a staff member's name, a code this page does not know) as it is. */
function named(words: Record<string, string>, value: string): string {
  return Object.hasOwn(words, value) ? words[value]! : value;
}

/** A patient as "Last, First (born …)", or "Patient" when the record is gone. English keeps the ISO date. */
function patientText(t: AdminWords["audit"], p: Exclude<AuditRow["patient"], null>, locale: Locale): string {
  if (p === "gone") return t.patientUnknown;
  const dob = locale.startsWith("en") ? p.dateOfBirth : formatIsoDate(locale, p.dateOfBirth);
  return format(t.patientBorn, { name: `${p.lastName}, ${p.firstName}`, dob }, locale);
}

const actorText = (t: AdminWords["audit"], a: AuditRow["actor"]) => (a.kind === "user" ? a.name : t.actors[a.kind]);
const recordText = (t: AdminWords["audit"], r: AuditRow["record"]) => [r.type === null ? null : named(t.recordTypes, r.type), r.id].filter(Boolean).join(" ");

export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  const admin = await requireAdmin();
  const params = await searchParams;
  const { t: words, locale } = await getClinicWords(admin);
  const t = words.admin.audit;
  const { filter, problems } = filterFrom(params, t, locale);
  const [staff, result, timeZone] = await Promise.all([listStaff(admin), searchAudit(admin, filter, await requestMeta()), getClinicTimeZone(admin)]);
  const pageLink = (page: number) => {
    const q = new URLSearchParams(Object.entries({ ...params, page: String(page) }).filter(([, v]) => v) as [string, string][]);
    return `/admin/audit?${q.toString()}`;
  };

  return (
    <div className="stack">
      <h1>{t.title}</h1>
      <form className="card" action="/admin/audit" role="search" aria-label={t.filter}>
        <div className={styles.filters}>
          <div className="field">
            <label htmlFor="patient">{t.patient}</label>
            <input id="patient" name="patient" className="input" defaultValue={params.patient ?? ""} placeholder={t.patientPlaceholder} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="user">{t.user}</label>
            <select id="user" name="user" className="input" defaultValue={filter.userId ?? ""}>
              <option value="">{t.anyone}</option>
              {staff.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="action">{t.action}</label>
            <select id="action" name="action" className="input" defaultValue={filter.action ?? ""}>
              <option value="">{t.any}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t.actions[a]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="from">{t.from}</label>
            <input id="from" name="from" type="date" className="input" defaultValue={filter.from ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="to">{t.to}</label>
            <input id="to" name="to" type="date" className="input" defaultValue={filter.to ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="order">{t.order}</label>
            <select id="order" name="order" className="input" defaultValue={filter.order}>
              <option value="newest">{t.newest}</option>
              <option value="oldest">{t.oldest}</option>
            </select>
          </div>
        </div>
        <button type="submit" className="btn">
          {t.show}
        </button>
      </form>
      {problems.length > 0 && (
        <div className="alert alert-danger" role="alert">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      {result.patientMatches === 0 && <p role="status">{format(t.noPatient, { patient: filter.patient ?? "" }, locale)}</p>}
      {result.rows.length === 0 ? (
        <p className="muted">{t.noEvents}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.seq}</th>
                <th scope="col">{t.time}</th>
                <th scope="col">{t.who}</th>
                <th scope="col">{t.action}</th>
                <th scope="col">{t.outcome}</th>
                <th scope="col">{t.record}</th>
                <th scope="col">{t.patient}</th>
                <th scope="col">{t.address}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.seq}>
                  <td className={styles.mono}>{r.seq}</td>
                  <td className={styles.mono}>{formatDateTimeIn(locale, r.at, timeZone)}</td>
                  <td>{actorText(t, r.actor)}</td>
                  <td>{named(t.actions, r.action)}</td>
                  <td>{named(t.outcomes, r.outcome)}</td>
                  <td>{recordText(t, r.record)}</td>
                  <td>{r.patient === null ? "" : patientText(t, r.patient, locale)}</td>
                  <td className={styles.mono}>{r.ip ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t.pages} className="row">
        {filter.page > 0 && <Link href={pageLink(filter.page - 1)}>{t.previous}</Link>}
        {result.hasMore && <Link href={pageLink(filter.page + 1)}>{t.next}</Link>}
      </nav>
    </div>
  );
}
