"use server";

import { consentTextFor } from "@/lib/i18n";
import { requestMeta } from "@/lib/auth/session";
import { cookies } from "next/headers";
import { currentIntakeSession, INTAKE_COOKIE } from "@/lib/auth/intake-session";
import { intakeDraftSchema, intakeFormSchema } from "@/lib/assessment/intake-schema";
import { urgentCareReasons, type UrgentReason } from "@/lib/assessment/safety";
import { isRealDate } from "@/lib/assessment/schema-builders";
import { getClinicSettings } from "@/lib/data/clinics";
import { isOwnSubmission, setPatientLocaleFromIntake, verifyDateOfBirth } from "@/lib/data/intake-link";
import { saveIntakeDraft, submitIntake, type DraftDTO, type SubmittedAnswers } from "@/lib/data/intake-answers";
import { isVersion } from "@/lib/forms/input-hygiene";
import { bucket, DOB_FAILURES_PER_IP, releaseAttempt, reserveAttempt } from "@/lib/data/rate-limits";
import { labelsFrom } from "@/lib/forms/messages";
import { intakeIssueText, intakeLabels } from "@/lib/forms/intake-text";
import { validate, type FormResult } from "@/lib/forms/validate";
import { format } from "@/lib/i18n/format";
import { LANG_COOKIE, langCookieOptions, patientPage } from "@/lib/i18n/patient-locale";
import { isLocale } from "@/lib/i18n/locales";
import { redirect } from "next/navigation";

export type DobActionResult = { ok: true } | { ok: false; message: string; locked?: boolean };

/**
 * The patient picks their language. After the date-of-birth check it is saved on their record (every
 * later page and message uses it); before it, only this browser remembers it (a cookie), and the check
 * copies it to the record once passed.
 */
/** A form field from FormData, or from a plain object when a client posts JSON (never a crash). */
function field(form: unknown, key: string): unknown {
  if (form instanceof FormData) return form.get(key);
  return form && typeof form === "object" ? (form as Record<string, unknown>)[key] : undefined;
}

export async function setIntakeLocaleAction(form: FormData | unknown): Promise<void> {
  const locale = field(form, "locale");
  if (!isLocale(locale)) redirect("/intake");
  const session = await currentIntakeSession();
  const jar = await cookies();
  jar.set(LANG_COOKIE, locale, langCookieOptions());
  if (session.ok && session.dobVerified) await setPatientLocaleFromIntake(session.actor, locale, await requestMeta());
  redirect("/intake");
}

export async function verifyDobAction(dob: unknown): Promise<DobActionResult> {
  const { session, m: en, browserChoice, locale } = await patientPage();
  if (!session.ok) return { ok: false, message: en.link.noSessionBody };
  if (typeof dob !== "string" || !isRealDate(dob)) return { ok: false, message: en.errors.date.replace("{label}", en.dob.label) };
  const meta = await requestMeta();
  // Wrong dates per address, across links and browsers (each browser and link also has its own limit).
  // Reserved before the check (under a lock, so concurrent guesses cannot slip past the limit) and given
  // back when the date was right. No address counts under the shared "unknown" key, never under none.
  const hits = await reserveAttempt([bucket.dobIp(meta.ip)], DOB_FAILURES_PER_IP);
  if (!hits) return { ok: false, message: en.dob.waitBody };
  const r = await verifyDateOfBirth(session.actor, dob, meta);
  if (r.ok) {
    // The language chosen on this screen becomes the patient's (the check has just passed).
    if (browserChoice && browserChoice !== session.locale) await setPatientLocaleFromIntake(session.actor, browserChoice, meta);
    await releaseAttempt(hits);
    return { ok: true };
  }
  if (r.reason === "locked") return { ok: false, locked: true, message: en.dob.lockedBody };
  return { ok: false, message: format(en.dob.wrong, { left: r.attemptsLeft }, locale) };
}

/** Step ids the draft may resume at (components/intake/intake-form.tsx). */
const STEP_IDS = ["about", "running", "knee", "pain", "safety", "questionnaires", "consent"];

