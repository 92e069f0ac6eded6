// Server-side half of "one schema per form": parse with the same schema the browser used, and answer with
// field errors as values (never a thrown error for bad input).
import type * as z from "zod/mini";
import { fieldErrorsFrom, type ErrorCatalog, type IssueText } from "./messages";

export type FormResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: Record<string, string>; formError?: string };

export function validate<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  labelFor: (path: string) => string,
  catalog: ErrorCatalog,
  text?: IssueText,
): FormResult<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data as z.infer<S> };
  return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error.issues, labelFor, catalog, text, input) };
}
