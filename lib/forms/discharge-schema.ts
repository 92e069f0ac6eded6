// Discharging a patient (clinician form): the date and the reason. The plan link stops; check-ins stay.
import * as z from "zod/mini";
import { isoDate, oneOf, text } from "../assessment/schema-builders";
import { DISCHARGE_REASONS } from "./discharge-text";
import { visitDateInRange } from "./visit-schema";

export { DISCHARGE_REASON_TEXT, DISCHARGE_REASONS } from "./discharge-text";

export const dischargeSchema = z.strictObject({
  patientId: z.string().check(z.regex(/^[0-9a-f-]{36}$/i, "invalid")),
  date: isoDate().check(z.refine((v) => visitDateInRange(v), "dateRange")),
  reason: oneOf(DISCHARGE_REASONS),
  note: z.optional(text(500)),
});

export type DischargeInput = z.infer<typeof dischargeSchema>;
