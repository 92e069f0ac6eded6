"use server";

import { redirect } from "next/navigation";
import { requestMeta } from "@/lib/auth/session";
import { optOutOfEmail } from "@/lib/data/messages";

/** The opt-out button (a POST, so a mail scanner opening the link opts nobody out). */
export async function optOutAction(token: unknown): Promise<void> {
  const r = typeof token === "string" ? await optOutOfEmail(token, await requestMeta()) : { ok: false };
  redirect(r.ok ? "/o/done" : "/o/invalid");
}
