import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Actor, RequestMeta } from "./actors";

/** Every action the trail records (the admin's audit viewer filters by these). */
export const AUDIT_ACTIONS = [
  "sign-in",
  "sign-in-failed",
  "sign-out",
  "session-ended",
  "password-changed",
  "totp-enabled",
  "access-denied",
  "view",
  "create",
  "update",
  "submit",
  "finalize",
  "print",
  "pdf-download",
  "pdf-render",
  "invite-redeemed",
  "dob-verified",
  "dob-failed",
  "message-queued",
  "message-sent",
  "message-failed",
  "opt-out",
  "fhir-export",
  "api-token-created",
  "api-token-revoked",
  "discharge",
  // Written by scripts/keys-rotate.ts (plain SQL as the tables' owner), named here so the trail's readers know it.
  "keys-rotated",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  actor: Actor | { kind: "anonymous" } | { kind: "system" };
  action: AuditAction;
  recordType?: string;
  recordId?: string;
  patientId?: string | null;
  clinicId?: string | null;
  outcome?: "ok" | "denied" | "failed" | "conflict";
  /** Non-PHI context only (ids, counts, reasons). Never answers, names or dates of birth. */
  details?: Prisma.InputJsonValue;
  meta?: RequestMeta;
}

type Tx = Pick<Prisma.TransactionClient, "auditEvent">;

/** Append one audit event, in the caller's transaction so it commits or rolls back with the change. The
 * database assigns its place in the hash chain (see the app_role_and_audit_chain migration). */
export async function recordAudit(tx: Tx, e: AuditEntry): Promise<void> {
  const a = e.actor;
  const isStaff = a.kind === "clinician" || a.kind === "admin";
  const actorType = isStaff ? "user" : a.kind;
  const actorId = isStaff ? a.userId : a.kind === "patient" ? `invite:${a.inviteId}` : a.kind === "api-token" ? `token:${a.tokenId}` : null;
  const clinicId = e.clinicId !== undefined ? e.clinicId : "clinicId" in a ? a.clinicId : null;
  await tx.auditEvent.create({
    data: {
      actorType,
      actorId,
      clinicId,
      patientId: e.patientId ?? (a.kind === "patient" ? a.patientId : null),
      action: e.action,
      recordType: e.recordType ?? null,
      recordId: e.recordId ?? null,
      outcome: e.outcome ?? "ok",
      details: e.details,
      requestId: e.meta?.requestId ?? null,
      ip: e.meta?.ip ?? null,
      userAgent: e.meta?.userAgent?.slice(0, 300) ?? null,
    },
    select: { id: true },
  });
}
