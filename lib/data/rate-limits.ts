import "server-only";
import { db } from "../db";

// Sliding-window limits kept in PostgreSQL (RateLimitHit), so they hold across any number of app instances
// and restarts. Buckets name what is counted: "signin:ip:203.0.113.9", "signin:account:ana@clinic.example".

export interface Limit {
  max: number;
  windowMs: number;
  /** A wait after the nth failure in the window before the next attempt (growing delays), in ms. */
  delayMs?: (failures: number) => number;
}

const MINUTES = 60_000;

/** Issue 6 / security-requirements §2 #3: at most 10 failed sign-ins per 15 minutes per address and per
 * account (well under ASVS 6.3.1's 100 an hour). */
export const SIGN_IN_FAILURES: Limit = { max: 10, windowMs: 15 * MINUTES };
/** One account from one address: five failures in a row are free (typos), then each next attempt waits
 * twice as long as the last (5, 10, 20, 40, 80 s), within the same ceiling of 10 per 15 minutes. */
export const SIGN_IN_PAIR_FAILURES: Limit = { max: 10, windowMs: 15 * MINUTES, delayMs: (n) => (n < 5 ? 0 : 5_000 * 2 ** (n - 5)) };
/** Failures from a browser that carries the account's known-device cookie (lib/auth/device.ts): counted
 * under the device instead of the account, so guessing from elsewhere cannot lock its owner out. */
export const SIGN_IN_DEVICE_FAILURES: Limit = { max: 10, windowMs: 15 * MINUTES };
/** Wrong current passwords on the change-password form, per account. */
export const PASSWORD_CHECK_FAILURES: Limit = { max: 10, windowMs: 15 * MINUTES };
/** Invite links that do not work (made-up, expired, used), per address: guessing tokens is pointless at
 * 256 bits, but a scanner should still be slowed (security-requirements §4.6). */
export const BAD_INVITES_PER_IP: Limit = { max: 20, windowMs: 15 * MINUTES };
/** Invite links opened per address, working or not: a clinic's waiting-room tablet opens a few an hour. */
export const INVITES_PER_IP: Limit = { max: 60, windowMs: 15 * MINUTES };
/** Wrong dates of birth per address, across every link and browser (each browser and link has its own
 * smaller limit in lib/data/intake-link.ts). */
export const DOB_FAILURES_PER_IP: Limit = { max: 10, windowMs: 15 * MINUTES };

/** The address part of a bucket: a request whose address is missing or malformed (lib/auth/client-ip.ts
 * answers null) counts under one shared key, so it can never skip a per-address limit. */
export const UNKNOWN_ADDRESS = "unknown";
const addr = (ip: string | null | undefined) => ip || UNKNOWN_ADDRESS;

export const bucket = {
  signInIp: (ip: string | null | undefined) => `signin:ip:${addr(ip)}`,
  signInAccount: (email: string) => `signin:account:${email.trim().toLowerCase()}`,
  signInPair: (email: string, ip: string | null | undefined) => `signin:pair:${email.trim().toLowerCase()}|${addr(ip)}`,
  /** The prefix of every address's pair bucket for one account. */
  signInPairsOf: (email: string) => `signin:pair:${email.trim().toLowerCase()}|`,
  signInDevice: (deviceId: string) => `signin:device:${deviceId}`,
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

export interface Check {
  bucket: string;
  limit: Limit;
}

/** How long until an attempt may be made against this bucket (0: now). */
async function waitFor(tx: Tx | ReturnType<typeof db>, c: Check, now: Date): Promise<number> {
  const since = new Date(now.getTime() - c.limit.windowMs);
  const hits = await tx.rateLimitHit.findMany({ where: { bucket: c.bucket, at: { gt: since } }, select: { at: true }, orderBy: { at: "asc" } });
  if (hits.length >= c.limit.max) return hits[hits.length - c.limit.max]!.at.getTime() + c.limit.windowMs - now.getTime();
  const delay = c.limit.delayMs?.(hits.length) ?? 0;
  return delay && hits.length ? Math.max(0, hits[hits.length - 1]!.at.getTime() + delay - now.getTime()) : 0;
}

/** The longest wait any of the checks asks for (ms; 0 when an attempt may go ahead). Read only. */
export async function waitBefore(checks: Check[], now = new Date()): Promise<number> {
  let wait = 0;
  for (const c of checks) wait = Math.max(wait, await waitFor(db(), c, now));
  return wait;
}

/**
 * reserveAttempt with a limit (and growing delay) per bucket: counts one attempt against every bucket
 * under their advisory locks, or answers how long to wait (ms) without counting anything.
 */
export async function reserveChecked(checks: Check[], now = new Date()): Promise<{ ids: bigint[] } | { waitMs: number }> {
  const list = [...new Map(checks.map((c) => [c.bucket, c])).values()].sort((a, b) => a.bucket.localeCompare(b.bucket));
  return db().$transaction(async (tx) => {
    for (const c of list) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${c.bucket}, 0))`;
    let wait = 0;
    for (const c of list) wait = Math.max(wait, await waitFor(tx, c, now));
    if (wait > 0) return { waitMs: wait };
    const ids: bigint[] = [];
    for (const c of list) ids.push((await tx.rateLimitHit.create({ data: { bucket: c.bucket, at: now }, select: { id: true } })).id);
    return { ids };
  });
}

/** Forget every hit in buckets that start with these prefixes (an admin's unblock, a password reset, a
 * successful sign-in clearing its own address's growing delay). */
export async function clearBuckets(tx: Tx | ReturnType<typeof db>, exact: string[], prefixes: string[] = []): Promise<number> {
  const r = await tx.rateLimitHit.deleteMany({ where: { OR: [{ bucket: { in: exact } }, ...prefixes.map((p) => ({ bucket: { startsWith: p } }))] } });
  return r.count;
}

export async function releaseAttempt(ids: bigint[] | null): Promise<void> {
  if (ids?.length) await db().rateLimitHit.deleteMany({ where: { id: { in: ids } } });
}

/** Record one hit (a failure already known to count). */
export async function recordHit(tx: Tx | ReturnType<typeof db>, b: string | null | undefined, now = new Date()): Promise<void> {
  if (b) await tx.rateLimitHit.create({ data: { bucket: b, at: now }, select: { id: true } });
}
