import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { PLAN_RETURN_COOKIE } from "@/lib/auth/intake-session";
import { redirect } from "next/navigation";
import { requestMeta } from "@/lib/auth/session";
import { getPatientSummary } from "@/lib/data/summaries";
import { PatientSummary } from "@/components/summary/patient-summary";
import { getClinicSettings } from "@/lib/data/clinics";
import { getIntakeDraft } from "@/lib/data/intake-answers";
import { format, formatIsoDate } from "@/lib/i18n/format";
import { consentTextFor, messagesFor } from "@/lib/i18n";
import { patientPage } from "@/lib/i18n/patient-locale";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { DobForm } from "@/components/intake/dob-form";
import { DobLocked, LinkEnded } from "@/components/intake/link-state";
import { IntakeForm } from "@/components/intake/intake-form";
import { LanguageSwitch } from "@/components/intake/language-switch";
import { ThankYou } from "@/components/intake/thank-you";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await patientPage();
  return { title: m.intake.title };
}

export default async function IntakePage() {
  const { session, locale, m } = await patientPage();
  const languages = LOCALES.map((l) => ({ value: l, name: LOCALE_NAMES[l] }));
  // The follow-up questions opened from My plan: the way back is offered once they are sent.
  const backToPlan = (await cookies()).get(PLAN_RETURN_COOKIE) ? m.plan.followUp.back : null;
  const switcher = <LanguageSwitch current={locale} languages={languages} label={m.intake.language} submit={m.intake.languageChange} />;
  if (!session.ok) {
    if (session.reason === "submitted")
      return (
        <ThankYou
          messages={m.thanks}
          urgent={session.urgent}
          urgentMessages={m.intake.urgent}
          backToPlan={backToPlan}
          followUp={session.kind === "FOLLOW_UP"}
        />
      );
    return <LinkEnded reason={session.reason} m={m.link} />;
  }
  // A plan link's browser belongs on "My plan" (it never opens the intake).
  if (session.purpose === "plan") redirect("/plan");
  if (session.locked) return <DobLocked m={m.dob} />;
  // The first screen: the patient may pick their language before anything else.
  if (!session.dobVerified)
    return (
      <>
        {switcher}
        <DobForm messages={m.dob} />
      </>
    );
  if (session.purpose === "summary") return <SummaryFromLink actor={session.actor} link={m.link} locale={locale} />;
  // Health data from here on: the browser passed the date-of-birth check.
  const [settings, draft] = await Promise.all([getClinicSettings(session.actor), getIntakeDraft(session.actor)]);
  const greeting = format(
    session.kind === "FOLLOW_UP" ? m.intake.followUpGreeting : m.intake.greeting,
    { name: session.firstName, clinic: session.clinicName },
    locale,
  );
  return (
    <>
      {draft === null && switcher}
      <IntakeForm
        kind={session.kind}
        locale={locale}
        enabled={{ akps: settings.akpsEnabled, lefs: settings.lefsEnabled }}
        greeting={greeting}
        note={session.revision > 1 ? m.intake.correctionNote : null}
        fullName={session.fullName}
        consentText={consentTextFor(settings.consentText, m)}
        askMissedPeriods={session.recordedSex === "FEMALE" || session.recordedSex === "OTHER"}
        initial={draft ? { answers: draft.answers, version: draft.version, resumeStep: draft.resumeStep } : null}
        messages={m.intake}
        errors={m.errors}
        thanks={m.thanks}
        backToPlan={backToPlan}
      />
    </>
  );
}

/** A summary link (sent by email after signing), past the date-of-birth check: the take-home summary, to
 * read or print. Never the intake. */
async function SummaryFromLink({
  actor,
  link,
  locale,
}: {
  actor: Parameters<typeof getPatientSummary>[0];
  link: { revokedTitle: string; revokedBody: string };
  locale: Locale;
}) {
  const s = await getPatientSummary(actor, await requestMeta());
  if (!s) {
    return (
      <div className="card">
        <h1>{link.revokedTitle}</h1>
        <p>{link.revokedBody}</p>
      </div>
    );
  }
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const c = s.clinic;
  const sheet = messagesFor(locale).summary.sheet;
  const visitDate = formatIsoDate(locale, s.visitDate);
  return (
    <div className="stack">
      <p className="no-print">
        <button type="button" id="print-button" className="btn">
          {sheet.print}
        </button>{" "}
        <span className="muted">{sheet.saveAsPdf}</span>
      </p>
      <header>
        <p>
          <strong>{c.name}</strong>
          <br />
          {[c.address, c.phone, c.email].filter(Boolean).join(" · ")}
        </p>
        <p>{format(sheet.margin, { name: `${s.patient.firstName} ${s.patient.lastName}`, date: visitDate }, locale)}</p>
      </header>
      <h1>{sheet.title}</h1>
      <PatientSummary a={s.assessment} clinicPhone={c.phone} locale={locale} />
      <script
        nonce={nonce}
        dangerouslySetInnerHTML={{ __html: `document.getElementById("print-button").addEventListener("click",function(){window.print()})` }}
      />
    </div>
  );
}
