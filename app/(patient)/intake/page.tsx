import type { Metadata } from "next";
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
