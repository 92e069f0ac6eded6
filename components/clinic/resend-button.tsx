"use client";

import { useState } from "react";
import { resendMessageAction } from "@/app/(clinic)/visits/[visitId]/message-actions";

/** "Send again" for one message; the page refreshes with the new message queued. */
export function ResendButton({ visitId, messageId, what }: { visitId: string; messageId: string; what: string }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null; done: boolean }>({ busy: false, error: null, done: false });
  if (state.done) return <span role="status"> Queued again.</span>;
  return (
    <>
      {" "}
      <button
        type="button"
        className="btn btn-secondary"
        aria-label={`Send the ${what} again`}
        disabled={state.busy}
        onClick={async () => {
          setState({ busy: true, error: null, done: false });
          try {
            const r = await resendMessageAction(visitId, messageId);
            setState({ busy: false, error: r.ok ? null : r.formError, done: r.ok });
          } catch {
            setState({ busy: false, error: "The server could not be reached. Try again.", done: false });
          }
        }}
      >
        Send again
      </button>
      {state.error && <span role="alert"> {state.error}</span>}
    </>
  );
}
