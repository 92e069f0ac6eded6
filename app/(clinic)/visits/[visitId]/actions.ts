"use server";

import { requestMeta, requireClinician } from "@/lib/auth/session";
import { examLabels } from "@/lib/assessment/exam-labels";
import { examSchema, type ExamData } from "@/lib/assessment/exam-schema";
import { saveExam, type ExamDTO } from "@/lib/data/exams";
import { isUuid } from "@/lib/data/patients";
import { clinicErrors, labelsFrom } from "@/lib/forms/messages";
import { validate } from "@/lib/forms/validate";

export type SaveExamActionResult =
  | { ok: true; version: number }
  | { ok: false; fieldErrors: Record<string, string>; formError?: string }
  | { ok: false; conflict: ExamDTO };

export async function saveExamAction(visitId: string, input: unknown, baseVersion: number | null): Promise<SaveExamActionResult> {
  const actor = await requireClinician();
  if (typeof visitId !== "string" || !isUuid(visitId) || !(baseVersion === null || Number.isInteger(baseVersion))) {
    return { ok: false, fieldErrors: {}, formError: "This exam could not be found." };
  }
  const parsed = validate(examSchema, input, labelsFrom(examLabels), clinicErrors);
  if (!parsed.ok) return parsed;
  const result = await saveExam(actor, visitId, parsed.data as ExamData, baseVersion, await requestMeta());
  if (result.ok) return { ok: true, version: result.version };
  if (result.reason === "conflict") return { ok: false, conflict: result.current };
  if (result.reason === "locked") return { ok: false, fieldErrors: {}, formError: "This exam is finalized and locked." };
  return { ok: false, fieldErrors: {}, formError: "This exam could not be found." };
}
