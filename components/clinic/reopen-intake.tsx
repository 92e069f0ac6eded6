"use client";

import { useState } from "react";
import { reopenIntakeAction } from "@/app/(clinic)/visits/[visitId]/intake-actions";
import { InviteLink } from "./invite-link";

/** Reopen a submitted intake for corrections: the earlier answers are kept; the patient gets a new link. */
export function ReopenIntake({ visitId, reopened, timeZone }: { visitId: string; reopened: boolean; timeZone: string }) {
  const [link, setLink] = useState<{ link: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (link) {
    return (
      <div className="stack" role="status">
        <InviteLink id="correction-link" link={link.link} expiresAt={link.expiresAt} timeZone={timeZone} intro={<><strong>Reopened for corrections.</strong> Send this new link to the patient; their earlier answers are kept and prefilled.</>} />
      </div>
    );
  }
  return (
    <div>
      {error && (
        <div className="alert alert-danger" role="alert">
          {error}
        </div>
      )}
      <button
        type="button"
        className="btn btn-secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            const r = await reopenIntakeAction(visitId);
            if (r.ok) setLink(r);
            else setError(r.formError);
          } catch {
            setError("The intake was not reopened: the server could not be reached. Try again.");
          } finally {
            setBusy(false);
          }
        }}
      >
        {reopened ? "Send a new correction link" : "Reopen for corrections"}
      </button>
    </div>
  );
}
