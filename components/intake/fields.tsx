"use client";

// The intake's field kinds, all bound to the form through react-hook-form's context and built on the shared
// primitives in components/ui (Field, ChoiceGroup, the ids, the number parsing, the error hook). Every field has
// a real label, a hint and error joined by aria-describedby, an id derived from its path (the error summary
// links to it) and, for numbers, a numeric keyboard.
import { createContext, useContext, useState } from "react";
import { useController, useFormContext, useWatch, type FieldValues } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { fieldId as idOf } from "@/components/ui/field-ids";
import { formNumber } from "@/components/ui/number-text";
import { useFieldError } from "@/components/ui/use-field-error";
import { followOnApplies, type DistanceUnit, type IntakeKind } from "@/lib/assessment/intake-options";
import { fromKm, paceFromParts, paceParts, toKm } from "@/lib/assessment/units";
import type { Messages } from "@/lib/i18n/en";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { describedBy, FieldError } from "@/components/ui/field-error";
import styles from "./intake.module.css";

export type IntakeMessages = Messages["intake"];

export interface IntakeContextValue {
  m: IntakeMessages;
  /** Labels by path (with the patient's name filled in). */
  label: (path: string) => string;
  fullName: string;
}

export const IntakeContext = createContext<IntakeContextValue | null>(null);

export function useIntake(): IntakeContextValue {
  const c = useContext(IntakeContext);
  if (!c) throw new Error("intake fields need IntakeContext");
  return c;
}

/** The current distance unit (stored answers are in km whatever it is). */
export function useUnit(): DistanceUnit {
  const unit = useWatch({ name: "running.distanceUnit" });
  return unit === "mi" ? "mi" : "km";
}

function Label({ path, text, optional }: { path: string; text?: string; optional?: boolean }) {
  const { m, label } = useIntake();
  return (
    <>
      {text ?? label(path)}
      {optional && <span className={styles.optional}> {m.optional}</span>}
    </>
  );
}

const hintId = (path: string) => `${idOf(path)}-hint`;
const errorId = (path: string) => `${idOf(path)}-error`;

export function Choices<V extends string | number | boolean>(props: {
  path: string;
  options: { value: V; label: string }[];
  hint?: string;
  scale?: boolean;
  legend?: string;
  optional?: boolean;
}) {
  const { control } = useFormContext<FieldValues>();
  const { m, label } = useIntake();
  const legend = props.legend ?? label(props.path);
  return (
    <ChoiceGroup
      control={control}
      name={props.path}
      legend={props.optional ? `${legend} ${m.optional}` : legend}
      choices={props.options}
      hint={props.hint}
      scale={props.scale}
      error={useFieldError(props.path)}
      clearLabel={props.optional ? m.clearAnswer : undefined}
    />
  );
}

/** Whether a follow-on question is asked now (lib/assessment/intake-options.ts, the schema's own rule). */
export function useAsked(kind: IntakeKind, path: string): boolean {
  const values = useWatch();
  return followOnApplies(kind, path, values);
}

/** Options from a catalog record, in the order of the value list. */
export function optionsOf<V extends string>(values: readonly V[], labels: Record<V, string>) {
  return values.map((value) => ({ value, label: labels[value] }));
}

export function YesNo({ path, hint, legend }: { path: string; hint?: string; legend?: string }) {
  const { m } = useIntake();
  return (
    <Choices
      path={path}
      hint={hint}
      legend={legend}
      options={[
        { value: true, label: m.yes },
        { value: false, label: m.no },
      ]}
    />
  );
}

/** NPRS 0–10 (clinical-rules §4.3). */
export function PainScale({ path }: { path: string }) {
  const { m } = useIntake();
  return <Choices path={path} scale hint={m.hints.pain} options={Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) }))} />;
}

