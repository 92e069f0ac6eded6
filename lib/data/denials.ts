import "server-only";
import { db } from "../db";
import type { Actor, RequestMeta } from "./actors";
import { recordAudit } from "./audit";

/** Record a refused request (a signed-in user asking for what their role may not see, a record of another
 * clinic): HIPAA §164.312(b), ASTM E2147 "authorization denial". */
export async function recordDenied(actor: Actor, recordType: string, meta: RequestMeta = {}, recordId?: string): Promise<void> {
  await db().$transaction((tx) => recordAudit(tx, { actor, action: "access-denied", outcome: "denied", recordType, recordId, meta }));
}
