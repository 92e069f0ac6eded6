import type { StaffRole } from "./actors";
import "server-only";
import { db, sql } from "../db";
import { dummyPasswordHash, hashPassword, verifyPassword } from "../auth/password";
import { passwordProblem, type PasswordProblem } from "../auth/password-policy";
import { newTotpSecret, otpauthUri, verifyTotp } from "../auth/totp";
import type { RequestMeta, StaffActor } from "./actors";
import { recordAudit } from "./audit";
import { resolveSettings } from "../assessment/settings";
import { readDeviceToken } from "../auth/device";
import { openTotpSecret, sealTotpSecret } from "./sealed";
import { mintActor } from "./actor-mint";
import {
  bucket,
  clearBuckets,
  PASSWORD_CHECK_FAILURES,
  releaseAttempt,
  reserveAttempt,
  reserveChecked,
  SIGN_IN_DEVICE_FAILURES,
  SIGN_IN_FAILURES,
  SIGN_IN_PAIR_FAILURES,
  waitBefore,
  type Check,
} from "./rate-limits";

/** Absolute session limit (security-requirements §2 #9, ONC §170.315(d)(5)); the idle limit is a clinic setting. */
export const SESSION_ABSOLUTE_HOURS = 12;

export type SignInResult =
  | { ok: true; userId: string; sessionId: string; name: string; email: string }
  | { ok: false; reason: "invalid" | "totp-required" | "totp-invalid" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

const staffActor = (u: { id: string; clinicId: string; role: StaffRole; name: string }, sessionId: string): StaffActor =>
  u.role === "ADMIN"
    ? mintActor({ kind: "admin", userId: u.id, clinicId: u.clinicId, role: "ADMIN", name: u.name, sessionId })
    : mintActor({ kind: "clinician", userId: u.id, clinicId: u.clinicId, role: "CLINICIAN", name: u.name, sessionId });

/** What the browser brings besides the form: its known-device cookie's value, and (tests) the clock. */
export interface SignInContext {
  deviceCookie?: string | null;
  now?: Date;
}

/**
 * The limits one sign-in attempt is counted against (docs/security.md, "Sign-in throttling"): its address
 * (10 failures per 15 minutes, across accounts); the account from that address (growing delays from the
 * fourth failure); and either the account as a whole (10 per 15 minutes, from anywhere) or, for a browser
 * with the account's known-device cookie, that device instead. So someone guessing from many addresses
 * fills the account's ceiling, which stops them, but not the owner's usual browser.
 */
function signInChecks(email: string, ip: string | null | undefined, deviceId: string | null): Check[] {
  return [
    { bucket: bucket.signInIp(ip), limit: SIGN_IN_FAILURES },
    { bucket: bucket.signInPair(email, ip), limit: SIGN_IN_PAIR_FAILURES },
    deviceId ? { bucket: bucket.signInDevice(deviceId), limit: SIGN_IN_DEVICE_FAILURES } : { bucket: bucket.signInAccount(email), limit: SIGN_IN_FAILURES },
  ];
}

/** The device id of a known-device cookie, when it was made here for this account. */
function knownDevice(user: { id: string } | null, cookie: string | null | undefined, now: Date): string | null {
  const d = readDeviceToken(cookie, now);
  return d && user && d.userId === user.id ? d.deviceId : null;
}

/** Seconds to wait before the next sign-in attempt may be checked (0: go ahead). A cheap read, before any
 * password hashing; signInWithPassword counts under locks, so this is not the only check. */
export async function signInWait(emailInput: string, meta: RequestMeta = {}, ctx: SignInContext = {}): Promise<number> {
  const email = emailInput.trim().toLowerCase();
  const now = ctx.now ?? new Date();
  const user = ctx.deviceCookie ? await db().user.findUnique({ where: { email }, select: { id: true } }) : null;
  return Math.ceil((await waitBefore(signInChecks(email, meta.ip, knownDevice(user, ctx.deviceCookie, now)), now)) / 1000);
}

/**
 * Check an email, a password and (when the account has two-factor sign-in) a TOTP code, and open a
 * server-side session. A wrong email, a wrong password and a disabled account all give the same answer in
 * the same time (no account enumeration). For an account with two-factor sign-in the answer never tells
 * whether the password was right: without a code it is "totp-required" either way, with a code a wrong
 * password and a wrong code both answer "totp-invalid" (no password oracle). Each attempt is counted
 * before the password is checked (signInChecks), right passwords without a code included; only a
 * completed sign-in gives its attempt back and clears its address's growing delay.
 */
export async function signInWithPassword(
  emailInput: string,
  password: string,
  meta: RequestMeta = {},
  totp?: string,
  ctx: SignInContext = {},
): Promise<SignInResult> {
  const email = emailInput.trim().toLowerCase();
  const now = ctx.now ?? new Date();
  const user = await db().user.findUnique({
    where: { email },
    select: {
      id: true,
      clinicId: true,
      name: true,
      email: true,
      role: true,
      passwordHash: true,
      disabled: true,
      sessionVersion: true,
      totpSecret: true,
      totpEnabledAt: true,
      totpLastStep: true,
    },
  });
  const deviceId = knownDevice(user, ctx.deviceCookie, now);
  const reserved = await reserveChecked(signInChecks(email, meta.ip, deviceId), now);
  if ("waitMs" in reserved) return { ok: false, reason: "rate-limited", retryAfterSeconds: Math.ceil(reserved.waitMs / 1000) };
  const hits = reserved.ids;
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const fail = async (reason: string) => {
    await db().$transaction((tx) =>
      recordAudit(tx, {
        actor: { kind: "anonymous" },
        action: "sign-in-failed",
        outcome: "failed",
        clinicId: user?.clinicId ?? null,
        recordType: user ? "User" : undefined,
        recordId: user?.id,
        details: { reason },
        meta,
      }),
    );
  };
  const twoFactor = !!(user && !user.disabled && user.totpEnabledAt && user.totpSecret);
  if (twoFactor && !totp) {
    // The same answer for a right and a wrong password, and the attempt stays counted either way.
    if (!passwordOk) await fail("wrong-password");
    return { ok: false, reason: "totp-required" };
  }
  if (!user || !passwordOk || user.disabled) {
    await fail(!user ? "unknown-email" : user.disabled ? "disabled" : "wrong-password");
    return { ok: false, reason: twoFactor ? "totp-invalid" : "invalid" };
  }
  let totpStep: number | null = null;
  if (twoFactor) {
    totpStep = verifyTotp(openTotpSecret(user.totpSecret!), totp!, user.totpLastStep);
    if (totpStep === null) {
      await fail("wrong-totp");
      return { ok: false, reason: "totp-invalid" };
    }
  }
  const session = await db().$transaction(async (tx) => {
    if (totpStep !== null) {
      // Conditional on the last step, so two racing requests cannot both use one code.
      const used = await tx.user.updateMany({
        where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: totpStep } }] },
        data: { totpLastStep: totpStep },
      });
      if (used.count === 0) return null;
    }
    const s = await tx.authSession.create({
      data: { userId: user.id, sessionVersion: user.sessionVersion, expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_HOURS * 3600_000) },
      select: { id: true },
    });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() }, select: { id: true } });
    await recordAudit(tx, {
      actor: staffActor(user, s.id),
      action: "sign-in",
      recordType: "User",
      recordId: user.id,
      details: { sessionId: s.id, twoFactor: totpStep !== null, knownDevice: !!deviceId },
      meta,
    });
    return s;
  });
  if (!session) {
    await fail("reused-totp");
    return { ok: false, reason: "totp-invalid" };
  }
  await releaseAttempt(hits);
  // The owner made it from here: this address's (and device's) growing delay starts over.
  await clearBuckets(db(), [bucket.signInPair(email, meta.ip), ...(deviceId ? [bucket.signInDevice(deviceId)] : [])]);
  return { ok: true, userId: user.id, sessionId: session.id, name: user.name, email: user.email };
}