/** An intake field: the shared Field with the label from the intake's catalog. */
function IntakeField({ path, hint, optional, input }: { path: string; hint?: string; optional?: boolean; input: Parameters<typeof Field>[0]["children"] }) {
  return (
    <Field id={idOf(path)} label={<Label path={path} optional={optional} />} hint={hint} error={useFieldError(path)}>
      {input}
    </Field>
  );
}

export function NumberField({ path, hint, optional, decimal }: { path: string; hint?: string; optional?: boolean; decimal?: boolean }) {
  const { register } = useFormContext();
  return (
    <IntakeField
      path={path}
      hint={hint}
      optional={optional}
      input={(a11y) => (
        <input
          {...a11y}
          className="input input-short"
          inputMode={decimal ? "decimal" : "numeric"}
          autoComplete="off"
          {...register(path, { setValueAs: formNumber })}
        />
      )}
    />
  );
}

export function TextField({
  path,
  hint,
  optional,
  autoComplete,
  type = "text",
}: {
  path: string;
  hint?: string;
  optional?: boolean;
  autoComplete?: string;
  type?: "text" | "date";
}) {
  const { register } = useFormContext();
  return (
    <IntakeField
      path={path}
      hint={hint}
      optional={optional}
      input={(a11y) => (
        <input
          {...a11y}
          type={type}
          className={type === "date" ? "input input-short" : "input"}
          autoComplete={autoComplete ?? "off"}
          {...register(path, { setValueAs: (v: unknown) => (v === "" || v === null ? undefined : v) })}
        />
      )}
    />
  );
}

