"use server";

import type { StaffRole } from "@/lib/data/actors";
import { requestMeta, requireAdmin } from "@/lib/auth/session";
import { clinicSettingsSchema } from "@/lib/assessment/settings";
import { changeStaff, createStaff, setClinicLocale, updateSettings, type StaffChange } from "@/lib/data/admin";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { isLocale } from "@/lib/i18n/locales";
import { redirect } from "next/navigation";
import { isUuid } from "@/lib/data/patients";
import { apiTokenLabels, apiTokenSchema } from "@/lib/forms/api-token-schema";
import { clinicErrors, labelsFrom } from "@/lib/forms/messages";
import { settingsLabels, staffLabels, staffSchema } from "@/lib/forms/staff-schema";
import { validate, type FormResult } from "@/lib/forms/validate";

type FormFailure = Extract<FormResult<never>, { ok: false }>;

// Admin-only: each action checks the role itself (a page's check does not cover its actions).

export type CreateStaffActionResult = FormFailure | { ok: true; userId: string; password: string };

export async function createStaffAction(input: unknown): Promise<CreateStaffActionResult> {
  const admin = await requireAdmin();
  const parsed = validate(staffSchema, input, labelsFrom(staffLabels), clinicErrors);
  if (!parsed.ok) return parsed;
  const r = await createStaff(admin, parsed.data, await requestMeta());
  if (!r.ok) return { ok: false, fieldErrors: { email: "An account with this email already exists." } };
  return r;
}

export type ChangeStaffActionResult = { ok: true; password?: string } | { ok: false; formError: string };

const CHANGES = new Set(["disable", "enable", "reset-password", "reset-two-factor", "unblock-sign-in", "role:ADMIN", "role:CLINICIAN"]);

export async function changeStaffAction(userId: unknown, change: unknown): Promise<ChangeStaffActionResult> {
  const admin = await requireAdmin();
  if (typeof userId !== "string" || !isUuid(userId) || typeof change !== "string" || !CHANGES.has(change)) {
    return { ok: false, formError: "This account could not be found." };
  }
  const c: StaffChange = change.startsWith("role:") ? { kind: "role", role: change.slice(5) as StaffRole } : ({ kind: change } as StaffChange);
  const r = await changeStaff(admin, userId, c, await requestMeta());
  if (r.ok) return r;
  if (r.reason === "self") return { ok: false, formError: "You cannot disable your own account or remove your own admin role." };
  if (r.reason === "last-admin") return { ok: false, formError: "This is the clinic's last active administrator. Make someone else an administrator first." };
  return { ok: false, formError: "This account could not be found." };
}

export type SettingsActionResult = FormFailure | { ok: true };

export async function updateSettingsAction(input: unknown): Promise<SettingsActionResult> {
  const admin = await requireAdmin();
  const parsed = validate(clinicSettingsSchema, input, labelsFrom(settingsLabels), clinicErrors);
  if (!parsed.ok) return { ...parsed, formError: "The settings were not saved. Please correct the marked fields." };
  await updateSettings(admin, parsed.data, await requestMeta());
  return { ok: true };
}

export type CreateApiTokenActionResult = FormFailure | { ok: true; secret: string; name: string };

export async function createApiTokenAction(input: unknown): Promise<CreateApiTokenActionResult> {
  const admin = await requireAdmin();
  const parsed = validate(apiTokenSchema, input, labelsFrom(apiTokenLabels), clinicErrors);
  if (!parsed.ok) return parsed;
  const r = await createApiToken(admin, parsed.data, await requestMeta());
  if (!r.ok) return { ok: false, fieldErrors: r.fieldErrors };
  return { ok: true, secret: r.secret, name: r.token.name };
}

export async function revokeApiTokenAction(tokenId: unknown): Promise<{ ok: true } | { ok: false; formError: string }> {
  const admin = await requireAdmin();
  if (typeof tokenId !== "string" || !isUuid(tokenId)) return { ok: false, formError: "This token could not be found." };
  const r = await revokeApiToken(admin, tokenId, await requestMeta());
  return r.ok ? r : { ok: false, formError: "This token could not be found." };
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
  redirect("/admin/settings");
}
