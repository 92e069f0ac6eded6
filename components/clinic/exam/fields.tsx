"use client";

// The exam form's inputs, on the shared primitives in components/ui (Field, ChoiceGroup, the ids, the number
// parsing, the error hook). Each is a controlled react-hook-form field (so only it re-renders as it changes),
// labelled, with its error and its "check this" note tied to it by aria-describedby.
import { createContext, useContext, useState, type ReactNode } from "react";
import { useController, useFormContext, useWatch, type Path } from "react-hook-form";
import { ChoiceGroup, type Choice } from "@/components/ui/choice-group";
import { Field } from "@/components/ui/field";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { fieldId } from "@/components/ui/field-ids";
import { parseNumber } from "@/components/ui/number-text";
import { useFieldError } from "@/components/ui/use-field-error";
import type { ExamData } from "@/lib/assessment/exam-schema";
import { fromStored, toStored, type UnitSpec } from "@/lib/assessment/exam-units";
import { useClinicWords } from "@/components/clinic/clinic-words";
import { useNoteText } from "./derived-store";
import styles from "./exam-form.module.css";

export interface ExamUi {
  readOnly: boolean;
}
export const ExamUiContext = createContext<ExamUi>({ readOnly: false });

const idOf = (name: string) => fieldId(name, "f-");
const asPath = (name: string) => name as Path<ExamData>;

/** One exam field as a controlled input: its value and handlers, its id, its error, and whether the exam is
 * read-only. */
function useExamField(name: string) {
  const { control } = useFormContext<ExamData>();
  const { readOnly } = useContext(ExamUiContext);
  const { field } = useController({ control, name: asPath(name) });
  const error = useFieldError(name);
  return { ref: field.ref, value: field.value as unknown, onChange: field.onChange, onBlur: field.onBlur, readOnly, error, id: idOf(name) };
}

export function NoteFor({ path, id }: { path: string; id?: string }) {
  const text = useNoteText(path);
  if (!text) return null;
  return (
    <p id={id ?? `${idOf(path)}-note`} className={styles.note}>
      {text}
    </p>
  );
}

function useHasNote(path: string): boolean {
  return useNoteText(path) !== "";
}

const IDENTITY: UnitSpec<string> = { unit: "", factor: 1, dp: 3 };

/** A stored value as the input shows it, with the clinic's decimal separator (typing accepts either). */
function showNumber(v: unknown, spec: UnitSpec<string>, decimal: string): string {
  return typeof v === "number" && Number.isFinite(v) ? String(fromStored(v, spec)).replace(".", decimal) : "";
}

/**
 * A number typed in a display unit and stored in the schema's unit (kg, N). The text typed is kept as typed
 * ("62." stays "62."), and is redrawn from the stored value when the value changes from outside (a merge,
 * "take theirs") or the unit is switched, so a switch converts what was typed without retyping.
 */
export function NumberField(props: {
  name: string;
  label: ReactNode;
  /** What a cleared field holds: null inside the trials array, otherwise absent. */
  empty?: null | undefined;
  spec?: UnitSpec<string>;
  suffix?: string;
  hint?: ReactNode;
  /** Added to the error when the typed unit is not the stored one ("0 to 101.97 kgf"). */
  rangeInUnit?: string;
  inputMode?: "decimal" | "numeric";
  size?: "short" | "tiny";
  disabled?: boolean;
  onValue?: (stored: number | null | undefined) => void;
  /** Beside the input, on its line (a unit switch), so an error appearing below never moves it. */
  beside?: ReactNode;
  className?: string;
}) {
  const spec = props.spec ?? IDENTITY;
  const { ref, value, onChange, onBlur, readOnly, error, id } = useExamField(props.name);
  const { t, f } = useClinicWords();
  const decimal = t.exam.labels.values.decimal;
  const [shown, setShown] = useState(() => ({ text: showNumber(value, spec, decimal), value: value as unknown, spec }));
  let text = shown.text;
  if (!Object.is(shown.value, value) && !(isBlank(shown.value) && isBlank(value))) {
    text = showNumber(value, spec, decimal);
    setShown({ text, value: value, spec });
  } else if (shown.spec !== spec) {
    text = showNumber(value, spec, decimal);
    setShown({ text, value: value, spec });
  }
  const hasNote = useHasNote(props.name);
  const errorText = error && props.rangeInUnit ? f(t.exam.fields.rangeInUnit, { error, unit: spec.unit, range: props.rangeInUnit }) : error;
  return (
    <div className={`${styles.num} ${props.className ?? ""}`}>
      <label htmlFor={id}>{props.label}</label>
      <span className={styles.inputWithUnit}>
        <input
          id={id}
          name={props.name}
          ref={ref}
          className={`input ${props.size === "tiny" ? styles.tiny : styles.short}`}
          inputMode={props.inputMode ?? "decimal"}
          autoComplete="off"
          value={text}
          disabled={readOnly || props.disabled}
          aria-invalid={!!error}
          aria-describedby={describedBy(props.hint ? `${id}-hint` : undefined, error && `${id}-error`, hasNote && `${id}-note`)}
          onChange={(e) => {
            const typed = parseNumber(e.target.value);
            const stored = typed === undefined ? (props.empty === null ? null : undefined) : toStored(typed, spec);
            setShown({ text: e.target.value, value: stored, spec });
            onChange(stored);
            props.onValue?.(stored);
          }}
          onBlur={onBlur}
        />
        {props.suffix && (
          <span className={styles.unit} aria-hidden="true">
            {props.suffix}
          </span>
        )}
        {props.beside}
      </span>
      <FieldFooter id={id} hint={props.hint} error={errorText} notePath={props.name} />
    </div>
  );
}

