"use server";

import type { StaffRole } from "@/lib/data/actors";
import { requestMeta, requireSignedIn } from "@/lib/auth/session";
import { getClinicWords } from "@/lib/data/clinics";
import { changeOwnPassword, confirmTotpEnrolment } from "@/lib/data/users";
import { labelsFrom } from "@/lib/forms/messages";
import { changePasswordSchema, PASSWORD_MAX, PASSWORD_MIN, totpCodeSchema } from "@/lib/forms/password-schema";
import { MALFORMED_INPUT, validate, type FormResult } from "@/lib/forms/validate";
import { format } from "@/lib/i18n/format";

type FormFailure = Extract<FormResult<never>, { ok: false }>;

export type AccountActionResult = FormFailure | { ok: true; next: string };

/** Where a staff member goes once nothing is pending. */
const home = (role: StaffRole) => (role === "ADMIN" ? "/admin" : "/patients");

/** The one form-level sentence validate() words itself, in the clinic's language. */
const worded = (r: FormFailure, malformed: string): FormFailure => (r.formError === MALFORMED_INPUT ? { ...r, formError: malformed } : r);

export async function changePasswordAction(input: unknown): Promise<AccountActionResult> {
  const { actor, session } = await requireSignedIn();
  const { t, locale } = await getClinicWords(actor);
  const w = t.account.password;
  const parsed = validate(changePasswordSchema, input, labelsFrom(w.labels, t.account.fallbackLabel), t.errors);
  if (!parsed.ok) return worded(parsed, t.account.malformedInput);
  const r = await changeOwnPassword(actor, parsed.data.currentPassword, parsed.data.newPassword, await requestMeta());
  // Home sends the session on to two-factor setup if that is still to do (requireStaff).
  if (r.ok) return { ok: true, next: home(session.role) };
  if (r.reason === "rate-limited") return { ok: false, fieldErrors: {}, formError: t.account.wait };
  if (r.reason === "wrong-current") return { ok: false, fieldErrors: { currentPassword: w.wrongCurrent } };
  if (r.reason === "same") return { ok: false, fieldErrors: { newPassword: w.same } };
  return {
    ok: false,
    fieldErrors: {
      newPassword: r.reason === "weak" ? format(w.problems[r.problem], { min: String(PASSWORD_MIN), max: String(PASSWORD_MAX) }, locale) : w.invalid,
    },
  };
}

export async function confirmTwoFactorAction(input: unknown): Promise<AccountActionResult> {
  const { actor, session } = await requireSignedIn();
  const { t } = await getClinicWords(actor);
  const w = t.account.twoFactor;
  const parsed = validate(totpCodeSchema, input, labelsFrom(w.labels, t.account.fallbackLabel), t.errors);
  if (!parsed.ok) return worded(parsed, t.account.malformedInput);
  const r = await confirmTotpEnrolment(actor, parsed.data.code, await requestMeta());
  if (r.ok) return { ok: true, next: home(session.role) };
  if (r.reason === "rate-limited") return { ok: false, fieldErrors: {}, formError: t.account.wait };
  if (r.reason === "not-started") return { ok: false, fieldErrors: {}, formError: w.notStarted };
  return { ok: false, fieldErrors: { code: w.wrongCode } };
}