/** Forget an account's sign-in failures (the account's ceiling and every address's delay): an admin's
 * "unblock" and a password reset. */
export function clearSignInFailures(tx: Parameters<typeof clearBuckets>[0], email: string): Promise<number> {
  return clearBuckets(tx, [bucket.signInAccount(email)], [bucket.signInPairsOf(email)]);
}

/** What a session must do before it may open anything else. */
export type SessionPending = "change-password" | "enroll-totp" | null;

export interface SessionUser {
  userId: string;
  clinicId: string;
  role: StaffRole;
  name: string;
  email: string;
  sessionId: string;
  pending: SessionPending;
  idleTimeoutMinutes: number;
  twoFactorEnabled: boolean;
  /** The clinic's language, read in the same statement (it words every staff page and action). */
  clinicLocale: string;
}

export type SessionCheck = { ok: true; user: SessionUser } | { ok: false; reason: "missing" | "revoked" | "expired" | "idle" | "disabled" | "stale" };

interface SessionRow {
  id: string;
  sessionVersion: number;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  userId: string;
  clinicId: string;
  role: StaffRole;
  name: string;
  email: string;
  disabled: boolean;
  userSessionVersion: number;
  mustChangePassword: boolean;
  totpEnabledAt: Date | null;
  settings: unknown;
  locale: string;
}

