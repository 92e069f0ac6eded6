"use server";

import { revalidatePath } from "next/cache";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { resendMessage } from "@/lib/data/messages";
import { isUuid } from "@/lib/data/patients";

export type ResendActionResult = { ok: true } | { ok: false; formError: string };

const REASONS = {
  "not-found": "This message could not be found.",
  "no-email": "The patient has no email address on file, or asked for no email.",
  "rate-limited": "This visit has had several messages in the last hour; try again later.",
  "use-new-link": "Make a new intake link to send the invitation again.",
} as const;

/** "Send again" for a message on the visit page: a new message of the same kind (audited, rate-limited). */
export async function resendMessageAction(visitId: unknown, messageId: unknown): Promise<ResendActionResult> {
  const actor = await requireClinician();
  if (typeof visitId !== "string" || !isUuid(visitId) || typeof messageId !== "string") return { ok: false, formError: REASONS["not-found"] };
  const r = await resendMessage(actor, messageId, await requestMeta());
  if (!r.ok) return { ok: false, formError: REASONS[r.reason] };
  revalidatePath(`/visits/${visitId}`);
  return { ok: true };
}
