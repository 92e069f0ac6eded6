"use server";

import { revalidatePath } from "next/cache";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { newIntakeLink, reopenIntake } from "@/lib/data/intake-clinic";
import { isUuid } from "@/lib/data/patients";
import { requestOrigin } from "@/lib/request-origin";

export type ReopenIntakeActionResult = { ok: true; link: string; expiresAt: string } | { ok: false; formError: string };

/** Reopen the submitted intake for corrections: a fresh link for the patient, returned once to copy. */
export async function reopenIntakeAction(visitId: unknown): Promise<ReopenIntakeActionResult> {
  const actor = await requireClinician();
  if (typeof visitId !== "string" || !isUuid(visitId)) return { ok: false, formError: "This visit could not be found." };
  const r = await reopenIntake(actor, visitId, await requestMeta());
  if (!r.ok) return { ok: false, formError: r.reason === "not-submitted" ? "There is no submitted intake to reopen." : "This visit could not be found." };
  revalidatePath(`/visits/${visitId}`);
  return { ok: true, link: `${await requestOrigin()}/i/${r.token}`, expiresAt: r.expiresAt };
}

/** A new link for an intake not sent yet (the first expired or was lost); earlier links stop working. */
export async function newIntakeLinkAction(visitId: unknown): Promise<ReopenIntakeActionResult> {
  const actor = await requireClinician();
  if (typeof visitId !== "string" || !isUuid(visitId)) return { ok: false, formError: "This visit could not be found." };
  const r = await newIntakeLink(actor, visitId, await requestMeta());
  if (!r.ok)
    return {
      ok: false,
      formError: r.reason === "submitted" ? "The patient has sent the intake; reopen it for corrections to get a new link." : "This visit could not be found.",
    };
  revalidatePath(`/visits/${visitId}`);
  return { ok: true, link: `${await requestOrigin()}/i/${r.token}`, expiresAt: r.expiresAt };
}
