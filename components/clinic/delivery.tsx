import type { DeliveryDTO, MessageDTO } from "@/lib/data/messages";
import { formatDateTime } from "@/lib/format";
import { kindLabel } from "@/lib/messages/templates";
import { ResendButton } from "./resend-button";

function statusText(m: MessageDTO, timeZone: string): string {
  switch (m.status) {
    case "SENT":
      return `Sent ${m.sentAt ? formatDateTime(m.sentAt, timeZone) : ""}`;
    case "QUEUED":
      return m.attempts > 0
        ? `Queued: trying again (${m.attempts} ${m.attempts === 1 ? "attempt" : "attempts"} so far; ${m.lastError ?? "not delivered"})`
        : "Queued";
    case "FAILED":
      return `Failed: ${m.lastError ?? "not delivered"}`;
    case "SKIPPED":
      return `Not sent: ${m.lastError ?? "no longer needed"}`;
  }
}

const label = (m: MessageDTO) => kindLabel(m.kind).replace(/^./, (c) => c.toUpperCase());

/** The visit page's "Messages" card: every email to the patient and how its delivery went. */
export function Delivery({ visitId, delivery, timeZone }: { visitId: string; delivery: DeliveryDTO; timeZone: string }) {
  const { messages, linkLocked, email, optedOut } = delivery;
  return (
    <section className="card" aria-labelledby="messages-h">
      <h2 id="messages-h" style={{ marginTop: 0 }}>
        Messages
      </h2>
      {linkLocked && (
        <p role="alert">
          <strong>Link locked:</strong> the patient&apos;s link was locked after too many wrong dates of birth. Check with the patient, then make a new link.
        </p>
      )}
      <p className="muted">
        {optedOut
          ? "The patient asked for no email; links have to be passed on by hand."
          : email
            ? `Emails go to ${email}.`
            : "No email address on file: copy the link to the patient by hand, or add an address on the patient's record."}
      </p>
      {messages.length > 0 && (
        <ul className="stack" style={{ listStyle: "none", padding: 0 }} aria-label="Messages to the patient">
          {messages.map((m) => (
            <li key={m.id} data-message-kind={m.kind} data-message-status={m.status}>
              <strong>{label(m)}</strong>: {statusText(m, timeZone)}
              {(m.status === "FAILED" || m.status === "SENT") && (m.kind === "intake-received" || m.kind === "summary") && (
                <ResendButton visitId={visitId} messageId={m.id} what={kindLabel(m.kind)} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
