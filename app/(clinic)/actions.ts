"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/cookies";
import { currentSession, requestMeta } from "@/lib/auth/session";
import { revokeSession } from "@/lib/data/users";

async function endSession(reason: "sign-out" | "idle") {
  const s = await currentSession();
  if (s) await revokeSession(s.sessionId, await requestMeta(), reason);
  const jar = await cookies();
  for (const name of SESSION_COOKIE_NAMES) if (jar.get(name)) jar.delete(name);
}

/** Sign out: end the session on the server (its cookie is refused from the next request on), then drop it. */
export async function signOutAction() {
  await endSession("sign-out");
  redirect("/login?signed-out=1");
}

/** The idle guard's end: the same as signing out, without a redirect (the page navigates itself). */
export async function endIdleSessionAction(): Promise<void> {
  await endSession("idle");
}

/** The idle guard's keep-alive: checking the session refreshes its last-seen time on the server. */
export async function keepAliveAction(): Promise<{ ok: boolean }> {
  return { ok: !!(await currentSession()) };
}
