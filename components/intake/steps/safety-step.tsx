"use client";

import { useWatch } from "react-hook-form";
import type { IntakeKind } from "@/lib/assessment/intake-options";
import { urgentCareReasons } from "@/lib/assessment/safety";
import { useAsked, useIntake, YesNo } from "../fields";
import { UrgentCare } from "../urgent-care";

const FIRST = ["injuryOrFall", "swelling", "hotOrRed", "feverOrUnwell"] as const;
const REST = [
  "locking",
  "givingWay",
  "nightWakes",
  "constantRestPain",
  "weightLoss",
  "painOnHopping",
  "focalBonePain",
  "groinPain",
  "lowEnergyIntake",
] as const;

/** Step 5: the safety questions (clinical-rules §5). A "yes" never blocks sending; the most urgent ones
 * show "get care today" at once, right after the question that raised it. */
export default function SafetyStep({ kind, askMissedPeriods }: { kind: IntakeKind; askMissedPeriods: boolean }) {
  const { m } = useIntake();
  const safety = useWatch({ name: "safety" });
  const urgent = urgentCareReasons(safety);
  // Initial visit: asked when the patient answered female or other (the schema's rule); follow-up: from the
  // sex on the patient's record, as that form has no "about you" step.
  const askedInitial = useAsked("INITIAL", "safety.missedPeriods");
  const missedPeriods = kind === "FOLLOW_UP" ? askMissedPeriods : askedInitial;
  return (
    <>
      <p>{m.hints.safety}</p>
      {FIRST.map((k) => (
        <YesNo key={k} path={`safety.${k}`} />
      ))}
      {urgent.includes("hot-swollen-unwell") && <UrgentCare m={m.urgent} reasons={["hot-swollen-unwell"]} />}
      <YesNo path="safety.calfSwelling" />
      {urgent.includes("calf") && <UrgentCare m={m.urgent} reasons={["calf"]} />}
      {REST.map((k) => (
        <YesNo key={k} path={`safety.${k}`} />
      ))}
      {missedPeriods && <YesNo path="safety.missedPeriods" />}
      <YesNo path="safety.recentTrainingJump" />
    </>
  );
}
