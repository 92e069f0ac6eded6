import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { getExam } from "@/lib/data/exams";
import { getSubmittedIntake } from "@/lib/data/intake-clinic";
import { getVisitAndAudit } from "@/lib/data/visit-view";
import { getSummaryStatus } from "@/lib/data/summaries";
import { OutOfDateNotice } from "@/components/summary/out-of-date";
import { RedraftButton } from "@/components/summary/redraft-button";
import { IntakeAnswersView } from "@/components/clinic/intake-answers";
import { IntakeLinkButton } from "@/components/clinic/intake-link-button";
import { getClinicSettings } from "@/lib/data/clinics";
import { getDelivery } from "@/lib/data/messages";
import { Delivery } from "@/components/clinic/delivery";
import { StatusBadge } from "@/components/clinic/status-badge";
import { VisitHeading } from "@/components/clinic/visit-heading";
import { formatDateTime } from "@/lib/format";
import { getPlanLink } from "@/lib/data/plan";
import { requestOrigin } from "@/lib/request-origin";
import { PlanLinkField } from "@/components/clinic/between-visits";

export const metadata: Metadata = { title: "Visit" };

export default async function VisitPage({ params }: { params: Promise<{ visitId: string }> }) {
  const actor = await requireClinician();
  const { visitId } = await params;
  const meta = await requestMeta();
  const visit = await getVisitAndAudit(actor, visitId, meta);
  if (!visit) notFound();
  const [intake, exam, settings, summary, delivery] = await Promise.all([
    getSubmittedIntake(actor, visit.visitId),
    getExam(actor, visit.visitId),
    getClinicSettings(actor),
    getSummaryStatus(actor, visit.visitId),
    getDelivery(actor, visit.visitId),
  ]);
  const [planLink, origin] =
    visit.status === "SUMMARY_FINALIZED" ? await Promise.all([getPlanLink(actor, visit.patient.id, meta), requestOrigin()]) : [null, ""];

  return (
    <div className="stack">
      <VisitHeading visit={visit} />
      <StatusBadge status={visit.status} badges={visit.badges} />

      <section className="card" aria-labelledby="intake-h">
        <h2 id="intake-h" style={{ marginTop: 0 }}>
          Intake
        </h2>
        {intake ? (
          <>
            <p className="muted">
              {intake.kind === "FOLLOW_UP" ? "Follow-up intake" : "Intake"} submitted{" "}
              {intake.submittedAt ? formatDateTime(intake.submittedAt, settings.timeZone) : ""}
              {intake.revision > 1 &&
                `, revision ${intake.revision} (corrects ${intake.earlier.map((e) => `revision ${e.revision} of ${e.submittedAt ? formatDateTime(e.submittedAt, settings.timeZone) : "–"}`).join(", ")}, kept)`}
              .{intake.reopened && " Reopened for corrections: waiting for the patient. These answers stay until the corrected ones arrive."}
            </p>
            <IntakeAnswersView intake={intake} settings={settings} />
            <IntakeLinkButton
              visitId={visit.visitId}
              kind="reopen"
              label={intake.reopened ? "Send a new correction link" : "Reopen for corrections"}
              timeZone={settings.timeZone}
            />
          </>
        ) : (
          <>
            <p>
              Not submitted yet.{" "}
              {visit.invite &&
                (visit.invite.revoked
                  ? "The link was withdrawn."
                  : new Date(visit.invite.expiresAt) < new Date()
                    ? `The link expired on ${formatDateTime(visit.invite.expiresAt, settings.timeZone)}.`
                    : delivery?.linkLocked
                      ? "The link was locked after too many wrong dates of birth."
                      : `${visit.invite.firstUsedAt ? "The patient has opened the link" : "The patient has not opened the link yet"}; it works until ${formatDateTime(visit.invite.expiresAt, settings.timeZone)}.`)}
            </p>
            <IntakeLinkButton visitId={visit.visitId} kind="new" label="Make a new intake link" timeZone={settings.timeZone} />
          </>
        )}
      </section>

      {delivery && <Delivery visitId={visit.visitId} delivery={delivery} timeZone={settings.timeZone} />}

      <section className="card" aria-labelledby="exam-h">
        <h2 id="exam-h" style={{ marginTop: 0 }}>
          Exam
        </h2>
        <p>
          {!exam
            ? "Not recorded yet."
            : exam.state === "DRAFT"
              ? `Draft${exam.revision > 1 ? ` amendment (revision ${exam.revision})` : ""}, saved automatically${exam.updatedByName ? `; last saved by ${exam.updatedByName}` : ""}.`
              : `Finalized${exam.finalizedByName ? ` by ${exam.finalizedByName}` : ""}${exam.revision > 1 ? ` (revision ${exam.revision})` : ""}.`}
        </p>
        <Link className="btn" href={`/visits/${visit.visitId}/exam`}>
          {exam ? "Open the exam" : "Record the exam"}
        </Link>
      </section>

      <section className="card" aria-labelledby="summary-h">
        <h2 id="summary-h" style={{ marginTop: 0 }}>
          Summary and plan
        </h2>
        <p>{visit.status === "SUMMARY_FINALIZED" ? "Finalized." : "Drafted from the intake and the exam; review and finalize it."}</p>
        {summary?.outOfDate && summary.signedAt && (
          <OutOfDateNotice outOfDate={summary.outOfDate} signedAt={summary.signedAt} timeZone={settings.timeZone}>
            {summary.state === "final" ? (
              <RedraftButton visitId={visit.visitId} goToSummary />
            ) : (
              <p style={{ margin: "8px 0 0" }}>An amendment is in progress: finalize it to replace the signed version.</p>
            )}
          </OutOfDateNotice>
        )}
        {planLink?.token && <PlanLinkField link={planLink} origin={origin} id="visit-plan-link" />}
        {planLink?.discharged && <p>The patient was discharged; the &ldquo;My plan&rdquo; link no longer works.</p>}
        <Link className="btn" href={`/visits/${visit.visitId}/summary`}>
          {visit.status === "SUMMARY_FINALIZED" ? "View the summary" : "Review the summary"}
        </Link>
      </section>
    </div>
  );
}