/** Ticked boxes stored as a list of values (never a bare `false` when none is ticked). */
export function CheckboxGroup<V extends string>({
  path,
  options,
  hint,
  legend,
}: {
  path: string;
  options: { value: V; label: string }[];
  hint?: string;
  legend?: string;
}) {
  const { field } = useController({ name: path });
  const { label } = useIntake();
  const error = useFieldError(path);
  const ticked: V[] = Array.isArray(field.value) ? field.value : [];
  return (
    <fieldset className="field" id={idOf(path)} aria-describedby={describedBy(hint && hintId(path), error && errorId(path))}>
      <legend>{legend ?? label(path)}</legend>
      {hint && (
        <p id={hintId(path)} className="hint">
          {hint}
        </p>
      )}
      <div className={`choices ${styles.ticks}`}>
        {options.map((o, i) => (
          <label key={o.value} className="choice">
            <input
              type="checkbox"
              value={o.value}
              checked={ticked.includes(o.value)}
              aria-invalid={error ? true : undefined}
              ref={i === 0 ? field.ref : undefined}
              onBlur={field.onBlur}
              onChange={(e) =>
                field.onChange(e.currentTarget.checked ? [...ticked.filter((t) => t !== o.value), o.value] : ticked.filter((t) => t !== o.value))
              }
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={errorId(path)} message={error} />
    </fieldset>
  );
}

/** A single box that must be ticked (consent), stored as true or absent. */
export function TickBox({ path }: { path: string }) {
  const {
    field: { ref, value, onBlur, onChange },
  } = useController({ name: path });
  const error = useFieldError(path);
  return (
    <div className="field">
      <label className={`choice ${styles.tick}`}>
        <input
          id={idOf(path)}
          type="checkbox"
          checked={value === true}
          ref={ref}
          onBlur={onBlur}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(error && errorId(path))}
          onChange={(e) => onChange(e.currentTarget.checked ? true : undefined)}
        />
        <span>
          <Label path={path} />
        </span>
      </label>
      <FieldError id={errorId(path)} message={error} />
    </div>
  );
}

/**
 * A distance typed in the patient's unit and stored in km. The typed text is kept while typing; switching
 * the unit shows the same distance converted (no retyping).
 */
export function DistanceField({ path, hint, optional }: { path: string; hint?: string; optional?: boolean }) {
  const {
    field: { ref, value, name, onBlur, onChange },
  } = useController({ name: path });
  const { m } = useIntake();
  const unit = useUnit();
  const shown = (km: unknown, u: DistanceUnit) => (typeof km === "number" && Number.isFinite(km) ? String(fromKm(km, u)) : "");
  const [typed, setTyped] = useState<{ text: string; unit: DistanceUnit; km: unknown } | null>(null);
  // The text shows what the patient typed, unless the unit or the stored value changed since (a switch of
  // unit, a merge from another device): then it shows the stored km in the current unit.
  const text = typed && typed.unit === unit && Object.is(typed.km, value) ? typed.text : shown(value, unit);
  return (
    <IntakeField
      path={path}
      hint={hint}
      optional={optional}
      input={(a11y) => (
        <div className={styles.withSuffix}>
          <input
            {...a11y}
            aria-describedby={describedBy(`${idOf(path)}-unit`, a11y["aria-describedby"])}
            name={name}
            ref={ref}
            className="input input-short"
            inputMode="decimal"
            autoComplete="off"
            value={text}
            onBlur={onBlur}
            onChange={(e) => {
              const raw = e.currentTarget.value;
              const n = formNumber(raw);
              const km = n === undefined ? undefined : Number.isFinite(n) ? toKm(n, unit) : n;
              setTyped({ text: raw, unit, km });
              onChange(km);
            }}
          />
          <span id={`${idOf(path)}-unit`}>{m.units[unit]}</span>
        </div>
      )}
    />
  );
}

/** Pace as minutes and seconds per km or per mile, stored as minutes per km. */
export function PaceField({ path, optional }: { path: string; optional?: boolean }) {
  const {
    field: { ref, value, onBlur, onChange },
  } = useController({ name: path });
  const { m, label } = useIntake();
  const unit = useUnit();
  const error = useFieldError(path);
  const stored = typeof value === "number" && Number.isFinite(value) ? paceParts(value, unit) : null;
  const [draft, setDraft] = useState<{ min: string; sec: string; unit: DistanceUnit; value: unknown } | null>(null);
  const current =
    draft && draft.unit === unit && Object.is(draft.value, value)
      ? draft
      : { min: stored ? String(stored.min) : "", sec: stored ? String(stored.sec).padStart(2, "0") : "", unit, value };
  const update = (min: string, sec: string) => {
    const mm = formNumber(min);
    const ss = formNumber(sec) ?? 0;
    const next =
      mm === undefined && sec.trim() === ""
        ? undefined
        : Number.isFinite(mm) && Number.isFinite(ss) && ss >= 0 && ss < 60
          ? paceFromParts(mm ?? 0, ss, unit)
          : Number.NaN;
    setDraft({ min, sec, unit, value: next });
    onChange(next);
  };
  return (
    <fieldset className="field" id={idOf(path)} aria-describedby={describedBy(error && errorId(path))}>
      <legend>
        {label(path)} ({m.pacePer[unit]}){optional && <span className={styles.optional}> {m.optional}</span>}
      </legend>
      <div className="row">
        <div className={styles.pacePart}>
          <label htmlFor={`${idOf(path)}-min`}>{m.paceMinutes}</label>
          <input
            id={`${idOf(path)}-min`}
            ref={ref}
            className="input"
            inputMode="numeric"
            autoComplete="off"
            value={current.min}
            aria-invalid={error ? true : undefined}
            onBlur={onBlur}
            onChange={(e) => update(e.currentTarget.value, current.sec)}
          />
        </div>
        <span aria-hidden="true" className={styles.paceColon}>
          :
        </span>
        <div className={styles.pacePart}>
          <label htmlFor={`${idOf(path)}-sec`}>{m.paceSeconds}</label>
          <input
            id={`${idOf(path)}-sec`}
            className="input"
            inputMode="numeric"
            autoComplete="off"
            value={current.sec}
            aria-invalid={error ? true : undefined}
            onBlur={onBlur}
            onChange={(e) => update(current.min, e.currentTarget.value)}
          />
        </div>
      </div>
      <FieldError id={errorId(path)} message={error} />
    </fieldset>
  );
}
