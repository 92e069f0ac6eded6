import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInWithPassword, SESSION_ABSOLUTE_HOURS } from "../data/users";
import { loginSchema } from "../forms/login-schema";

/**
 * next-auth 4 with the credentials provider. It supports only JWT sessions, which cannot be revoked, so the
 * JWT carries nothing but the id of a server-side AuthSession row; lib/auth/session.ts checks that row on
 * every request (docs/decisions/0003-sessions.md).
 */
export const authOptions: AuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_HOURS * 3600, updateAge: 0 },
  jwt: { maxAge: SESSION_ABSOLUTE_HOURS * 3600 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = loginSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
        const result = await signInWithPassword(parsed.data.email, parsed.data.password, {
          ip: clientIp(headers),
          userAgent: headers["user-agent"] ?? null,
        });
        if (!result.ok) return null;
        return { id: result.userId, name: result.name, email: result.email, sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && "sid" in user) token.sid = user.sid as string;
      return token;
    },
    session({ session }) {
      // The browser never needs more than a name; roles and clinic are re-read on the server each request.
      return { expires: session.expires, user: { name: session.user?.name } };
    },
  },
};

/** The client's address as the nearest proxy saw it (used for the audit trail and rate limits). */
export function clientIp(headers: Record<string, string | undefined> | Headers): string | null {
  const get = (k: string) => (headers instanceof Headers ? headers.get(k) : headers[k]) ?? undefined;
  const forwarded = get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim();
  return get("x-real-ip") ?? null;
}