/** Refresh lastSeenAt at most this often: the idle timeout is minutes, a write per request is waste. */
const LAST_SEEN_RESOLUTION_MS = 30_000;

/**
 * The server-side check behind every staff page, action and route: the session exists, is not revoked,
 * within its absolute and idle limits, and carries the user's current sessionVersion (which a password or
 * role change, disabling, a two-factor reset and sign-out-everywhere all bump). Role, clinic and what the
 * session still has to do are read from the database each time, never from the cookie.
 */
export async function checkSession(sessionId: string, now = new Date()): Promise<SessionCheck> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return { ok: false, reason: "missing" };
  // One statement on every staff request (ADR 0013): Prisma made three here, about 3 ms of CPU.
  const [s] = await sql<SessionRow>(
    `SELECT s.id, s."sessionVersion", s."lastSeenAt", s."expiresAt", s."revokedAt",
            u.id AS "userId", u."clinicId", u.role::text AS role, u.name, u.email, u.disabled,
            u."sessionVersion" AS "userSessionVersion", u."mustChangePassword", u."totpEnabledAt", c.settings, c.locale
       FROM "AuthSession" s JOIN "User" u ON u.id = s."userId" JOIN "Clinic" c ON c.id = u."clinicId"
      WHERE s.id = $1`,
    [sessionId],
  );
  if (!s) return { ok: false, reason: "missing" };
  if (s.revokedAt) return { ok: false, reason: "revoked" };
  if (s.disabled) return { ok: false, reason: "disabled" };
  if (s.sessionVersion !== s.userSessionVersion) return { ok: false, reason: "stale" };
  if (s.expiresAt <= now) return { ok: false, reason: "expired" };
  const settings = resolveSettings(s.settings);
  if (now.getTime() - s.lastSeenAt.getTime() > settings.idleTimeoutMinutes * 60_000) {
    await db().$transaction(async (tx) => {
      const ended = await tx.authSession.updateMany({ where: { id: s.id, revokedAt: null }, data: { revokedAt: now } });
      if (ended.count > 0) {
        await recordAudit(tx, {
          actor: { kind: "system" },
          action: "session-ended",
          clinicId: s.clinicId,
          recordType: "User",
          recordId: s.userId,
          details: { sessionId: s.id, reason: "idle" },
        });
      }
    });
    return { ok: false, reason: "idle" };
  }
  if (now.getTime() - s.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db().authSession.update({ where: { id: s.id }, data: { lastSeenAt: now } });
  }
  const totpRequired = s.role === "ADMIN" || settings.requireClinicianTotp;
  const pending: SessionPending = s.mustChangePassword ? "change-password" : totpRequired && !s.totpEnabledAt ? "enroll-totp" : null;
  return {
    ok: true,
    user: {
      userId: s.userId,
      clinicId: s.clinicId,
      role: s.role,
      name: s.name,
      email: s.email,
      sessionId: s.id,
      pending,
      idleTimeoutMinutes: settings.idleTimeoutMinutes,
      twoFactorEnabled: !!s.totpEnabledAt,
      clinicLocale: s.locale,
    },
  };
}

/** The account a live session belongs to (the known-device cookie is made for it), or null. */
export async function sessionOwner(sessionId: string): Promise<string | null> {
  const s = await db().authSession.findUnique({ where: { id: sessionId }, select: { userId: true, revokedAt: true } });
  return s && !s.revokedAt ? s.userId : null;
}

export async function revokeSession(sessionId: string, meta: RequestMeta = {}, reason: "sign-out" | "idle" = "sign-out") {
  await db().$transaction(async (tx) => {
    const s = await tx.authSession.findUnique({ where: { id: sessionId }, select: { revokedAt: true, userId: true, user: { select: { clinicId: true } } } });
    if (!s || s.revokedAt) return;
    await tx.authSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      actor: { kind: "system" },
      action: "sign-out",
      clinicId: s.user.clinicId,
      recordType: "User",
      recordId: s.userId,
      details: { sessionId, reason },
      meta,
    });
  });
}

/** Create a clinician or admin account (the CLI in scripts/create-user.ts, the demo seed, tests; admins
 * use lib/data/admin.ts). */
