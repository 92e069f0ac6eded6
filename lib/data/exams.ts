import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db, sql, sqlTransaction } from "../db";
import { EXAM_SCHEMA_VERSION, type ExamData } from "../assessment/exam-schema";
import type { ClinicianActor, RequestMeta } from "./actors";
import { recordAudit } from "./audit";
import { denied } from "./denials";
import { toIsoDate } from "./dates";
import { isVersion } from "../forms/input-hygiene";
import { isUuid } from "./patients";
import { advanceVisitStatus } from "./visit-status";
import { sealExam } from "./sealed";
import { readExam } from "./stored";
import { faultDelayMs, pauseBeforeCommit } from "./fault-hooks";

// A visit's exam is a series of revisions (Exam.revision). The latest is the one being worked on: a DRAFT
// saved by autosave under optimistic concurrency (Exam.version), or FINAL (locked). Amending a FINAL exam
// makes a new DRAFT revision from it; finalizing that one marks the earlier FINAL as SUPERSEDED. Old
// revisions stay readable, and the database refuses any change to a finalized one (see the migration
// exam_finalized_is_immutable).

type Client = Prisma.TransactionClient | ReturnType<typeof db>;
export type ExamState = "DRAFT" | "FINAL" | "SUPERSEDED";

export interface ExamDTO {
  id: string;
  revision: number;
  version: number;
  state: ExamState;
  data: ExamData;
  updatedAt: string;
  updatedByName: string | null;
  finalizedAt: string | null;
  finalizedByName: string | null;
}

export interface ExamRevisionRow {
  revision: number;
  state: ExamState;
  version: number;
  updatedAt: string;
  finalizedAt: string | null;
  finalizedByName: string | null;
}

const examSelect = {
  id: true,
  revision: true,
  version: true,
  state: true,
  data: true,
  schemaVersion: true,
  updatedAt: true,
  updatedById: true,
  finalizedAt: true,
  finalizedById: true,
} as const;

/** Names of the clinic's users by id (for "saved by", "finalized by"), scoped to the clinic. */
async function userNames(tx: Client, clinicId: string, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: wanted }, clinicId }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

async function loadExam(tx: Client, clinicId: string, visitId: string, revision?: number): Promise<ExamDTO | null> {
  const e = await tx.exam.findFirst({
    where: { visitId, clinicId, ...(revision === undefined ? {} : { revision }) },
    orderBy: { revision: "desc" },
    select: examSelect,
  });
  if (!e) return null;
  const names = await userNames(tx, clinicId, [e.updatedById, e.finalizedById]);
  return {
    id: e.id,
    revision: e.revision,
    version: e.version,
    state: e.state,
    // A draft may be partial: the form reads it as its own (partial) values.
    data: readExam(e) as ExamData,
    updatedAt: e.updatedAt.toISOString(),
    updatedByName: (e.updatedById && names.get(e.updatedById)) || null,
    finalizedAt: e.finalizedAt?.toISOString() ?? null,
    finalizedByName: (e.finalizedById && names.get(e.finalizedById)) || null,
  };
}

/** The visit's current exam: its latest revision (a draft being worked on, or the finalized one). */
export async function getExam(actor: ClinicianActor, visitId: string): Promise<ExamDTO | null> {
  if (!isUuid(visitId)) return null;
  return loadExam(db(), actor.clinicId, visitId);
}

/** One revision of the visit's exam, to read an earlier (finalized or superseded) one. */
export async function getExamRevision(actor: ClinicianActor, visitId: string, revision: number): Promise<ExamDTO | null> {
  if (!isUuid(visitId) || !isVersion(revision)) return null;
  return loadExam(db(), actor.clinicId, visitId, revision);
}

/** Every revision of the visit's exam, newest first. */
export async function listExamRevisions(actor: ClinicianActor, visitId: string): Promise<ExamRevisionRow[]> {
  if (!isUuid(visitId)) return [];
  const rows = await db().exam.findMany({
    where: { visitId, clinicId: actor.clinicId },
    orderBy: { revision: "desc" },
    select: { revision: true, state: true, version: true, updatedAt: true, finalizedAt: true, finalizedById: true },
  });
  const names = await userNames(
    db(),
    actor.clinicId,
    rows.map((r) => r.finalizedById),
  );
  return rows.map((r) => ({
    revision: r.revision,
    state: r.state,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    finalizedAt: r.finalizedAt?.toISOString() ?? null,
    finalizedByName: (r.finalizedById && names.get(r.finalizedById)) || null,
  }));
}

