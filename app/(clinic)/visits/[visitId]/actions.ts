"use server";

import { revalidatePath } from "next/cache";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { isUuid } from "@/lib/data/patients";
import { finalizeSummary } from "@/lib/data/summaries";

export type FinalizeActionResult = { ok: true } | { ok: false; formError: string };

export async function finalizeSummaryAction(visitId: string): Promise<FinalizeActionResult> {
  const actor = await requireClinician();
  if (typeof visitId !== "string" || !isUuid(visitId)) return { ok: false, formError: "This visit could not be found." };
  const r = await finalizeSummary(actor, visitId, await requestMeta());
  if (r.ok || r.reason === "already-finalized") {
    revalidatePath(`/visits/${visitId}/summary`);
    return { ok: true };
  }
  if (r.reason === "incomplete") return { ok: false, formError: "The summary cannot be finalized yet: the intake or the exam is missing." };
  return { ok: false, formError: "This visit could not be found." };
}
