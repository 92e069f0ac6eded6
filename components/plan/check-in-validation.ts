// The check-in's validation, loaded after the page has shown (and before the patient can have filled the
// form) rather than with it, so My plan's first load carries no zod/mini or schema code; the intake does
// the same (components/intake/validation.ts). The server action parses the same schema again.
import { checkInSchema, type CheckInInput } from "@/lib/forms/check-in-schema";
import { checkInLabels } from "@/lib/forms/check-in-text";
import { fieldErrorsFrom, labelsFrom, type ErrorCatalog } from "@/lib/forms/messages";
import type { Messages } from "@/lib/i18n/en";

export function validateCheckIn(
  body: unknown,
  t: Messages["plan"]["checkIn"],
  errors: ErrorCatalog,
): { ok: true; data: CheckInInput } | { ok: false; fieldErrors: Record<string, string> } {
  const parsed = checkInSchema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error.issues, labelsFrom(checkInLabels(t)), errors) };
}
