import type { Metadata } from "next";
import { staffWords } from "@/lib/i18n/clinic/server";
import Link from "next/link";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { clinicWorklist, type WorklistRow } from "@/lib/data/visits";
import { listBetweenVisits, type BetweenVisitsRow } from "@/lib/data/plan";
import { getClinicWords } from "@/lib/data/clinics";
import { PatientSearch } from "@/components/clinic/patient-search";
import { StatusBadge } from "@/components/clinic/status-badge";
import { ageOn } from "@/lib/format";
import { format, formatIsoDate } from "@/lib/i18n/format";
import { formatDateTimeIn, formatIsoDateShort } from "@/lib/i18n/format-staff";
import type { Locale } from "@/lib/i18n/locales";
import type { PatientsWords } from "@/lib/i18n/clinic/patients";

export async function generateMetadata(): Promise<Metadata> {
  // The page checks the role (and audits a refusal once); the title only needs the clinic's words.
  const { t } = await staffWords();
  return { title: t.patients.worklist.title };
}

export default async function WorklistPage() {
  const actor = await requireClinician();
  // Search is a server action (components/clinic/patient-search.tsx): no name or date of birth in the URL.
  const meta = await requestMeta();
  const [{ today, rows, timeZone }, between, { t: words, locale }] = await Promise.all([
    clinicWorklist(actor, meta),
    listBetweenVisits(actor, meta),
    getClinicWords(actor),
  ]);
  const w = words.patients;
  const t = w.worklist;
  const todays = rows.filter((r) => r.date === today);
  const others = rows.filter((r) => r.date !== today);

  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1 style={{ margin: 0 }}>{t.title}</h1>
        <Link href="/patients/new" className="btn">
          {t.newPatient}
        </Link>
      </div>

      <PatientSearch />

      {between.length > 0 && (
        <section aria-labelledby="between-h">
          <h2 id="between-h">{t.betweenHeading}</h2>
          <BetweenVisitsTable rows={between} timeZone={timeZone} w={w} locale={locale} />
        </section>
      )}

      <section aria-labelledby="today-h">
        <h2 id="today-h">{format(t.today, { date: formatIsoDate(locale, today) }, locale)}</h2>
        <VisitTable rows={todays} today={today} empty={t.noneToday} w={w} locale={locale} />
      </section>
      <section aria-labelledby="recent-h">
        <h2 id="recent-h">{t.recentHeading}</h2>
        <VisitTable rows={others} today={today} empty={t.noneOther} w={w} locale={locale} />
      </section>
    </div>
  );
}

function VisitTable({ rows, today, empty, w, locale }: { rows: WorklistRow[]; today: string; empty: string; w: PatientsWords; locale: Locale }) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  const t = w.worklist;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t.patient}</th>
            <th scope="col">{t.date}</th>
            <th scope="col">{t.visit}</th>
            <th scope="col">{t.status}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.visitId}>
              <td>
                <Link href={`/visits/${r.visitId}`}>{r.patientName}</Link>
                <div className="muted">{format(t.age, { age: ageOn(r.dateOfBirth, today) }, locale)}</div>
              </td>
              <td>{formatIsoDateShort(locale, r.date)}</td>
              <td>{r.kind === "INITIAL" ? w.visitKind.INITIAL : w.visitKind.FOLLOW_UP}</td>
              <td>
                <StatusBadge status={r.status} badges={r.badges} delivery={r.delivery} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Patients on a plan whose check-ins the engine flagged, or who have not checked in for a week. */
function BetweenVisitsTable({ rows, timeZone, w, locale }: { rows: BetweenVisitsRow[]; timeZone: string; w: PatientsWords; locale: Locale }) {
  const t = w.worklist;
  const mark = { "red-twice": t.redTwice, "pain-up": t.painUp } as const;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t.patient}</th>
            <th scope="col">{t.why}</th>
            <th scope="col">{t.lastCheckIn}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.patientId}>
              <td>
                <Link href={`/patients/${r.patientId}#plan-h`}>{r.name}</Link>
              </td>
              <td>
                <span className={r.alert ? "badge badge-review" : "badge badge-warn"}>
                  {[r.alert ? mark[r.alert] : null, r.missed ? t.noCheckIn : null].filter(Boolean).join("; ")}
                </span>
              </td>
              <td>{r.lastCheckInAt ? formatDateTimeIn(locale, r.lastCheckInAt, timeZone) : t.noneYet}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
