"use client";

import { useState } from "react";
import { newIntakeLinkAction, reopenIntakeAction } from "@/app/(clinic)/visits/[visitId]/intake-actions";
import { FormAlert } from "@/components/ui/text-field";
import { InviteLink } from "./invite-link";
import { useClinicWords } from "./clinic-words";

/** Each kind's words are keys of the catalog's `patients.invite`. */
const KINDS = {
  /** A submitted intake reopened for corrections: the earlier answers are kept; the patient gets a new link. */
  reopen: {
    action: reopenIntakeAction,
    id: "correction-link",
    done: "reopenDone",
    send: "reopenSend",
    failed: "reopenFailed",
  },
  /** An intake not sent yet: a new link when the first expired or was lost; earlier links stop working. */
  new: {
    action: newIntakeLinkAction,
    id: "new-intake-link",
    done: "newDone",
    send: "newSend",
    failed: "newFailed",
  },
} as const;

export function IntakeLinkButton({ visitId, kind, label, timeZone }: { visitId: string; kind: keyof typeof KINDS; label: string; timeZone: string }) {
  const k = KINDS[kind];
  const t = useClinicWords().t.patients.invite;
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
              <strong>{t[k.done]}</strong> {t[k.send]}
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
            setError(t[k.failed]);
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
