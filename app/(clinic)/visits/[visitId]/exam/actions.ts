"use server";

import { revalidatePath } from "next/cache";
import { currentClinician, requestMeta } from "@/lib/auth/session";
import { buildExamLabels } from "@/lib/assessment/exam-labels";
import { examSchema } from "@/lib/assessment/exam-schema";
import { amendExam, finalizeExam, saveExam, type ExamDTO } from "@/lib/data/exams";
import { isUuid } from "@/lib/data/patients";
import { isVersion } from "@/lib/forms/input-hygiene";
import { getClinicWords } from "@/lib/data/clinics";
import { clinicWordsFor } from "@/lib/i18n/clinic";
import { labelsFrom } from "@/lib/forms/messages";
import { validate } from "@/lib/forms/validate";

// The exam's mutations. Each checks who is asking and re-validates with the form's own schema; the data
// layer scopes by clinic, applies optimistic concurrency and writes the audit event. Messages are in the
// clinic's language; signed out, the clinic is unknown, so the answer says `signedOut` and the screen (which
// has the clinic's words) says it in the clinic's language, the English here being the fallback.

// Not a redirect to sign-in: the exam is autosaved while the clinician types, and a redirect would take
// the screen, and whatever was typed since the last save, away. The check is the same as requireClinician.
const SIGNED_OUT = clinicWordsFor("en-US").exam.actions;

export type SaveExamActionResult =
  | { ok: true; version: number; revision: number; savedAt: string }
  | { ok: false; fieldErrors: Record<string, string>; formError?: string; signedOut?: true }
  | { ok: false; conflict: ExamDTO }
  | { ok: false; locked: ExamDTO };

/** Autosave and "save now": the whole exam as typed, based on the version the screen last had. */
export async function saveExamAction(visitId: string, input: unknown, baseVersion: number | null): Promise<SaveExamActionResult> {
  const actor = await currentClinician();
  if (!actor) return { ok: false, fieldErrors: {}, formError: SIGNED_OUT.signedOutSave, signedOut: true };
  const { t } = await getClinicWords(actor);
  const NOT_FOUND = t.exam.actions.notFound;
  if (typeof visitId !== "string" || !isUuid(visitId) || !(baseVersion === null || isVersion(baseVersion))) {
    return { ok: false, fieldErrors: {}, formError: NOT_FOUND };
  }
  const parsed = validate(examSchema, input, labelsFrom(buildExamLabels(t.exam.labels)), t.errors);
  if (!parsed.ok) return parsed;
  const r = await saveExam(actor, visitId, parsed.data, baseVersion, await requestMeta());
  if (r.ok) return { ok: true, version: r.version, revision: r.revision, savedAt: new Date().toISOString() };
  if (r.reason === "conflict") return { ok: false, conflict: r.current };
  if (r.reason === "locked") return { ok: false, locked: r.current };
  return { ok: false, fieldErrors: {}, formError: NOT_FOUND };
}

export type FinalizeExamActionResult = { ok: true; revision: number } | { ok: false; formError: string; conflict?: ExamDTO; signedOut?: true };

/** Lock the exam as of the version on screen (which autosave has just saved). */
export async function finalizeExamAction(visitId: string, version: number): Promise<FinalizeExamActionResult> {
  const actor = await currentClinician();
  if (!actor) return { ok: false, formError: SIGNED_OUT.signedOutAction, signedOut: true };
  const { t } = await getClinicWords(actor);
  const NOT_FOUND = t.exam.actions.notFound;
  if (typeof visitId !== "string" || !isUuid(visitId) || !isVersion(version)) return { ok: false, formError: NOT_FOUND };
  const r = await finalizeExam(actor, visitId, version, await requestMeta());
  if (r.ok) {
    revalidatePath(`/visits/${visitId}`);
    return { ok: true, revision: r.revision };
  }
  if (r.reason === "conflict") return { ok: false, formError: t.exam.actions.finalizeConflict, conflict: r.current };
  if (r.reason === "already-final") return { ok: false, formError: t.exam.actions.alreadyFinal };
  return { ok: false, formError: NOT_FOUND };
}

export type AmendExamActionResult = { ok: true; revision: number; version: number } | { ok: false; formError: string; signedOut?: true };

/** Start a new revision of a finalized exam (the finalized one stays as it was). */
export async function amendExamAction(visitId: string): Promise<AmendExamActionResult> {
  const actor = await currentClinician();
  if (!actor) return { ok: false, formError: SIGNED_OUT.signedOutAction, signedOut: true };
  const { t } = await getClinicWords(actor);
  const NOT_FOUND = t.exam.actions.notFound;
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
