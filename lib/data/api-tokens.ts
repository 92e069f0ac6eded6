import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import type { AdminActor, ApiTokenActor, RequestMeta } from "./actors";
import { recordAudit } from "./audit";
import { API_TOKEN_MAX_DAYS } from "../forms/api-token-schema";
import { isUuid } from "./patients";
import { type Limit, recordHit, reserveAttempt, isLimited } from "./rate-limits";
import { mintActor } from "./actor-mint";

// API tokens let another system (the clinic's EHR) pull FHIR exports without a person's session. Like
// invite links: 256 random bits, only the SHA-256 stored, the secret shown once (security-requirements
// §4.6's rule for bearer secrets). One scope, read-only export; every use is audited with the patient.

export const API_TOKEN_SCOPE = "fhir-export:read" as const;
/** Exports per token per minute: a nightly sync of a big clinic runs the bulk script instead, and a
 * leaked token cannot copy a clinic's records one patient at a time faster than this. */
export const API_TOKEN_RATE: Limit = { max: 120, windowMs: 60_000 };
/** Unknown, expired or revoked tokens per address (a scanner trying tokens is slowed, then refused). */
export const BAD_API_TOKENS_PER_IP: Limit = { max: 20, windowMs: 15 * 60_000 };
const PREFIX = "stride_pat_";

export interface ApiTokenDTO {
  id: string;
  name: string;
  scope: string;
  prefix: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  status: "active" | "expired" | "revoked";
}

const hash = (secret: string) => createHash("sha256").update(secret).digest("hex");

export type CreateTokenResult = { ok: true; token: ApiTokenDTO; secret: string } | { ok: false; fieldErrors: Record<string, string> };

/** Make a token for the admin's clinic. The secret is returned here and never again. */
export async function createApiToken(
  actor: AdminActor,
  input: { name: string; expiresInDays: number },
  meta: RequestMeta = {},
  now = new Date(),
): Promise<CreateTokenResult> {
  const name = input.name.trim();
  const fieldErrors: Record<string, string> = {};
  if (name.length < 2 || name.length > 80) fieldErrors.name = "Name: 2 to 80 characters, so you know which system holds it.";
  if (!Number.isInteger(input.expiresInDays) || input.expiresInDays < 1 || input.expiresInDays > API_TOKEN_MAX_DAYS) {
    fieldErrors.expiresInDays = `Expires in: a whole number of days from 1 to ${API_TOKEN_MAX_DAYS}.`;
  }
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  const secret = PREFIX + randomBytes(32).toString("base64url");
  const row = await db().$transaction(async (tx) => {
    const r = await tx.apiToken.create({
      data: {
        clinicId: actor.clinicId,
        name,
        scope: API_TOKEN_SCOPE,
        tokenHash: hash(secret),
        prefix: secret.slice(0, PREFIX.length + 4),
        expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000),
        createdById: actor.userId,
      },
    });
    await recordAudit(tx, {
      actor,
      action: "api-token-created",
      recordType: "ApiToken",
      recordId: r.id,
      details: { scope: API_TOKEN_SCOPE, expiresInDays: input.expiresInDays },
      meta,
    });
    return r;
  });
  return { ok: true, token: toDto(row, now), secret };
}

type Row = { id: string; name: string; scope: string; prefix: string; createdAt: Date; expiresAt: Date; revokedAt: Date | null; lastUsedAt: Date | null };
function toDto(r: Row, now: Date): ApiTokenDTO {
  return {
    id: r.id,
    name: r.name,
    scope: r.scope,
    prefix: r.prefix,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    revokedAt: r.revokedAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    status: r.revokedAt ? "revoked" : r.expiresAt <= now ? "expired" : "active",
  };
}

export async function listApiTokens(actor: AdminActor, now = new Date()): Promise<ApiTokenDTO[]> {
  const rows = await db().apiToken.findMany({
    where: { clinicId: actor.clinicId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, scope: true, prefix: true, createdAt: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  return rows.map((r) => toDto(r, now));
}

/** Revoke a token of the admin's clinic; the next request with it gets 401. */
export async function revokeApiToken(actor: AdminActor, tokenId: string, meta: RequestMeta = {}): Promise<{ ok: true } | { ok: false; reason: "not-found" }> {
  if (!isUuid(tokenId)) return { ok: false, reason: "not-found" };
  return db().$transaction(async (tx) => {
    const done = await tx.apiToken.updateMany({
      where: { id: tokenId, clinicId: actor.clinicId, revokedAt: null },
      data: { revokedAt: new Date(), revokedById: actor.userId },
    });
    if (done.count === 0) {
      const exists = await tx.apiToken.findFirst({ where: { id: tokenId, clinicId: actor.clinicId }, select: { id: true } });
      if (!exists) {
        await recordAudit(tx, { actor, action: "access-denied", outcome: "denied", recordType: "ApiToken", recordId: tokenId, meta });
        return { ok: false, reason: "not-found" } as const;
      }
      return { ok: true } as const; // already revoked: nothing more to do
    }
    await recordAudit(tx, { actor, action: "api-token-revoked", recordType: "ApiToken", recordId: tokenId, meta });
    return { ok: true } as const;
  });
}

export type TokenCheck = { ok: true; actor: ApiTokenActor } | { ok: false; status: 401 | 429 };

const badIpBucket = (ip: string) => `api-token-bad:ip:${ip}`;

/** The actor for an `Authorization: Bearer …` header: 401 for a missing, unknown, expired or revoked
 * token, 429 when the token or the address is over its limit. */
export async function authenticateApiToken(authorization: string | null, meta: RequestMeta = {}, now = new Date()): Promise<TokenCheck> {
  const ipBucket = meta.ip ? badIpBucket(meta.ip) : null;
  if (ipBucket && (await isLimited([ipBucket], BAD_API_TOKENS_PER_IP, now))) return { ok: false, status: 429 };
  const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(authorization?.trim() ?? "");
  const row = m
    ? await db().apiToken.findUnique({ where: { tokenHash: hash(m[1]!) }, select: { id: true, clinicId: true, scope: true, expiresAt: true, revokedAt: true } })
    : null;
  if (!row || row.revokedAt || row.expiresAt <= now || row.scope !== API_TOKEN_SCOPE) {
    await recordHit(db(), ipBucket, now);
    return { ok: false, status: 401 };
  }
  const reserved = await reserveAttempt([`api-token:${row.id}`], API_TOKEN_RATE, now);
  if (!reserved) return { ok: false, status: 429 };
  // Coarse last-use stamp (a minute is enough to spot an unused token), so a busy token is not a hot row.
  await db().apiToken.updateMany({
    where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }] },
    data: { lastUsedAt: now },
  });
  return { ok: true, actor: mintActor({ kind: "api-token", tokenId: row.id, clinicId: row.clinicId, scope: API_TOKEN_SCOPE }) };
}
