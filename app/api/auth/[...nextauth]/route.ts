import NextAuth from "next-auth";
import { decode, getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { clientIp } from "@/lib/auth/client-ip";
import { secureCookies, sessionCookieName } from "@/lib/auth/cookies";
import { DEVICE_COOKIE_DAYS, deviceCookieFrom, deviceCookieName, deviceToken, readDeviceToken } from "@/lib/auth/device";
import { revokeSession, sessionOwner, signInWait } from "@/lib/data/users";

const handler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

const metaOf = (req: NextRequest) => ({ ip: clientIp(req.headers), userAgent: req.headers.get("user-agent"), requestId: req.headers.get("x-request-id") });

/** The session cookie's value in next-auth's answer: "" when it cleared it, null when it did not touch it. */
function sessionCookieSet(res: Response): string | null {
  const name = sessionCookieName();
  const c = res.headers.getSetCookie().find((h) => h.startsWith(`${name}=`));
  return c === undefined ? null : c.slice(name.length + 1).split(";")[0]!;
}

/**
 * Sign-in attempts past a limit (docs/security.md, "Sign-in throttling") get HTTP 429 with Retry-After
 * before any password is checked. The body is what next-auth's client expects ({ url } with an error), so
 * the sign-in form can say to wait. authorize() counts each attempt under a lock, so this check is the
 * cheap early answer, not the only one. A successful sign-in gets the known-device cookie
 * (lib/auth/device.ts), which keeps its owner clear of the per-account ceiling next time.
 *
 * next-auth's own sign-out (POST /api/auth/signout, and its GET confirmation page that posts there) only
 * clears the cookie; the JWT inside it would still name a live server-side session. So when next-auth
 * accepted the sign-out (its CSRF token was right and it cleared the cookie), the session the cookie
 * named is ended and audited, exactly as the app's own sign-out button does.
 */
async function POST(req: NextRequest, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  const route = nextauth.join("/");
  const secure = secureCookies();
  if (route === "callback/credentials") {
    const form = await req
      .clone()
      .formData()
      .catch(() => null);
    const email = form?.get("email");
    const deviceCookie = deviceCookieFrom(req.headers.get("cookie"), secure);
    if (typeof email === "string" && email.length <= 254) {
      const wait = await signInWait(email, metaOf(req), { deviceCookie });
      if (wait > 0) {
        return Response.json(
          { url: new URL("/login?error=rate-limited", req.url).toString() },
          { status: 429, headers: { "Retry-After": String(wait), "Cache-Control": "no-store" } },
        );
      }
    }
    const res = await handler(req, ctx);
    const jwt = sessionCookieSet(res);
    const token = jwt ? await decode({ token: jwt, secret: authOptions.secret! }).catch(() => null) : null;
    const userId = typeof token?.sid === "string" ? await sessionOwner(token.sid) : null;
    if (userId) {
      const known = readDeviceToken(deviceCookie);
      const value = deviceToken(userId, known?.userId === userId ? known.deviceId : undefined);
      res.headers.append(
        "Set-Cookie",
        `${deviceCookieName(secure)}=${value}; Path=/; Max-Age=${DEVICE_COOKIE_DAYS * 86400}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`,
      );
    }
    return res;
  }
  if (route === "signout") {
    const token = await getToken({ req, secret: authOptions.secret, cookieName: sessionCookieName() }).catch(() => null);
    const res = await handler(req, ctx);
    // next-auth clears the cookie (an empty value) only after its CSRF check passed.
    if (sessionCookieSet(res) === "" && typeof token?.sid === "string") await revokeSession(token.sid, metaOf(req), "sign-out");
    return res;
  }
  return handler(req, ctx);
}

export { handler as GET, POST };
