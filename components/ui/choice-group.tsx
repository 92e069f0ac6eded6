"use client";

import { useController, type Control, type FieldValues, type Path } from "react-hook-form";
import { describedBy, FieldError } from "./field-error";
import { fieldId } from "./field-ids";

export interface Choice<V> {
  value: V;
  label: string;
}

/**
 * A question answered by tapping one of several large buttons (radio inputs underneath, so keyboards and
 * screen readers work as usual). Controlled, so the form gets the typed value (a number, a boolean),
 * not the string a radio input holds.
 */
export function ChoiceGroup<T extends FieldValues, V extends string | number | boolean>(props: {
  control: Control<T>;
  name: Path<T>;
  legend: string;
  choices: Choice<V>[];
  error?: string;
  hint?: string;
  scale?: boolean;
  disabled?: boolean;
  /** For an optional question: the words of a button that takes the answer back (a radio cannot be unticked). */
  clearLabel?: string;
}) {
  const { field } = useController({ control: props.control, name: props.name });
  const id = fieldId(props.name);
  return (
    <fieldset
      className="field"
      id={id}
      data-invalid={props.error ? true : undefined}
      aria-describedby={describedBy(props.hint && `${id}-hint`, props.error && `${id}-error`)}
    >
      <legend>{props.legend}</legend>
      {props.hint && (
        <p id={`${id}-hint`} className="hint">
          {props.hint}
        </p>
      )}
      <div className={props.scale ? "choices choices-scale" : "choices"}>
        {props.choices.map((c) => (
          <label key={String(c.value)} className="choice">
            <input
              type="radio"
              name={props.name}
              value={String(c.value)}
              checked={field.value === c.value}
              disabled={props.disabled}
              onChange={() => field.onChange(c.value)}
              onBlur={field.onBlur}
              ref={c === props.choices[0] ? field.ref : undefined}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      {props.clearLabel && field.value !== undefined && field.value !== null && !props.disabled && (
        <button
          type="button"
          className="btn-link choice-clear"
          onClick={(e) => {
            field.onChange(undefined);
            // The button goes away with the answer: focus moves to the question's first option, not the page top.
            (e.currentTarget.closest("fieldset")?.querySelector("input") as HTMLInputElement | null)?.focus();
          }}
        >
          {props.clearLabel}
        </button>
      )}
      <FieldError id={`${id}-error`} message={props.error} />
    </fieldset>
  );
}
