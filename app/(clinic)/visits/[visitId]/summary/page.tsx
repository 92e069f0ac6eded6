import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { getSummary } from "@/lib/data/summaries";
import { getVisit } from "@/lib/data/visit-view";
import { AssessmentView } from "@/components/summary/assessment-view";
import { FinalizeButton } from "@/components/clinic/finalize-button";
import { VisitHeading } from "@/components/clinic/visit-heading";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Summary" };

export default async function SummaryPage({ params }: { params: Promise<{ visitId: string }> }) {
  const actor = await requireClinician();
  const { visitId } = await params;
  const meta = await requestMeta();
  const visit = await getVisit(actor, visitId, meta, "SummaryReview");
  if (!visit) notFound();
  const summary = (await getSummary(actor, visit.visitId, meta))!;
  return (
    <div className="stack">
      <VisitHeading visit={visit} title="Summary and plan" />
      {summary.finalized ? (
        <div className="alert alert-ok" role="status">
          Finalized by {summary.finalized.byName} on {formatDateTime(summary.finalized.at)} (ruleset {summary.finalized.rulesetVersion}). It is locked.{" "}
          <Link href={`/visits/${visit.visitId}/print`}>Open the print view</Link>
        </div>
      ) : (
        <p className="muted">Draft, made from the intake and the exam as they are now. Each line shows why it is there.</p>
      )}
      <div className="card">
        <AssessmentView a={summary.assessment} showReasons />
      </div>
      {!summary.finalized && <FinalizeButton visitId={visit.visitId} disabled={summary.assessment.status === "incomplete"} />}
    </div>
  );
}
