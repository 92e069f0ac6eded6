import type { InputHTMLAttributes } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "./field";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> & {
  /** The field's name in the form; also its id, so the label, hint and error line point at it. */
  registration: UseFormRegisterReturn;
  label: string;
  hint?: string;
  error?: string;
};

/** A labelled input registered with react-hook-form, with its hint and error line wired to aria-describedby and aria-invalid. */
export function TextField({ registration, label, hint, error, className = "input", ...input }: Props) {
  return (
    <Field id={registration.name} label={label} hint={hint} error={error}>
      {(a11y) => <input {...a11y} className={className} aria-invalid={!!error} {...input} {...registration} />}
    </Field>
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