export interface PreviousExamDTO {
  visitId: string;
  visitDate: string;
  revision: number;
  state: ExamState;
  data: ExamData;
}

/**
 * The same patient's most recent exam from an earlier visit (by visit date, then when the visit was made):
 * its latest revision. The exam form carries its dynamometry protocols forward and shows the change since.
 */
export async function getPreviousExam(actor: ClinicianActor, visitId: string): Promise<PreviousExamDTO | null> {
  if (!isUuid(visitId)) return null;
  const visit = await db().visit.findFirst({ where: { id: visitId, clinicId: actor.clinicId }, select: { patientId: true, date: true, createdAt: true } });
  if (!visit) return null;
  const e = await db().exam.findFirst({
    where: {
      clinicId: actor.clinicId,
      visit: {
        clinicId: actor.clinicId,
        patientId: visit.patientId,
        id: { not: visitId },
        OR: [{ date: { lt: visit.date } }, { date: visit.date, createdAt: { lt: visit.createdAt } }],
      },
    },
    orderBy: [{ visit: { date: "desc" } }, { visit: { createdAt: "desc" } }, { revision: "desc" }],
    select: { visitId: true, revision: true, state: true, data: true, schemaVersion: true, visit: { select: { date: true } } },
  });
  if (!e) return null;
  return { visitId: e.visitId, visitDate: toIsoDate(e.visit.date), revision: e.revision, state: e.state, data: readExam(e) as ExamData };
}

export type SaveExamResult =
  | { ok: true; version: number; revision: number }
  | { ok: false; reason: "conflict"; current: ExamDTO }
  | { ok: false; reason: "locked"; current: ExamDTO }
  | { ok: false; reason: "not-found" };

/**
 * Save the exam if nobody saved since `baseVersion` (optimistic concurrency; null = there was no exam yet).
 * Autosave calls this while the clinician types. A stale save is refused with the current version so the
 * clinician can compare and merge; nothing is overwritten. Every save, and every refused one, is audited.
 */
export async function saveExam(
  actor: ClinicianActor,
  visitId: string,
  data: ExamData,
  baseVersion: number | null,
  meta: RequestMeta = {},
): Promise<SaveExamResult> {
  if (!isUuid(visitId)) return { ok: false, reason: "not-found" };
  if (baseVersion !== null) {
    const saved = await updateExam(actor, visitId, data, baseVersion, meta);
    if (saved) return saved;
  }
  // The first save, and every save that is not a plain update of the current draft (a conflict, a locked
  // exam, another clinic's visit): checked step by step, each outcome audited.
  try {
    return await db().$transaction(async (tx) => {
      const visit = await tx.visit.findFirst({ where: { id: visitId, clinicId: actor.clinicId }, select: { id: true, patientId: true } });
      if (!visit) {
        await recordAudit(tx, { actor, action: "access-denied", outcome: "denied", recordType: "Exam", recordId: visitId, meta });
        return { ok: false, reason: "not-found" } as const;
      }
      const json = sealExam(data) as unknown as Prisma.InputJsonValue;
      let id: string;
      let version: number;
      let revision: number;
      if (baseVersion === null) {
        const created = await tx.exam.create({
          data: { clinicId: actor.clinicId, visitId, revision: 1, schemaVersion: EXAM_SCHEMA_VERSION, data: json, updatedById: actor.userId },
          select: { id: true, version: true, revision: true },
        });
        ({ id, version, revision } = created);
      } else {
        const current = await tx.exam.findFirst({
          where: { visitId, clinicId: actor.clinicId },
          orderBy: { revision: "desc" },
          select: { id: true, state: true, revision: true },
        });
        if (!current) return { ok: false, reason: "not-found" } as const;
        if (current.state !== "DRAFT") {
          await recordAudit(tx, {
            actor,
            action: "update",
            outcome: "denied",
            recordType: "Exam",
            recordId: current.id,
            patientId: visit.patientId,
            details: { reason: "locked", baseVersion },
            meta,
          });
          return { ok: false, reason: "locked", current: (await loadExam(tx, actor.clinicId, visitId))! } as const;
        }
        const updated = await tx.exam.updateMany({
          where: { id: current.id, clinicId: actor.clinicId, version: baseVersion, state: "DRAFT" },
          data: { data: json, version: { increment: 1 }, updatedById: actor.userId, schemaVersion: EXAM_SCHEMA_VERSION },
        });
        if (updated.count === 0) {
          const latest = await loadExam(tx, actor.clinicId, visitId);
          await recordAudit(tx, {
            actor,
            action: "update",
            outcome: "conflict",
            recordType: "Exam",
            recordId: current.id,
            patientId: visit.patientId,
            details: { baseVersion },
            meta,
          });
          return { ok: false, reason: "conflict", current: latest! } as const;
        }
        id = current.id;
        version = baseVersion + 1;
        revision = current.revision;
      }
      await advanceVisitStatus(tx, visitId, actor.clinicId, "EXAMINED");
      await recordAudit(tx, {
        actor,
        action: baseVersion === null ? "create" : "update",
        recordType: "Exam",
        recordId: id,
        patientId: visit.patientId,
        details: { revision, version },
        meta,
      });
      await pauseBeforeCommit();
      return { ok: true, version, revision } as const;
    });
  } catch (e) {
    // Two first saves raced to create the exam: the loser is a conflict like any other.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const current = await loadExam(db(), actor.clinicId, visitId);
      if (current) return { ok: false, reason: "conflict", current };
    }
    throw e;
  }
}

