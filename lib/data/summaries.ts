import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { assess, type Assessment } from "../assessment/engine";
import type { ExamData } from "../assessment/exam-schema";
import type { IntakeAnswers } from "../assessment/intake-schema";
import { resolveSettings } from "../assessment/settings";
import type { ClinicianActor, RequestMeta } from "./actors";
import { recordAudit } from "./audit";
import { isUuid } from "./patients";
import { advanceVisitStatus } from "./visit-status";

export interface SummaryDTO {
  /** The assessment: stored when finalized (what it said then), computed from today's data otherwise. */
  assessment: Assessment;
  finalized: { at: string; byName: string; summaryId: string; revision: number; rulesetVersion: string } | null;
}

async function inputsFor(tx: Prisma.TransactionClient, clinicId: string, visitId: string) {
  const [intake, exam, clinic] = await Promise.all([
    tx.intakeResponse.findFirst({ where: { visitId, clinicId, state: "FINAL" }, orderBy: { revision: "desc" }, select: { answers: true } }),
    tx.exam.findFirst({ where: { visitId, clinicId }, orderBy: { revision: "desc" }, select: { data: true } }),
    tx.clinic.findUniqueOrThrow({ where: { id: clinicId }, select: { settings: true } }),
  ]);
  return {
    intake: (intake?.answers as unknown as IntakeAnswers | undefined) ?? null,
    exam: (exam?.data as unknown as ExamData | undefined) ?? null,
    settings: resolveSettings(clinic.settings),
  };
}

export async function getSummary(actor: ClinicianActor, visitId: string, meta: RequestMeta = {}): Promise<SummaryDTO | null> {
  if (!isUuid(visitId)) return null;
  return db().$transaction(async (tx) => {
    const visit = await tx.visit.findFirst({ where: { id: visitId, clinicId: actor.clinicId }, select: { id: true, patientId: true } });
    if (!visit) return null;
    const final = await tx.summary.findFirst({
      where: { visitId, clinicId: actor.clinicId, state: "FINAL" },
      orderBy: { revision: "desc" },
      select: { id: true, revision: true, content: true, engineVersion: true, finalizedAt: true, finalizedById: true },
    });
    await recordAudit(tx, { actor, action: "view", recordType: "Summary", recordId: final?.id ?? visitId, patientId: visit.patientId, meta });
    if (final) {
      const by = final.finalizedById ? await tx.user.findFirst({ where: { id: final.finalizedById, clinicId: actor.clinicId }, select: { name: true } }) : null;
      return {
        assessment: final.content as unknown as Assessment,
        finalized: { at: final.finalizedAt!.toISOString(), byName: by?.name ?? "", summaryId: final.id, revision: final.revision, rulesetVersion: final.engineVersion },
      };
    }
    return { assessment: assess(await inputsFor(tx, actor.clinicId, visitId)), finalized: null };
  });
}

export type FinalizeResult = { ok: true; summaryId: string } | { ok: false; reason: "not-found" | "incomplete" | "already-finalized" };

/** Sign the summary: store the assessment as it stands, lock it, record who and when. */
export async function finalizeSummary(actor: ClinicianActor, visitId: string, meta: RequestMeta = {}): Promise<FinalizeResult> {
  if (!isUuid(visitId)) return { ok: false, reason: "not-found" };
  try {
    return await db().$transaction(async (tx) => {
      const visit = await tx.visit.findFirst({ where: { id: visitId, clinicId: actor.clinicId }, select: { id: true, patientId: true } });
      if (!visit) {
        await recordAudit(tx, { actor, action: "access-denied", outcome: "denied", recordType: "Summary", recordId: visitId, meta });
        return { ok: false, reason: "not-found" } as const;
      }
      const existing = await tx.summary.findFirst({ where: { visitId, clinicId: actor.clinicId, state: "FINAL" }, select: { id: true } });
      if (existing) return { ok: false, reason: "already-finalized" } as const;
      const assessment = assess(await inputsFor(tx, actor.clinicId, visitId));
      if (assessment.status === "incomplete") return { ok: false, reason: "incomplete" } as const;
      const json = assessment as unknown as Prisma.InputJsonValue;
      const s = await tx.summary.create({
        data: {
          clinicId: actor.clinicId,
          visitId,
          revision: 1,
          state: "FINAL",
          engineVersion: assessment.rulesetVersion,
          generated: json,
          content: json,
          updatedById: actor.userId,
          finalizedAt: new Date(),
          finalizedById: actor.userId,
        },
        select: { id: true },
      });
      await advanceVisitStatus(tx, visitId, actor.clinicId, "SUMMARY_FINALIZED");
      await recordAudit(tx, { actor, action: "finalize", recordType: "Summary", recordId: s.id, patientId: visit.patientId, details: { status: assessment.status }, meta });
      return { ok: true, summaryId: s.id } as const;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return { ok: false, reason: "already-finalized" };
    throw e;
  }
}

export interface PrintableDTO {
  assessment: Assessment;
  summaryId: string;
  revision: number;
  finalizedAt: string;
  finalizedByName: string;
}

/** The finalized summary for printing (an audit "print" event: a disclosure). */
export async function getPrintableSummary(actor: ClinicianActor, visitId: string, meta: RequestMeta = {}, action: "print" | "pdf-download" = "print"): Promise<PrintableDTO | null> {
  if (!isUuid(visitId)) return null;
  return db().$transaction(async (tx) => {
    const s = await tx.summary.findFirst({
      where: { visitId, clinicId: actor.clinicId, state: "FINAL" },
      orderBy: { revision: "desc" },
      select: { id: true, revision: true, content: true, finalizedAt: true, finalizedById: true, visit: { select: { patientId: true } } },
    });
    if (!s) {
      // Another clinic's visit, or nothing finalized to print: refused, and recorded.
      await recordAudit(tx, { actor, action: "access-denied", outcome: "denied", recordType: "SummaryPrint", recordId: visitId, meta });
      return null;
    }
    const by = s.finalizedById ? await tx.user.findFirst({ where: { id: s.finalizedById, clinicId: actor.clinicId }, select: { name: true } }) : null;
    await recordAudit(tx, { actor, action, recordType: "Summary", recordId: s.id, patientId: s.visit.patientId, details: { revision: s.revision }, meta });
    return { assessment: s.content as unknown as Assessment, summaryId: s.id, revision: s.revision, finalizedAt: s.finalizedAt!.toISOString(), finalizedByName: by?.name ?? "" };
  });
}
