// Cookie names and flags, shared by next-auth's options, the sign-out action and proxy.ts (which only
// looks at whether a cookie is present). No server-only import: proxy.ts uses it.

/** Secure cookies whenever the app is served over HTTPS: in production, unless NEXTAUTH_URL says plain
 * http:// (the demo and the tests on loopback). */
export function secureCookies(): boolean {
  return process.env.NODE_ENV === "production" && !(process.env.NEXTAUTH_URL ?? "").startsWith("http://");
}

/** Over HTTPS the session cookie takes the __Host- prefix: Secure, path /, no Domain, so no other subdomain
 * can set or shadow it (ASVS 3.3.1). Plain HTTP cannot carry a prefixed cookie. */
export function sessionCookieName(secure = secureCookies()): string {
  return secure ? "__Host-next-auth.session-token" : "next-auth.session-token";
}

/** Every name a session cookie may have had (sign-out deletes them all; proxy.ts checks for any). */
export const SESSION_COOKIE_NAMES = ["next-auth.session-token", "__Secure-next-auth.session-token", "__Host-next-auth.session-token"];