/**
 * The common autosave, in one statement (ADR 0013): update the latest revision of the visit's exam if it is
 * a draft of this clinic at the version the screen saw, move the visit to "examined" if it was before that,
 * and append the audit event. Null when it did not apply: the caller then takes the step-by-step path,
 * which finds out why. Same rows and audit event as that path's update.
 */
async function updateExam(actor: ClinicianActor, visitId: string, data: ExamData, baseVersion: number, meta: RequestMeta): Promise<SaveExamResult | null> {
  const now = new Date();
  const statement = `WITH visit AS (
       SELECT id, "patientId" FROM "Visit" WHERE id = $1 AND "clinicId" = $2
     ), latest AS (
       SELECT e.id FROM "Exam" e WHERE e."visitId" = $1 AND e."clinicId" = $2 ORDER BY e.revision DESC LIMIT 1
     ), saved AS (
       UPDATE "Exam" e
          SET data = $3, version = e.version + 1, "updatedById" = $4, "schemaVersion" = $5, "updatedAt" = $6
         FROM latest, visit
        WHERE e.id = latest.id AND e."clinicId" = $2 AND e.version = $7 AND e.state = 'DRAFT'
       RETURNING e.id, e.version, e.revision, visit."patientId"
     ), examined AS (
       UPDATE "Visit" SET status = 'EXAMINED', "updatedAt" = $6
        WHERE id = $1 AND "clinicId" = $2 AND status IN ('INVITED', 'INTAKE_SUBMITTED') AND EXISTS (SELECT 1 FROM saved)
     ), audited AS (
       INSERT INTO "AuditEvent" ("at", "actorType", "actorId", "clinicId", "patientId", action, "recordType", "recordId", outcome, details, "requestId", ip, "userAgent")
       SELECT $6, 'user', $4, $2, saved."patientId", 'update', 'Exam', saved.id::text, 'ok', jsonb_build_object('revision', saved.revision, 'version', saved.version), $8, $9, $10
         FROM saved
     )
     SELECT version, revision FROM saved`;
  const params = [
    visitId,
    actor.clinicId,
    JSON.stringify(sealExam(data)),
    actor.userId,
    EXAM_SCHEMA_VERSION,
    now,
    baseVersion,
    meta.requestId ?? null,
    meta.ip ?? null,
    meta.userAgent?.slice(0, 300) ?? null,
  ];
  const [row] =
    faultDelayMs() > 0
      ? // Fault tests: the same statement inside a transaction that waits before committing.
        await sqlTransaction(async (query) => {
          const rows = await query<{ version: number; revision: number }>(statement, params);
          await pauseBeforeCommit();
          return rows;
        })
      : await sql<{ version: number; revision: number }>(statement, params);
  return row ? { ok: true, version: row.version, revision: row.revision } : null;
}

export type FinalizeExamResult =
  | { ok: true; revision: number }
  | { ok: false; reason: "conflict"; current: ExamDTO }
  | { ok: false; reason: "already-final"; current: ExamDTO }
  | { ok: false; reason: "not-found" };

/**
 * Lock the current draft, as of `version` (the one the clinician saw: finalizing something they have not
 * seen is a conflict). An earlier finalized revision becomes SUPERSEDED in the same transaction.
 */
