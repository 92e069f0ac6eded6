"use client";

import { useController, useWatch } from "react-hook-form";
import {
  KNEE_AREAS,
  KNEE_SIDES,
  kneesFor,
  ONSETS,
  PAIN_LASTS_AFTER,
  PAIN_ONSET_IN_RUN,
  TRIED,
  TRIGGERS,
  type IntakeKind,
  type KneeArea,
} from "@/lib/assessment/intake-options";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { fieldId as idOf } from "@/components/ui/field-ids";
import { useFieldError } from "@/components/ui/use-field-error";
import { CheckboxGroup, Choices, NumberField, optionsOf, TextField, useAsked, useIntake, YesNo } from "../fields";
import { KneeDrawing } from "../knee-drawing";
import styles from "../intake.module.css";

/** Where it hurts on one knee: the drawing to tap, and the same areas as real checkboxes. */
function KneeAreasField({ knee }: { knee: "left" | "right" }) {
  const path = `knee.areas.${knee}`;
  const { field } = useController({ name: path });
  const { m, label } = useIntake();
  const error = useFieldError(path);
  const marked: KneeArea[] = Array.isArray(field.value) ? field.value : [];
  const toggle = (area: KneeArea) => field.onChange(marked.includes(area) ? marked.filter((a) => a !== area) : [...marked, area]);
  return (
    <fieldset className={`field ${styles.knee}`} id={idOf(path)} aria-describedby={describedBy(`${idOf(path)}-hint`, error && `${idOf(path)}-error`)}>
      <legend>{label(path)}</legend>
      <p id={`${idOf(path)}-hint`} className="hint">
        {m.hints.drawing}
      </p>
      <KneeDrawing knee={knee} marked={marked} labels={m.knee} onToggle={toggle} />
      <div className={`choices ${styles.ticks}`}>
        {KNEE_AREAS.map((area, i) => (
          <label key={area} className="choice">
            <input
              type="checkbox"
              checked={marked.includes(area)}
              ref={i === 0 ? field.ref : undefined}
              aria-invalid={error ? true : undefined}
              onBlur={field.onBlur}
              onChange={() => toggle(area)}
            />
            <span>{m.knee.areas[area]}</span>
          </label>
        ))}
      </div>
      <FieldError id={`${idOf(path)}-error`} message={error} />
    </fieldset>
  );
}

/** Step 3: which knee, where (the drawing), and the history of the pain (clinical-rules §1.1–§1.4). */
export default function KneeStep({ kind }: { kind: IntakeKind }) {
  const { m } = useIntake();
  const side = useWatch({ name: "knee.side" });
  const askLasts = useAsked(kind, "knee.painLastsAfter");
  const askOther = useAsked(kind, "knee.triedOther");
  return (
    <>
      <Choices path="knee.side" options={optionsOf(KNEE_SIDES, m.options.kneeSide)} />
      {kneesFor(side).map((k) => (
        <KneeAreasField key={k} knee={k} />
      ))}
      {kind === "INITIAL" && (
        <>
          <NumberField path="knee.startedWeeksAgo" hint={m.hints.startedWeeksAgo} />
          <Choices path="knee.onset" options={optionsOf(ONSETS, m.options.onset)} />
          <CheckboxGroup path="knee.triggers" hint={m.hints.tickAll} options={optionsOf(TRIGGERS, m.options.triggers)} />
          <YesNo path="knee.painEachFootStrike" />
          <Choices path="knee.painStartsInRun" options={optionsOf(PAIN_ONSET_IN_RUN, m.options.painStartsInRun)} />
          {askLasts && <Choices path="knee.painLastsAfter" options={optionsOf(PAIN_LASTS_AFTER, m.options.painLastsAfter)} />}
          <YesNo path="knee.restEases" />
          <CheckboxGroup path="knee.tried" hint={m.hints.tickAll} options={optionsOf(TRIED, m.options.tried)} />
          {askOther && <TextField path="knee.triedOther" optional />}
        </>
      )}
    </>
  );
}
