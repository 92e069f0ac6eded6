// The clinic's words for a server component or action that has no actor at hand: the signed-in staff
// member's clinic, its language and catalog (cached per request with the session and the clinic's row).
import "server-only";
import { requireStaff } from "../../auth/session";
import { getClinicWords } from "../../data/clinics";
import type { Locale } from "../locales";
import type { ClinicWords } from "./words";

export async function staffWords(): Promise<{ locale: Locale; t: ClinicWords }> {
  return getClinicWords(await requireStaff());
}
