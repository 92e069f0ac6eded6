"use client";

import type { IntakeKind } from "@/lib/assessment/intake-options";
import { PainScale, useAsked } from "../fields";

/** Step 4: NPRS 0–10 now, worst in the past week, during a run and the morning after (§4.3, §6.1). */
export default function PainStep({ kind }: { kind: IntakeKind }) {
  const runs = useAsked(kind, "pain.duringRun");
  return (
    <>
      <PainScale path="pain.now" />
      <PainScale path="pain.worstWeek" />
      {runs && (
        <>
          <PainScale path="pain.duringRun" />
          <PainScale path="pain.morningAfter" />
        </>
      )}
    </>
  );
}
