import type { Metadata } from "next";
import { staffWords } from "@/lib/i18n/clinic/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { getClinicSettings, getClinicWords } from "@/lib/data/clinics";
import { getExam, getExamRevision, getPreviousExam, listExamRevisions } from "@/lib/data/exams";
import { getSubmittedIntake } from "@/lib/data/intake-clinic";
import { getVisitAndAudit } from "@/lib/data/visit-view";
import { sexForNorm, startExam } from "@/lib/assessment/exam-start";
import { ExamForm } from "@/components/clinic/exam-form";
import { VisitHeading } from "@/components/clinic/visit-heading";
import { ageOn } from "@/lib/format";
import { format } from "@/lib/i18n/format";
import { formatDateTimeIn } from "@/lib/i18n/format-staff";

export async function generateMetadata(): Promise<Metadata> {
  // The page checks the role (and audits a refusal once); the title only needs the clinic's words.
  const { t } = await staffWords();
  return { title: t.exam.page.title };
}

export default async function ExamPage({ params, searchParams }: { params: Promise<{ visitId: string }>; searchParams: Promise<{ revision?: string }> }) {
  const actor = await requireClinician();
  const { t: words, locale } = await getClinicWords(actor);
  const t = words.exam.page;
  const { visitId } = await params;
  const { revision: revisionParam } = await searchParams;
  const visit = await getVisitAndAudit(actor, visitId, await requestMeta(), "Exam");
  if (!visit) notFound();
  const [latest, settings, intake, previous, revisions] = await Promise.all([
    getExam(actor, visit.visitId),
    getClinicSettings(actor),
    getSubmittedIntake(actor, visit.visitId),
    getPreviousExam(actor, visit.visitId),
    listExamRevisions(actor, visit.visitId),
  ]);
  const wanted = revisionParam !== undefined ? Number(revisionParam) : null;
  const shown = wanted !== null && latest && wanted !== latest.revision ? await getExamRevision(actor, visit.visitId, wanted) : latest;
  if (wanted !== null && !shown) notFound();

  const editable = !shown || shown.state === "DRAFT";
  const { initial, sources, prefilled } = startExam({
    saved: shown?.data ?? null,
    editable,
    previous: previous ? { data: previous.data, visitDate: previous.visitDate } : null,
    clinicProtocols: settings.hhdProtocols,
    intakeAnswers: intake?.answers,
  });
  const knee = (intake?.answers as { knee?: { side?: unknown } } | undefined)?.knee?.side;
  const painfulKnee = knee === "left" || knee === "right" || knee === "both" ? knee : null;
  const stateWord = (state: string) => t.states[state] ?? state.toLowerCase();
  const intakeMass = (intake?.answers as { about?: { bodyMassKg?: unknown } } | undefined)?.about?.bodyMassKg;

  return (
    <div className="stack">
      <VisitHeading visit={visit} title={shown && shown.revision > 1 ? format(t.titleRevision, { revision: String(shown.revision) }, locale) : t.title} />
      {revisions.length > 1 && (
        <nav aria-label={t.revisionsNav} className="muted">
          {t.revisions}{" "}
          {revisions.map((r, i) => (
            <span key={r.revision}>
              {i > 0 && " · "}
              {r.revision === shown?.revision ? (
                <strong aria-current="page">{format(t.revision, { revision: String(r.revision), state: stateWord(r.state) }, locale)}</strong>
              ) : (
                <Link href={i === 0 ? `/visits/${visit.visitId}/exam` : `/visits/${visit.visitId}/exam?revision=${r.revision}`}>
                  {r.finalizedAt
                    ? format(
                        t.revisionFinalized,
                        { revision: String(r.revision), state: stateWord(r.state), when: formatDateTimeIn(locale, r.finalizedAt, settings.timeZone) },
                        locale,
                      )
                    : format(t.revision, { revision: String(r.revision), state: stateWord(r.state) }, locale)}
                </Link>
              )}
            </span>
          ))}
        </nav>
      )}
      <ExamForm
        key={`${shown?.revision ?? 0}-${shown?.state ?? "NEW"}`}
        visitId={visit.visitId}
        state={shown?.state ?? "NEW"}
        revision={shown?.revision ?? 1}
        isLatest={!shown || shown.revision === latest?.revision}
        initial={initial}
        saved={shown ? shown.data : initial}
        version={shown?.version ?? null}
        finalized={shown?.finalizedAt ? { at: shown.finalizedAt, byName: shown.finalizedByName } : null}
        context={{
          settings: {
            asymmetryThresholdPercent: settings.asymmetryThresholdPercent,
            relativeErrorPercent: settings.relativeErrorPercent,
            normCutoffSd: settings.normCutoffSd,
          },
          painfulKnee,
          ageYears: ageOn(visit.patient.dateOfBirth, visit.date),
          sex: sexForNorm(visit.patient.sex, intake?.answers),
          previous: previous ? { data: previous.data, visitDate: previous.visitDate } : null,
          intakeBodyMassKg: typeof intakeMass === "number" ? intakeMass : null,
        }}
        protocolSources={sources}
        prefilled={prefilled}
        timeZone={settings.timeZone}
      />
    </div>
  );
}
