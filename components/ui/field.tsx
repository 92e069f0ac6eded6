import type { ReactNode } from "react";
import { describedBy, FieldError } from "./field-error";

/** What a field's control needs: its id, and its hint and error tied to it. */
export interface FieldA11y {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * A labelled field: label, hint, the control, and the error line, with the hint and error joined to the control
 * by aria-describedby (the ids are `${id}-hint` and `${id}-error`). `children` draws the control.
 */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: (a11y: FieldA11y) => ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(hint ? `${id}-hint` : undefined, error && `${id}-error`) })}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