export async function createUser(input: {
  clinicId: string;
  email: string;
  name: string;
  password: string;
  role: StaffRole;
  mustChangePassword?: boolean;
  totpSecret?: string;
}) {
  const passwordHash = await hashPassword(input.password);
  return db().user.create({
    data: {
      clinicId: input.clinicId,
      email: input.email.trim().toLowerCase(),
      name: input.name,
      role: input.role,
      passwordHash,
      mustChangePassword: input.mustChangePassword ?? false,
      ...(input.totpSecret ? { totpSecret: sealTotpSecret(input.totpSecret), totpEnabledAt: new Date() } : {}),
    },
    select: { id: true, email: true },
  });
}

export type ChangePasswordResult =
  { ok: true } | { ok: false; reason: "wrong-current" | "rate-limited" | "same" } | { ok: false; reason: "weak"; problem: PasswordProblem };

/**
 * Change one's own password. Every other session of the user ends at once (the session version moves on,
 * ASVS 7.4.3); the session making the change moves with it and stays signed in.
 */
export async function changeOwnPassword(actor: StaffActor, current: string, next: string, meta: RequestMeta = {}): Promise<ChangePasswordResult> {
  const hits = await reserveAttempt([bucket.passwordCheck(actor.userId)], PASSWORD_CHECK_FAILURES);
  if (!hits) return { ok: false, reason: "rate-limited" };
  const user = await db().user.findFirstOrThrow({
    where: { id: actor.userId, clinicId: actor.clinicId },
    select: { passwordHash: true, email: true, name: true },
  });
  if (!(await verifyPassword(user.passwordHash, current))) {
    await db().$transaction((tx) =>
      recordAudit(tx, {
        actor,
        action: "password-changed",
        outcome: "failed",
        recordType: "User",
        recordId: actor.userId,
        details: { reason: "wrong-current" },
        meta,
      }),
    );
    return { ok: false, reason: "wrong-current" };
  }
  await releaseAttempt(hits);
  if (current === next) return { ok: false, reason: "same" };
  const problem = passwordProblem(next, { email: user.email, name: user.name });
  if (problem) return { ok: false, reason: "weak", problem };
  const passwordHash = await hashPassword(next);
  await db().$transaction(async (tx) => {
    const u = await tx.user.update({
      where: { id: actor.userId },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await tx.authSession.update({ where: { id: actor.sessionId }, data: { sessionVersion: u.sessionVersion } });
    await recordAudit(tx, { actor, action: "password-changed", recordType: "User", recordId: actor.userId, meta });
  });
  return { ok: true };
}

export interface TotpEnrolment {
  secret: string;
  uri: string;
}

/** Start (or continue) setting up two-factor sign-in: a secret kept on the account but not yet in force. */
export async function beginTotpEnrolment(actor: StaffActor): Promise<TotpEnrolment | null> {
  const u = await db().user.findFirstOrThrow({
    where: { id: actor.userId, clinicId: actor.clinicId },
    select: { email: true, totpSecret: true, totpEnabledAt: true },
  });
  if (u.totpEnabledAt) return null;
  let secret = u.totpSecret ? openTotpSecret(u.totpSecret) : null;
  if (!secret) {
    secret = newTotpSecret();
    await db().user.updateMany({ where: { id: actor.userId, clinicId: actor.clinicId, totpEnabledAt: null }, data: { totpSecret: sealTotpSecret(secret) } });
  }
  return { secret, uri: otpauthUri(secret, u.email) };
}

/** Turn two-factor sign-in on once the user proves their app makes the right codes. */
export async function confirmTotpEnrolment(
  actor: StaffActor,
  code: string,
  meta: RequestMeta = {},
): Promise<{ ok: true } | { ok: false; reason: "wrong-code" | "rate-limited" | "not-started" }> {
  const hits = await reserveAttempt([bucket.passwordCheck(actor.userId)], PASSWORD_CHECK_FAILURES);
  if (!hits) return { ok: false, reason: "rate-limited" };
  const u = await db().user.findFirstOrThrow({ where: { id: actor.userId, clinicId: actor.clinicId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!u.totpSecret || u.totpEnabledAt) return { ok: false, reason: "not-started" };
  const step = verifyTotp(openTotpSecret(u.totpSecret), code, null);
  if (step === null) return { ok: false, reason: "wrong-code" };
  await releaseAttempt(hits);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { totpEnabledAt: new Date(), totpLastStep: step } });
    await recordAudit(tx, { actor, action: "totp-enabled", recordType: "User", recordId: actor.userId, meta });
  });
  return { ok: true };
}
