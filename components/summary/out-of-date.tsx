import type { ReactNode } from "react";
import type { OutOfDate } from "@/lib/data/summaries";
import { dateIn, formatDate } from "@/lib/format";

/** The warning's words: what changed after signing, and what to do before printing for the patient. */
export function outOfDateText(o: OutOfDate, signedAt: string, timeZone: string): string {
  const what = o.exam && o.intake ? "the exam was amended and the intake resubmitted" : o.exam ? "the exam was amended" : "the intake was resubmitted";
  return `Out of date: ${what} after this summary was signed on ${formatDate(dateIn(new Date(signedAt), timeZone))}. Redraft before printing for the patient.`;
}

/** Shown on the visit page, the summary page and the print (on screen and on paper). */
export function OutOfDateNotice({
  outOfDate,
  signedAt,
  timeZone,
  children,
  className,
}: {
  outOfDate: OutOfDate;
  signedAt: string;
  timeZone: string;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <div className={className ?? "alert alert-warning"} role="alert" data-testid="out-of-date">
      <p style={{ margin: 0 }}>
        <strong>{outOfDateText(outOfDate, signedAt, timeZone)}</strong>
      </p>
      {children}
    </div>
  );
}
