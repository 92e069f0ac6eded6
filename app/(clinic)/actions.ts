"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { currentClinician, requestMeta } from "@/lib/auth/session";
import { revokeSession } from "@/lib/data/users";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/** Sign out: end the session on the server (its cookie is refused from the next request on), then drop it. */
export async function signOutAction() {
  const actor = await currentClinician();
  if (actor) await revokeSession(actor.sessionId, await requestMeta());
  const jar = await cookies();
  for (const name of SESSION_COOKIES) if (jar.get(name)) jar.delete(name);
  redirect("/login");
}
