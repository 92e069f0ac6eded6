"use server";

import { revalidatePath } from "next/cache";
import { requestMeta, requireAdmin } from "@/lib/auth/session";
import { retryDeadLetter } from "@/lib/data/messages";

/** Put a dead letter back in the queue (admins only; audited). A form action with the message id bound. */
export async function retryDeadLetterAction(messageId: unknown): Promise<void> {
  const admin = await requireAdmin();
  if (typeof messageId === "string") await retryDeadLetter(admin, messageId, await requestMeta());
  revalidatePath("/admin/messages");
}
