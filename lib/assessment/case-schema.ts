// The engine's input as one document (a "case"): what `npm run assess` reads and docs/case-format.md
// describes. Every part is optional; values that are present must be valid (same rules as the forms).
import { examSchema } from "./exam-schema";
import { intakeRecordSchema, SEXES } from "./intake-schema";
import * as z from "zod/mini";
import { deepPartial, isoDate, numberIn, oneOf } from "./schema-builders";
import { clinicSettingsSchema } from "./settings";

// Present values are checked by the forms' own rules; the cross-field rules that make a whole intake
// complete do not apply to a case, which may hold any part of one; nor does "a race not in the past" (a case
// is a record of its visit date).
const partialIntake = deepPartial(intakeRecordSchema);
const partialExam = deepPartial(examSchema);

export const caseSchema = z.strictObject({
  intake: z.optional(z.nullable(partialIntake)),
  exam: z.optional(z.nullable(partialExam)),
  previousVisits: z.optional(
    z.array(z.strictObject({ date: isoDate(), intake: z.optional(z.nullable(partialIntake)), exam: z.optional(z.nullable(partialExam)) })),
  ),
  settings: z.optional(z.partial(clinicSettingsSchema)),
  /** The visit's date (YYYY-MM-DD), from which a goal race is counted. */
  visitDate: z.optional(isoDate()),
  patient: z.optional(z.strictObject({ ageYears: z.optional(numberIn(0, 120, { int: true })), sex: z.optional(oneOf(SEXES)) })),
});

export type EngineCase = z.infer<typeof caseSchema>;
