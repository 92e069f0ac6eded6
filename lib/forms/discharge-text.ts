// Discharge's choices and labels, zod-free so the form can show them without loading its schema
// (lib/forms/discharge-schema.ts, loaded at submit).
export const DISCHARGE_REASONS = ["goals-met", "self-discharged", "referred-on", "no-contact", "other"] as const;

export const DISCHARGE_REASON_TEXT: Record<(typeof DISCHARGE_REASONS)[number], string> = {
  "goals-met": "Goals met",
  "self-discharged": "Patient stopped coming",
  "referred-on": "Referred on",
  "no-contact": "Could not be reached",
  other: "Other",
};
