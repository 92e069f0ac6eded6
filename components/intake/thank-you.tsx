import type { UrgentReason } from "@/lib/assessment/safety";
import type { Messages } from "@/lib/i18n/en";
import { backToPlanAction } from "@/app/(patient)/plan/actions";
import { UrgentCare } from "./urgent-care";

/** After sending: read-only, what happens next, and the "get care today" guidance again when it applies. */
/** `backToPlan`: the button's label when these were the follow-up questions started from My plan. */
export function ThankYou({
  messages,
  urgent,
  urgentMessages,
  backToPlan = null,
  followUp = false,
}: {
  messages: Messages["thanks"];
  urgent: UrgentReason[];
  urgentMessages: Messages["intake"]["urgent"];
  backToPlan?: string | null;
  followUp?: boolean;
}) {
  return (
    <div className="stack">
      <h1 id="thanks-title" tabIndex={-1}>
        {messages.title}
      </h1>
      <UrgentCare m={urgentMessages} reasons={urgent} sent />
      <div className="card" role="status">
        <p>{messages.body}</p>
        <p>{followUp ? messages.nextFollowUp : messages.next}</p>
        <p>{messages.change}</p>
      </div>
      {backToPlan && (
        <form action={backToPlanAction}>
          <button type="submit" className="btn btn-block">
            {backToPlan}
          </button>
        </form>
      )}
    </div>
  );
}
