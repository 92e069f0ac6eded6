"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { INTAKE_COOKIE, intakeCookieOptions, PLAN_RETURN_COOKIE } from "@/lib/auth/intake-session";
import { requestMeta } from "@/lib/auth/session";
import { checkInSchema, morningSchema } from "@/lib/forms/check-in-schema";
import { validate } from "@/lib/forms/validate";
import { PLAN_SESSION_DAYS } from "@/lib/data/intake-link";
import { answerMorning, getMyPlanUnit, openFollowUp, saveCheckIn } from "@/lib/data/plan";
import { checkInIssues } from "@/components/plan/check-in-validation";
import { patientPage } from "@/lib/i18n/patient-locale";
import { messagesFor } from "@/lib/i18n";
import { SummaryWords } from "@/lib/i18n/summary";
import type { ProgressStep } from "@/lib/assessment/progress";
import type { Locale } from "@/lib/i18n/locales";

/** The step as the phone shows it: the decision and its reason in the patient's language. */
function stepFor(step: ProgressStep | null, locale: Locale): { light: string; action: string; text: string; because: string } | null {
  if (!step) return null;
  const words = new SummaryWords(messagesFor(locale).summary, locale);
  return { light: step.light, action: step.action, text: words.stepText(step), because: words.stepReason(step) };
}

/** What the phone needs back: the rule's decision for that run, in the patient's words. */
export type CheckInActionResult =
  | { ok: true; repeated: boolean; step: { light: string; action: string; text: string; because: string } | null; paused: boolean }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; reason: "closed" | "key-reused"; message: string };

/**
 * A check-in from "My plan", sent when made or later from the phone's outbox (the same key each time).
 * Only a browser that passed the date-of-birth check on an open plan link gets past the data layer.
 */
export async function saveCheckInAction(input: unknown): Promise<CheckInActionResult> {
  const { session, m, locale } = await patientPage();
  if (!session.ok || !session.dobVerified || session.purpose !== "plan") return { ok: false, reason: "closed", message: m.plan.checkIn.closed };
  let issues = checkInIssues(m.plan.checkIn, m.errors);
  let parsed = validate(checkInSchema, input, issues.labelFor, m.errors, issues.text);
  if (!parsed.ok && parsed.fieldErrors.km) {
    // The page sends km; a runner who typed miles reads the limits in miles, as the page itself says them.
    const unit = await getMyPlanUnit(session.actor);
    if (unit !== "km") {
      issues = checkInIssues(m.plan.checkIn, m.errors, unit);
      parsed = validate(checkInSchema, input, issues.labelFor, m.errors, issues.text);
    }
  }
  if (!parsed.ok) return { ok: false, reason: "invalid", fieldErrors: parsed.fieldErrors };
  const r = await saveCheckIn(session.actor, parsed.data, await requestMeta());
  if (!r.ok) return { ok: false, reason: r.reason, message: r.reason === "key-reused" ? m.plan.checkIn.keyReused : m.plan.checkIn.closed };
  return { ok: true, repeated: r.repeated, step: stepFor(r.step, locale), paused: !!r.progress?.paused };
}

/** The next-morning answer for an earlier run (by that check-in's key). */
export async function answerMorningAction(input: unknown): Promise<CheckInActionResult> {
  const { session, m, locale } = await patientPage();
  if (!session.ok || !session.dobVerified || session.purpose !== "plan") return { ok: false, reason: "closed", message: m.plan.checkIn.closed };
  const parsed = validate(morningSchema, input, () => m.plan.morning.heading, m.errors);
  if (!parsed.ok) return { ok: false, reason: "invalid", fieldErrors: parsed.fieldErrors };
  const r = await answerMorning(session.actor, parsed.data, await requestMeta());
  if (!r.ok) return { ok: false, reason: r.reason, message: m.plan.checkIn.closed };
  return { ok: true, repeated: r.repeated, step: stepFor(r.step, locale), paused: !!r.progress?.paused };
}

/**
 * "Answer the follow-up questions" on My plan: the follow-up visit's intake opens in this browser (a session
 * of its own, already past the date-of-birth check) and the plan's session is kept aside for the way back.
 */
export async function startFollowUpAction(): Promise<void> {
  const { session } = await patientPage();
  if (!session.ok || !session.dobVerified || session.purpose !== "plan") redirect("/plan");
  const r = await openFollowUp(session.actor, await requestMeta());
  if (!r.ok) redirect("/plan");
  const jar = await cookies();
  const planToken = jar.get(INTAKE_COOKIE)?.value;
  if (planToken) jar.set(PLAN_RETURN_COOKIE, planToken, intakeCookieOptions(new Date(Date.now() + PLAN_SESSION_DAYS * 86_400_000)));
  jar.set(INTAKE_COOKIE, r.sessionToken, intakeCookieOptions(r.expiresAt));
  redirect("/intake");
}

/** "Back to My plan" after the follow-up questions: the plan's session comes back (checked again by the
 * plan page like any session: an ended link shows its plain page). */
export async function backToPlanAction(): Promise<void> {
  const jar = await cookies();
  const planToken = jar.get(PLAN_RETURN_COOKIE)?.value;
  if (planToken && /^[A-Za-z0-9_-]{20,100}$/.test(planToken)) {
    jar.set(INTAKE_COOKIE, planToken, intakeCookieOptions(new Date(Date.now() + PLAN_SESSION_DAYS * 86_400_000)));
  }
  jar.delete(PLAN_RETURN_COOKIE);
  redirect("/plan");
}
