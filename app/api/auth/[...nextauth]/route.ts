import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { clientIp } from "@/lib/auth/client-ip";
import { signInLimited } from "@/lib/data/users";

const handler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

/**
 * Sign-in attempts past the limit (10 failures per 15 minutes per address and per account) get HTTP 429
 * before any password is checked. The body is what next-auth's client expects ({ url } with an error), so
 * the sign-in form can say to wait. authorize() counts each attempt under a lock, so this check is the
 * cheap early answer, not the only one.
 */
async function POST(req: NextRequest, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await req.clone().formData().catch(() => null);
    const email = form?.get("email");
    if (typeof email === "string" && email.length <= 254 && (await signInLimited(email, { ip: clientIp(req.headers) }))) {
      return Response.json(
        { url: new URL("/login?error=rate-limited", req.url).toString() },
        { status: 429, headers: { "Retry-After": String(15 * 60), "Cache-Control": "no-store" } },
      );
    }
  }
  return handler(req, ctx);
}

export { handler as GET, POST };
