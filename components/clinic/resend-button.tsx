"use client";

import { useState } from "react";
import { resendMessageAction } from "@/app/(clinic)/visits/[visitId]/message-actions";
import { useClinicWords } from "./clinic-words";

/** "Send again" for one message; the page refreshes with the new message queued. `what`: the message's kind
 * in the clinic's language (the catalog's `patients.delivery.kinds`). */
export function ResendButton({ visitId, messageId, what }: { visitId: string; messageId: string; what: string }) {
  const { t: words, f } = useClinicWords();
  const t = words.patients.delivery;
  const [state, setState] = useState<{ busy: boolean; error: string | null; done: boolean }>({ busy: false, error: null, done: false });
  if (state.done) return <span role="status"> {t.queuedAgain}</span>;
  return (
    <>
      {" "}
      <button
        type="button"
        className="btn btn-secondary"
        aria-label={f(t.resendLabel, { what })}
        disabled={state.busy}
        onClick={async () => {
          setState({ busy: true, error: null, done: false });
          try {
            const r = await resendMessageAction(visitId, messageId);
            setState({ busy: false, error: r.ok ? null : r.formError, done: r.ok });
          } catch {
            setState({ busy: false, error: t.unreachable, done: false });
          }
        }}
      >
        {t.resend}
      </button>
      {state.error && <span role="alert"> {state.error}</span>}
    </>
  );
}
