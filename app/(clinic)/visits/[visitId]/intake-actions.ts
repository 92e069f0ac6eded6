"use server";

import { revalidatePath } from "next/cache";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { getClinicWords } from "@/lib/data/clinics";
import { newIntakeLink, reopenIntake } from "@/lib/data/intake-clinic";
import { isUuid } from "@/lib/data/patients";
import { requestOrigin } from "@/lib/request-origin";

export type ReopenIntakeActionResult = { ok: true; link: string; expiresAt: string } | { ok: false; formError: string };

/** Reopen the submitted intake for corrections: a fresh link for the patient, returned once to copy. */
export async function reopenIntakeAction(visitId: unknown): Promise<ReopenIntakeActionResult> {
  const actor = await requireClinician();
  const t = (await getClinicWords(actor)).t.visit.actions;
  if (typeof visitId !== "string" || !isUuid(visitId)) return { ok: false, formError: t.visitNotFound };
  const r = await reopenIntake(actor, visitId, await requestMeta());
  if (!r.ok) return { ok: false, formError: r.reason === "not-submitted" ? t.nothingToReopen : t.visitNotFound };
  revalidatePath(`/visits/${visitId}`);
  return { ok: true, link: `${await requestOrigin()}/i/${r.token}`, expiresAt: r.expiresAt };
}

/** A new link for an intake not sent yet (the first expired or was lost); earlier links stop working. */
export async function newIntakeLinkAction(visitId: unknown): Promise<ReopenIntakeActionResult> {
  const actor = await requireClinician();
  const t = (await getClinicWords(actor)).t.visit.actions;
  if (typeof visitId !== "string" || !isUuid(visitId)) return { ok: false, formError: t.visitNotFound };
  const r = await newIntakeLink(actor, visitId, await requestMeta());
  if (!r.ok)
    return {
      ok: false,
      formError: r.reason === "submitted" ? t.alreadySubmitted : t.visitNotFound,
    };
  revalidatePath(`/visits/${visitId}`);
  return { ok: true, link: `${await requestOrigin()}/i/${r.token}`, expiresAt: r.expiresAt };
}
