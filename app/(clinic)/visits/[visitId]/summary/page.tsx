import type { Metadata } from "next";
import { staffWords } from "@/lib/i18n/clinic/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { editsFromPlan, suggestedReducedKm } from "@/lib/assessment/edits";
import { EXERCISES, STRETCHES } from "@/lib/assessment/exercises";
import { englishWords, SummaryWords as SheetWords } from "@/lib/i18n/summary";
import { messagesFor } from "@/lib/i18n";
import { format } from "@/lib/i18n/format";
import { formatDateTimeIn, formatKmFigure } from "@/lib/i18n/format-staff";
import { htmlLang, LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";
import type { SummaryWords } from "@/lib/i18n/clinic/summary";
import type { Assessment, Finding, Rule } from "@/lib/assessment/types";
import { getSummary } from "@/lib/data/summaries";
import { getVisitAndAudit } from "@/lib/data/visit-view";
import { ClinicianSummary } from "@/components/summary/clinician-summary";
import { Say } from "@/components/ui/say";
import { findingLabel, findingValue, flagDetail, flagTitle, missingItem, ruleSummary, statusReason } from "@/lib/i18n/clinic/clinical-say";
import { Fragment } from "react";
import { PatientSummary } from "@/components/summary/patient-summary";
import { SummaryEditor, type Reason } from "@/components/summary/summary-editor";
import { OutOfDateNotice } from "@/components/summary/out-of-date";
import { RedraftButton } from "@/components/summary/redraft-button";
import { VisitHeading } from "@/components/clinic/visit-heading";
import { getClinicTimeZone, getClinicWords } from "@/lib/data/clinics";
import { getPlanLink } from "@/lib/data/plan";
import { requestOrigin } from "@/lib/request-origin";
import { PlanLinkField } from "@/components/clinic/between-visits";
import { getVisitTrends } from "@/lib/data/trends";
import { VisitTrends } from "@/components/clinic/visit-trends";

// The title in the clinic's language. staffWords() rather than requireClinician(): the page refuses an admin
// itself, and a second refusal here would write a second audit event for the same request.
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await staffWords();
  return { title: t.summary.page.title };
}

type Page = SummaryWords["page"];

// The findings' labels and the rules' summaries, said from their codes in the clinic's language
// (lib/i18n/clinic/clinical-say.ts; the stored English where the catalog does not know them).
function why(t: Page, locale: Locale, rule: Rule, f: Finding[]): Reason {
  return {
    rule: format(rule.convention ? t.ruleConvention : t.rule, { summary: ruleSummary(rule, locale).text, section: rule.section }, locale),
    because: f
      .map((x) => {
        const label = findingLabel(x, locale).text;
        if (x.value === true) return label;
        return format(x.value === false ? t.findingNo : t.findingValue, { label, value: findingValue(x, locale).text }, locale);
      })
      .join(t.findingSeparator),
  };
}

function reasons(t: Page, locale: Locale, a: Assessment): Record<string, Reason> {
  const out: Record<string, Reason> = {};
  for (const e of a.plan?.exercises ?? []) out[e.exerciseId] = why(t, locale, e.rule, e.because);
  for (const e of a.plan?.education ?? []) out[e.id] = why(t, locale, e.rule, e.because);
  for (const e of a.plan?.stretches ?? []) out[`stretch:${e.stretchId}`] = why(t, locale, e.rule, e.because);
  return out;
}

/** "40 km", "12.5 km" (Spanish: "12,5 km"). */
const km = (locale: Locale, n: number) => `${formatKmFigure(locale, n)} km`;

/** The engine's own start point, in the words of the choices beside it. */
function draftedStart(t: Page["start"], locale: Locale, rtr: Assessment["returnToRun"]): string | null {
  if (!rtr) return null;
  const s = rtr.start;
  if (s.mode === "on-hold") return t.onHold;
  if (s.mode === "keep-continuous") return rtr.currentWeeklyKm ? format(t.keep, { km: km(locale, rtr.currentWeeklyKm) }, locale) : t.keepCurrent;
  if (s.mode === "reduced-continuous") return s.weeklyKm ? format(t.cutBack, { km: km(locale, s.weeklyKm) }, locale) : t.cutBackDistance;
  return format(rtr.criteriaMet ? t.walkRun : t.walkRunAfterTests, { phase: String(s.phase ?? 1) }, locale);
}

