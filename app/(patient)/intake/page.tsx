import type { Metadata } from "next";
import { currentIntakeSession } from "@/lib/auth/intake-session";
import { en } from "@/lib/i18n/en";
import { DobForm } from "@/components/intake/dob-form";
import { IntakeForm } from "@/components/intake/intake-form";
import { ThankYou } from "@/components/intake/thank-you";

export const metadata: Metadata = { title: en.intake.title };

export default async function IntakePage() {
  const session = await currentIntakeSession();
  if (!session.ok) {
    if (session.reason === "submitted") return <ThankYou messages={en.thanks} urgent={null} />;
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
  return (
    <IntakeForm
      greeting={en.intake.greeting.replace("{name}", session.firstName).replace("{clinic}", session.clinicName)}
      messages={en.intake}
      errors={en.errors}
      thanks={en.thanks}
    />
  );
}
