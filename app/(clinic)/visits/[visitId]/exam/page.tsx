import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { getClinicSettings } from "@/lib/data/clinics";
import { getExam, getExamRevision, getPreviousExam, listExamRevisions } from "@/lib/data/exams";
import { getSubmittedIntake } from "@/lib/data/intake";
import { getVisit } from "@/lib/data/visit-view";
import { BODY_MASS_LIMITS_KG, EMPTY_EXAM, HEIGHT_LIMITS_CM, MUSCLE_GROUPS, type ExamData, type MuscleGroupKey, type Protocol } from "@/lib/assessment/exam-schema";
import { ExamForm } from "@/components/clinic/exam-form";
import type { ProtocolSource } from "@/components/clinic/exam/strength-section";
import { VisitHeading } from "@/components/clinic/visit-heading";
import { ageOn, formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Exam" };

/** A number from the intake if it is one the exam would accept (the intake is read defensively: its
 * shape changes with its schema version). */
function fromIntake(answers: unknown, key: "bodyMassKg" | "heightCm", limits: { min: number; max: number }): number | undefined {
  const about = answers && typeof answers === "object" ? (answers as { about?: unknown }).about : undefined;
  const v = about && typeof about === "object" ? (about as Record<string, unknown>)[key] : undefined;
  return typeof v === "number" && Number.isFinite(v) && v >= limits.min && v <= limits.max ? v : undefined;
}

function sexFrom(patientSex: string, answers: unknown): string | null {
  if (patientSex === "FEMALE" || patientSex === "MALE") return patientSex;
  const about = answers && typeof answers === "object" ? (answers as { about?: { sex?: unknown } }).about : undefined;
  return typeof about?.sex === "string" ? about.sex : null;
}

export default async function ExamPage({ params, searchParams }: { params: Promise<{ visitId: string }>; searchParams: Promise<{ revision?: string }> }) {
  const actor = await requireClinician();
  const { visitId } = await params;
  const { revision: revisionParam } = await searchParams;
  const visit = await getVisit(actor, visitId, await requestMeta(), "Exam");
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
  const saved: ExamData = shown?.data ?? { ...EMPTY_EXAM };
  const initial: ExamData = { ...saved, strength: { ...saved.strength } };
  const sources = {} as Record<MuscleGroupKey, ProtocolSource>;
  const prefilled = { bodyMassKg: false, heightCm: false };
  for (const g of MUSCLE_GROUPS) {
    if (saved.strength[g]?.protocol) {
      sources[g] = { kind: "saved" };
    } else if (editable) {
      // §2.2: the same protocol as last time keeps the two visits comparable; otherwise the clinic's standard.
      const carried: Protocol | undefined = previous?.data.strength?.[g]?.protocol;
      initial.strength[g] = { ...initial.strength[g], protocol: { ...(carried ?? settings.hhdProtocols[g]) } };
      sources[g] = carried && previous ? { kind: "previous", visitDate: previous.visitDate } : { kind: "clinic" };
    } else {
      sources[g] = { kind: "saved" };
    }
  }
  if (editable && intake) {
    const mass = fromIntake(intake.answers, "bodyMassKg", BODY_MASS_LIMITS_KG);
    const height = fromIntake(intake.answers, "heightCm", HEIGHT_LIMITS_CM);
    if (initial.bodyMassKg === undefined && mass !== undefined) [initial.bodyMassKg, prefilled.bodyMassKg] = [mass, true];
    if (initial.heightCm === undefined && height !== undefined) [initial.heightCm, prefilled.heightCm] = [height, true];
  }
  const knee = (intake?.answers as { knee?: { side?: unknown } } | undefined)?.knee?.side;
  const painfulKnee = knee === "left" || knee === "right" || knee === "both" ? knee : null;

  return (
    <div className="stack">
      <VisitHeading visit={visit} title={shown && shown.revision > 1 ? `Exam (revision ${shown.revision})` : "Exam"} />
      {revisions.length > 1 && (
        <nav aria-label="Revisions of this exam" className="muted">
          Revisions:{" "}
          {revisions.map((r, i) => (
            <span key={r.revision}>
              {i > 0 && " · "}
              {r.revision === shown?.revision ? (
                <strong aria-current="page">
                  {r.revision} ({r.state.toLowerCase()})
                </strong>
              ) : (
                <Link href={i === 0 ? `/visits/${visit.visitId}/exam` : `/visits/${visit.visitId}/exam?revision=${r.revision}`}>
                  {r.revision} ({r.state.toLowerCase()}
                  {r.finalizedAt ? `, finalized ${formatDateTime(r.finalizedAt)}` : ""})
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
        saved={shown ? saved : initial}
        version={shown?.version ?? null}
        finalized={shown?.finalizedAt ? { at: shown.finalizedAt, byName: shown.finalizedByName } : null}
        context={{
          settings: { asymmetryThresholdPercent: settings.asymmetryThresholdPercent, relativeErrorPercent: settings.relativeErrorPercent, normCutoffSd: settings.normCutoffSd },
          painfulKnee,
          ageYears: ageOn(visit.patient.dateOfBirth, visit.date),
          sex: sexFrom(visit.patient.sex, intake?.answers),
          previous: previous ? { data: previous.data, visitDate: previous.visitDate } : null,
        }}
        protocolSources={sources}
        prefilled={prefilled}
      />
    </div>
  );
}
