"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { amendSummaryAction } from "@/app/(clinic)/visits/[visitId]/summary/actions";
import { useClinicWords } from "@/components/clinic/clinic-words";

/**
 * One click from an out-of-date signed summary to an amendment: its draft is assessed on today's exam and
 * intake, with the signed edits kept. The signed version stays printable until the amendment is signed.
 */
export function RedraftButton({ visitId, goToSummary }: { visitId: string; goToSummary: boolean }) {
  const router = useRouter();
  const { t } = useClinicWords();
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  return (
    <p className="row" style={{ margin: "8px 0 0" }}>
      <button
        type="button"
        className="btn"
        disabled={state.busy}
        onClick={async () => {
          setState({ busy: true });
          try {
            const r = await amendSummaryAction(visitId);
            // "An amendment is already in progress" is no failure here: the draft to finish is on the summary page.
            if (!r.ok && r.formError !== t.summary.actions.amendmentInProgress) return setState({ busy: false, error: r.formError });
            if (goToSummary) router.push(`/visits/${visitId}/summary`);
            else router.refresh();
            setState({ busy: false });
          } catch {
            setState({ busy: false, error: t.summary.editor.offline });
          }
        }}
      >
        {t.summary.outOfDate.redraft}
      </button>
      {state.error && <span role="alert">{state.error}</span>}
    </p>
  );
}