export default async function SummaryPage({ params }: { params: Promise<{ visitId: string }> }) {
  const actor = await requireClinician();
  const { visitId } = await params;
  const meta = await requestMeta();
  const visit = await getVisitAndAudit(actor, visitId, meta, "SummaryReview");
  if (!visit) notFound();
  // A follow-up shows the trend up to this visit (an initial visit has nothing before it to compare).
  const [summary, timeZone, trends, { t: words, locale }] = await Promise.all([
    getSummary(actor, visit.visitId, meta),
    getClinicTimeZone(actor),
    visit.kind === "FOLLOW_UP" ? getVisitTrends(actor, visit.patient.id, meta, { upToVisitId: visit.visitId }) : null,
    getClinicWords(actor),
  ]);
  const t = words.summary.page;
  const s = summary!;
  // Once signed, the patient's "My plan" link (made at signing) to copy or read out.
  const [planLink, origin] = s.finalized ? await Promise.all([getPlanLink(actor, visit.patient.id, meta), requestOrigin()]) : [null, ""];
  const a = s.assessment;
  // The sheet's words in the clinic's language (British English shares the US catalog on staff pages), for
  // what the clinician reads here (exercise names, the referral, the hold).
  const sheet = locale === "es" ? new SheetWords(messagesFor("es").summary, "es") : englishWords();
  // The points print on the patient's sheet, so the form shows them in the patient's language (an unchanged
  // point stays the engine's, worded on the sheet from the catalog; lib/data/summaries.ts reviewWords).
  const patientLocale = visit.patient.locale;
  const patientSheet = new SheetWords(messagesFor(patientLocale).summary, patientLocale);
  const fromPlan = editsFromPlan(a.plan, (r) => patientSheet.education(r));
  const sameLanguage = (patientLocale === "es") === (locale === "es");
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
    name: sheet.m.exercises[e.id as keyof typeof sheet.m.exercises].name,
    level: e.level,
    target: e.target,
    hold: !!e.holdSeconds,
    sets: e.sets,
    reps: e.reps,
    holdSeconds: e.holdSeconds,
  }));
  const stretchLibrary = STRETCHES.map((x) => ({ id: x.id, name: sheet.m.stretches[x.id as keyof typeof sheet.m.stretches].name }));
  const hardFlags = a.flags.filter((f) => f.level === "hard");

  return (
    <div className="stack">
      <VisitHeading visit={visit} title={t.heading} />
      {hardFlags.length > 0 && (
        <div className="alert alert-danger" role="alert">
          <h2 style={{ marginTop: 0 }}>{t.referHeading}</h2>
          <p>{sheet.referral(a).advice}</p>
          <ul>
            {hardFlags.map((f) => (
              <li key={f.code}>
                <strong>
                  <Say s={flagTitle(f, locale, a)} />.
                </strong>{" "}
                <Say s={flagDetail(f, locale, a)} />
              </li>
            ))}
          </ul>
          <p>{t.noRunningPlan}</p>
        </div>
      )}
      {a.status === "incomplete" && (
        <div className="alert alert-warning" role="note">
          <strong>{t.incomplete}</strong>{" "}
          {a.missing.map((m, i) => (
            <Fragment key={i}>
              {i > 0 && " "}
              <Say s={missingItem(m, locale)} />
            </Fragment>
          ))}
        </div>
      )}
      {s.finalized && s.outOfDate && (
        <OutOfDateNotice outOfDate={s.outOfDate} signedAt={s.finalized.at} timeZone={timeZone}>
          {s.state === "final" ? <RedraftButton visitId={visit.visitId} goToSummary={false} /> : <p style={{ margin: "8px 0 0" }}>{t.amendmentBelow}</p>}
        </OutOfDateNotice>
      )}
      {s.finalized && (
        <div className={s.state === "final" ? "alert alert-ok" : "alert alert-info"} role="status">
          {format(
            s.state === "final" ? t.finalizedBy : t.versionFinalizedBy,
            {
              revision: String(s.finalized.revision),
              name: s.finalized.byName,
              at: formatDateTimeIn(locale, s.finalized.at, timeZone),
              ruleset: s.finalized.rulesetVersion,
            },
            locale,
          )}{" "}
          <Link href={`/visits/${visit.visitId}/print`}>{t.printForPatient}</Link> ·{" "}
          <Link href={`/visits/${visit.visitId}/print?version=clinician`}>{t.clinicianVersion}</Link>
          {s.state !== "final" && t.amendmentInProgress}
          {planLink && <PlanLinkField link={planLink} origin={origin} id="summary-plan-link" />}
        </div>
      )}
      <div className="summary-layout">
        <section aria-labelledby="findings-h" className="card">
          <h2 id="findings-h" style={{ marginTop: 0 }}>
            {t.findings}
          </h2>
          <ClinicianSummary a={a} showPlan={false} locale={locale} />
        </section>
        <section aria-labelledby="review-h">
          <h2 id="review-h" style={{ marginTop: 0 }}>
            {s.state === "final" ? t.signedPlan : t.reviewPlan}
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
            draftedStart={draftedStart(t.start, locale, drafted)}
            currentWeeklyKm={currentWeeklyKm}
            reasons={reasons(t, locale, s.engineDraft)}
            holdReason={s.engineDraft.plan?.runningOnHold ? sheet.onHoldReason(s.engineDraft) : null}
            hasRunningPlan={!!s.engineDraft.returnToRun}
            canFinalize={a.status !== "incomplete"}
            patientLanguage={
              sameLanguage
                ? null
                : {
                    lang: htmlLang(patientLocale),
                    name: new Intl.DisplayNames([locale], { type: "language" }).of(patientLocale) ?? LOCALE_NAMES[patientLocale],
                  }
            }
            planStatus={format(t.statusLine, { status: t.planStatus[a.status], reason: statusReason(a, locale).text }, locale)}
          />
        </section>
      </div>
      {visit.kind === "FOLLOW_UP" && <VisitTrends trends={trends} upToVisit />}
      <section aria-labelledby="preview-h" className="card">
        <h2 id="preview-h" style={{ marginTop: 0 }}>
          {t.preview} {s.state === "final" ? "" : t.previewDraft}
        </h2>
        {/* What the patient takes home, in the patient's language. */}
        <PatientSummary a={a} clinicPhone={visit.clinic.phone} locale={visit.patient.locale} />
      </section>
    </div>
  );
}
