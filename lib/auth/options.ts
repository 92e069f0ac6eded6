import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInWithPassword, SESSION_ABSOLUTE_HOURS } from "../data/users";
import { loginSchema } from "../forms/login-schema";
import { clientIp } from "./client-ip";
import { sessionCookieName, secureCookies } from "./cookies";
import { deviceCookieFrom } from "./device";

export { clientIp };

/** Reasons authorize() passes to the sign-in form (as next-auth's `error`); anything else is "wrong". */
export type SignInError = "rate-limited" | "totp-required" | "totp-invalid";

const secure = secureCookies();
const cookie = (name: string, httpOnly = true) => ({ name, options: { httpOnly, sameSite: "lax" as const, path: "/", secure } });

/**
 * next-auth 4 with the credentials provider. It supports only JWT sessions, which cannot be revoked, so the
 * JWT carries nothing but the id of a server-side AuthSession row; lib/auth/session.ts checks that row on
 * every request (docs/decisions/0003-sessions.md).
 */
export const authOptions: AuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_HOURS * 3600, updateAge: 0 },
  jwt: { maxAge: SESSION_ABSOLUTE_HOURS * 3600 },
  useSecureCookies: secure,
  // HttpOnly, SameSite=Lax, Secure over HTTPS, __Host- prefixed where the browser allows it (ASVS 3.3.1).
  cookies: {
    sessionToken: cookie(sessionCookieName(secure)),
    callbackUrl: cookie(secure ? "__Host-next-auth.callback-url" : "next-auth.callback-url"),
    csrfToken: cookie(secure ? "__Host-next-auth.csrf-token" : "next-auth.csrf-token"),
  },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        totp: { label: "Code", type: "text" },
      },
      async authorize(credentials, req) {
        const parsed = loginSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
        const result = await signInWithPassword(
          parsed.data.email,
          parsed.data.password,
          { ip: clientIp(headers), userAgent: headers["user-agent"] ?? null },
          parsed.data.totp || undefined,
          { deviceCookie: deviceCookieFrom(headers.cookie, secure) },
        );
        if (!result.ok) {
          if (result.reason === "invalid") return null;
          // next-auth hands an error's message to the form as `error` (one of SignInError).
          throw new Error(result.reason satisfies SignInError);
        }
        return { id: result.userId, name: result.name, email: result.email, sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // Only the server-side session's id; no name, email or role lives in the cookie.
      if (user && "sid" in user) return { sid: user.sid as string };
      return token;
    },
    session({ session }) {
      // The browser never needs more than a name; roles and clinic are re-read on the server each request.
      return { expires: session.expires, user: { name: session.user?.name } };
    },
  },
};
