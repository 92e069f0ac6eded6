import type { Metadata } from "next";
import { staffWords } from "@/lib/i18n/clinic/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { getPrintableSummary } from "@/lib/data/summaries";
import { getPlanLink } from "@/lib/data/plan";
import { requestOrigin } from "@/lib/request-origin";
import { getVisitHeader } from "@/lib/data/visits";
import { isPdfRenderToken, pdfAvailable } from "@/lib/pdf";
import { ClinicianSummary } from "@/components/summary/clinician-summary";
import { PatientSummary } from "@/components/summary/patient-summary";
import { formatDateTime } from "@/lib/format";
import { getClinicTimeZone, getClinicWords } from "@/lib/data/clinics";
import { OutOfDateNotice } from "@/components/summary/out-of-date";
import { messagesFor } from "@/lib/i18n";
import { format, formatDate as formatDateIn, formatIsoDate } from "@/lib/i18n/format";
import { htmlLang, type Locale } from "@/lib/i18n/locales";
import styles from "./print.module.css";
import { PlanQr } from "@/components/plan/plan-qr";
import { getVisitTrends } from "@/lib/data/trends";
import { VisitTrends } from "@/components/clinic/visit-trends";

// The title in the clinic's language. staffWords() rather than requireClinician(): the page refuses an admin
// itself, and a second refusal here would write a second audit event for the same request.
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await staffWords();
  return { title: t.summary.print.title };
}

/** Text as a CSS string: quotes and backslashes escaped, line breaks as spaces, "<" escaped so the style
 * element cannot be closed from inside it. */
function cssString(text: string): string {
  return `"${text
    .replace(/[\\"]/g, "\\$&")
    .replace(/[\r\n]+/g, " ")
    .replace(/</g, "\\3c ")}"`;
}

function pageMarginCss(left: string, right: string, bottom: string, words: { page: string; of: string } = { page: "Page", of: "of" }): string {
  const box = `font-family: system-ui, sans-serif; font-size: 8pt; color: #222;`;
  return `@page { @top-left { content: ${cssString(left)}; ${box} } @top-right { content: ${cssString(right)}; ${box} } @bottom-left { content: ${cssString(bottom)}; ${box} font-size: 7pt; } @bottom-right { content: ${cssString(`${words.page} `)} counter(page) ${cssString(` ${words.of} `)} counter(pages); ${box} } }`;
}

