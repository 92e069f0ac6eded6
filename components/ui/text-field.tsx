import type { InputHTMLAttributes } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { describedBy, FieldError } from "./field-error";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> & {
  /** The field's name in the form; also its id, so the label, hint and error line point at it. */
  registration: UseFormRegisterReturn;
  label: string;
  hint?: string;
  error?: string;
};

/** A labelled input with its hint and error line wired to aria-describedby and aria-invalid. */
export function TextField({ registration, label, hint, error, className = "input", ...input }: Props) {
  const id = registration.name;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        className={className}
        aria-invalid={!!error}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        {...input}
        {...registration}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** The message at the top of a form when the server refused it or could not be reached. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="alert alert-danger" role="alert">
      {message}
    </div>
  );
}
