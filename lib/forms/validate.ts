// Server-side half of "one schema per form": parse with the same schema the browser used, and answer with
// field errors as values (never a thrown error for bad input). The input is cleaned first
// (lib/forms/input-hygiene.ts), so the data handed on never holds control, invisible or unpaired characters.
import type * as z from "zod/mini";
import { cleanInput, InputShapeError } from "./input-hygiene";
import { fieldErrorsFrom, type ErrorCatalog, type IssueText } from "./messages";

export type FormResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: Record<string, string>; formError?: string };

export const MALFORMED_INPUT = "This form's data could not be read. Reload the page and try again.";

export function validate<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  labelFor: (path: string) => string,
  catalog: ErrorCatalog,
  text?: IssueText,
): FormResult<z.infer<S>> {
  let clean: unknown;
  try {
    clean = cleanInput(input);
  } catch (e) {
    if (e instanceof InputShapeError || e instanceof RangeError) return { ok: false, fieldErrors: {}, formError: MALFORMED_INPUT };
    throw e;
  }
  const parsed = schema.safeParse(clean);
  if (parsed.success) return { ok: true, data: parsed.data as z.infer<S> };
  return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error.issues, labelFor, catalog, text, clean) };
}
