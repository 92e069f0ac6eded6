// The check-in's validation, loaded after the page has shown (and before the patient can have filled the
// form) rather than with it, so My plan's first load carries no zod/mini or schema code; the intake does
// the same (components/intake/validation.ts). The server action parses the same schema again.
import type { DistanceUnit } from "@/lib/assessment/intake-options";
import { rangeIn } from "@/lib/assessment/units";
import { checkInSchema, type CheckInInput } from "@/lib/forms/check-in-schema";
import { checkInLabels } from "@/lib/forms/check-in-text";
import { fieldErrorsFrom, formatIssue, labelsFrom, type ErrorCatalog } from "@/lib/forms/messages";
import type { Messages } from "@/lib/i18n/en";

/** The check-in's labels and error wording: `km` is named in the unit the runner typed it in, and its range
 * error names that unit's limits ("between 0 and 62.1", for the schema's 0 to 100 km). The server action
 * words its errors with the same function. */
export function checkInIssues(
  t: Messages["plan"]["checkIn"],
  errors: ErrorCatalog,
  unit: DistanceUnit = "km",
): { labelFor: (path: string) => string; text: (path: string, code: string) => string } {
  const labelFor = labelsFrom({ ...checkInLabels(t), km: unit === "mi" ? t.mi : t.km });
  return {
    labelFor,
    text: (path, code) => {
      const [kind, a, b] = code.split(":");
      if (path === "km" && kind === "range") {
        const [min, max] = rangeIn(Number(a), Number(b), unit);
        return formatIssue(`range:${min}:${max}`, labelFor(path), errors);
      }
      return formatIssue(code, labelFor(path), errors);
    },
  };
}

/** `body.km` is already in km; `unit` is the one the runner typed it in. */
export function validateCheckIn(
  body: unknown,
  t: Messages["plan"]["checkIn"],
  errors: ErrorCatalog,
  unit: DistanceUnit = "km",
): { ok: true; data: CheckInInput } | { ok: false; fieldErrors: Record<string, string> } {
  const parsed = checkInSchema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const { labelFor, text } = checkInIssues(t, errors, unit);
  return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error.issues, labelFor, errors, text) };
}
