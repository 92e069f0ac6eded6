"use client";

import { DISTANCE_UNITS, FREQUENCY, GOAL_KINDS, RECENT_CHANGES, SURFACES, type IntakeKind } from "@/lib/assessment/intake-options";
import { CheckboxGroup, Choices, DistanceField, NumberField, optionsOf, PaceField, TextField, useAsked, useIntake } from "../fields";
import styles from "../intake.module.css";

/** Step 2: running load (clinical-rules §6.3: weekly distance over the last four weeks), terrain (§6.4),
 * shoes, cadence and goal. The follow-up version asks only the current load. */
export default function RunningStep({ kind }: { kind: IntakeKind }) {
  const { m } = useIntake();
  const askEvent = useAsked(kind, "running.goal.eventDate");
  const askDistance = useAsked(kind, "running.goal.weeklyKm");
  const initial = kind === "INITIAL";
  return (
    <>
      <Choices path="running.distanceUnit" options={optionsOf(DISTANCE_UNITS, m.options.distanceUnit)} />
      {initial && <NumberField path="running.yearsRunning" optional decimal />}
      <NumberField path="running.runsPerWeek" hint={m.hints.runsPerWeek} />
      <fieldset className={`field ${styles.group}`}>
        <legend>{m.fields["running.weeklyKm"]}</legend>
        <p className="hint">{m.hints.weeklyKm}</p>
        <DistanceField path="running.weeklyKm.thisWeek" />
        <DistanceField path="running.weeklyKm.lastWeek" optional />
        <DistanceField path="running.weeklyKm.twoWeeksAgo" optional />
        <DistanceField path="running.weeklyKm.threeWeeksAgo" optional />
        <DistanceField path="running.weeklyKm.fourWeeksAgo" />
        {initial && <DistanceField path="running.weeklyKm.bestLastYear" optional />}
      </fieldset>
      {initial && (
        <>
          <DistanceField path="running.longestRunKm" optional />
          <PaceField path="running.paceMinPerKm" optional />
          <CheckboxGroup path="running.surfaces" hint={m.hints.tickAll} options={optionsOf(SURFACES, m.options.surfaces)} />
          <Choices path="running.downhill" options={optionsOf(FREQUENCY, m.options.frequency)} />
          <Choices path="running.bankedRoads" options={optionsOf(FREQUENCY, m.options.frequency)} />
          <TextField path="running.shoes" optional />
          <NumberField path="running.shoeAgeMonths" optional />
          <NumberField path="running.cadenceSpm" optional hint={m.hints.cadence} />
          <CheckboxGroup path="running.recentChanges" hint={m.hints.tickAll} options={optionsOf(RECENT_CHANGES, m.options.recentChanges)} />
          <Choices path="running.goal.kind" options={optionsOf(GOAL_KINDS, m.options.goalKind)} />
          {askEvent && (
            <>
              <TextField path="running.goal.eventName" optional />
              <TextField path="running.goal.eventDate" type="date" />
            </>
          )}
          {askDistance && <DistanceField path="running.goal.weeklyKm" />}
        </>
      )}
    </>
  );
}