export type SaveDraftActionResult =
  | { ok: true; version: number; savedAt: string }
  | { ok: false; reason: "conflict"; current: DraftDTO }
  | { ok: false; reason: "submitted" | "closed" | "not-verified" }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> };

/**
 * Autosave. Partial answers are fine; every answer that is there is checked with the same rules as the
 * full form (the draft schema is derived from it). `baseVersion` is the draft version this browser last
 * saw (null: none), so a save never overwrites a newer one.
 */
export async function saveDraftAction(answers: unknown, baseVersion: unknown, step: unknown): Promise<SaveDraftActionResult> {
  const { session, m: en } = await patientPage();
  if (!session.ok) return { ok: false, reason: session.reason === "submitted" ? "submitted" : "closed" };
  if (!session.dobVerified) return { ok: false, reason: "not-verified" };
  if (!(baseVersion === null || isVersion(baseVersion))) return { ok: false, reason: "invalid", fieldErrors: {} };
  const resumeStep = typeof step === "string" && STEP_IDS.includes(step) ? step : null;
  const labels = intakeLabels(en.intake, session.fullName);
  const parsed = validate(intakeDraftSchema(session.kind), answers, labelsFrom(labels), en.errors, intakeIssueText(labels, en.intake, en.errors));
  if (!parsed.ok) return { ok: false, reason: "invalid", fieldErrors: parsed.fieldErrors };
  const r = await saveIntakeDraft(session.actor, parsed.data, baseVersion, resumeStep, await requestMeta());
  return r;
}

export type SubmitIntakeResult = { ok: true; urgent: UrgentReason[] } | (FormResult<never> & { ok: false; consentText?: string });

/**
 * Submit the answers. The key makes a double tap or a retry after a lost response land exactly once.
 * `consentShown` is the consent statement the patient read; if the clinic changed it meanwhile, the new
 * one is returned to read and agree to, and nothing is stored.
 */
export async function submitIntakeAction(answers: unknown, submissionKey: unknown, consentShown: unknown): Promise<SubmitIntakeResult> {
  const { session, m: en } = await patientPage();
  // A repeat of this browser's own submission, arriving after it closed the intake: the same answer.
  if (
    !session.ok &&
    session.reason === "submitted" &&
    typeof submissionKey === "string" &&
    (await isOwnSubmission((await cookies()).get(INTAKE_COOKIE)?.value, submissionKey))
  ) {
    const safety = typeof answers === "object" && answers !== null ? (answers as { safety?: Parameters<typeof urgentCareReasons>[0] }).safety : undefined;
    return { ok: true, urgent: urgentCareReasons(safety) };
  }
  if (!session.ok) return { ok: false, fieldErrors: {}, formError: session.reason === "submitted" ? en.link.submittedBody : en.link.noSessionBody };
  if (!session.dobVerified) return { ok: false, fieldErrors: {}, formError: en.dob.intro };
  if (typeof submissionKey !== "string" || !/^[A-Za-z0-9-]{16,64}$/.test(submissionKey)) return { ok: false, fieldErrors: {}, formError: en.problem.body };
  const settings = await getClinicSettings(session.actor);
  const schema = intakeFormSchema(session.kind, { akps: settings.akpsEnabled, lefs: settings.lefsEnabled });
  const labels = intakeLabels(en.intake, session.fullName);
  const parsed = validate(schema, answers, labelsFrom(labels), en.errors, intakeIssueText(labels, en.intake, en.errors));
  if (!parsed.ok) return { ...parsed, formError: en.intake.fixErrors };
  const consentText = consentTextFor(settings.consentText, en);
  if (consentShown !== consentText) {
    return { ok: false, fieldErrors: {}, formError: en.intake.consent.changed, consentText };
  }
  // The variant schema (questionnaires as the clinic set them) parses to the stored shape of either version.
  const r = await submitIntake(session.actor, parsed.data as SubmittedAnswers, submissionKey, await requestMeta(), consentText, session.locale);
  if (r.ok) return { ok: true, urgent: urgentCareReasons(parsed.data.safety) };
  return { ok: false, fieldErrors: {}, formError: r.reason === "not-verified" ? en.dob.intro : en.link.submittedBody };
}
