import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { ClinicianActor, RequestMeta } from "../data/actors";
import { checkSession } from "../data/users";
import { authOptions, clientIp } from "./options";
import { getToken } from "next-auth/jwt";

/** The session id inside the next-auth JWT cookie, or null. */
async function sessionIdFromCookie(): Promise<string | null> {
  const token = await getToken({
    req: { cookies: await cookies(), headers: await headers() } as never,
    secret: authOptions.secret,
  });
  return typeof token?.sid === "string" ? token.sid : null;
}

/**
 * The signed-in clinician, checked against the database (revocation, idle and absolute limits, disabled
 * account, session version), or null. Cached per request.
 */
export const currentClinician = cache(async (): Promise<ClinicianActor | null> => {
  const sid = await sessionIdFromCookie();
  if (!sid) return null;
  const check = await checkSession(sid);
  if (!check.ok) return null;
  return { kind: "clinician", ...check.user };
});

/** For pages and server actions: the clinician, or a redirect to sign-in. */
export async function requireClinician(): Promise<ClinicianActor> {
  const actor = await currentClinician();
  if (!actor) redirect("/login");
  return actor;
}

export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return { ip: clientIp(h), userAgent: h.get("user-agent"), requestId: h.get("x-request-id") };
}
