import "server-only";
import { db } from "../db";

// Sliding-window limits kept in PostgreSQL (RateLimitHit), so they hold across any number of app instances
// and restarts. Buckets name what is counted: "signin:ip:203.0.113.9", "signin:account:ana@clinic.example".

export interface Limit {
  max: number;
  windowMs: number;
}

const MINUTES = 60_000;

/** Issue 6 / security-requirements §2 #3: at most 10 failed sign-ins per 15 minutes per address and per
 * account (well under ASVS 6.3.1's 100 an hour). */
export const SIGN_IN_FAILURES: Limit = { max: 10, windowMs: 15 * MINUTES };
/** Wrong current passwords on the change-password form, per account. */
export const PASSWORD_CHECK_FAILURES: Limit = { max: 10, windowMs: 15 * MINUTES };
/** Invite links that do not work (made-up, expired, used), per address: guessing tokens is pointless at
 * 256 bits, but a scanner should still be slowed (security-requirements §4.6). */
export const BAD_INVITES_PER_IP: Limit = { max: 20, windowMs: 15 * MINUTES };
/** Invite links opened per address, working or not: a clinic's waiting-room tablet opens a few an hour. */
export const INVITES_PER_IP: Limit = { max: 60, windowMs: 15 * MINUTES };
/** Wrong dates of birth per address, across every link and browser (each browser and link has its own
 * smaller limit in lib/data/intake.ts). */
export const DOB_FAILURES_PER_IP: Limit = { max: 10, windowMs: 15 * MINUTES };

/** The address part of a bucket: a request whose address is missing or malformed (lib/auth/client-ip.ts
 * answers null) counts under one shared key, so it can never skip a per-address limit. */
export const UNKNOWN_ADDRESS = "unknown";
const addr = (ip: string | null | undefined) => ip || UNKNOWN_ADDRESS;

export const bucket = {
  signInIp: (ip: string | null | undefined) => `signin:ip:${addr(ip)}`,
  signInAccount: (email: string) => `signin:account:${email.trim().toLowerCase()}`,
  passwordCheck: (userId: string) => `password:user:${userId}`,
  badInviteIp: (ip: string | null | undefined) => `invite-bad:ip:${addr(ip)}`,
  inviteIp: (ip: string | null | undefined) => `invite:ip:${addr(ip)}`,
  dobIp: (ip: string | null | undefined) => `dob:ip:${addr(ip)}`,
};

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

async function countIn(tx: Tx | ReturnType<typeof db>, b: string, limit: Limit, now: Date): Promise<number> {
  return tx.rateLimitHit.count({ where: { bucket: b, at: { gt: new Date(now.getTime() - limit.windowMs) } } });
}

/** Whether any of the buckets is already at its limit (a cheap check before doing real work). */
export async function isLimited(buckets: (string | null | undefined)[], limit: Limit, now = new Date()): Promise<boolean> {
  for (const b of buckets) if (b && (await countIn(db(), b, limit, now)) >= limit.max) return true;
  return false;
}

/**
 * Count one attempt against every bucket, unless one is at its limit (then null). The check and the insert
 * happen under per-bucket advisory locks, so twenty concurrent attempts cannot all slip under a limit of
 * ten. The caller gives the hits back with `releaseAttempt` when the attempt turns out not to count (a
 * successful sign-in).
 */
export async function reserveAttempt(buckets: (string | null | undefined)[], limit: Limit, now = new Date()): Promise<bigint[] | null> {
  const list = [...new Set(buckets.filter((b): b is string => !!b))].sort();
  const ids = await db().$transaction(async (tx) => {
    for (const b of list) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${b}, 0))`;
    for (const b of list) if ((await countIn(tx, b, limit, now)) >= limit.max) return null;
    const made: bigint[] = [];
    for (const b of list) made.push((await tx.rateLimitHit.create({ data: { bucket: b, at: now }, select: { id: true } })).id);
    return made;
  });
  // Old hits are useless: drop a day's worth now and then (no scheduler needed).
  if (ids && Math.random() < 0.01) await db().rateLimitHit.deleteMany({ where: { at: { lt: new Date(now.getTime() - 24 * 60 * MINUTES) } } });
  return ids;
}

export async function releaseAttempt(ids: bigint[] | null): Promise<void> {
  if (ids?.length) await db().rateLimitHit.deleteMany({ where: { id: { in: ids } } });
}

/** Record one hit (a failure already known to count). */
export async function recordHit(tx: Tx | ReturnType<typeof db>, b: string | null | undefined, now = new Date()): Promise<void> {
  if (b) await tx.rateLimitHit.create({ data: { bucket: b, at: now }, select: { id: true } });
}
