import type { VisitStatus } from "@/lib/data/visits";

export const STATUS_LABEL: Record<VisitStatus, string> = {
  INVITED: "Invited",
  INTAKE_SUBMITTED: "Intake submitted",
  EXAMINED: "Examined",
  SUMMARY_FINALIZED: "Summary finalized",
};

export function StatusBadge({ status, needsReview, delivery }: { status: VisitStatus; needsReview?: boolean; delivery?: "locked" | "undeliverable" | null }) {
  return (
    <span className="row" style={{ gap: 6 }}>
      <span className={status === "SUMMARY_FINALIZED" ? "badge badge-ok" : "badge"}>{STATUS_LABEL[status]}</span>
      {needsReview && <span className="badge badge-review">Review safety answers</span>}
      {delivery === "locked" && <span className="badge badge-review">Intake link locked</span>}
      {delivery === "undeliverable" && <span className="badge badge-review">Email not delivered</span>}
    </span>
  );
}
