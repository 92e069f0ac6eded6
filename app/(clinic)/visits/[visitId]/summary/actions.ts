"use server";

import { revalidatePath } from "next/cache";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { summaryEditLabel, type SummaryEdits } from "@/lib/assessment/edits";
import { summaryEditsSchema } from "@/lib/assessment/edits-schema";
import { isUuid } from "@/lib/data/patients";
import { amendSummary, finalizeSummary, saveSummaryEdits } from "@/lib/data/summaries";
import { MAX_INT4 } from "@/lib/forms/input-hygiene";
import { clinicErrors } from "@/lib/forms/messages";
import { validate } from "@/lib/forms/validate";

export type SummaryActionResult =
  | { ok: true; version: number | null }
  | { ok: false; fieldErrors: Record<string, string>; formError: string }
  | { ok: false; conflict: { edits: SummaryEdits; version: number }; formError: string };

const NOT_FOUND = { ok: false as const, fieldErrors: {}, formError: "This visit could not be found." };

function badVersion(v: unknown): boolean {
  // A version the database can hold (int4); larger numbers would fail in SQL instead of being refused here.
  return !(v === null || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_INT4));
}

export async function saveSummaryEditsAction(visitId: unknown, input: unknown, baseVersion: unknown): Promise<SummaryActionResult> {
  const actor = await requireClinician();
  if (typeof visitId !== "string" || !isUuid(visitId) || badVersion(baseVersion)) return NOT_FOUND;
  const parsed = validate(summaryEditsSchema, input, summaryEditLabel, clinicErrors);
  if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, formError: "Some changes need correcting; they are marked." };
  const r = await saveSummaryEdits(actor, visitId, parsed.data, baseVersion as number | null, await requestMeta());
  if (r.ok) {
    revalidatePath(`/visits/${visitId}/summary`);
    return { ok: true, version: r.version };
  }
  if (r.reason === "conflict")
    return {
      ok: false,
      conflict: r.current,
      formError: "Not saved: a colleague changed this summary since you opened it. Their version is shown; your changes are still on screen.",
    };
  if (r.reason === "invalid") return { ok: false, fieldErrors: r.fieldErrors, formError: "Some changes need correcting; they are marked." };
  if (r.reason === "final") return { ok: false, fieldErrors: {}, formError: "This summary is finalized. Start an amendment to change it." };
  return NOT_FOUND;
}

/** Save any pending edits, then sign the summary. */
export async function finalizeSummaryAction(visitId: unknown, input: unknown, baseVersion: unknown): Promise<SummaryActionResult> {
  const actor = await requireClinician();
  if (typeof visitId !== "string" || !isUuid(visitId) || badVersion(baseVersion)) return NOT_FOUND;
  const saved = await saveSummaryEditsAction(visitId, input, baseVersion);
  if (!saved.ok) return saved;
  const r = await finalizeSummary(actor, visitId, await requestMeta(), saved.version);
  if (r.ok || r.reason === "already-finalized") {
    revalidatePath(`/visits/${visitId}/summary`);
    return { ok: true, version: null };
  }
  if (r.reason === "incomplete") return { ok: false, fieldErrors: {}, formError: "The summary cannot be finalized yet: the intake or the exam is missing." };
  if (r.reason === "conflict")
    return { ok: false, fieldErrors: {}, formError: "Not finalized: a colleague changed this summary meanwhile. Reload to see their changes." };
  return NOT_FOUND;
}

export async function amendSummaryAction(visitId: unknown): Promise<SummaryActionResult> {
  const actor = await requireClinician();
  if (typeof visitId !== "string" || !isUuid(visitId)) return NOT_FOUND;
  const r = await amendSummary(actor, visitId, await requestMeta());
  if (!r.ok)
    return { ok: false, fieldErrors: {}, formError: r.reason === "not-final" ? "An amendment is already in progress." : "This visit could not be found." };
  revalidatePath(`/visits/${visitId}/summary`);
  return { ok: true, version: null };
}
