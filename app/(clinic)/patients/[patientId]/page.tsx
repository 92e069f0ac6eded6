import type { Metadata } from "next";
import { staffWords } from "@/lib/i18n/clinic/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { getPatient } from "@/lib/data/patients";
import { listPatientVisits } from "@/lib/data/visits";
import { StartVisit } from "@/components/clinic/start-visit";
import { StatusBadge } from "@/components/clinic/status-badge";
import { DropQueryParam } from "@/components/ui/drop-query-param";
import { getClinicTimeZone, getClinicWords } from "@/lib/data/clinics";
import { ageOn, todayIn } from "@/lib/format";
import { format, formatIsoDate } from "@/lib/i18n/format";
import { formatIsoDateShort } from "@/lib/i18n/format-staff";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { setPatientLocaleAction } from "../actions";
import { getPatientProgress, getPlanLink } from "@/lib/data/plan";
import { requestOrigin } from "@/lib/request-origin";
import { BetweenVisits } from "@/components/clinic/between-visits";
import { getVisitTrends } from "@/lib/data/trends";
import { VisitTrends } from "@/components/clinic/visit-trends";

export async function generateMetadata(): Promise<Metadata> {
  // The page checks the role (and audits a refusal once); the title only needs the clinic's words.
  const { t } = await staffWords();
  return { title: t.patients.patient.title };
}

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
  const [visits, timeZone, progress, link, origin, trends, { t: words, locale }] = await Promise.all([
    listPatientVisits(actor, patient.id),
    getClinicTimeZone(actor),
    getPatientProgress(actor, patient.id, meta),
    getPlanLink(actor, patient.id, meta),
    requestOrigin(),
    getVisitTrends(actor, patient.id, meta),
    getClinicWords(actor),
  ]);
  const today = todayIn(timeZone);
  const w = words.patients;
  const t = w.patient;

  return (
    <div className="stack">
      {created && (
        <div className="alert alert-ok" role="status">
          {t.created}
          <DropQueryParam name="created" />
        </div>
      )}
      {discharged && (
        <div className="alert alert-ok" role="status">
          {t.discharged}
          <DropQueryParam name="discharged" />
        </div>
      )}
      <h1>
        {patient.firstName} {patient.lastName}
      </h1>
      <div className="card">
        <dl className="facts">
          <dt>{t.dateOfBirth}</dt>
          <dd>{format(t.dobAge, { date: formatIsoDate(locale, patient.dateOfBirth), age: ageOn(patient.dateOfBirth, today) }, locale)}</dd>
          <dt>{t.sex}</dt>
          <dd>{t.sexes[patient.sex]}</dd>
          {patient.email && (
            <>
              <dt>{t.email}</dt>
              <dd>{patient.email}</dd>
            </>
          )}
          {patient.phone && (
            <>
              <dt>{t.phone}</dt>
              <dd>{patient.phone}</dd>
            </>
          )}
          <dt>{t.language}</dt>
          <dd>
            <form action={setPatientLocaleAction} className="row" style={{ alignItems: "center" }}>
              <input type="hidden" name="patientId" value={patient.id} />
              <label htmlFor="patient-locale" className="visually-hidden">
                {t.languageLabel}
              </label>
              <select id="patient-locale" name="locale" className="input input-short" defaultValue={patient.locale}>
                {LOCALES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LOCALE_NAMES[l]}
                  </option>
                ))}
              </select>
              <button type="submit" className="btn btn-secondary">
                {t.changeLanguage}
              </button>
            </form>
          </dd>
        </dl>
        {/* A plain link: the route answers with the file, checked and audited like any export. */}
        <p style={{ marginBottom: 0 }}>
          <a className="btn btn-secondary" href={`/api/fhir/Patient/${patient.id}/$everything?download=1`} download>
            {t.download}
          </a>{" "}
          <span className="muted">{t.downloadHint}</span>
        </p>
      </div>

      <BetweenVisits patientId={patient.id} progress={progress} link={link} origin={origin} timeZone={timeZone} followUpOutcome={followUp ?? null} />

      <VisitTrends trends={trends} />

      <section className="card" aria-labelledby="start-h">
        <h2 id="start-h" style={{ marginTop: 0 }}>
          {t.startHeading}
        </h2>
        <StartVisit patientId={patient.id} today={today} timeZone={timeZone} hasVisits={visits.length > 0} />
      </section>

      <section aria-labelledby="visits-h">
        <h2 id="visits-h">{t.visitsHeading}</h2>
        {visits.length === 0 ? (
          <p className="muted">{t.noVisits}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.date}</th>
                  <th scope="col">{t.visit}</th>
                  <th scope="col">{t.status}</th>
                </tr>
              </thead>
              <tbody>
                {visits.map((v) => (
                  <tr key={v.visitId}>
                    <td>
                      <Link href={`/visits/${v.visitId}`}>{formatIsoDateShort(locale, v.date)}</Link>
                    </td>
                    <td>{v.kind === "INITIAL" ? w.visitKind.INITIAL : w.visitKind.FOLLOW_UP}</td>
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
