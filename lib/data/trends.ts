import "server-only";
// Trends across visits for the patient page and a follow-up visit's summary: the patient's visits with
// their finalized exam and submitted intake, read in one query (the patient row with its visits and their
// latest final exam and intake nested), and turned into points by lib/assessment/trends.ts.
import type { Prisma } from "../generated/prisma/client";
import { db, sql } from "../db";
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
  // One read (ADR 0037): the clinic's settings and the patient's visits, each with its latest final exam and
  // intake as stored (JSON and schema version), in (date, createdAt) order; Prisma's nested select made five
  // queries of it. Another clinic's patient, or a visit not theirs, takes the stepwise path (the refusal).
  const [p] = await sql<{ settings: unknown; visits: StoredVisit[] }>(
    `SELECT (SELECT settings FROM "Clinic" c WHERE c.id = p."clinicId") AS settings,
            coalesce((SELECT json_agg(json_build_object(
                       'id', v.id, 'date', to_char(v.date, 'YYYY-MM-DD'), 'createdAt', v."createdAt", 'kind', v.kind,
                       'exam', (SELECT json_build_object('data', e.data, 'schemaVersion', e."schemaVersion") FROM "Exam" e
                                 WHERE e."visitId" = v.id AND e.state = 'FINAL' ORDER BY e.revision DESC LIMIT 1),
                       'intake', (SELECT json_build_object('answers', r.answers, 'schemaVersion', r."schemaVersion") FROM "IntakeResponse" r
                                   WHERE r."visitId" = v.id AND r.state = 'FINAL' ORDER BY r.revision DESC LIMIT 1)
                     ) ORDER BY v.date, v."createdAt")
                       FROM "Visit" v WHERE v."patientId" = p.id AND v."clinicId" = $2), '[]'::json) AS visits
       FROM "Patient" p WHERE p.id = $1 AND p."clinicId" = $2`,
    [patientId, actor.clinicId],
  );
  const upTo = opts.upToVisitId ? p?.visits.findIndex((v) => v.id === opts.upToVisitId) : undefined;
  if (!p || upTo === -1) return getVisitTrendsStepwise(actor, patientId, meta, opts);
  const visits = upTo === undefined ? p.visits : p.visits.slice(0, upTo + 1);
  const trends = visitTrends(
    visits.map((v) => ({
      visitId: v.id,
      date: v.date,
      createdAt: new Date(v.createdAt).toISOString(),
      kind: v.kind,
      exam: v.exam ? readExam(v.exam) : null,
      intake: v.intake ? readIntake(v.intake) : null,
    })),
    resolveSettings(p.settings),
  );
  // The view's audit event, as recordAudit writes it (its details need the trends).
  await sql(
    `INSERT INTO "AuditEvent" ("actorType", "actorId", "clinicId", "patientId", action, "recordType", "recordId", outcome, details, "requestId", ip, "userAgent")
     VALUES ('user', $1, $2, $3, 'view', 'Trends', $4, 'ok', $5, $6, $7, $8)`,
    [
      actor.userId,
      actor.clinicId,
      patientId,
      patientId,
      JSON.stringify({ visits: trends.visits.length, ...(opts.upToVisitId ? { upToVisitId: opts.upToVisitId } : {}) }),
      meta.requestId ?? null,
      meta.ip ?? null,
      meta.userAgent?.slice(0, 300) ?? null,
    ],
  );
  return trends;
}

interface StoredVisit {
  id: string;
  date: string;
  createdAt: string;
  kind: "INITIAL" | "FOLLOW_UP";
  exam: { data: Prisma.JsonValue; schemaVersion: number } | null;
  intake: { answers: Prisma.JsonValue; schemaVersion: number } | null;
}

/** getVisitTrends step by step with Prisma: for a refusal (audited), and the equivalence tests. */
export async function getVisitTrendsStepwise(
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
