import "server-only";
import { db } from "../db";
import type { Actor, RequestMeta } from "./actors";
import { recordAudit } from "./audit";

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/** Record a refused request (a signed-in user asking for what their role may not see, a record of another
 * clinic): HIPAA §164.312(b), ASTM E2147 "authorization denial". */
export async function recordDenied(actor: Actor, recordType: string, meta: RequestMeta = {}, recordId?: string): Promise<void> {
  await db().$transaction((tx) => recordAudit(tx, { actor, action: "access-denied", outcome: "denied", recordType, recordId, meta }));
}

/**
 * Inside a data function's transaction: a record this actor's clinic does not have. Writes the same
 * `access-denied` row every refusal writes and answers "not-found" (the caller cannot tell another clinic's
 * record from none at all). Every clinic-scoped mutation returns through here, so none refuses silently.
 */
export async function denied(tx: Tx, actor: Actor, recordType: string, recordId: string, meta: RequestMeta = {}): Promise<{ ok: false; reason: "not-found" }> {
  await recordAudit(tx, { actor, action: "access-denied", outcome: "denied", recordType, recordId, meta });
  return { ok: false, reason: "not-found" };
}
