import "server-only";
import { cookies } from "next/headers";
import { secureCookies } from "./cookies";
import { getIntakeSession, type IntakeSessionState } from "../data/intake-link";

/** The patient's intake session cookie: HttpOnly, SameSite=Lax (the link arrives from another site). */
export const INTAKE_COOKIE = "stride_intake";
/** While the patient answers the follow-up questions started from My plan: the plan's own session, kept
 * aside so "Back to My plan" returns without asking for the date of birth again. */
export const PLAN_RETURN_COOKIE = "stride_plan";

export function intakeCookieOptions(expires: Date) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    // Secure in production unless the deployment says it is plain HTTP (the demo on localhost).
    secure: secureCookies(),
    path: "/",
    expires,
  };
}

/** The patient's session from the cookie, checked against the database on every request. */
export async function currentIntakeSession(): Promise<IntakeSessionState> {
  const jar = await cookies();
  return getIntakeSession(jar.get(INTAKE_COOKIE)?.value);
}
