import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { newToken, tokenHash } from "../auth/tokens";
import { db } from "../db";
import { isDeliverableEmail } from "../forms/email";
import { maxAttempts, REMINDER_TASK, SEND_TASK } from "../messages/config";
import { readOptOutToken, seal } from "../messages/seal";
import type { MessageKind } from "../messages/templates";
import type { AdminActor, ClinicianActor, RequestMeta } from "./actors";
import { recordAudit } from "./audit";
import { isUuid } from "./patients";

/** Wrong dates of birth that lock a link (kept equal to lib/data/intake-link.ts's limit, which imports this file). */
const DOB_FAILURES_PER_INVITE = 10;

type Tx = Prisma.TransactionClient;

/**
 * Queue one message inside the caller's transaction: the Message row and the queue's job commit or roll
 * back with the change that caused them (graphile_worker.add_job is plain SQL on the same connection).
 * The job is keyed by the message id, so adding it again never makes a second job.
 */
export async function queueMessage(
  tx: Tx,
  m: { clinicId: string; visitId?: string | null; patientId?: string | null; kind: MessageKind; recipient: string; inviteId?: string | null },
): Promise<string> {
  const row = await tx.message.create({
    data: {
      clinicId: m.clinicId,
      visitId: m.visitId ?? null,
      patientId: m.patientId ?? null,
      kind: m.kind,
      recipient: m.recipient,
      inviteId: m.inviteId ?? null,
    },
    select: { id: true },
  });
  await tx.$executeRaw`SELECT graphile_worker.add_job(${SEND_TASK}, json_build_object('messageId', ${row.id}::text), max_attempts := ${maxAttempts()}::int, job_key := ${row.id}::text)`;
  return row.id;
}

/**
 * After a new invite link is made (inside its transaction): when the patient has an email and has not
 * opted out, seal the token for the queue, queue the invite email and (for a first intake) the reminders.
 * Returns the message id, or null when nothing was queued.
 *
 * One statement (ADR 0013): it runs while the transaction holds the audit chain's head row (the visit's
 * and the link's audit rows came first), so every extra round trip here would lengthen the time every
 * other write in the deployment waits. The Message row itself records the queueing; the worker audits the
 * send. Resends are limited per visit: past the limit the new link is still made and shown, not emailed.
 */
