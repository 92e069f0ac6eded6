import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { env } from "../env";
import { EXAM_SCHEMA_VERSION, type ExamData } from "../assessment/exam-schema";
import type { ClinicianActor, RequestMeta } from "./actors";
import { recordAudit } from "./audit";
import { isUuid } from "./patients";
import { advanceVisitStatus } from "./visit-status";

export interface ExamDTO {
  id: string;
  version: number;
  state: "DRAFT" | "FINAL" | "SUPERSEDED";
  data: ExamData;
  updatedAt: string;
  updatedByName: string | null;
}

async function loadExam(tx: Prisma.TransactionClient | ReturnType<typeof db>, clinicId: string, visitId: string): Promise<ExamDTO | null> {
  const e = await tx.exam.findFirst({
    where: { visitId, clinicId },
    orderBy: { revision: "desc" },
    select: { id: true, version: true, state: true, data: true, updatedAt: true, updatedById: true },
  });
  if (!e) return null;
  const by = e.updatedById ? await tx.user.findFirst({ where: { id: e.updatedById, clinicId }, select: { name: true } }) : null;
  return { id: e.id, version: e.version, state: e.state, data: e.data as unknown as ExamData, updatedAt: e.updatedAt.toISOString(), updatedByName: by?.name ?? null };
}

export async function getExam(actor: ClinicianActor, visitId: string): Promise<ExamDTO | null> {
  if (!isUuid(visitId)) return null;
  return loadExam(db(), actor.clinicId, visitId);
}

export type SaveExamResult =
  | { ok: true; version: number }
  | { ok: false; reason: "conflict"; current: ExamDTO }
  | { ok: false; reason: "locked" }
  | { ok: false; reason: "not-found" };

/**
 * Save the exam if nobody saved since `baseVersion` (optimistic concurrency; null = there was no exam yet).
 * A stale save is refused with the current version so the clinician can compare; nothing is overwritten.
 */
export async function saveExam(actor: ClinicianActor, visitId: string, data: ExamData, baseVersion: number | null, meta: RequestMeta = {}): Promise<SaveExamResult> {
  if (!isUuid(visitId)) return { ok: false, reason: "not-found" };
  try {
    return await db().$transaction(async (tx) => {
      const visit = await tx.visit.findFirst({ where: { id: visitId, clinicId: actor.clinicId }, select: { id: true, patientId: true } });
      if (!visit) {
        await recordAudit(tx, { actor, action: "access-denied", outcome: "denied", recordType: "Exam", recordId: visitId, meta });
        return { ok: false, reason: "not-found" } as const;
      }
      const json = data as unknown as Prisma.InputJsonValue;
      let id: string;
      let version: number;
      if (baseVersion === null) {
        const created = await tx.exam.create({
          data: { clinicId: actor.clinicId, visitId, revision: 1, schemaVersion: EXAM_SCHEMA_VERSION, data: json, updatedById: actor.userId },
          select: { id: true, version: true },
        });
        ({ id, version } = created);
      } else {
        const current = await tx.exam.findFirst({ where: { visitId, clinicId: actor.clinicId }, orderBy: { revision: "desc" }, select: { id: true, state: true } });
        if (!current) return { ok: false, reason: "not-found" } as const;
        if (current.state !== "DRAFT") return { ok: false, reason: "locked" } as const;
        const updated = await tx.exam.updateMany({
          where: { id: current.id, clinicId: actor.clinicId, version: baseVersion, state: "DRAFT" },
          data: { data: json, version: { increment: 1 }, updatedById: actor.userId, schemaVersion: EXAM_SCHEMA_VERSION },
        });
        if (updated.count === 0) {
          const latest = await loadExam(tx, actor.clinicId, visitId);
          await recordAudit(tx, { actor, action: "update", outcome: "conflict", recordType: "Exam", recordId: current.id, patientId: visit.patientId, details: { baseVersion }, meta });
          return { ok: false, reason: "conflict", current: latest! } as const;
        }
        id = current.id;
        version = baseVersion + 1;
      }
      await advanceVisitStatus(tx, visitId, actor.clinicId, "EXAMINED");
      await recordAudit(tx, { actor, action: baseVersion === null ? "create" : "update", recordType: "Exam", recordId: id, patientId: visit.patientId, details: { version }, meta });
      const delay = env().FAULT_DELAY_MS;
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      return { ok: true, version } as const;
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
