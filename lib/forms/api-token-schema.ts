// An administrator making an API token for another system: one schema for the form and the server action.
import * as z from "zod/mini";
import { numberIn, text } from "../assessment/schema-builders";

/** The longest lifetime a token may have (a year and a day, so a yearly renewal never lapses). */
export const API_TOKEN_MAX_DAYS = 366;

export const apiTokenSchema = z.object({
  name: text(80).check(z.minLength(2, "required")),
  expiresInDays: numberIn(1, API_TOKEN_MAX_DAYS, { int: true }),
});

export type ApiTokenInput = z.infer<typeof apiTokenSchema>;

// The fields' labels are the clinic's words (lib/i18n/clinic/admin.ts, `tokens.labels`).
