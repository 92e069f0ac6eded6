"use server";

import { revalidatePath } from "next/cache";
import { currentClinician, requestMeta } from "@/lib/auth/session";
import { examLabels } from "@/lib/assessment/exam-labels";
import { examSchema } from "@/lib/assessment/exam-schema";
import { amendExam, finalizeExam, saveExam, type ExamDTO } from "@/lib/data/exams";
import { isUuid } from "@/lib/data/patients";
import { isVersion } from "@/lib/forms/input-hygiene";
import { clinicErrors, labelsFrom } from "@/lib/forms/messages";
import { validate } from "@/lib/forms/validate";

// The exam's mutations. Each checks who is asking and re-validates with the form's own schema; the data
// layer scopes by clinic, applies optimistic concurrency and writes the audit event.

const labels = labelsFrom(examLabels);
const NOT_FOUND = "This exam could not be found.";
// Not a redirect to sign-in: the exam is autosaved while the clinician types, and a redirect would take
// the screen, and whatever was typed since the last save, away. The check is the same as requireClinician.
const SIGNED_OUT = "Not saved: you have been signed out. Sign in again in a new tab, then save here: your entries are still on this screen.";
const SIGNED_OUT_ACTION = "You have been signed out. Sign in again in a new tab, then try again here: nothing on this screen is lost.";

export type SaveExamActionResult =
  | { ok: true; version: number; revision: number; savedAt: string }
  | { ok: false; fieldErrors: Record<string, string>; formError?: string }
  | { ok: false; conflict: ExamDTO }
  | { ok: false; locked: ExamDTO };

/** Autosave and "save now": the whole exam as typed, based on the version the screen last had. */
export async function saveExamAction(visitId: string, input: unknown, baseVersion: number | null): Promise<SaveExamActionResult> {
  const actor = await currentClinician();
  if (!actor) return { ok: false, fieldErrors: {}, formError: SIGNED_OUT };
  if (typeof visitId !== "string" || !isUuid(visitId) || !(baseVersion === null || isVersion(baseVersion))) {
    return { ok: false, fieldErrors: {}, formError: NOT_FOUND };
  }
  const parsed = validate(examSchema, input, labels, clinicErrors);
  if (!parsed.ok) return parsed;
  const r = await saveExam(actor, visitId, parsed.data, baseVersion, await requestMeta());
  if (r.ok) return { ok: true, version: r.version, revision: r.revision, savedAt: new Date().toISOString() };
  if (r.reason === "conflict") return { ok: false, conflict: r.current };
  if (r.reason === "locked") return { ok: false, locked: r.current };
  return { ok: false, fieldErrors: {}, formError: NOT_FOUND };
}

export type FinalizeExamActionResult = { ok: true; revision: number } | { ok: false; formError: string; conflict?: ExamDTO };

/** Lock the exam as of the version on screen (which autosave has just saved). */
export async function finalizeExamAction(visitId: string, version: number): Promise<FinalizeExamActionResult> {
  const actor = await currentClinician();
  if (!actor) return { ok: false, formError: SIGNED_OUT_ACTION };
  if (typeof visitId !== "string" || !isUuid(visitId) || !isVersion(version)) return { ok: false, formError: NOT_FOUND };
  const r = await finalizeExam(actor, visitId, version, await requestMeta());
  if (r.ok) {
    revalidatePath(`/visits/${visitId}`);
    return { ok: true, revision: r.revision };
  }
  if (r.reason === "conflict")
    return { ok: false, formError: "Not finalized: someone saved a newer version of this exam. Review it first.", conflict: r.current };
  if (r.reason === "already-final") return { ok: false, formError: "This exam has already been finalized." };
  return { ok: false, formError: NOT_FOUND };
}

export type AmendExamActionResult = { ok: true; revision: number; version: number } | { ok: false; formError: string };

/** Start a new revision of a finalized exam (the finalized one stays as it was). */
export async function amendExamAction(visitId: string): Promise<AmendExamActionResult> {
  const actor = await currentClinician();
  if (!actor) return { ok: false, formError: SIGNED_OUT_ACTION };
  if (typeof visitId !== "string" || !isUuid(visitId)) return { ok: false, formError: NOT_FOUND };
  const r = await amendExam(actor, visitId, await requestMeta());
  if (r.ok) {
    revalidatePath(`/visits/${visitId}`);
    return { ok: true, revision: r.revision, version: r.version };
  }
  // Someone else started the amendment first: theirs is the draft to work on.
  if (r.reason === "not-final") return { ok: true, revision: r.current.revision, version: r.current.version };
  return { ok: false, formError: NOT_FOUND };
}
