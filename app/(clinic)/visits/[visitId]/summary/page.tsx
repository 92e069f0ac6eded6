import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { editsFromPlan, suggestedReducedKm } from "@/lib/assessment/edits";
import { EXERCISES, STRETCHES } from "@/lib/assessment/exercises";
import { englishWords } from "@/lib/i18n/summary";
import { summaryEn } from "@/lib/i18n/summary-en";
import type { Assessment, Finding, Rule } from "@/lib/assessment/types";
import { getSummary } from "@/lib/data/summaries";
import { getVisitAndAudit } from "@/lib/data/visit-view";
import { ClinicianSummary } from "@/components/summary/clinician-summary";
import { PatientSummary } from "@/components/summary/patient-summary";
import { SummaryEditor, type Reason } from "@/components/summary/summary-editor";
import { OutOfDateNotice } from "@/components/summary/out-of-date";
import { RedraftButton } from "@/components/summary/redraft-button";
import { VisitHeading } from "@/components/clinic/visit-heading";
import { formatDateTime } from "@/lib/format";
import { getClinicTimeZone } from "@/lib/data/clinics";
import { getPlanLink } from "@/lib/data/plan";
import { requestOrigin } from "@/lib/request-origin";
import { PlanLinkField } from "@/components/clinic/between-visits";
import { getVisitTrends } from "@/lib/data/trends";
import { VisitTrends } from "@/components/clinic/visit-trends";

export const metadata: Metadata = { title: "Summary" };

const because = (f: Finding[]) => f.map((x) => `${x.label}${x.value === true ? "" : x.value === false ? ": no" : `: ${x.value ?? "–"}`}`).join("; ");
const why = (rule: Rule, f: Finding[]): Reason => ({
  rule: `${rule.summary} (${rule.section}${rule.convention ? "; a convention" : ""})`,
  because: because(f),
});

function reasons(a: Assessment): Record<string, Reason> {
  const out: Record<string, Reason> = {};
  for (const e of a.plan?.exercises ?? []) out[e.exerciseId] = why(e.rule, e.because);
  for (const e of a.plan?.education ?? []) out[e.id] = why(e.rule, e.because);
  for (const e of a.plan?.stretches ?? []) out[`stretch:${e.stretchId}`] = why(e.rule, e.because);
  return out;
}

