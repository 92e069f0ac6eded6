import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { getExam } from "@/lib/data/exams";
import { getVisit } from "@/lib/data/visit-view";
import { getClinicSettings } from "@/lib/data/clinics";
import { EMPTY_EXAM } from "@/lib/assessment/exam-schema";
import { ExamForm } from "@/components/clinic/exam-form";
import { VisitHeading } from "@/components/clinic/visit-heading";
import { getSubmittedIntake } from "@/lib/data/intake";

export const metadata: Metadata = { title: "Exam" };

export default async function ExamPage({ params }: { params: Promise<{ visitId: string }> }) {
  const actor = await requireClinician();
  const { visitId } = await params;
  const visit = await getVisit(actor, visitId, await requestMeta(), "Exam");
  if (!visit) notFound();
  const [exam, settings, intake] = await Promise.all([getExam(actor, visit.visitId), getClinicSettings(actor), getSubmittedIntake(actor, visit.visitId)]);
  return (
    <div className="stack">
      <VisitHeading visit={visit} title="Exam" />
      <ExamForm
        visitId={visit.visitId}
        initial={exam?.data ?? EMPTY_EXAM}
        initialVersion={exam?.version ?? null}
        locked={exam?.state === "FINAL"}
        settings={settings}
        painfulKnee={intake?.answers.knee.side ?? null}
      />
    </div>
  );
}
