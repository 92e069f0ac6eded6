"use client";

import { useFormState } from "react-hook-form";

/** The error message at `path` (set by the schema resolver, the server or autosave); re-renders with that
 * field's state only. */
export function useFieldError(path: string): string | undefined {
  const { errors } = useFormState({ name: path });
  const node = path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), errors);
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message : undefined;
}
