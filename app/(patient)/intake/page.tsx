import type { Metadata } from "next";
import { headers } from "next/headers";
import { requestMeta } from "@/lib/auth/session";
import { getPatientSummary } from "@/lib/data/summaries";
import { formatDate } from "@/lib/format";
import { PatientSummary } from "@/components/summary/patient-summary";
import { currentIntakeSession } from "@/lib/auth/intake-session";
import { getClinicSettings } from "@/lib/data/clinics";
import { getIntakeDraft } from "@/lib/data/intake";
import { en } from "@/lib/i18n/en";
import { DobForm } from "@/components/intake/dob-form";
import { IntakeForm } from "@/components/intake/intake-form";
import { ThankYou } from "@/components/intake/thank-you";

export const metadata: Metadata = { title: en.intake.title };

export default async function IntakePage() {
  const session = await currentIntakeSession();
  if (!session.ok) {
    if (session.reason === "submitted") return <ThankYou messages={en.thanks} urgent={session.urgent} urgentMessages={en.intake.urgent} />;
    const t =
      session.reason === "expired"
        ? { title: en.link.expiredTitle, body: en.link.expiredBody }
        : session.reason === "revoked"
          ? { title: en.link.revokedTitle, body: en.link.revokedBody }
          : { title: en.link.noSessionTitle, body: en.link.noSessionBody };
    return (
      <div className="card">
        <h1>{t.title}</h1>
        <p>{t.body}</p>
      </div>
    );
  }
  if (session.locked) {
    return (
      <div className="card" role="alert">
        <h1>{en.dob.lockedTitle}</h1>
        <p>{en.dob.lockedBody}</p>
      </div>
    );
  }
  if (!session.dobVerified) return <DobForm messages={en.dob} />;
  if (session.purpose === "summary") return <SummaryFromLink actor={session.actor} />;
  // Health data from here on: the browser passed the date-of-birth check.
  const [settings, draft] = await Promise.all([getClinicSettings(session.actor), getIntakeDraft(session.actor)]);
  const greeting = (session.kind === "FOLLOW_UP" ? en.intake.followUpGreeting : en.intake.greeting).replace("{name}", session.firstName).replace("{clinic}", session.clinicName);
  return (
    <IntakeForm
      kind={session.kind}
      enabled={{ akps: settings.akpsEnabled, lefs: settings.lefsEnabled }}
      greeting={greeting}
      note={session.revision > 1 ? en.intake.correctionNote : null}
      fullName={session.fullName}
      consentText={settings.consentText}
      askMissedPeriods={session.recordedSex === "FEMALE" || session.recordedSex === "OTHER"}
      initial={draft ? { answers: draft.answers, version: draft.version, resumeStep: draft.resumeStep } : null}
      messages={en.intake}
      errors={en.errors}
      thanks={en.thanks}
    />
  );
}

/** A summary link (sent by email after signing), past the date-of-birth check: the take-home summary, to
 * read or print. Never the intake. */
async function SummaryFromLink({ actor }: { actor: Parameters<typeof getPatientSummary>[0] }) {
  const s = await getPatientSummary(actor, await requestMeta());
  if (!s) {
    return (
      <div className="card">
        <h1>{en.link.revokedTitle}</h1>
        <p>{en.link.revokedBody}</p>
      </div>
    );
  }
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const c = s.clinic;
  return (
    <div className="stack">
      <p className="no-print">
        <button type="button" id="print-button" className="btn">
          Print
        </button>{" "}
        <span className="muted">To keep a copy as a file, print and choose “Save as PDF”.</span>
      </p>
      <header>
        <p>
          <strong>{c.name}</strong>
          <br />
          {[c.address, c.phone, c.email].filter(Boolean).join(" · ")}
        </p>
        <p>
          {s.patient.firstName} {s.patient.lastName} · visit {formatDate(s.visitDate)}
        </p>
      </header>
      <h1>Your visit summary</h1>
      <PatientSummary a={s.assessment} clinicPhone={c.phone} />
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: `document.getElementById("print-button").addEventListener("click",function(){window.print()})` }} />
    </div>
  );
}
