"use server";

import type { StaffRole } from "@/lib/data/actors";
import { requestMeta, requireSignedIn } from "@/lib/auth/session";
import { passwordProblemText } from "@/lib/auth/password-policy";
import { changeOwnPassword, confirmTotpEnrolment } from "@/lib/data/users";
import { clinicErrors, labelsFrom } from "@/lib/forms/messages";
import { changePasswordLabels, changePasswordSchema, totpCodeLabels, totpCodeSchema } from "@/lib/forms/password-schema";
import { validate, type FormResult } from "@/lib/forms/validate";

type FormFailure = Extract<FormResult<never>, { ok: false }>;

export type AccountActionResult = FormFailure | { ok: true; next: string };

const WAIT = "Too many wrong entries. Please wait 15 minutes and try again.";

/** Where a staff member goes once nothing is pending. */
const home = (role: StaffRole) => (role === "ADMIN" ? "/admin" : "/patients");

export async function changePasswordAction(input: unknown): Promise<AccountActionResult> {
  const { actor, session } = await requireSignedIn();
  const parsed = validate(changePasswordSchema, input, labelsFrom(changePasswordLabels), clinicErrors);
  if (!parsed.ok) return parsed;
  const r = await changeOwnPassword(actor, parsed.data.currentPassword, parsed.data.newPassword, await requestMeta());
  // Home sends the session on to two-factor setup if that is still to do (requireStaff).
  if (r.ok) return { ok: true, next: home(session.role) };
  if (r.reason === "rate-limited") return { ok: false, fieldErrors: {}, formError: WAIT };
  if (r.reason === "wrong-current") return { ok: false, fieldErrors: { currentPassword: "Current password is not right." } };
  if (r.reason === "same") return { ok: false, fieldErrors: { newPassword: "New password must differ from the current one." } };
  return { ok: false, fieldErrors: { newPassword: r.reason === "weak" ? passwordProblemText[r.problem] : "New password is not valid." } };
}

export async function confirmTwoFactorAction(input: unknown): Promise<AccountActionResult> {
  const { actor, session } = await requireSignedIn();
  const parsed = validate(totpCodeSchema, input, labelsFrom(totpCodeLabels), clinicErrors);
  if (!parsed.ok) return parsed;
  const r = await confirmTotpEnrolment(actor, parsed.data.code, await requestMeta());
  if (r.ok) return { ok: true, next: home(session.role) };
  if (r.reason === "rate-limited") return { ok: false, fieldErrors: {}, formError: WAIT };
  if (r.reason === "not-started")
    return { ok: false, fieldErrors: {}, formError: "Two-factor sign-in is already on, or its setup was reset. Reload the page." };
  return { ok: false, fieldErrors: { code: "6-digit code is not right. Check that the app shows the code for Stride and that your device's clock is right." } };
}
