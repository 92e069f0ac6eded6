import type { Metadata } from "next";
import { staffWords } from "@/lib/i18n/clinic/server";
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
import { getClinicSettings, getClinicWords } from "@/lib/data/clinics";
import { getDelivery } from "@/lib/data/messages";
import { Delivery } from "@/components/clinic/delivery";
import { StatusBadge } from "@/components/clinic/status-badge";
import { VisitHeading } from "@/components/clinic/visit-heading";
import { format } from "@/lib/i18n/format";
import { formatDateTimeIn } from "@/lib/i18n/format-staff";
import { getPlanLink } from "@/lib/data/plan";
import { requestOrigin } from "@/lib/request-origin";
import { PlanLinkField } from "@/components/clinic/between-visits";

// The title in the clinic's language. staffWords() rather than requireClinician(): the page refuses an admin
// itself, and a second refusal here would write a second audit event for the same request.
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await staffWords();
  return { title: t.visit.page.title };
}

export default async function VisitPage({ params }: { params: Promise<{ visitId: string }> }) {
  const actor = await requireClinician();
  const { visitId } = await params;
  const meta = await requestMeta();
  const visit = await getVisitAndAudit(actor, visitId, meta);
  if (!visit) notFound();
  const [intake, exam, settings, summary, delivery, { t: words, locale }] = await Promise.all([
    getSubmittedIntake(actor, visit.visitId),
    getExam(actor, visit.visitId),
    getClinicSettings(actor),
    getSummaryStatus(actor, visit.visitId),
    getDelivery(actor, visit.visitId),
    getClinicWords(actor),
  ]);
  const t = words.visit.page;
  const at = (iso: string) => formatDateTimeIn(locale, iso, settings.timeZone);
  const revision = (n: number) => String(n);
  const [planLink, origin] =
    visit.status === "SUMMARY_FINALIZED" ? await Promise.all([getPlanLink(actor, visit.patient.id, meta), requestOrigin()]) : [null, ""];

  return (
    <div className="stack">
      <VisitHeading visit={visit} />
      <StatusBadge status={visit.status} badges={visit.badges} />

      <section className="card" aria-labelledby="intake-h">
        <h2 id="intake-h" style={{ marginTop: 0 }}>
          {t.intakeHeading}
        </h2>
        {intake ? (
          <>
            <p className="muted">
              {format(
                intake.kind === "FOLLOW_UP" ? t.submittedFollowUp : t.submittedInitial,
                {
                  at: intake.submittedAt ? at(intake.submittedAt) : "",
                  revision:
                    intake.revision > 1
                      ? format(
                          t.revision,
                          {
                            revision: revision(intake.revision),
                            earlier: intake.earlier
                              .map((e) => format(t.earlierRevision, { revision: revision(e.revision), at: e.submittedAt ? at(e.submittedAt) : "–" }, locale))
                              .join(t.listSeparator),
                          },
                          locale,
                        )
                      : "",
                },
                locale,
              )}
              {intake.reopened && t.reopened}
            </p>
            <IntakeAnswersView intake={intake} settings={settings} />
            <IntakeLinkButton visitId={visit.visitId} kind="reopen" label={intake.reopened ? t.sendCorrectionLink : t.reopen} timeZone={settings.timeZone} />
          </>
        ) : (
          <>
            <p>
              {t.notSubmitted}{" "}
              {visit.invite &&
                (visit.invite.revoked
                  ? t.linkWithdrawn
                  : new Date(visit.invite.expiresAt) < new Date()
                    ? format(t.linkExpired, { at: at(visit.invite.expiresAt) }, locale)
                    : delivery?.linkLocked
                      ? t.linkLocked
                      : format(visit.invite.firstUsedAt ? t.linkOpened : t.linkNotOpened, { at: at(visit.invite.expiresAt) }, locale))}
            </p>
            <IntakeLinkButton visitId={visit.visitId} kind="new" label={t.newIntakeLink} timeZone={settings.timeZone} />
          </>
        )}
      </section>

      {delivery && <Delivery visitId={visit.visitId} delivery={delivery} timeZone={settings.timeZone} />}

      <section className="card" aria-labelledby="exam-h">
        <h2 id="exam-h" style={{ marginTop: 0 }}>
          {t.examHeading}
        </h2>
        <p>
          {!exam
            ? t.examNotRecorded
            : exam.state === "DRAFT"
              ? format(
                  exam.revision > 1 ? (exam.updatedByName ? t.examDraftAmendmentBy : t.examDraftAmendment) : exam.updatedByName ? t.examDraftBy : t.examDraft,
                  { revision: revision(exam.revision), name: exam.updatedByName ?? "" },
                  locale,
                )
              : format(
                  exam.revision > 1
                    ? exam.finalizedByName
                      ? t.examFinalizedByRevision
                      : t.examFinalizedRevision
                    : exam.finalizedByName
                      ? t.examFinalizedBy
                      : t.examFinalized,
                  { revision: revision(exam.revision), name: exam.finalizedByName ?? "" },
                  locale,
                )}
        </p>
        <Link className="btn" href={`/visits/${visit.visitId}/exam`}>
          {exam ? t.openExam : t.recordExam}
        </Link>
      </section>

      <section className="card" aria-labelledby="summary-h">
        <h2 id="summary-h" style={{ marginTop: 0 }}>
          {t.summaryHeading}
        </h2>
        <p>{visit.status === "SUMMARY_FINALIZED" ? t.summaryFinalized : t.summaryDrafted}</p>
        {summary?.outOfDate && summary.signedAt && (
          <OutOfDateNotice outOfDate={summary.outOfDate} signedAt={summary.signedAt} timeZone={settings.timeZone}>
            {summary.state === "final" ? <RedraftButton visitId={visit.visitId} goToSummary /> : <p style={{ margin: "8px 0 0" }}>{t.amendmentInProgress}</p>}
          </OutOfDateNotice>
        )}
        {planLink?.token && <PlanLinkField link={planLink} origin={origin} id="visit-plan-link" />}
        {planLink?.discharged && <p>{t.discharged}</p>}
        <Link className="btn" href={`/visits/${visit.visitId}/summary`}>
          {visit.status === "SUMMARY_FINALIZED" ? t.viewSummary : t.reviewSummary}
        </Link>
      </section>
    </div>
  );
}
