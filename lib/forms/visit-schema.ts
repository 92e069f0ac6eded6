// Starting a visit (clinician form).
import * as z from "zod/mini";
import { isoDate, oneOf } from "../assessment/schema-builders";

export const startVisitSchema = z.object({
  patientId: z.string().check(z.regex(/^[0-9a-f-]{36}$/i, "invalid")),
  kind: oneOf(["INITIAL", "FOLLOW_UP"]),
  date: isoDate(),
});

export type StartVisitInput = z.infer<typeof startVisitSchema>;

export const startVisitLabels: Record<string, string> = { patientId: "Patient", kind: "Visit type", date: "Visit date" };
