// Setting a password (change-password form, admin's first password): one schema for the form and the
// server. Length only, no composition rules (ASVS 6.2.1/6.2.5/6.2.9); the server also refuses common and
// breached passwords (lib/auth/password-policy.ts), which the browser cannot check without the list.
import * as z from "zod/mini";

/** NIST SP 800-63B rev. 4 §3.1.1.2: 15 characters when a password may be the only factor (clinicians sign
 * in without TOTP unless their clinic requires it); ASVS 6.2.1 asks for 8 at least and recommends 15. */
export const PASSWORD_MIN = 15;
/** ASVS 6.2.9 asks that at least 64 be allowed; the sign-in form takes up to 200. */
export const PASSWORD_MAX = 200;

const newPassword = z
  .string({ error: "required" })
  .check(z.minLength(1, "required"), z.minLength(PASSWORD_MIN, `minLength:${PASSWORD_MIN}`), z.maxLength(PASSWORD_MAX, `maxLength:${PASSWORD_MAX}`));

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "required" }).check(z.minLength(1, "required"), z.maxLength(PASSWORD_MAX, `maxLength:${PASSWORD_MAX}`)),
    newPassword,
    confirmPassword: z.string({ error: "required" }).check(z.minLength(1, "required")),
  })
  .check(z.refine((v) => v.newPassword === v.confirmPassword, { message: "mismatch", path: ["confirmPassword"] }));

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

// The fields' labels are the clinic's words (lib/i18n/clinic/account.ts, `password.labels` and `twoFactor.labels`).

export const totpCodeSchema = z.object({
  code: z.string({ error: "required" }).check(z.trim(), z.minLength(1, "required"), z.regex(/^\d{3} ?\d{3}$/, "totpCode")),
});
