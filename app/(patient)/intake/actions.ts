"use server";

import { requestMeta } from "@/lib/auth/session";
import { cookies } from "next/headers";
import { currentIntakeSession, INTAKE_COOKIE } from "@/lib/auth/intake-session";
import { intakeSchema } from "@/lib/assessment/intake-schema";
import { isRealDate } from "@/lib/assessment/schema-kit";
import { isOwnSubmission, submitIntake, verifyDateOfBirth } from "@/lib/data/intake";
import { bucket, DOB_FAILURES_PER_IP, isLimited, recordHit } from "@/lib/data/rate-limits";
import { db } from "@/lib/db";
import { labelsFrom } from "@/lib/forms/messages";
import { validate, type FormResult } from "@/lib/forms/validate";
import { en } from "@/lib/i18n/en";

export type DobActionResult = { ok: true } | { ok: false; message: string; locked?: boolean };

export async function verifyDobAction(dob: unknown): Promise<DobActionResult> {
  const session = await currentIntakeSession();
  if (!session.ok) return { ok: false, message: en.link.noSessionBody };
  if (typeof dob !== "string" || !isRealDate(dob)) return { ok: false, message: en.errors.date.replace("{label}", en.dob.label) };
  const meta = await requestMeta();
  // Wrong dates per address, across links and browsers (each browser and link also has its own limit).
  if (meta.ip && (await isLimited([bucket.dobIp(meta.ip)], DOB_FAILURES_PER_IP))) return { ok: false, message: en.dob.waitBody };
  const r = await verifyDateOfBirth(session.actor, dob, meta);
  if (r.ok) return { ok: true };
  if (meta.ip) await recordHit(db(), bucket.dobIp(meta.ip));
  if (r.reason === "locked") return { ok: false, locked: true, message: en.dob.lockedBody };
  return { ok: false, message: en.dob.wrong.replace("{left}", String(r.attemptsLeft)) };
}

export type SubmitIntakeResult = FormResult<never> | { ok: true };

/** Submit the answers. The key makes a double tap or a retry after a lost response land exactly once. */
export async function submitIntakeAction(answers: unknown, submissionKey: unknown): Promise<SubmitIntakeResult> {
  const session = await currentIntakeSession();
  // A repeat of this browser's own submission, arriving after it closed the intake: the same answer.
  if (!session.ok && session.reason === "submitted" && typeof submissionKey === "string" && (await isOwnSubmission((await cookies()).get(INTAKE_COOKIE)?.value, submissionKey))) {
    return { ok: true };
  }
  if (!session.ok) return { ok: false, fieldErrors: {}, formError: session.reason === "submitted" ? en.link.submittedBody : en.link.noSessionBody };
  if (!session.dobVerified) return { ok: false, fieldErrors: {}, formError: en.dob.intro };
  if (typeof submissionKey !== "string" || !/^[A-Za-z0-9-]{16,64}$/.test(submissionKey)) return { ok: false, fieldErrors: {}, formError: en.problem.body };
  const parsed = validate(intakeSchema, answers, labelsFrom(en.intake.fields), en.errors);
  if (!parsed.ok) return { ...parsed, formError: en.intake.fixErrors };
  const r = await submitIntake(session.actor, parsed.data, submissionKey, await requestMeta());
  if (r.ok) return { ok: true };
  return { ok: false, fieldErrors: {}, formError: r.reason === "not-verified" ? en.dob.intro : en.link.submittedBody };
}
