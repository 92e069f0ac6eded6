import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { getPatient } from "@/lib/data/patients";
import { listPatientVisits } from "@/lib/data/visits";
import { StartVisit } from "@/components/clinic/start-visit";
import { StatusBadge } from "@/components/clinic/status-badge";
import { DropQueryParam } from "@/components/ui/drop-query-param";
import { getClinicTimeZone } from "@/lib/data/clinics";
import { ageOn, formatDate, todayIn } from "@/lib/format";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { setPatientLocaleAction } from "../actions";
import { getPatientProgress, getPlanLink } from "@/lib/data/plan";
import { requestOrigin } from "@/lib/request-origin";
import { BetweenVisits } from "@/components/clinic/between-visits";
import { getVisitTrends } from "@/lib/data/trends";
import { VisitTrends } from "@/components/clinic/visit-trends";

export const metadata: Metadata = { title: "Patient" };

const SEX: Record<string, string> = { FEMALE: "Female", MALE: "Male", OTHER: "Other", UNDISCLOSED: "Not stated" };

export default async function PatientPage({
  params,
  searchParams,
}: {
  params: Promise<{ patientId: string }>;
  searchParams: Promise<{ created?: string; discharged?: string; followUp?: string }>;
}) {
  const actor = await requireClinician();
  const { patientId } = await params;
  const { created, discharged, followUp } = await searchParams;
  const meta = await requestMeta();
  const patient = await getPatient(actor, patientId, meta);
  if (!patient) notFound();
  const [visits, timeZone, progress, link, origin, trends] = await Promise.all([
    listPatientVisits(actor, patient.id),
    getClinicTimeZone(actor),
    getPatientProgress(actor, patient.id, meta),
    getPlanLink(actor, patient.id, meta),
    requestOrigin(),
    getVisitTrends(actor, patient.id, meta),
  ]);
  const today = todayIn(timeZone);

  return (
    <div className="stack">
      {created && (
        <div className="alert alert-ok" role="status">
          Patient created. Start their first visit below to get the intake link.
          <DropQueryParam name="created" />
        </div>
      )}
      {discharged && (
        <div className="alert alert-ok" role="status">
          Discharged. The &ldquo;My plan&rdquo; link no longer works; the check-ins stay in the record.
          <DropQueryParam name="discharged" />
        </div>
      )}
      <h1>
        {patient.firstName} {patient.lastName}
      </h1>
      <div className="card">
        <dl className="facts">
          <dt>Date of birth</dt>
          <dd>
            {formatDate(patient.dateOfBirth)} (age {ageOn(patient.dateOfBirth, today)})
          </dd>
          <dt>Sex</dt>
          <dd>{SEX[patient.sex]}</dd>
          {patient.email && (
            <>
              <dt>Email</dt>
              <dd>{patient.email}</dd>
            </>
          )}
          {patient.phone && (
            <>
              <dt>Phone</dt>
              <dd>{patient.phone}</dd>
            </>
          )}
          <dt>Language</dt>
          <dd>
            <form action={setPatientLocaleAction} className="row" style={{ alignItems: "center" }}>
              <input type="hidden" name="patientId" value={patient.id} />
              <label htmlFor="patient-locale" className="visually-hidden">
                Language for the patient
              </label>
              <select id="patient-locale" name="locale" className="input input-short" defaultValue={patient.locale}>
                {LOCALES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LOCALE_NAMES[l]}
                  </option>
                ))}
              </select>
              <button type="submit" className="btn btn-secondary">
                Change language
              </button>
            </form>
          </dd>
        </dl>
        {/* A plain link: the route answers with the file, checked and audited like any export. */}
        <p style={{ marginBottom: 0 }}>
          <a className="btn btn-secondary" href={`/api/fhir/Patient/${patient.id}/$everything?download=1`} download>
            Download (FHIR)
          </a>{" "}
          <span className="muted">the whole record as a FHIR R4 Bundle, for the clinic&apos;s EHR</span>
        </p>
      </div>

      <BetweenVisits patientId={patient.id} progress={progress} link={link} origin={origin} timeZone={timeZone} followUpOutcome={followUp ?? null} />

      <VisitTrends trends={trends} />

      <section className="card" aria-labelledby="start-h">
        <h2 id="start-h" style={{ marginTop: 0 }}>
          Start a visit
        </h2>
        <StartVisit patientId={patient.id} today={today} timeZone={timeZone} hasVisits={visits.length > 0} />
      </section>

      <section aria-labelledby="visits-h">
        <h2 id="visits-h">Visits</h2>
        {visits.length === 0 ? (
          <p className="muted">No visits yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Visit</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {visits.map((v) => (
                  <tr key={v.visitId}>
                    <td>
                      <Link href={`/visits/${v.visitId}`}>{formatDate(v.date)}</Link>
                    </td>
                    <td>{v.kind === "INITIAL" ? "Initial" : "Follow-up"}</td>
                    <td>
                      <StatusBadge status={v.status} badges={v.badges} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
