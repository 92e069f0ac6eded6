"use server";

import { revalidatePath } from "next/cache";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import type { SummaryEdits } from "@/lib/assessment/edits";
import { summaryEditsSchema } from "@/lib/assessment/edits-schema";
import { getClinicWords } from "@/lib/data/clinics";
import { isUuid } from "@/lib/data/patients";
import { amendSummary, finalizeSummary, saveSummaryEdits } from "@/lib/data/summaries";
import { MAX_INT4 } from "@/lib/forms/input-hygiene";
import { validate } from "@/lib/forms/validate";
import { format } from "@/lib/i18n/format";
import { formatKmFigure } from "@/lib/i18n/format-staff";
import { summaryEditLabelIn } from "@/components/summary/summary-validation";

export type SummaryActionResult =
  | { ok: true; version: number | null }
  | { ok: false; fieldErrors: Record<string, string>; formError: string }
  | { ok: false; conflict: { edits: SummaryEdits; version: number }; formError: string };

const notFound = (formError: string) => ({ ok: false as const, fieldErrors: {}, formError });

function badVersion(v: unknown): boolean {
  // A version the database can hold (int4); larger numbers would fail in SQL instead of being refused here.
  return !(v === null || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_INT4));
}

export async function saveSummaryEditsAction(visitId: unknown, input: unknown, baseVersion: unknown): Promise<SummaryActionResult> {
  const actor = await requireClinician();
  const { t: words, locale } = await getClinicWords(actor);
  const t = words.summary.actions;
  if (typeof visitId !== "string" || !isUuid(visitId) || badVersion(baseVersion)) return notFound(t.visitNotFound);
  const parsed = validate(summaryEditsSchema, input, summaryEditLabelIn(words.summary.labels), words.errors);
  if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, formError: t.needsCorrecting };
  const r = await saveSummaryEdits(actor, visitId, parsed.data, baseVersion as number | null, await requestMeta());
  if (r.ok) {
    revalidatePath(`/visits/${visitId}/summary`);
    return { ok: true, version: r.version };
  }
  if (r.reason === "conflict")
    return {
      ok: false,
      conflict: r.current,
      formError: t.conflict,
    };
  if (r.reason === "start-too-high") {
    // The limit the form checks too (lib/assessment/edits.ts, rtrStartProblem): the start below the current distance.
    const message = format(words.summary.editor.startKmProblem, { km: formatKmFigure(locale, r.belowKm) }, locale);
    return { ok: false, fieldErrors: { "rtrStart.weeklyKm": message }, formError: t.needsCorrecting };
  }
  if (r.reason === "final") return { ok: false, fieldErrors: {}, formError: t.finalized };
  return notFound(t.visitNotFound);
}

/** Save any pending edits, then sign the summary. */
export async function finalizeSummaryAction(visitId: unknown, input: unknown, baseVersion: unknown): Promise<SummaryActionResult> {
  const actor = await requireClinician();
  const t = (await getClinicWords(actor)).t.summary.actions;
  if (typeof visitId !== "string" || !isUuid(visitId) || badVersion(baseVersion)) return notFound(t.visitNotFound);
  const saved = await saveSummaryEditsAction(visitId, input, baseVersion);
  if (!saved.ok) return saved;
  const r = await finalizeSummary(actor, visitId, await requestMeta(), saved.version);
  if (r.ok || r.reason === "already-finalized") {
    revalidatePath(`/visits/${visitId}/summary`);
    return { ok: true, version: null };
  }
  if (r.reason === "incomplete") return { ok: false, fieldErrors: {}, formError: t.incomplete };
  if (r.reason === "conflict") return { ok: false, fieldErrors: {}, formError: t.finalizeConflict };
  return notFound(t.visitNotFound);
}

export async function amendSummaryAction(visitId: unknown): Promise<SummaryActionResult> {
  const actor = await requireClinician();
  const t = (await getClinicWords(actor)).t.summary.actions;
  if (typeof visitId !== "string" || !isUuid(visitId)) return notFound(t.visitNotFound);
  const r = await amendSummary(actor, visitId, await requestMeta());
  if (!r.ok) return { ok: false, fieldErrors: {}, formError: r.reason === "not-final" ? t.amendmentInProgress : t.visitNotFound };
  revalidatePath(`/visits/${visitId}/summary`);
  return { ok: true, version: null };
}