// Server-rendered only: this route ships no client components of its own (bench/page-weight.ts measures it). The
// "Download PDF" links render this same page in a headless Chromium (lib/pdf.ts), so there is one layout.
export default async function PrintPage({
  params,
  searchParams,
}: {
  params: Promise<{ visitId: string }>;
  searchParams: Promise<{ version?: string; render?: string }>;
}) {
  const actor = await requireClinician();
  const { visitId } = await params;
  const { version: v, render } = await searchParams;
  const version = v === "clinician" ? "clinician" : "patient";
  // The PDF renderer's own request is audited as part of the download ("pdf-render"), not as a print.
  const rendering = isPdfRenderToken(visitId, render);
  const meta = await requestMeta();
  // The print audit event (or the refusal) is written first, whether or not the visit is this clinic's.
  const printable = await getPrintableSummary(
    actor,
    visitId,
    rendering ? { ...meta, requestId: "pdf-render" } : meta,
    rendering ? "pdf-render" : "print",
    version,
  );
  const visit = printable && (await getVisitHeader(actor, visitId));
  if (!visit) notFound();
  const [timeZone, { t: words, locale: clinicLocale }] = await Promise.all([getClinicTimeZone(actor), getClinicWords(actor)]);
  const w = words.summary.print;
  // The patient's "My plan" link, printed on their sheet (the PDF renderer's request reads it too).
  const planLink = version === "patient" ? await getPlanLink(actor, visit.patient.id, meta) : null;
  const origin = planLink?.token ? await requestOrigin() : null;
  // A follow-up's clinician version carries the trends up to this visit. Not the patient's take-home sheet:
  // it is held to two pages (the longest plan already fills them).
  const trends =
    version === "clinician" && visit.kind === "FOLLOW_UP" ? await getVisitTrends(actor, visit.patient.id, meta, { upToVisitId: visit.visitId }) : null;
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const c = visit.clinic;
  const canPdf = pdfAvailable();

  const patientName = `${visit.patient.firstName} ${visit.patient.lastName}`;
  // The patient's sheet is in the patient's language; the clinician's version, like every clinician page, in
  // the clinic's (British English shares the US words there); the toolbar is the clinician's, in the clinic's.
  const locale: Locale = version === "patient" ? visit.patient.locale : clinicLocale === "es" ? "es" : "en-US";
  const sheet = messagesFor(locale).summary.sheet;
  const t = (template: string, params: Record<string, string | number>) => format(template, params, locale);
  const signedAt = locale.startsWith("en") ? formatDateTime(printable.finalizedAt, timeZone) : formatDateIn(locale, new Date(printable.finalizedAt), timeZone);
  const signature = t(sheet.signature, {
    id: printable.summaryId.slice(0, 8),
    revision: String(printable.revision),
    signedAt,
    name: printable.finalizedByName,
    ruleset: printable.assessment.rulesetVersion,
  });
  return (
    <main className={styles.page}>
      {/* Every printed page, in the browser's Print and in the PDF alike, carries whose sheet it is, the
          visit's date and "Page N of M", in the page margins (CSS page-margin boxes). */}
      <style
        dangerouslySetInnerHTML={{
          __html: pageMarginCss(t(sheet.margin, { name: patientName, date: formatIsoDate(locale, visit.date) }), c.name, signature, sheet),
        }}
      />
      <div className={`${styles.toolbar} no-print`} lang={htmlLang(clinicLocale)}>
        <a href={`/visits/${visit.visitId}/summary`}>{w.back}</a>
        <nav aria-label={w.versions} className={styles.versions}>
          {version === "patient" ? <strong>{w.patientVersion}</strong> : <a href={`/visits/${visit.visitId}/print`}>{w.patientVersion}</a>}
          {version === "clinician" ? (
            <strong>{w.clinicianVersion}</strong>
          ) : (
            <a href={`/visits/${visit.visitId}/print?version=clinician`}>{w.clinicianVersion}</a>
          )}
        </nav>
        <div className={styles.actions}>
          {canPdf ? (
            <>
              <a className="btn btn-secondary" href={`/visits/${visit.visitId}/print/pdf?version=${version}&paper=letter`}>
                {w.pdfLetter}
              </a>
              <a className="btn btn-secondary" href={`/visits/${visit.visitId}/print/pdf?version=${version}&paper=a4`}>
                {w.pdfA4}
              </a>
            </>
          ) : (
            <span className="muted">{w.savePdfHint}</span>
          )}
          <button type="button" id="print-button" className="btn">
            {w.print}
          </button>
        </div>
      </div>
      <div lang={locale}>
        <header className={styles.header}>
          <div>
            <p className={styles.clinic}>{c.name}</p>
            <p className={styles.contact}>{[c.address, c.phone, c.email].filter(Boolean).join(" · ")}</p>
          </div>
          {planLink?.token && origin && (
            <div className={styles.planLink}>
              <PlanQr url={`${origin}/i/${planLink.token}`} label={sheet.planLinkQr} size={56} />
              <p>
                <strong>{sheet.planLinkTitle}</strong> {t(sheet.planLinkBody, { url: `${origin}/i/${planLink.token}` })}
              </p>
            </div>
          )}
          <div className={styles.meta}>
            <p>
              <strong>
                {visit.patient.firstName} {visit.patient.lastName}
              </strong>
              <br />
              {t(sheet.born, { date: formatIsoDate(locale, visit.patient.dateOfBirth) })}
              <br />
              {t(sheet.visit, { date: formatIsoDate(locale, visit.date) })}
              <br />
              {t(sheet.clinician, { name: printable.finalizedByName })}
            </p>
          </div>
        </header>
        {/* On screen and on paper: a sheet printed from an out-of-date summary says so itself. */}
        {printable.outOfDate && (
          <OutOfDateNotice outOfDate={printable.outOfDate} signedAt={printable.finalizedAt} timeZone={timeZone} className={styles.outOfDate} />
        )}
        <h1 className={styles.title}>{version === "patient" ? sheet.title : w.clinicianTitle}</h1>
        {version === "patient" ? (
          <PatientSummary a={printable.assessment} clinicPhone={c.phone} locale={locale} />
        ) : (
          <ClinicianSummary a={printable.assessment} locale={clinicLocale} />
        )}
        {version === "clinician" && visit.kind === "FOLLOW_UP" && <VisitTrends trends={trends} upToVisit />}
        {/* On paper the same line is in every page's bottom margin (above), so it never spills onto a page of its own. */}
        <footer className={`${styles.footer} no-print`}>{signature}</footer>
      </div>
      {/* The one script on this page: the Print button. Inline with the CSP nonce, so no client bundle. */}
      <script
        nonce={nonce}
        dangerouslySetInnerHTML={{ __html: `document.getElementById("print-button").addEventListener("click",function(){window.print()})` }}
      />
    </main>
  );
}
