import "server-only";
// Trends across visits for the patient page and a follow-up visit's summary: the patient's visits with
// their finalized exam and submitted intake, read in one query (the patient row with its visits and their
// latest final exam and intake nested), and turned into points by lib/assessment/trends.ts.
import { db } from "../db";
import { resolveSettings } from "../assessment/settings";
import { visitTrends, type Trends } from "../assessment/trends";
import type { ClinicianActor, RequestMeta } from "./actors";
import { recordAudit } from "./audit";
import { toIsoDate } from "./dates";
import { denied } from "./denials";
import { isUuid } from "./patients";
import { readExam, readIntake } from "./stored";

export type VisitTrendsDTO = Trends;

const latestFinal = { where: { state: "FINAL" as const }, orderBy: { revision: "desc" as const }, take: 1 };

/**
 * The patient's trends across visits, scoped to the actor's clinic and audited as one view. With
 * `upToVisitId` (a follow-up visit's summary and its print), only that visit and the ones before it: a
 * sheet printed later still shows the trend as it stood at that visit. Null when the patient (or that
 * visit of theirs) is not this clinic's; the refusal is audited.
 */
export async function getVisitTrends(
  actor: ClinicianActor,
  patientId: string,
  meta: RequestMeta = {},
  opts: { upToVisitId?: string } = {},
): Promise<VisitTrendsDTO | null> {
  if (!isUuid(patientId) || (opts.upToVisitId !== undefined && !isUuid(opts.upToVisitId))) return null;
  return db().$transaction(async (tx) => {
    const p = await tx.patient.findFirst({
      where: { id: patientId, clinicId: actor.clinicId },
      select: {
        clinic: { select: { settings: true } },
        visits: {
          where: { clinicId: actor.clinicId },
          orderBy: [{ date: "asc" }, { createdAt: "asc" }],
          select: {
            id: true,
            date: true,
            createdAt: true,
            kind: true,
            exams: { ...latestFinal, select: { data: true, schemaVersion: true } },
            intakes: { ...latestFinal, select: { answers: true, schemaVersion: true } },
          },
        },
      },
    });
    const upTo = opts.upToVisitId ? p?.visits.findIndex((v) => v.id === opts.upToVisitId) : undefined;
    if (!p || upTo === -1) {
      await denied(tx, actor, "Trends", opts.upToVisitId ?? patientId, meta);
      return null;
    }
    // Visits come back in (date, createdAt) order, so "up to this visit" is a prefix.
    const visits = upTo === undefined ? p.visits : p.visits.slice(0, upTo + 1);
    const trends = visitTrends(
      visits.map((v) => ({
        visitId: v.id,
        date: toIsoDate(v.date),
        createdAt: v.createdAt.toISOString(),
        kind: v.kind,
        // Opened (free text is encrypted, ADR 0029) and read at its stored version, as every other read does.
        exam: v.exams[0] ? readExam(v.exams[0]) : null,
        intake: v.intakes[0] ? readIntake(v.intakes[0]) : null,
      })),
      resolveSettings(p.clinic.settings),
    );
    await recordAudit(tx, {
      actor,
      action: "view",
      recordType: "Trends",
      recordId: patientId,
      patientId,
      details: { visits: trends.visits.length, ...(opts.upToVisitId ? { upToVisitId: opts.upToVisitId } : {}) },
      meta,
    });
    return trends;
  });
}
