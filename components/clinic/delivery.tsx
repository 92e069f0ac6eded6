import type { DeliveryDTO, MessageDTO } from "@/lib/data/messages";
import type { PatientsWords } from "@/lib/i18n/clinic/patients";
import { staffWords } from "@/lib/i18n/clinic/server";
import { format } from "@/lib/i18n/format";
import { formatDateTimeIn } from "@/lib/i18n/format-staff";
import type { Locale } from "@/lib/i18n/locales";
import { ResendButton } from "./resend-button";

type DeliveryWords = PatientsWords["delivery"];

// `lastError` is the mail system's own account of what went wrong, shown as it came.
function statusText(m: MessageDTO, timeZone: string, t: DeliveryWords, locale: Locale): string {
  switch (m.status) {
    case "SENT":
      return format(t.sent, { when: m.sentAt ? formatDateTimeIn(locale, m.sentAt, timeZone) : "" }, locale);
    case "QUEUED":
      return m.attempts > 0 ? format(t.retrying, { n: m.attempts, error: m.lastError ?? t.notDelivered }, locale) : t.queued;
    case "FAILED":
      return format(t.failed, { error: m.lastError ?? t.notDelivered }, locale);
    case "SKIPPED":
      return format(t.skipped, { error: m.lastError ?? t.noLongerNeeded }, locale);
  }
}

const capital = (s: string) => s.replace(/^./, (c) => c.toUpperCase());

/** The visit page's "Messages" card: every email to the patient and how its delivery went. */
export async function Delivery({ visitId, delivery, timeZone }: { visitId: string; delivery: DeliveryDTO; timeZone: string }) {
  const { t: words, locale } = await staffWords();
  const t = words.patients.delivery;
  const { messages, linkLocked, email, optedOut } = delivery;
  return (
    <section className="card" aria-labelledby="messages-h">
      <h2 id="messages-h" style={{ marginTop: 0 }}>
        {t.heading}
      </h2>
      {linkLocked && (
        <p role="alert">
          <strong>{t.lockedTitle}</strong> {t.locked}
        </p>
      )}
      <p className="muted">{optedOut ? t.optedOut : email ? format(t.emailsTo, { email }, locale) : t.noEmail}</p>
      {messages.length > 0 && (
        <ul className="stack" style={{ listStyle: "none", padding: 0 }} aria-label={t.list}>
          {messages.map((m) => (
            <li key={m.id} data-message-kind={m.kind} data-message-status={m.status}>
              <strong>{capital(t.kinds[m.kind])}</strong>: {statusText(m, timeZone, t, locale)}
              {(m.status === "FAILED" || m.status === "SENT") && (m.kind === "intake-received" || m.kind === "summary") && (
                <ResendButton visitId={visitId} messageId={m.id} what={t.kinds[m.kind]} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
