"use server";

import { revalidatePath } from "next/cache";
import { requestMeta, requireAdmin } from "@/lib/auth/session";
import { retryDeadLetter } from "@/lib/data/messages";

/** Put a dead letter back in the queue (admins only; audited). Used as a form action. */
export async function retryDeadLetterAction(form: FormData): Promise<void> {
  const admin = await requireAdmin();
  const id = form.get("messageId");
  if (typeof id === "string") await retryDeadLetter(admin, id, await requestMeta());
  revalidatePath("/admin/messages");
}
