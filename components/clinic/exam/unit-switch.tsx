"use client";

import styles from "./exam-form.module.css";

/** Which unit the clinician types in (not part of the exam: values are stored in kg and N). */
export function UnitSwitch<U extends string>(props: {
  legend: string;
  name: string;
  value: U;
  options: readonly U[];
  onChange: (u: U) => void;
  hideLegend?: boolean;
}) {
  return (
    <fieldset className={styles.unitSwitch}>
      <legend className={props.hideLegend ? "visually-hidden" : undefined}>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o} className="choice">
          <input type="radio" name={props.name} value={o} checked={props.value === o} onChange={() => props.onChange(o)} />
          <span>{o}</span>
        </label>
      ))}
    </fieldset>
  );
}