export async function queueInviteEmail(
  tx: Tx,
  clinicId: string,
  visit: { id: string; patientId: string },
  invite: { id: string; token: string; forRevision: number },
  now: Date,
): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH target AS (
      SELECT p.email, v.date FROM "Visit" v JOIN "Patient" p ON p.id = v."patientId"
       WHERE v.id = ${visit.id}::uuid AND v."clinicId" = ${clinicId}::uuid
         AND p.email IS NOT NULL AND p.email <> '' AND NOT p."emailOptOut"
         AND (SELECT count(*) FROM "Message" m WHERE m."clinicId" = v."clinicId" AND m."visitId" = v.id
               AND m.kind IN ('invite', 'intake-received', 'summary') AND m."createdAt" > ${new Date(now.getTime() - 3600_000)}) < ${RESENDS_PER_VISIT_PER_HOUR}::int
    ), sealed AS (
      UPDATE "IntakeInvite" SET "tokenSealed" = ${seal(invite.token)} FROM target WHERE id = ${invite.id}::uuid RETURNING id
    ), msg AS (
      INSERT INTO "Message" (id, "clinicId", "visitId", "patientId", kind, recipient, "inviteId", "updatedAt")
      SELECT gen_random_uuid(), ${clinicId}::uuid, ${visit.id}::uuid, ${visit.patientId}::uuid, 'invite', btrim(target.email), sealed.id, ${now}
        FROM target, sealed
      RETURNING id
    ), reminders AS (
      -- Keyed per visit and reminder: a new link replaces a pending reminder instead of adding one.
      SELECT n, (target.date::timestamp AT TIME ZONE 'UTC') - make_interval(hours => h) + interval '9 hours' AS at
        FROM target, (VALUES (1, 48), (2, 24)) r(n, h)
       WHERE ${invite.forRevision}::int = 1
    )
    SELECT msg.id::text AS id,
           graphile_worker.add_job(${SEND_TASK}, json_build_object('messageId', msg.id::text), max_attempts := ${maxAttempts()}::int, job_key := msg.id::text) AS job,
           (SELECT count(graphile_worker.add_job(${REMINDER_TASK}, json_build_object('visitId', ${visit.id}::text, 'n', r.n), run_at := r.at, max_attempts := 5,
                                                 job_key := 'reminder:' || ${visit.id}::text || ':' || r.n, job_key_mode := 'replace'))
              FROM reminders r WHERE r.at > ${now}) AS reminders
      FROM msg`;
  return rows[0]?.id ?? null;
}

/** Summary links work for 30 days: long enough to come back to the exercises, short enough to expire. */
export const SUMMARY_LINK_TTL_DAYS = 30;

/**
 * After the summary is signed (inside that transaction): a summary link (the intake's link design: a random
 * token stored as its hash, the same session and date-of-birth check) and the email carrying it. Earlier
 * summary links for the visit are withdrawn (an amendment sends the new version).
 */
export async function queueSummaryEmail(tx: Tx, actor: ClinicianActor, visitId: string, meta: RequestMeta, now: Date): Promise<string | null> {
  const v = await tx.visit.findFirst({
    where: { id: visitId, clinicId: actor.clinicId },
    select: { patientId: true, patient: { select: { email: true, emailOptOut: true } } },
  });
  const email = v?.patient.email?.trim();
  if (!v || !email || v.patient.emailOptOut || !isDeliverableEmail(email)) return null;
  await tx.intakeInvite.updateMany({ where: { visitId, clinicId: actor.clinicId, purpose: "summary", revokedAt: null }, data: { revokedAt: now } });
  const token = newToken();
  const invite = await tx.intakeInvite.create({
    data: {
      clinicId: actor.clinicId,
      visitId,
      tokenHash: tokenHash(token),
      tokenSealed: seal(token),
      expiresAt: new Date(now.getTime() + SUMMARY_LINK_TTL_DAYS * 86400_000),
      createdById: actor.userId,
      forRevision: 0,
      purpose: "summary",
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actor,
    action: "create",
    recordType: "IntakeInvite",
    recordId: invite.id,
    patientId: v.patientId,
    details: { purpose: "summary" },
    meta,
  });
  const id = await queueMessage(tx, { clinicId: actor.clinicId, visitId, patientId: v.patientId, kind: "summary", recipient: email, inviteId: invite.id });
  await recordAudit(tx, { actor, action: "message-queued", recordType: "Message", recordId: id, patientId: v.patientId, details: { kind: "summary" }, meta });
  return id;
}

/** Queue a message to the patient of a visit (after submit, after signing), if they have an email. */
export async function queuePatientMessage(tx: Tx, clinicId: string, visitId: string, kind: MessageKind): Promise<string | null> {
  const v = await tx.visit.findFirst({
    where: { id: visitId, clinicId },
    select: { patientId: true, patient: { select: { email: true, emailOptOut: true } } },
  });
  const email = v?.patient.email?.trim();
  if (!v || !email || v.patient.emailOptOut || !isDeliverableEmail(email)) return null;
  return queueMessage(tx, { clinicId, visitId, patientId: v.patientId, kind, recipient: email });
}

/** Queue a notice to the clinic's own address (none when the clinic has no email on file). */
export async function queueClinicNotice(
  tx: Tx,
  clinicId: string,
  visitId: string | null,
  kind: "clinic-link-locked" | "clinic-undeliverable",
): Promise<string | null> {
  const c = await tx.clinic.findUnique({ where: { id: clinicId }, select: { email: true } });
  const email = c?.email?.trim();
  if (!email || !isDeliverableEmail(email)) return null;
  return queueMessage(tx, { clinicId, visitId, kind, recipient: email });
}

export interface MessageDTO {
  id: string;
  kind: MessageKind;
  recipient: string;
  status: "QUEUED" | "SENT" | "FAILED" | "SKIPPED";
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

const messageSelect = { id: true, kind: true, recipient: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true } as const;
function toDto(m: {
  id: string;
  kind: string;
  recipient: string;
  status: MessageDTO["status"];
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}): MessageDTO {
  return { ...m, kind: m.kind as MessageKind, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null };
}

/** The messages of one visit, newest first (the visit page's delivery list), scoped to the actor's clinic. */
export async function listVisitMessages(actor: ClinicianActor, visitId: string): Promise<MessageDTO[]> {
  if (!isUuid(visitId)) return [];
  const rows = await db().message.findMany({
    where: { clinicId: actor.clinicId, visitId, kind: { in: ["invite", "reminder", "intake-received", "summary", "plan", "follow-up"] } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: messageSelect,
  });
  return rows.map(toDto);
}

export type DeliveryMark = "locked" | "undeliverable";

/** Marks for the worklist: a visit whose open intake link was locked by wrong dates of birth, or whose
 * latest message to the patient could not be delivered. Clinic-scoped; one query for the whole list. */
export async function deliveryMarks(clinicId: string, visitIds: string[]): Promise<Map<string, DeliveryMark>> {
  if (visitIds.length === 0) return new Map();
  const rows = await db().$queryRaw<{ visitId: string; locked: boolean; failed: boolean }[]>`
    SELECT v.id::text AS "visitId",
           EXISTS (SELECT 1 FROM "IntakeInvite" i WHERE i."visitId" = v.id AND i."clinicId" = v."clinicId" AND i."revokedAt" IS NULL
                      AND i."dobFailures" >= ${DOB_FAILURES_PER_INVITE}::int) AS locked,
           COALESCE((SELECT m.status = 'FAILED' FROM "Message" m WHERE m."visitId" = v.id AND m."clinicId" = v."clinicId"
                      AND m.kind IN ('invite', 'reminder', 'intake-received', 'summary', 'plan', 'follow-up') ORDER BY m."createdAt" DESC LIMIT 1), false) AS failed
      FROM "Visit" v
     WHERE v."clinicId" = ${clinicId}::uuid AND v.id = ANY(${visitIds}::uuid[])`;
  const marks = new Map<string, DeliveryMark>();
  for (const r of rows) {
    if (r.locked) marks.set(r.visitId, "locked");
    else if (r.failed) marks.set(r.visitId, "undeliverable");
  }
  return marks;
}

export interface DeliveryDTO {
  messages: MessageDTO[];
  /** The open intake or summary link was locked after too many wrong dates of birth. */
  linkLocked: boolean;
  email: string | null;
  optedOut: boolean;
}

/** What the visit page shows about messages: each one's delivery, and whether a link is locked. */
export async function getDelivery(actor: ClinicianActor, visitId: string): Promise<DeliveryDTO | null> {
  if (!isUuid(visitId)) return null;
  const v = await db().visit.findFirst({
    where: { id: visitId, clinicId: actor.clinicId },
    select: { id: true, patient: { select: { email: true, emailOptOut: true } } },
  });
  if (!v) return null;
  const [messages, marks] = await Promise.all([listVisitMessages(actor, visitId), deliveryMarks(actor.clinicId, [visitId])]);
  return { messages, linkLocked: marks.get(visitId) === "locked", email: v.patient.email || null, optedOut: v.patient.emailOptOut };
}

export type ResendResult = { ok: true; messageId: string } | { ok: false; reason: "not-found" | "no-email" | "rate-limited" | "use-new-link" };

/** Resends a visit may ask for per hour (each one is a new message, with its own id). */
export const RESENDS_PER_VISIT_PER_HOUR = 5;

/**
 * "Send again" for a message that carries no link of its own (the confirmation, the summary link): a new
 * message of the same kind to the patient's current address. An invite is sent again by making a new link
 * (newIntakeLink), which withdraws the earlier one. Audited; at most RESENDS_PER_VISIT_PER_HOUR per visit.
 */
export async function resendMessage(actor: ClinicianActor, messageId: string, meta: RequestMeta = {}, now = new Date()): Promise<ResendResult> {
  if (!isUuid(messageId)) return { ok: false, reason: "not-found" };
  return db().$transaction(async (tx) => {
    const m = await tx.message.findFirst({
      where: { id: messageId, clinicId: actor.clinicId },
      select: { id: true, kind: true, visitId: true, patientId: true },
    });
    if (!m || !m.visitId) {
      await recordAudit(tx, { actor, action: "access-denied", outcome: "denied", recordType: "Message", recordId: messageId, meta });
      return { ok: false, reason: "not-found" } as const;
    }
    if (m.kind === "invite" || m.kind === "reminder") return { ok: false, reason: "use-new-link" } as const;
    if ((await recentSends(tx, actor.clinicId, m.visitId, now)) >= RESENDS_PER_VISIT_PER_HOUR) return { ok: false, reason: "rate-limited" } as const;
    const id =
      m.kind === "summary"
        ? await queueSummaryEmail(tx, actor, m.visitId, meta, now)
        : m.kind === "plan" || m.kind === "follow-up"
          ? await queuePlanEmailAgain(tx, actor.clinicId, m.visitId, m.patientId, m.kind, now)
          : await queuePatientMessage(tx, actor.clinicId, m.visitId, m.kind as MessageKind);
    if (!id) return { ok: false, reason: "no-email" } as const;
    await recordAudit(tx, {
      actor,
      action: "message-queued",
      recordType: "Message",
      recordId: id,
      patientId: m.patientId,
      details: { kind: m.kind, resendOf: m.id },
      meta,
    });
    return { ok: true, messageId: id } as const;
  });
}

/** "Send again" for an email carrying the plan link (the link itself, or the request for the follow-up
 * questions): the patient's open plan link (it lasts until discharge), to their current address. Null when
 * the link was withdrawn or the patient has no address. */
async function queuePlanEmailAgain(
  tx: Tx,
  clinicId: string,
  visitId: string,
  patientId: string | null,
  kind: "plan" | "follow-up",
  now: Date,
): Promise<string | null> {
  if (!patientId) return null;
  const p = await tx.patient.findFirst({ where: { id: patientId, clinicId }, select: { email: true, emailOptOut: true } });
  const email = p?.email?.trim();
  if (!email || p!.emailOptOut || !isDeliverableEmail(email)) return null;
  const inv = await tx.intakeInvite.findFirst({
    where: { clinicId, purpose: "plan", revokedAt: null, expiresAt: { gt: now }, visit: { patientId } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  if (!inv) return null;
  return queueMessage(tx, { clinicId, visitId, patientId, kind, recipient: email, inviteId: inv.id });
}

/** Messages to a visit's patient made in the last hour (the rate limit on sending again). */
export async function recentSends(tx: Tx, clinicId: string, visitId: string, now: Date): Promise<number> {
  return tx.message.count({
    where: {
      clinicId,
      visitId,
      kind: { in: ["invite", "intake-received", "summary", "plan", "follow-up"] },
      createdAt: { gt: new Date(now.getTime() - 3600_000) },
    },
  });
}

export interface DeadLetterDTO extends MessageDTO {
  visitId: string | null;
}

/** The dead-letter list: messages the queue gave up on, for the clinic's admins. */
export async function listDeadLetters(actor: AdminActor): Promise<DeadLetterDTO[]> {
  const rows = await db().message.findMany({
    where: { clinicId: actor.clinicId, status: "FAILED" },
    orderBy: { updatedAt: "desc" },
    take: 100,
    select: { ...messageSelect, visitId: true },
  });
  return rows.map((r) => ({ ...toDto(r), visitId: r.visitId }));
}

/** Try a dead letter again (the same message, the same id: it is still unsent). Audited. */
export async function retryDeadLetter(actor: AdminActor, messageId: string, meta: RequestMeta = {}): Promise<{ ok: boolean }> {
  if (!isUuid(messageId)) return { ok: false };
  return db().$transaction(async (tx) => {
    const moved = await tx.message.updateMany({
      where: { id: messageId, clinicId: actor.clinicId, status: "FAILED" },
      data: { status: "QUEUED", lastError: null },
    });
    if (moved.count === 0) {
      await recordAudit(tx, { actor, action: "access-denied", outcome: "denied", recordType: "Message", recordId: messageId, meta });
      return { ok: false };
    }
    // The old job has used up its attempts; a new one under the same key starts counting afresh.
    await tx.$executeRaw`SELECT graphile_worker.remove_job(${messageId}::text)`;
    await tx.$executeRaw`SELECT graphile_worker.add_job(${SEND_TASK}, json_build_object('messageId', ${messageId}::text), max_attempts := ${maxAttempts()}::int, job_key := ${messageId}::text)`;
    await recordAudit(tx, { actor, action: "message-queued", recordType: "Message", recordId: messageId, details: { retry: true }, meta });
    return { ok: true };
  });
}

/** The opt-out link: the patient it names gets no further email. Idempotent; audited once. */
export async function optOutOfEmail(token: string, meta: RequestMeta = {}): Promise<{ ok: boolean; clinicName?: string }> {
  const patientId = readOptOutToken(token);
  if (!patientId) return { ok: false };
  return db().$transaction(async (tx) => {
    const p = await tx.patient.findUnique({ where: { id: patientId }, select: { clinicId: true, emailOptOut: true, clinic: { select: { name: true } } } });
    if (!p) return { ok: false };
    if (!p.emailOptOut) {
      await tx.patient.update({ where: { id: patientId }, data: { emailOptOut: true } });
      // Whatever is still queued for this patient is not sent (the worker checks too).
      await tx.message.updateMany({ where: { patientId, status: "QUEUED" }, data: { status: "SKIPPED", lastError: "The patient opted out of email" } });
      await recordAudit(tx, {
        actor: { kind: "anonymous" },
        clinicId: p.clinicId,
        patientId,
        action: "opt-out",
        recordType: "Patient",
        recordId: patientId,
        meta,
      });
    }
    return { ok: true, clinicName: p.clinic.name };
  });
}
