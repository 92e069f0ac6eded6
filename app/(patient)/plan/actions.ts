"use server";

import { requestMeta } from "@/lib/auth/session";
import { checkInSchema, morningSchema } from "@/lib/forms/check-in-schema";
import { checkInLabels } from "@/lib/forms/check-in-text";
import { labelsFrom } from "@/lib/forms/messages";
import { validate } from "@/lib/forms/validate";
import { answerMorning, saveCheckIn } from "@/lib/data/plan";
import { patientPage } from "@/lib/i18n/patient-locale";

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
  const { session, m } = await patientPage();
  if (!session.ok || !session.dobVerified || session.purpose !== "plan") return { ok: false, reason: "closed", message: m.plan.checkIn.closed };
  const parsed = validate(checkInSchema, input, labelsFrom(checkInLabels(m.plan.checkIn)), m.errors);
  if (!parsed.ok) return { ok: false, reason: "invalid", fieldErrors: parsed.fieldErrors };
  const r = await saveCheckIn(session.actor, parsed.data, await requestMeta());
  if (!r.ok) return { ok: false, reason: r.reason, message: r.reason === "key-reused" ? m.plan.checkIn.keyReused : m.plan.checkIn.closed };
  return { ok: true, repeated: r.repeated, step: r.step && { light: r.step.light, action: r.step.action, text: r.step.text, because: r.step.because }, paused: !!r.progress?.paused };
}

/** The next-morning answer for an earlier run (by that check-in's key). */
export async function answerMorningAction(input: unknown): Promise<CheckInActionResult> {
  const { session, m } = await patientPage();
  if (!session.ok || !session.dobVerified || session.purpose !== "plan") return { ok: false, reason: "closed", message: m.plan.checkIn.closed };
  const parsed = validate(morningSchema, input, () => m.plan.morning.heading, m.errors);
  if (!parsed.ok) return { ok: false, reason: "invalid", fieldErrors: parsed.fieldErrors };
  const r = await answerMorning(session.actor, parsed.data, await requestMeta());
  if (!r.ok) return { ok: false, reason: r.reason, message: m.plan.checkIn.closed };
  return { ok: true, repeated: r.repeated, step: r.step && { light: r.step.light, action: r.step.action, text: r.step.text, because: r.step.because }, paused: !!r.progress?.paused };
}