const km = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)} km`;

/** The engine's own start point, in the words of the choices beside it. */
function draftedStart(rtr: Assessment["returnToRun"]): string | null {
  if (!rtr) return null;
  const s = rtr.start;
  if (s.mode === "on-hold") return "on hold";
  if (s.mode === "keep-continuous") return rtr.currentWeeklyKm ? `keep ${km(rtr.currentWeeklyKm)} a week` : "keep the current running";
  if (s.mode === "reduced-continuous") return s.weeklyKm ? `cut back to ${km(s.weeklyKm)} a week` : "cut back the weekly distance";
  return `walk-run phase ${s.phase ?? 1}${rtr.criteriaMet ? "" : " after the entry tests"}`;
}

const PLAN_STATUS: Record<Assessment["status"], string> = { plan: "Plan", refer: "Refer to a physician", incomplete: "Incomplete" };

export default async function SummaryPage({ params }: { params: Promise<{ visitId: string }> }) {
  const actor = await requireClinician();
  const { visitId } = await params;
  const meta = await requestMeta();
  const visit = await getVisitAndAudit(actor, visitId, meta, "SummaryReview");
  if (!visit) notFound();
  // A follow-up shows the trend up to this visit (an initial visit has nothing before it to compare).
  const [summary, timeZone, trends] = await Promise.all([
    getSummary(actor, visit.visitId, meta),
    getClinicTimeZone(actor),
    visit.kind === "FOLLOW_UP" ? getVisitTrends(actor, visit.patient.id, meta, { upToVisitId: visit.visitId }) : null,
  ]);
  const s = summary!;
  // Once signed, the patient's "My plan" link (made at signing) to copy or read out.
  const [planLink, origin] = s.finalized ? await Promise.all([getPlanLink(actor, visit.patient.id, meta), requestOrigin()]) : [null, ""];
  const a = s.assessment;
  const english = englishWords();
  const fromPlan = editsFromPlan(a.plan, (r) => english.education(r));
  const start = s.edits.rtrStart;
  const drafted = s.engineDraft.returnToRun;
  const currentWeeklyKm = drafted?.currentWeeklyKm ?? null;
  const initial = {
    exercises: s.edits.exercises ?? fromPlan.exercises,
    stretches: s.edits.stretches ?? fromPlan.stretches,
    education: s.edits.education ?? fromPlan.education,
    rtrMode: start?.mode ?? ("engine" as const),
    rtrPhase: start?.mode === "walk-run" ? start.phase : (drafted?.start.phase ?? 1),
    // Never the current distance: the engine's reduced start when it drafted one, else about a third less.
    rtrKm:
      start?.mode === "reduced-continuous"
        ? start.weeklyKm
        : drafted?.start.mode === "reduced-continuous" && drafted.start.weeklyKm
          ? drafted.start.weeklyKm
          : suggestedReducedKm(currentWeeklyKm),
    confirmRunning: !!s.edits.confirmRunning,
    notes: s.edits.notes ?? "",
  };
  const library = EXERCISES.map((e) => ({
    id: e.id,
    name: summaryEn.exercises[e.id as keyof typeof summaryEn.exercises].name,
    level: e.level,
    target: e.target,
    hold: !!e.holdSeconds,
    sets: e.sets,
    reps: e.reps,
    holdSeconds: e.holdSeconds,
  }));
  const stretchLibrary = STRETCHES.map((x) => ({ id: x.id, name: summaryEn.stretches[x.id as keyof typeof summaryEn.stretches].name }));
  const hardFlags = a.flags.filter((f) => f.level === "hard");

  return (
    <div className="stack">
      <VisitHeading visit={visit} title="Summary and plan" />
      {hardFlags.length > 0 && (
        <div className="alert alert-danger" role="alert">
          <h2 style={{ marginTop: 0 }}>Refer: see a physician</h2>
          <p>{english.referral(a).advice}</p>
          <ul>
            {hardFlags.map((f) => (
              <li key={f.code}>
                <strong>{f.title}.</strong> {f.detail}
              </li>
            ))}
          </ul>
          <p>No running plan is made for this visit.</p>
        </div>
      )}
      {a.status === "incomplete" && (
        <div className="alert alert-warning" role="note">
          <strong>Incomplete.</strong> {a.missing.join(" ")}
        </div>
      )}
      {s.finalized && s.outOfDate && (
        <OutOfDateNotice outOfDate={s.outOfDate} signedAt={s.finalized.at} timeZone={timeZone}>
          {s.state === "final" ? (
            <RedraftButton visitId={visit.visitId} goToSummary={false} />
          ) : (
            <p style={{ margin: "8px 0 0" }}>The amendment below is drafted from today&apos;s exam and intake; finalize it to replace the signed version.</p>
          )}
        </OutOfDateNotice>
      )}
      {s.finalized && (
        <div className={s.state === "final" ? "alert alert-ok" : "alert alert-info"} role="status">
          {s.state === "final" ? "Finalized" : `Version ${s.finalized.revision} was finalized`} by {s.finalized.byName} on{" "}
          {formatDateTime(s.finalized.at, timeZone)} (ruleset {s.finalized.rulesetVersion}).{" "}
          <Link href={`/visits/${visit.visitId}/print`}>Print for the patient</Link> ·{" "}
          <Link href={`/visits/${visit.visitId}/print?version=clinician`}>Clinician version</Link>
          {s.state !== "final" && " An amendment is in progress below; the signed version stays printable until the amendment is finalized."}
          {planLink && <PlanLinkField link={planLink} origin={origin} id="summary-plan-link" />}
        </div>
      )}
      <div className="summary-layout">
        <section aria-labelledby="findings-h" className="card">
          <h2 id="findings-h" style={{ marginTop: 0 }}>
            Findings
          </h2>
          <ClinicianSummary a={a} showPlan={false} />
        </section>
        <section aria-labelledby="review-h">
          <h2 id="review-h" style={{ marginTop: 0 }}>
            {s.state === "final" ? "Signed plan" : "Review and edit the plan"}
          </h2>
          <SummaryEditor
            // Finalizing a draft or starting an amendment starts the editor afresh; the first save of a draft
            // (none → draft) must not, or the "Saved" message and focus would be lost in the remount.
            key={`${s.state === "final" ? "final" : "edit"}-${s.finalized?.revision ?? 0}`}
            visitId={visit.visitId}
            state={s.state}
            draftVersion={s.draftVersion}
            initial={initial}
            library={library}
            stretchLibrary={stretchLibrary}
            draftedStart={draftedStart(drafted)}
            currentWeeklyKm={currentWeeklyKm}
            reasons={reasons(s.engineDraft)}
            holdReason={s.engineDraft.plan?.runningOnHold ? english.onHoldReason(s.engineDraft) : null}
            hasRunningPlan={!!s.engineDraft.returnToRun}
            canFinalize={a.status !== "incomplete"}
            planStatus={`${PLAN_STATUS[a.status]}: ${a.statusReason}`}
          />
        </section>
      </div>
      {visit.kind === "FOLLOW_UP" && <VisitTrends trends={trends} upToVisit />}
      <section aria-labelledby="preview-h" className="card">
        <h2 id="preview-h" style={{ marginTop: 0 }}>
          What the patient will take home {s.state === "final" ? "" : "(preview of the saved draft)"}
        </h2>
        <PatientSummary a={a} clinicPhone={visit.clinic.phone} />
      </section>
    </div>
  );
}
