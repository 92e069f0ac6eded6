import type { Metadata } from "next";
import Link from "next/link";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { clinicWorklist, type WorklistRow } from "@/lib/data/visits";
import { listBetweenVisits, type BetweenVisitsRow } from "@/lib/data/plan";
import { PatientSearch } from "@/components/clinic/patient-search";
import { StatusBadge } from "@/components/clinic/status-badge";
import { ageOn, formatDate, formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Worklist" };

export default async function WorklistPage() {
  const actor = await requireClinician();
  // Search is a server action (components/clinic/patient-search.tsx): no name or date of birth in the URL.
  const meta = await requestMeta();
  const [{ today, rows, timeZone }, between] = await Promise.all([clinicWorklist(actor, meta), listBetweenVisits(actor, meta)]);
  const todays = rows.filter((r) => r.date === today);
  const others = rows.filter((r) => r.date !== today);

  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1 style={{ margin: 0 }}>Worklist</h1>
        <Link href="/patients/new" className="btn">
          New patient
        </Link>
      </div>

      <PatientSearch />

      {between.length > 0 && (
        <section aria-labelledby="between-h">
          <h2 id="between-h">Between visits: needs attention</h2>
          <BetweenVisitsTable rows={between} timeZone={timeZone} />
        </section>
      )}

      <section aria-labelledby="today-h">
        <h2 id="today-h">Today, {formatDate(today)}</h2>
        <VisitTable rows={todays} today={today} empty="No visits today yet. Start one from a patient's page." />
      </section>
      <section aria-labelledby="recent-h">
        <h2 id="recent-h">Recent and upcoming</h2>
        <VisitTable rows={others} today={today} empty="No other visits in the last two weeks or the next week." />
      </section>
    </div>
  );
}

function VisitTable({ rows, today, empty }: { rows: WorklistRow[]; today: string; empty: string }) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Patient</th>
            <th scope="col">Date</th>
            <th scope="col">Visit</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.visitId}>
              <td>
                <Link href={`/visits/${r.visitId}`}>{r.patientName}</Link>
                <div className="muted">age {ageOn(r.dateOfBirth, today)}</div>
              </td>
              <td>{formatDate(r.date)}</td>
              <td>{r.kind === "INITIAL" ? "Initial" : "Follow-up"}</td>
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

const BETWEEN_MARK = { "red-twice": "Red twice: running paused", "pain-up": "Pain trending up" } as const;

/** Patients on a plan whose check-ins the engine flagged, or who have not checked in for a week. */
function BetweenVisitsTable({ rows, timeZone }: { rows: BetweenVisitsRow[]; timeZone: string }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Patient</th>
            <th scope="col">Why</th>
            <th scope="col">Last check-in</th>
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
                  {[r.alert ? BETWEEN_MARK[r.alert] : null, r.missed ? "No check-in for a week" : null].filter(Boolean).join("; ")}
                </span>
              </td>
              <td>{r.lastCheckInAt ? formatDateTime(r.lastCheckInAt, timeZone) : "none yet"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
