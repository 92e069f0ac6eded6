"use server";

import { revalidatePath } from "next/cache";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { getClinicWords } from "@/lib/data/clinics";
import { resendMessage } from "@/lib/data/messages";
import { isUuid } from "@/lib/data/patients";

export type ResendActionResult = { ok: true } | { ok: false; formError: string };

/** "Send again" for a message on the visit page: a new message of the same kind (audited, rate-limited). */
export async function resendMessageAction(visitId: unknown, messageId: unknown): Promise<ResendActionResult> {
  const actor = await requireClinician();
  const t = (await getClinicWords(actor)).t.visit.actions;
  const reasons = { "not-found": t.messageNotFound, "no-email": t.noEmail, "rate-limited": t.rateLimited, "use-new-link": t.useNewLink } as const;
  if (typeof visitId !== "string" || !isUuid(visitId) || typeof messageId !== "string") return { ok: false, formError: reasons["not-found"] };
  const r = await resendMessage(actor, messageId, await requestMeta());
  if (!r.ok) return { ok: false, formError: reasons[r.reason] };
  revalidatePath(`/visits/${visitId}`);
  return { ok: true };
}
