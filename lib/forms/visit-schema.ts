// Starting a visit (clinician form).
import * as z from "zod/mini";
import { isoDate, isRealDate, oneOf, todayIso } from "../assessment/schema-builders";

/** A visit is booked or recorded within two years either side of today: 9999-12-31 is a typo or a probe. */
export function visitDateInRange(v: string, now = new Date()): boolean {
  if (!isRealDate(v)) return true; // isoDate() reports it
  const shift = (years: number) => todayIso(new Date(Date.UTC(now.getUTCFullYear() + years, now.getUTCMonth(), now.getUTCDate())));
  return v >= shift(-2) && v <= shift(2);
}

export const startVisitSchema = z.object({
  patientId: z.string().check(z.regex(/^[0-9a-f-]{36}$/i, "invalid")),
  kind: oneOf(["INITIAL", "FOLLOW_UP"]),
  date: isoDate().check(z.refine((v) => visitDateInRange(v), "dateRange")),
});

export type StartVisitInput = z.infer<typeof startVisitSchema>;
