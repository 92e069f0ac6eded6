import { NextResponse, type NextRequest } from "next/server";
import { INTAKE_COOKIE, intakeCookieOptions } from "@/lib/auth/intake-session";
import { clientIp } from "@/lib/auth/client-ip";
import { redeemInvite } from "@/lib/data/intake-link";
import { BAD_INVITES_PER_IP, bucket, INVITES_PER_IP, isLimited, reserveAttempt } from "@/lib/data/rate-limits";
import { linkProblemPage } from "@/lib/link-problem-page";
import { LANG_COOKIE } from "@/lib/i18n/patient-locale";
import { isLocale } from "@/lib/i18n/locales";

/**
 * The invite link. Its token is exchanged for a session cookie and the browser is sent to /intake, so the
 * token leaves the address bar and history at once (ASVS 14.2.1). A link that can no longer be used
 * answers with a clear page: 410 once submitted, expired, withdrawn or (a plan link) the patient discharged; 404 when it never existed; 429 after
 * too many links from one address (security-requirements §4.6: bad tokens are limited per address).
 */
export async function GET(req: NextRequest, ctx: { params: Promise<{ token: string }> }) {
  const { token } = await ctx.params;
  // An unknown link has no patient: the language this browser chose before, if any.
  const chosen = req.cookies.get(LANG_COOKIE)?.value;
  const browserLocale = isLocale(chosen) ? chosen : undefined;
  const ip = clientIp(req.headers);
  // Counted under a lock before the token is looked at (a missing address counts as "unknown", never as
  // none); a bad link also counts against the smaller bad-link limit, under its own lock.
  if ((await isLimited([bucket.badInviteIp(ip)], BAD_INVITES_PER_IP)) || !(await reserveAttempt([bucket.inviteIp(ip)], INVITES_PER_IP))) {
    return linkProblemPage("rate-limited", 429, browserLocale);
  }
  const result = await redeemInvite(token, { ip, userAgent: req.headers.get("user-agent") });
  if (!result.ok) await reserveAttempt([bucket.badInviteIp(ip)], BAD_INVITES_PER_IP);
  if (!result.ok) {
    return linkProblemPage(result.reason, result.reason === "invalid" ? 404 : 410, result.locale ?? browserLocale);
  }
  // A plan link (made when a summary is signed) opens "My plan"; the others the intake page.
  const res = NextResponse.redirect(new URL(result.purpose === "plan" ? "/plan" : "/intake", req.url), 303);
  res.cookies.set(INTAKE_COOKIE, result.sessionToken, intakeCookieOptions(result.expiresAt));
  res.headers.set("Cache-Control", "no-store");
  res.headers.set("Referrer-Policy", "no-referrer");
  return res;
}
