import type { UrgentReason } from "@/lib/assessment/safety";
import type { Messages } from "@/lib/i18n/en";
import { UrgentCare } from "./urgent-care";

/** After sending: read-only, what happens next, and the "get care today" guidance again when it applies. */
export function ThankYou({ messages, urgent, urgentMessages }: { messages: Messages["thanks"]; urgent: UrgentReason[]; urgentMessages: Messages["intake"]["urgent"] }) {
  return (
    <div className="stack">
      <h1 id="thanks-title" tabIndex={-1}>
        {messages.title}
      </h1>
      <UrgentCare m={urgentMessages} reasons={urgent} sent />
      <div className="card" role="status">
        <p>{messages.body}</p>
        <p>{messages.next}</p>
        <p>{messages.change}</p>
      </div>
    </div>
  );
}