/** Under a field: its hint, its error and its "check this" note, with the ids aria-describedby names. */
function FieldFooter({ id, hint, error, notePath }: { id: string; hint?: ReactNode; error?: string; notePath?: string }) {
  return (
    <>
      {hint && (
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      )}
      <FieldError id={`${id}-error`} message={error} />
      {notePath && <NoteFor path={notePath} id={`${id}-note`} />}
    </>
  );
}

const isBlank = (v: unknown) => v === undefined || v === null;

/** A box that is ticked (true) or not (absent): for things seen, where "not seen" needs no answer. */
export function Check(props: { name: string; label: ReactNode; className?: string }) {
  const { ref, value, onChange, onBlur, readOnly, id } = useExamField(props.name);
  const hasNote = useHasNote(props.name);
  return (
    <div className={`${styles.check} ${props.className ?? ""}`}>
      <input
        type="checkbox"
        id={id}
        name={props.name}
        ref={ref}
        checked={value === true}
        disabled={readOnly}
        aria-describedby={hasNote ? `${id}-note` : undefined}
        onChange={(e) => onChange(e.target.checked ? true : undefined)}
        onBlur={onBlur}
      />
      <label htmlFor={id}>{props.label}</label>
      <NoteFor path={props.name} id={`${id}-note`} />
    </div>
  );
}

/** A list to pick from (long lists: MMT grades, positions); the empty option is "blank". */
export function SelectField(props: {
  name: string;
  label: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
  hint?: ReactNode;
  className?: string;
}) {
  const { ref, value, onChange, onBlur, readOnly, error, id } = useExamField(props.name);
  return (
    <div className={`${styles.sel} ${props.className ?? ""}`}>
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        ref={ref}
        className="input"
        value={typeof value === "string" ? value : ""}
        disabled={readOnly}
        aria-invalid={!!error}
        aria-describedby={describedBy(props.hint ? `${id}-hint` : undefined, error && `${id}-error`)}
        onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
        onBlur={onBlur}
      >
        <option value="">–</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldFooter id={id} hint={props.hint} error={error} />
    </div>
  );
}

/** Tapped answers (components/ui/choice-group.tsx), compact, with the full question as the legend for
 * screen readers while the column heading ("Left") is what the eye reads. */
export function Choices<V extends string | number | boolean>(props: {
  name: string;
  legend: string;
  choices: Choice<V>[];
  hideLegend?: boolean;
  /** A short heading shown instead of the full legend (which screen readers still get). */
  shownLegend?: string;
  className?: string;
}) {
  const { control } = useFormContext<ExamData>();
  const { readOnly } = useContext(ExamUiContext);
  const error = useFieldError(props.name);
  return (
    <div className={`${styles.choices} ${props.hideLegend || props.shownLegend ? styles.hiddenLegend : ""} ${props.className ?? ""}`}>
      {props.shownLegend && (
        <div className={styles.legendShown} aria-hidden="true">
          {props.shownLegend}
        </div>
      )}
      <ChoiceGroup control={control} name={asPath(props.name)} legend={props.legend} choices={props.choices} error={error} disabled={readOnly} />
    </div>
  );
}

/** A number or an explicit "not tested" (side plank seconds, calf circumference difference). */
export function NumberOrNotTested(props: { name: string; label: ReactNode; notTestedLabel: string; suffix?: string; size?: "short" | "tiny" }) {
  const { control, setValue } = useFormContext<ExamData>();
  const { readOnly } = useContext(ExamUiContext);
  const notTested = useWatch({ control, name: asPath(props.name) }) === "not-tested";
  const id = `${idOf(props.name)}-nt`;
  return (
    <div className={styles.numOrNt}>
      <NumberField name={props.name} label={props.label} suffix={props.suffix} size={props.size ?? "tiny"} disabled={notTested} />
      <div className={styles.check}>
        <input
          type="checkbox"
          id={id}
          checked={notTested}
          disabled={readOnly}
          onChange={(e) => setValue(asPath(props.name), (e.target.checked ? "not-tested" : undefined) as never, { shouldDirty: true, shouldValidate: true })}
        />
        <label htmlFor={id}>{props.notTestedLabel}</label>
      </div>
    </div>
  );
}

/** Free text (the impression). */
export function TextAreaField(props: { name: string; label: ReactNode; rows?: number }) {
  const { ref, value, onChange, onBlur, readOnly, error, id } = useExamField(props.name);
  return (
    <Field id={id} label={props.label} error={error}>
      {(a11y) => (
        <textarea
          {...a11y}
          name={props.name}
          ref={ref}
          className="input"
          rows={props.rows ?? 3}
          value={typeof value === "string" ? value : ""}
          disabled={readOnly}
          aria-invalid={!!error}
          onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
          onBlur={onBlur}
        />
      )}
    </Field>
  );
}
