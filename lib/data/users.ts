import "server-only";
import { db } from "../db";
import { dummyPasswordHash, hashPassword, verifyPassword } from "../auth/password";
import type { RequestMeta } from "./actors";
import { recordAudit } from "./audit";
import { resolveSettings } from "../assessment/settings";

export const SESSION_ABSOLUTE_HOURS = 12;

export type SignInResult =
  | { ok: true; userId: string; sessionId: string; name: string; email: string }
  | { ok: false; reason: "invalid" };

/**
 * Check an email and password and open a server-side session. A wrong email, a wrong password and a
 * disabled account all give the same answer in the same time (no account enumeration).
 */
export async function signInWithPassword(emailInput: string, password: string, meta: RequestMeta = {}): Promise<SignInResult> {
  const email = emailInput.trim().toLowerCase();
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, clinicId: true, name: true, email: true, passwordHash: true, disabled: true, sessionVersion: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !passwordOk || user.disabled) {
    await db().$transaction((tx) =>
      recordAudit(tx, {
        actor: { kind: "anonymous" },
        action: "sign-in-failed",
        clinicId: user?.clinicId ?? null,
        recordType: user ? "User" : undefined,
        recordId: user?.id,
        outcome: "failed",
        details: { reason: !user ? "unknown-email" : user.disabled ? "disabled" : "wrong-password" },
        meta,
      }),
    );
    return { ok: false, reason: "invalid" };
  }
  const session = await db().$transaction(async (tx) => {
    const s = await tx.authSession.create({
      data: {
        userId: user.id,
        sessionVersion: user.sessionVersion,
        expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_HOURS * 3600_000),
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: { kind: "system" },
      action: "sign-in",
      clinicId: user.clinicId,
      recordType: "User",
      recordId: user.id,
      details: { sessionId: s.id },
      meta,
    });
    return s;
  });
  return { ok: true, userId: user.id, sessionId: session.id, name: user.name, email: user.email };
}

export interface SessionUser {
  userId: string;
  clinicId: string;
  role: "ADMIN" | "CLINICIAN";
  name: string;
  sessionId: string;
}

export type SessionCheck = { ok: true; user: SessionUser } | { ok: false; reason: "missing" | "revoked" | "expired" | "idle" | "disabled" | "stale" };

/** Refresh lastSeenAt at most this often: the idle timeout is minutes, a write per request is waste. */
const LAST_SEEN_RESOLUTION_MS = 30_000;

/**
 * The server-side check behind every clinician page, action and route: the session exists, is not
 * revoked, within its absolute and idle limits, and carries the user's current sessionVersion (which
 * sign-out-everywhere, a password or role change and disabling all bump).
 */
export async function checkSession(sessionId: string, now = new Date()): Promise<SessionCheck> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return { ok: false, reason: "missing" };
  const s = await db().authSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      sessionVersion: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { id: true, clinicId: true, role: true, name: true, disabled: true, sessionVersion: true, clinic: { select: { settings: true } } } },
    },
  });
  if (!s) return { ok: false, reason: "missing" };
  if (s.revokedAt) return { ok: false, reason: "revoked" };
  if (s.user.disabled) return { ok: false, reason: "disabled" };
  if (s.sessionVersion !== s.user.sessionVersion) return { ok: false, reason: "stale" };
  if (s.expiresAt <= now) return { ok: false, reason: "expired" };
  const idleMs = resolveSettings(s.user.clinic.settings).idleTimeoutMinutes * 60_000;
  if (now.getTime() - s.lastSeenAt.getTime() > idleMs) {
    await db().authSession.update({ where: { id: s.id }, data: { revokedAt: now } });
    return { ok: false, reason: "idle" };
  }
  if (now.getTime() - s.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db().authSession.update({ where: { id: s.id }, data: { lastSeenAt: now } });
  }
  return { ok: true, user: { userId: s.user.id, clinicId: s.user.clinicId, role: s.user.role, name: s.user.name, sessionId: s.id } };
}

export async function revokeSession(sessionId: string, meta: RequestMeta = {}) {
  await db().$transaction(async (tx) => {
    const s = await tx.authSession.update({
      where: { id: sessionId },
      data: { revokedAt: new Date() },
      select: { userId: true, user: { select: { clinicId: true } } },
    });
    await recordAudit(tx, {
      actor: { kind: "system" },
      action: "sign-out",
      clinicId: s.user.clinicId,
      recordType: "User",
      recordId: s.userId,
      details: { sessionId },
      meta,
    });
  });
}

/** Create a clinician or admin account (the CLI in scripts/create-user.ts and the demo seed use this). */
export async function createUser(input: { clinicId: string; email: string; name: string; password: string; role: "ADMIN" | "CLINICIAN"; mustChangePassword?: boolean }) {
  const passwordHash = await hashPassword(input.password);
  return db().user.create({
    data: {
      clinicId: input.clinicId,
      email: input.email.trim().toLowerCase(),
      name: input.name,
      role: input.role,
      passwordHash,
      mustChangePassword: input.mustChangePassword ?? false,
    },
    select: { id: true, email: true },
  });
}
