import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "./lib/auth/cookies";
import { checkActionRequest } from "./lib/http/action-body";

/**
 * Runs before every page and route. It sets the per-request Content-Security-Policy nonce, a request id,
 * and no-store caching; and it sends visitors without a session cookie to sign-in as a convenience.
 * It is NOT the security boundary: every page, action and data function checks the session itself
 * (CVE-2025-29927 showed why), so a request that skips this file still gets nothing.
 */
export async function proxy(req: NextRequest) {
  // A server action's body, before React's decoder reads it: too large → 413, unreadable or nested too
  // deep → 400, each with a plain message (lib/http/action-body.ts).
  if (req.method === "POST" && req.headers.has("next-action")) {
    const problem = await checkActionRequest(req);
    if (problem) {
      return new NextResponse(problem.message, {
        status: problem.status,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...(problem.status === 413 ? { Connection: "close" } : {}) },
      });
    }
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (React's style prop) need this; scripts never get 'unsafe-inline'.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const requestId = crypto.randomUUID();

  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-request-id", requestId);
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  requestHeaders.set("Content-Security-Policy", csp);

  const path = req.nextUrl.pathname;
  const isClinicPage = /^\/(patients|visits|admin|account)(\/|$)/.test(path);
  const hasSessionCookie = SESSION_COOKIE_NAMES.some((name) => req.cookies.has(name));
  const res =
    isClinicPage && !hasSessionCookie && req.method === "GET"
      ? NextResponse.redirect(new URL("/login", req.url))
      : NextResponse.next({ request: { headers: requestHeaders } });

  res.headers.set("Content-Security-Policy", csp);
  res.headers.set("x-request-id", requestId);
  // Pages carry health data: never stored by the browser or a proxy (print views included).
  res.headers.set("Cache-Control", "no-store, max-age=0");
  return res;
}

export const config = {
  // Everything except built assets (content-hashed, safe to cache) and the favicon.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
