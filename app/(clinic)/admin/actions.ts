"use server";

import type { StaffRole } from "@/lib/data/actors";
import { requestMeta, requireAdmin } from "@/lib/auth/session";
import { clinicSettingsSchema } from "@/lib/assessment/settings";
import { changeStaff, createStaff, setClinicLocale, updateSettings, type StaffChange } from "@/lib/data/admin";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { getClinicWords } from "@/lib/data/clinics";
import { format } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { isUuid } from "@/lib/data/patients";
import { API_TOKEN_MAX_DAYS, apiTokenSchema } from "@/lib/forms/api-token-schema";
import { labelsFrom } from "@/lib/forms/messages";
import { staffSchema } from "@/lib/forms/staff-schema";
import { MALFORMED_INPUT, validate, type FormResult } from "@/lib/forms/validate";

type FormFailure = Extract<FormResult<never>, { ok: false }>;

/** The one form-level sentence validate() words itself, in the clinic's language. */
const worded = (r: FormFailure, malformed: string): FormFailure => (r.formError === MALFORMED_INPUT ? { ...r, formError: malformed } : r);

// Admin-only: each action checks the role itself (a page's check does not cover its actions).

export type CreateStaffActionResult = FormFailure | { ok: true; userId: string; password: string };

export async function createStaffAction(input: unknown): Promise<CreateStaffActionResult> {
  const admin = await requireAdmin();
  const { t } = await getClinicWords(admin);
  const parsed = validate(staffSchema, input, labelsFrom(t.admin.newUser.labels, t.admin.fallbackLabel), t.errors);
  if (!parsed.ok) return worded(parsed, t.admin.malformedInput);
  const r = await createStaff(admin, parsed.data, await requestMeta());
  if (!r.ok) return { ok: false, fieldErrors: { email: t.admin.newUser.emailTaken } };
  return r;
}

export type ChangeStaffActionResult = { ok: true; password?: string } | { ok: false; formError: string };

const CHANGES = new Set(["disable", "enable", "reset-password", "reset-two-factor", "unblock-sign-in", "role:ADMIN", "role:CLINICIAN"]);

export async function changeStaffAction(userId: unknown, change: unknown): Promise<ChangeStaffActionResult> {
  const admin = await requireAdmin();
  const { t } = await getClinicWords(admin);
  const w = t.admin.staffActions;
  if (typeof userId !== "string" || !isUuid(userId) || typeof change !== "string" || !CHANGES.has(change)) {
    return { ok: false, formError: w.notFound };
  }
  const c: StaffChange = change.startsWith("role:") ? { kind: "role", role: change.slice(5) as StaffRole } : ({ kind: change } as StaffChange);
  const r = await changeStaff(admin, userId, c, await requestMeta());
  if (r.ok) return r;
  if (r.reason === "self") return { ok: false, formError: w.self };
  if (r.reason === "last-admin") return { ok: false, formError: w.lastAdmin };
  return { ok: false, formError: w.notFound };
}

export type SettingsActionResult = FormFailure | { ok: true };

export async function updateSettingsAction(input: unknown): Promise<SettingsActionResult> {
  const admin = await requireAdmin();
  const { t } = await getClinicWords(admin);
  const parsed = validate(clinicSettingsSchema, input, labelsFrom(t.admin.settings.labels, t.admin.fallbackLabel), t.errors);
  if (!parsed.ok) return { ...parsed, formError: t.admin.settings.notSaved };
  await updateSettings(admin, parsed.data, await requestMeta());
  return { ok: true };
}

export type CreateApiTokenActionResult = FormFailure | { ok: true; secret: string; name: string };

export async function createApiTokenAction(input: unknown): Promise<CreateApiTokenActionResult> {
  const admin = await requireAdmin();
  const { t, locale } = await getClinicWords(admin);
  const w = t.admin.tokens;
  const parsed = validate(apiTokenSchema, input, labelsFrom(w.labels, t.admin.fallbackLabel), t.errors);
  if (!parsed.ok) return worded(parsed, t.admin.malformedInput);
  const r = await createApiToken(admin, parsed.data, await requestMeta());
  if (!r.ok) {
    // The data layer's own check (lib/data/api-tokens.ts), worded here in the clinic's language.
    const ours: Record<string, string> = { name: w.nameError, expiresInDays: format(w.daysError, { max: String(API_TOKEN_MAX_DAYS) }, locale) };
    return { ok: false, fieldErrors: Object.fromEntries(Object.entries(r.fieldErrors).map(([k, v]) => [k, ours[k] ?? v])) };
  }
  return { ok: true, secret: r.secret, name: r.token.name };
}

export async function revokeApiTokenAction(tokenId: unknown): Promise<{ ok: true } | { ok: false; formError: string }> {
  const admin = await requireAdmin();
  const { t } = await getClinicWords(admin);
  if (typeof tokenId !== "string" || !isUuid(tokenId)) return { ok: false, formError: t.admin.tokens.notFound };
  const r = await revokeApiToken(admin, tokenId, await requestMeta());
  return r.ok ? r : { ok: false, formError: t.admin.tokens.notFound };
}

/** The clinic's language (a plain form: no script of its own). */
/** A form field from FormData, or from a plain object when a client posts JSON (never a crash). */
function field(form: unknown, key: string): unknown {
  if (form instanceof FormData) return form.get(key);
  return form && typeof form === "object" ? (form as Record<string, unknown>)[key] : undefined;
}

export async function setClinicLocaleAction(form: FormData | unknown): Promise<void> {
  const admin = await requireAdmin();
  const locale = field(form, "locale");
  if (isLocale(locale)) await setClinicLocale(admin, locale, await requestMeta());
  // Every staff page, the frame included, is now in the new language: revalidating a path clears the browser's
  // router cache, so the frame re-renders with the page. Not "/" as a layout: that also regenerates Next's
  // prerendered error page, which then answers 200 instead of 500 (e2e/security-matrix.spec.ts).
  revalidatePath("/admin/settings");
  redirect("/admin/settings");
}
