// A server-side session row for a known user, without a password round trip (tests and the seed).
import { db } from "../lib/db";
import { SESSION_ABSOLUTE_HOURS } from "../lib/data/users";

export async function openSessionForUser(userId: string): Promise<string> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  const s = await db().authSession.create({
    data: { userId, sessionVersion: user.sessionVersion, expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_HOURS * 3600_000) },
    select: { id: true },
  });
  return s.id;
}
