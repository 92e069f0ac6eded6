// Discharging a patient (clinician form): the date and the reason. The plan link stops; check-ins stay.
import * as z from "zod/mini";
import { isoDate, oneOf, text } from "../assessment/schema-builders";
import { visitDateInRange } from "./visit-schema";

export const DISCHARGE_REASONS = ["goals-met", "self-discharged", "referred-on", "no-contact", "other"] as const;

export const dischargeSchema = z.strictObject({
  patientId: z.string().check(z.regex(/^[0-9a-f-]{36}$/i, "invalid")),
  date: isoDate().check(z.refine((v) => visitDateInRange(v), "dateRange")),
  reason: oneOf(DISCHARGE_REASONS),
  note: z.optional(text(500)),
});

export type DischargeInput = z.infer<typeof dischargeSchema>;

export const dischargeLabels: Record<string, string> = { patientId: "Patient", date: "Discharge date", reason: "Reason", note: "Note" };

export const DISCHARGE_REASON_TEXT: Record<(typeof DISCHARGE_REASONS)[number], string> = {
  "goals-met": "Goals met",
  "self-discharged": "Patient stopped coming",
  "referred-on": "Referred on",
  "no-contact": "Could not be reached",
  other: "Other",
};
