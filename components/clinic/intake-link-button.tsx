"use client";

import { useState } from "react";
import { newIntakeLinkAction, reopenIntakeAction } from "@/app/(clinic)/visits/[visitId]/intake-actions";
import { FormAlert } from "@/components/ui/text-field";
import { InviteLink } from "./invite-link";

const KINDS = {
  /** A submitted intake reopened for corrections: the earlier answers are kept; the patient gets a new link. */
  reopen: {
    action: reopenIntakeAction,
    id: "correction-link",
    done: "Reopened for corrections.",
    send: "Send this new link to the patient; their earlier answers are kept and prefilled.",
    failed: "The intake was not reopened",
  },
  /** An intake not sent yet: a new link when the first expired or was lost; earlier links stop working. */
  new: {
    action: newIntakeLinkAction,
    id: "new-intake-link",
    done: "New link made.",
    send: "Send it to the patient; earlier links no longer work, and any answers they saved are kept.",
    failed: "No new link was made",
  },
} as const;

export function IntakeLinkButton({ visitId, kind, label, timeZone }: { visitId: string; kind: keyof typeof KINDS; label: string; timeZone: string }) {
  const k = KINDS[kind];
  const [link, setLink] = useState<{ link: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (link) {
    return (
      <div className="stack" role="status">
        <InviteLink
          id={k.id}
          link={link.link}
          expiresAt={link.expiresAt}
          timeZone={timeZone}
          intro={
            <>
              <strong>{k.done}</strong> {k.send}
            </>
          }
        />
      </div>
    );
  }
  return (
    <div>
      <FormAlert message={error} />
      <button
        type="button"
        className="btn btn-secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            const r = await k.action(visitId);
            if (r.ok) setLink(r);
            else setError(r.formError);
          } catch {
            setError(`${k.failed}: the server could not be reached. Try again.`);
          } finally {
            setBusy(false);
          }
        }}
      >
        {label}
      </button>
    </div>
  );
}
