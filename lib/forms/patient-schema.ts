// Creating a patient (clinician form): one schema for the form and the server action.
import * as z from "zod/mini";
import { isoDate, oneOf, text } from "../assessment/schema-builders";
import { isDeliverableEmail } from "./email";
import { LOCALES } from "../i18n/locales";

export const SEXES = ["FEMALE", "MALE", "OTHER", "UNDISCLOSED"] as const;

export const patientSchema = z.object({
  firstName: text(100).check(z.minLength(1, "required")),
  lastName: text(100).check(z.minLength(1, "required")),
  dateOfBirth: isoDate({ notFuture: true }),
  sex: oneOf(SEXES),
  email: z.optional(text(254).check(z.refine((v) => v === "" || isDeliverableEmail(v), "email"))),
  phone: z.optional(text(40).check(z.refine((v) => v === "" || /^[0-9+() .-]{5,40}$/.test(v), "phone"))),
  // The language of every page the patient reads; absent: the clinic's.
  locale: z.optional(oneOf(LOCALES)),
});

export const patientLocaleSchema = z.object({ locale: oneOf(LOCALES) });

export type PatientInput = z.infer<typeof patientSchema>;
