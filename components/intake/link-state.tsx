// What a patient's link page shows when it cannot show the form or the plan: the link is ended (discharged,
// expired, withdrawn) or there is no session, or the date-of-birth check is locked. One place for the intake
// and "My plan", which share the link.
import type { Messages } from "@/lib/i18n/en";

export function LinkEnded({ reason, m }: { reason: string; m: Messages["link"] }) {
  const t =
    reason === "discharged"
      ? { title: m.dischargedTitle, body: m.dischargedBody }
      : reason === "expired"
        ? { title: m.expiredTitle, body: m.expiredBody }
        : reason === "revoked"
          ? { title: m.revokedTitle, body: m.revokedBody }
          : { title: m.noSessionTitle, body: m.noSessionBody };
  return (
    <div className="card">
      <h1>{t.title}</h1>
      <p>{t.body}</p>
    </div>
  );
}

export function DobLocked({ m }: { m: Messages["dob"] }) {
  return (
    <div className="card" role="alert">
      <h1>{m.lockedTitle}</h1>
      <p>{m.lockedBody}</p>
    </div>
  );
}
