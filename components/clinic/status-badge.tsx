import type { VisitBadgeFacts, VisitStatus } from "@/lib/data/visits";
import { patientsEn, type PatientsWords } from "@/lib/i18n/clinic/patients";
import { staffWords } from "@/lib/i18n/clinic/server";

type StatusWords = PatientsWords["status"];

export const STATUS_LABEL: Record<VisitStatus, string> = {
  INVITED: patientsEn.status.INVITED,
  INTAKE_SUBMITTED: patientsEn.status.INTAKE_SUBMITTED,
  // A visit is "examined" from the exam's first saved value: say what is true of the exam.
  EXAMINED: patientsEn.status.EXAMINED,
  SUMMARY_FINALIZED: patientsEn.status.SUMMARY_FINALIZED,
};

// Each level of safety answer its own badge: red only for a red flag; cleared once the summary is signed.
const REVIEW: Record<NonNullable<VisitBadgeFacts["review"]>, { text: keyof StatusWords; className: string }> = {
  "red-flag": { text: "redFlag", className: "badge badge-review" },
  review: { text: "review", className: "badge badge-warn" },
  note: { text: "note", className: "badge" },
};

/** The visit's status in words: English by default, the clinic's language with its catalog's `patients.status`. */
export function statusLabel(status: VisitStatus, badges: VisitBadgeFacts, t: StatusWords = patientsEn.status): string {
  return status === "EXAMINED" && badges.examFinal ? t.examFinalized : t[status];
}

/** Server component (the worklist, the patient page and the visit page): worded in the clinic's language. */
export async function StatusBadge({
  status,
  badges,
  delivery,
}: {
  status: VisitStatus;
  badges: VisitBadgeFacts;
  delivery?: "locked" | "undeliverable" | null;
}) {
  const t = (await staffWords()).t.patients.status;
  const review = badges.review ? REVIEW[badges.review] : null;
  return (
    <span className="row" style={{ gap: 6 }}>
      <span className={status === "SUMMARY_FINALIZED" ? "badge badge-ok" : "badge"}>{statusLabel(status, badges, t)}</span>
      {review && <span className={review.className}>{t[review.text]}</span>}
      {delivery === "locked" && <span className="badge badge-review">{t.linkLocked}</span>}
      {delivery === "undeliverable" && <span className="badge badge-review">{t.undelivered}</span>}
    </span>
  );
}
