"use client";

import { ACTIVITY_LEVELS, SEXES } from "@/lib/assessment/intake-options";
import { Choices, NumberField, optionsOf, TextField, useAsked, useIntake, YesNo } from "../fields";

/** Step 1 (initial visit): name check, date of birth (already confirmed), sex, height, weight, work. */
export default function AboutStep() {
  const { m } = useIntake();
  const askName = useAsked("INITIAL", "about.nameCorrection");
  return (
    <>
      <YesNo path="about.nameCorrect" hint={m.hints.nameCheck} />
      {askName && <TextField path="about.nameCorrection" autoComplete="name" />}
      <p className="hint">{m.dobConfirmed}</p>
      <Choices path="about.sex" options={optionsOf(SEXES, m.options.sex)} />
      <NumberField path="about.heightCm" optional decimal />
      <NumberField path="about.bodyMassKg" optional decimal />
      <TextField path="about.occupation" optional autoComplete="organization-title" />
      <Choices path="about.activityLevel" optional options={optionsOf(ACTIVITY_LEVELS, m.options.activityLevel)} />
    </>
  );
}
