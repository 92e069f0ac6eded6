// An administrator adding a clinician or admin: one schema for the form and the server action.
import * as z from "zod/mini";
import { oneOf, text } from "../assessment/schema-builders";

export const ROLES = ["CLINICIAN", "ADMIN"] as const;

export const staffSchema = z.object({
  name: text(100).check(z.minLength(1, "required")),
  email: text(254).check(
    z.minLength(1, "required"),
    z.refine((v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), "email"),
  ),
  role: oneOf(ROLES),
});

export type StaffInput = z.infer<typeof staffSchema>;

// The fields' labels, and the clinic settings' (validated with clinicSettingsSchema, lib/assessment/settings.ts),
// are the clinic's words: lib/i18n/clinic/admin.ts, `newUser.labels` and `settings.labels`.
