import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import type { AdminActor, ClinicianActor, RequestMeta, StaffActor } from "../data/actors";
import { recordDenied } from "../data/denials";
import { checkSession, type SessionUser } from "../data/users";
import { authOptions } from "./options";
import { clientIp } from "./client-ip";
import { sessionCookieName } from "./cookies";
import { mintActor } from "../data/actor-mint";

/** The session id inside the next-auth JWT cookie, or null. */
async function sessionIdFromCookie(): Promise<string | null> {
  const token = await getToken({
    req: { cookies: await cookies(), headers: await headers() } as never,
    secret: authOptions.secret,
    cookieName: sessionCookieName(),
  });
  return typeof token?.sid === "string" ? token.sid : null;
}

/**
 * The signed-in staff member's session, checked against the database (revocation, idle and absolute limits,
 * disabled account, session version), or null. It may still be `pending` (a password to change, two-factor
 * sign-in to set up). Cached per request.
 */
export const currentSession = cache(async (): Promise<SessionUser | null> => {
  const sid = await sessionIdFromCookie();
  if (!sid) return null;
  const check = await checkSession(sid);
  return check.ok ? check.user : null;
});

function toActor(u: SessionUser): StaffActor {
  const base = { userId: u.userId, clinicId: u.clinicId, name: u.name, sessionId: u.sessionId, clinicLocale: u.clinicLocale };
  return u.role === "ADMIN" ? mintActor({ kind: "admin", role: "ADMIN", ...base }) : mintActor({ kind: "clinician", role: "CLINICIAN", ...base });
}

/** A fully signed-in staff member (nothing pending), or a redirect: to sign-in, or to the page that
 * finishes what the session still has to do. For pages and actions open to both roles. */
export async function requireStaff(): Promise<StaffActor> {
  const s = await currentSession();
  if (!s) redirect("/login");
  if (s.pending === "change-password") redirect("/account/password");
  if (s.pending === "enroll-totp") redirect("/account/two-factor");
  return toActor(s);
}

/** The signed-in clinician, if this request has one (nothing pending, role clinician), or null. */
export const currentClinician = cache(async (): Promise<ClinicianActor | null> => {
  const s = await currentSession();
  if (!s || s.pending || s.role !== "CLINICIAN") return null;
  return toActor(s) as ClinicianActor;
});

/** A staff member of the wrong role: the refusal is audited, then 403. */
async function refuse(actor: StaffActor, what: string): Promise<never> {
  await recordDenied(actor, what, await requestMeta());
  forbidden();
}

/** For clinical pages and server actions: the clinician, or a redirect to sign-in, or 403 for an admin
 * (admins manage accounts and settings and do not open clinical records; docs/security.md). */
export async function requireClinician(): Promise<ClinicianActor> {
  const actor = await requireStaff();
  if (actor.kind !== "clinician") return refuse(actor, "clinical-records");
  return actor;
}

/** For admin pages and actions: the admin, or a redirect to sign-in, or 403 for a clinician. */
export async function requireAdmin(): Promise<AdminActor> {
  const actor = await requireStaff();
  if (actor.kind !== "admin") return refuse(actor, "admin");
  return actor;
}

/** For the account pages (change password, set up two-factor): any signed-in staff member, pending or not. */
export async function requireSignedIn(): Promise<{ actor: StaffActor; session: SessionUser }> {
  const s = await currentSession();
  if (!s) redirect("/login");
  return { actor: toActor(s), session: s };
}

export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return { ip: clientIp(h), userAgent: h.get("user-agent"), requestId: h.get("x-request-id") };
}