export async function finalizeExam(actor: ClinicianActor, visitId: string, version: number, meta: RequestMeta = {}): Promise<FinalizeExamResult> {
  if (!isUuid(visitId) || !isVersion(version)) return { ok: false, reason: "not-found" };
  return db().$transaction(async (tx) => {
    const visit = await tx.visit.findFirst({ where: { id: visitId, clinicId: actor.clinicId }, select: { patientId: true } });
    if (!visit) return denied(tx, actor, "Exam", visitId, meta);
    const current = await tx.exam.findFirst({
      where: { visitId, clinicId: actor.clinicId },
      orderBy: { revision: "desc" },
      select: { id: true, state: true, revision: true },
    });
    if (!current) return { ok: false, reason: "not-found" } as const;
    if (current.state !== "DRAFT") return { ok: false, reason: "already-final", current: (await loadExam(tx, actor.clinicId, visitId))! } as const;
    const done = await tx.exam.updateMany({
      where: { id: current.id, clinicId: actor.clinicId, version, state: "DRAFT" },
      data: { state: "FINAL", finalizedAt: new Date(), finalizedById: actor.userId },
    });
    if (done.count === 0) {
      await recordAudit(tx, {
        actor,
        action: "finalize",
        outcome: "conflict",
        recordType: "Exam",
        recordId: current.id,
        patientId: visit.patientId,
        details: { version },
        meta,
      });
      return { ok: false, reason: "conflict", current: (await loadExam(tx, actor.clinicId, visitId))! } as const;
    }
    const superseded = await tx.exam.updateMany({
      where: { visitId, clinicId: actor.clinicId, state: "FINAL", revision: { lt: current.revision } },
      data: { state: "SUPERSEDED" },
    });
    await advanceVisitStatus(tx, visitId, actor.clinicId, "EXAMINED");
    await recordAudit(tx, {
      actor,
      action: "finalize",
      recordType: "Exam",
      recordId: current.id,
      patientId: visit.patientId,
      details: { revision: current.revision, version, superseded: superseded.count },
      meta,
    });
    return { ok: true, revision: current.revision } as const;
  });
}

export type AmendExamResult =
  { ok: true; revision: number; version: number } | { ok: false; reason: "not-final"; current: ExamDTO } | { ok: false; reason: "not-found" };

/**
 * Start an amendment of the finalized exam: a new DRAFT revision holding a copy of its data. The finalized
 * revision stays as it is (readable, and what counts) until the amendment is itself finalized. When two
 * clinicians amend at once, the second finds the first's draft and works on it ("not-final").
 */
export async function amendExam(actor: ClinicianActor, visitId: string, meta: RequestMeta = {}): Promise<AmendExamResult> {
  if (!isUuid(visitId)) return { ok: false, reason: "not-found" };
  try {
    return await db().$transaction(async (tx) => {
      const visit = await tx.visit.findFirst({ where: { id: visitId, clinicId: actor.clinicId }, select: { patientId: true } });
      if (!visit) return denied(tx, actor, "Exam", visitId, meta);
      const current = await tx.exam.findFirst({
        where: { visitId, clinicId: actor.clinicId },
        orderBy: { revision: "desc" },
        select: { id: true, state: true, revision: true, data: true, schemaVersion: true },
      });
      if (!current) return { ok: false, reason: "not-found" } as const;
      if (current.state !== "FINAL") return { ok: false, reason: "not-final", current: (await loadExam(tx, actor.clinicId, visitId))! } as const;
      const created = await tx.exam.create({
        data: {
          clinicId: actor.clinicId,
          visitId,
          revision: current.revision + 1,
          schemaVersion: EXAM_SCHEMA_VERSION,
          // Read (opened and brought to this build's version) and sealed again: the new revision is stored as
          // the current version, its text under the current key.
          data: sealExam(readExam(current)) as Prisma.InputJsonValue,
          updatedById: actor.userId,
        },
        select: { id: true, revision: true, version: true },
      });
      await recordAudit(tx, {
        actor,
        action: "create",
        recordType: "Exam",
        recordId: created.id,
        patientId: visit.patientId,
        details: { revision: created.revision, amends: current.id },
        meta,
      });
      return { ok: true, revision: created.revision, version: created.version } as const;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const current = await loadExam(db(), actor.clinicId, visitId);
      if (current) return { ok: false, reason: "not-final", current };
    }
    throw e;
  }
}
