"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { finalizeSummaryAction } from "@/app/(clinic)/visits/[visitId]/actions";

export function FinalizeButton({ visitId, disabled }: { visitId: string; disabled: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div>
      {error && (
        <p className="alert alert-danger" role="alert">
          {error}
        </p>
      )}
      {disabled && <p className="muted">The intake and the exam are both needed before the summary can be finalized.</p>}
      <button
        type="button"
        className="btn"
        disabled={disabled || pending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            try {
              const r = await finalizeSummaryAction(visitId);
              if (r.ok) router.refresh();
              else setError(r.formError);
            } catch {
              setError("Not finalized: the server could not be reached. Try again.");
            }
          })
        }
      >
        {pending ? "Finalizing…" : "Finalize and sign"}
      </button>
    </div>
  );
}
