import type { VisitBadgeFacts, VisitStatus } from "@/lib/data/visits";

export const STATUS_LABEL: Record<VisitStatus, string> = {
  INVITED: "Invited",
  INTAKE_SUBMITTED: "Intake submitted",
  // A visit is "examined" from the exam's first saved value: say what is true of the exam.
  EXAMINED: "Exam started",
  SUMMARY_FINALIZED: "Summary finalized",
};

// Each level of safety answer its own badge: red only for a red flag; cleared once the summary is signed.
const REVIEW: Record<NonNullable<VisitBadgeFacts["review"]>, { text: string; className: string }> = {
  "red-flag": { text: "Red flag: review safety answers", className: "badge badge-review" },
  review: { text: "Review before running", className: "badge badge-warn" },
  note: { text: "Note in safety answers", className: "badge" },
};

export function statusLabel(status: VisitStatus, badges: VisitBadgeFacts): string {
  return status === "EXAMINED" && badges.examFinal ? "Exam finalized" : STATUS_LABEL[status];
}

export function StatusBadge({ status, badges, delivery }: { status: VisitStatus; badges: VisitBadgeFacts; delivery?: "locked" | "undeliverable" | null }) {
  const review = badges.review ? REVIEW[badges.review] : null;
  return (
    <span className="row" style={{ gap: 6 }}>
      <span className={status === "SUMMARY_FINALIZED" ? "badge badge-ok" : "badge"}>{statusLabel(status, badges)}</span>
      {review && <span className={review.className}>{review.text}</span>}
      {delivery === "locked" && <span className="badge badge-review">Intake link locked</span>}
      {delivery === "undeliverable" && <span className="badge badge-review">Email not delivered</span>}
    </span>
  );
}
