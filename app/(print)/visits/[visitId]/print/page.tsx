import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { getPrintableSummary } from "@/lib/data/summaries";
import { getVisitHeader } from "@/lib/data/visits";
import { AssessmentView } from "@/components/summary/assessment-view";
import { formatDate, formatDateTime } from "@/lib/format";
import styles from "./print.module.css";

export const metadata: Metadata = { title: "Visit summary" };

// Server-rendered only: this route ships no client components of its own (issue 7 measures it).
export default async function PrintPage({ params }: { params: Promise<{ visitId: string }> }) {
  const actor = await requireClinician();
  const { visitId } = await params;
  // The print audit event (or the refusal) is written first, whether or not the visit is this clinic's.
  const printable = await getPrintableSummary(actor, visitId, await requestMeta());
  const visit = printable && (await getVisitHeader(actor, visitId));
  if (!visit) notFound();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const c = visit.clinic;

  return (
    <main className={styles.page}>
      <div className={`${styles.toolbar} no-print`}>
        <a href={`/visits/${visit.visitId}/summary`}>Back to the summary</a>
        <button type="button" id="print-button" className="btn">
          Print
        </button>
      </div>
      <header className={styles.header}>
        <div>
          <p className={styles.clinic}>{c.name}</p>
          <p className={styles.contact}>{[c.address, c.phone, c.email].filter(Boolean).join(" · ")}</p>
        </div>
        <div className={styles.meta}>
          <p>
            <strong>
              {visit.patient.firstName} {visit.patient.lastName}
            </strong>
            <br />
            Born {formatDate(visit.patient.dateOfBirth)}
            <br />
            Visit {formatDate(visit.date)}
            <br />
            Clinician: {printable.finalizedByName}
          </p>
        </div>
      </header>
      <h1 className={styles.title}>Your visit summary</h1>
      <AssessmentView a={printable.assessment} showReasons={false} />
      <footer className={styles.footer}>
        Summary {printable.summaryId.slice(0, 8)} · version {printable.revision} · signed {formatDateTime(printable.finalizedAt)} · ruleset{" "}
        {printable.assessment.rulesetVersion}
        <br />
        If your pain gets much worse, your knee swells, or you cannot put weight on it, stop running and call the clinic{c.phone ? ` on ${c.phone}` : ""}.
      </footer>
      {/* The one script on this page: the Print button. Inline with the CSP nonce, so no client bundle. */}
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: `document.getElementById("print-button").addEventListener("click",function(){window.print()})` }} />
    </main>
  );
}
