// The patient's answers through their link: the draft saved as they type, and the submission.

import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db, sql } from "../db";
import { pauseBeforeCommit } from "./fault-hooks";
import { INTAKE_SCHEMA_VERSION, type EngineIntake, type FollowUpIntakeAnswers, type IntakeAnswers } from "../assessment/intake-schema";
import { needsClinicianReview } from "../assessment/safety";
import { scoreAkps, scoreLefs } from "../assessment/scoring";
import type { DeepPartial } from "../assessment/schema-builders";
import type { PatientActor, RequestMeta } from "./actors";
import { recordAudit } from "./audit";
import { queuePatientMessage } from "./messages";
import { type Locale } from "../i18n/locales";
import { advanceVisitStatus } from "./visit-status";
import { openIntake, sealIntake } from "./sealed";
import { inviteProblem, lastSubmitted } from "./intake-link";

type Tx = Prisma.TransactionClient;
/** Submitted answers: the full intake (initial visit) or the shorter follow-up one. */
export type SubmittedAnswers = IntakeAnswers | FollowUpIntakeAnswers;

/**
 * What a patient's request may act on: their verified session's invite, still open, and the revision it
 * collects. Null when the browser has not passed the date-of-birth check or the link has closed.
 */
async function openInvite(tx: Tx, actor: PatientActor, now = new Date()) {
  const s = await tx.intakeSession.findFirst({
    where: { id: actor.intakeSessionId, clinicId: actor.clinicId, inviteId: actor.inviteId },
    select: {
      dobVerifiedAt: true,
      expiresAt: true,
      invite: { select: { expiresAt: true, revokedAt: true, forRevision: true, purpose: true, visit: { select: { intakes: lastSubmitted } } } },
    },
  });
  // A summary link's session never writes an intake.
  if (!s || s.invite.purpose !== "intake") return { ok: false, reason: "closed" } as const;
  if (!s.dobVerifiedAt) return { ok: false, reason: "not-verified" } as const;
  const problem = inviteProblem(s.invite, now);
  if (problem === "submitted") return { ok: false, reason: "submitted" } as const;
  if (problem || s.expiresAt <= now) return { ok: false, reason: "closed" } as const;
  return { ok: true, revision: s.invite.forRevision } as const;
}

export interface DraftDTO {
  answers: DeepPartial<IntakeAnswers>;
  version: number;
  resumeStep: string | null;
  savedAt: string;
}

/** The patient's draft for the revision their link collects, to resume where they left off (any device). */
export async function getIntakeDraft(actor: PatientActor): Promise<DraftDTO | null> {
  return db().$transaction(async (tx) => {
    const open = await openInvite(tx, actor);
    if (!open.ok) return null;
    const d = await tx.intakeResponse.findFirst({
      where: { visitId: actor.visitId, clinicId: actor.clinicId, revision: open.revision, state: "DRAFT" },
      select: { id: true, answers: true, version: true, resumeStep: true, updatedAt: true },
    });
    if (!d) return null;
    await recordAudit(tx, { actor, action: "view", recordType: "IntakeResponse", recordId: d.id, details: { draft: true, version: d.version } });
    return { answers: openIntake(d.answers as DeepPartial<IntakeAnswers>), version: d.version, resumeStep: d.resumeStep, savedAt: d.updatedAt.toISOString() };
  });
}

export type SaveDraftResult =
  | { ok: true; version: number; savedAt: string }
  /** Someone saved since `baseVersion` (another tab or device): their answers, to merge with this one's. */
  | { ok: false; reason: "conflict"; current: DraftDTO }
  | { ok: false; reason: "not-verified" | "submitted" | "closed" };

/**
 * Autosave: store the answers so far (already checked against the draft schema) if nobody saved since
 * `baseVersion` (optimistic concurrency; null = this browser has not seen a draft). Never overwrites a
 * newer save; a stale one gets the current draft back to merge.
 */
export async function saveIntakeDraft(
  actor: PatientActor,
  answers: DeepPartial<IntakeAnswers>,
  baseVersion: number | null,
  resumeStep: string | null,
  meta: RequestMeta = {},
): Promise<SaveDraftResult> {
  if (baseVersion !== null) {
    const saved = await updateDraft(actor, answers, baseVersion, resumeStep, meta);
    if (saved) return saved;
  }
  // The first save, and every save that is not a plain update of the current draft (a conflict, a closed
  // link, a missing draft): checked step by step, each outcome audited.
  // As JSON text, the way the hot path's parameter is sent: a partly answered questionnaire arrives as an
  // array with undefined items ("$undefined" in the request), which Prisma refuses (a 500) and JSON stores
  // as null. Found by lib/forms/hostile-input.int.test.ts.
  const json = sealIntake(JSON.parse(JSON.stringify(answers))) as Prisma.InputJsonValue;
  try {
    return await db().$transaction(async (tx) => {
      const open = await openInvite(tx, actor);
      if (!open.ok) return open;
      const where = { visitId: actor.visitId, clinicId: actor.clinicId, revision: open.revision, state: "DRAFT" as const };
      const current = await tx.intakeResponse.findFirst({ where, select: { id: true, version: true } });
      if (!current) {
        const row = await tx.intakeResponse.create({
          data: {
            clinicId: actor.clinicId,
            visitId: actor.visitId,
            revision: open.revision,
            state: "DRAFT",
            schemaVersion: INTAKE_SCHEMA_VERSION,
            answers: json,
            resumeStep,
          },
          select: { id: true, version: true, updatedAt: true },
        });
        await recordAudit(tx, {
          actor,
          action: "create",
          recordType: "IntakeResponse",
          recordId: row.id,
          details: { draft: true, version: row.version },
          meta,
        });
        return { ok: true, version: row.version, savedAt: row.updatedAt.toISOString() } as const;
      }
      const updated =
        baseVersion === null
          ? { count: 0 }
          : await tx.intakeResponse.updateMany({
              where: { ...where, id: current.id, version: baseVersion },
              data: { answers: json, resumeStep, version: { increment: 1 }, schemaVersion: INTAKE_SCHEMA_VERSION },
            });
      if (updated.count === 0) {
        const latest = await tx.intakeResponse.findFirstOrThrow({
          where: { id: current.id },
          select: { answers: true, version: true, resumeStep: true, updatedAt: true },
        });
        await recordAudit(tx, {
          actor,
          action: "update",
          outcome: "conflict",
          recordType: "IntakeResponse",
          recordId: current.id,
          details: { draft: true, baseVersion },
          meta,
        });
        return {
          ok: false,
          reason: "conflict",
          current: {
            answers: openIntake(latest.answers as DeepPartial<IntakeAnswers>),
            version: latest.version,
            resumeStep: latest.resumeStep,
            savedAt: latest.updatedAt.toISOString(),
          },
        } as const;
      }
      const version = baseVersion! + 1;
      await recordAudit(tx, { actor, action: "update", recordType: "IntakeResponse", recordId: current.id, details: { draft: true, version }, meta });
      return { ok: true, version, savedAt: new Date().toISOString() } as const;
    });
  } catch (e) {
    // Two first saves at once (two tabs): the loser hands back the winner's draft to merge.
    if (isUniqueViolation(e)) {
      const d = await db().intakeResponse.findFirst({
        where: { visitId: actor.visitId, clinicId: actor.clinicId, state: "DRAFT" },
        select: { answers: true, version: true, resumeStep: true, updatedAt: true },
      });
      if (d)
        return {
          ok: false,
          reason: "conflict",
          current: {
            answers: openIntake(d.answers as DeepPartial<IntakeAnswers>),
            version: d.version,
            resumeStep: d.resumeStep,
            savedAt: d.updatedAt.toISOString(),
          },
        };
    }
    throw e;
  }
}

/**
 * The common autosave, in one statement (ADR 0013): update the draft of the revision this browser's link
 * collects, if the session is verified and open (the same conditions as openInvite) and the version is the
 * one the browser saw, and append its audit event. Null when it did not apply: the caller then takes the
 * step-by-step path, which finds out why. Same rows and audit event as that path's update.
 */
async function updateDraft(
  actor: PatientActor,
  answers: DeepPartial<IntakeAnswers>,
  baseVersion: number,
  resumeStep: string | null,
  meta: RequestMeta,
): Promise<SaveDraftResult | null> {
  const now = new Date();
  const [row] = await sql<{ version: number }>(
    `WITH open AS (
       SELECT i."forRevision" AS revision
         FROM "IntakeSession" s JOIN "IntakeInvite" i ON i.id = s."inviteId"
        WHERE s.id = $1 AND s."clinicId" = $2 AND s."inviteId" = $3 AND s."dobVerifiedAt" IS NOT NULL
          AND s."expiresAt" > $4 AND i."revokedAt" IS NULL AND i."expiresAt" > $4 AND i.purpose = 'intake'
          AND NOT EXISTS (SELECT 1 FROM "IntakeResponse" f
                           WHERE f."visitId" = i."visitId" AND f.state IN ('FINAL', 'SUPERSEDED') AND f.revision >= i."forRevision")
     ), saved AS (
       UPDATE "IntakeResponse" r
          SET answers = $5, "resumeStep" = $6, version = r.version + 1, "schemaVersion" = $7, "updatedAt" = $4
         FROM open
        WHERE r."visitId" = $8 AND r."clinicId" = $2 AND r.revision = open.revision AND r.state = 'DRAFT' AND r.version = $9
       RETURNING r.id, r.version
     ), audited AS (
       INSERT INTO "AuditEvent" ("at", "actorType", "actorId", "clinicId", "patientId", action, "recordType", "recordId", outcome, details, "requestId", ip, "userAgent")
       SELECT $4, 'patient', $10, $2, $11, 'update', 'IntakeResponse', saved.id::text, 'ok', jsonb_build_object('draft', true, 'version', saved.version), $12, $13, $14
         FROM saved
     )
     SELECT version FROM saved`,
    [
      actor.intakeSessionId,
      actor.clinicId,
      actor.inviteId,
      now,
      JSON.stringify(sealIntake(answers)),
      resumeStep,
      INTAKE_SCHEMA_VERSION,
      actor.visitId,
      baseVersion,
      `invite:${actor.inviteId}`,
      actor.patientId,
      meta.requestId ?? null,
      meta.ip ?? null,
      meta.userAgent?.slice(0, 300) ?? null,
    ],
  );
  return row ? { ok: true, version: row.version, savedAt: now.toISOString() } : null;
}

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

/** The columns lists and reports query, from answers of either version. */
function derivedColumns(answers: SubmittedAnswers) {
  const a = answers as EngineIntake;
  const q = a.questionnaires;
  return {
    painNow: a.pain?.now ?? null,
    painWorst: a.pain?.worstWeek ?? null,
    weeklyKmNow: a.running?.weeklyKm?.thisWeek ?? null,
    weeklyKm4wAgo: a.running?.weeklyKm?.fourWeeksAgo ?? null,
    akpsScore: q?.akps ? scoreAkps(q.akps as number[]) : null,
    lefsScore: q?.lefs ? scoreLefs(q.lefs as number[]) : null,
  };
}

export type SubmitResult = { ok: true; intakeId: string } | { ok: false; reason: "not-verified" | "closed" };

/**
 * Submit the intake (answers already checked against the clinic's form schema; `consentText` is the
 * clinic's statement the patient agreed to, stored with the time). Idempotent: a retried or doubled submit
 * with the same key returns the same row, and a second submission of the same revision changes nothing.
 * Submitting a correction makes it the visit's intake and keeps the earlier revision as SUPERSEDED.
 */
export async function submitIntake(
  actor: PatientActor,
  answers: SubmittedAnswers,
  submissionKey: string,
  meta: RequestMeta = {},
  consentText: string | null = null,
  /** The language the patient read the intake in (the clinician sees it beside the scores). */
  locale: Locale | null = null,
): Promise<SubmitResult> {
  const existing = await db().intakeResponse.findUnique({ where: { submissionKey }, select: { id: true, visitId: true } });
  if (existing) return existing.visitId === actor.visitId ? { ok: true, intakeId: existing.id } : { ok: false, reason: "closed" };
  const findSubmitted = (tx: Tx | ReturnType<typeof db>, revision: number) =>
    tx.intakeResponse.findFirst({
      where: { visitId: actor.visitId, clinicId: actor.clinicId, revision, state: { in: ["FINAL", "SUPERSEDED"] } },
      select: { id: true },
    });
  let revision = 0;
  try {
    return await db().$transaction(async (tx) => {
      const open = await openInvite(tx, actor);
      if (!open.ok && open.reason === "not-verified") return { ok: false, reason: "not-verified" } as const;
      if (!open.ok && open.reason === "closed") return { ok: false, reason: "closed" } as const;
      if (!open.ok) {
        // Already submitted (a double tap with a new key, a second tab): answer with that submission.
        const done = await tx.intakeResponse.findFirst({ where: { visitId: actor.visitId, clinicId: actor.clinicId, state: "FINAL" }, select: { id: true } });
        return done ? ({ ok: true, intakeId: done.id } as const) : ({ ok: false, reason: "closed" } as const);
      }
      revision = open.revision;
      const review = needsClinicianReview(answers as EngineIntake);
      const now = new Date();
      const data = {
        state: "FINAL" as const,
        schemaVersion: INTAKE_SCHEMA_VERSION,
        answers: sealIntake(answers) as unknown as Prisma.InputJsonValue,
        submissionKey,
        submittedAt: now,
        resumeStep: null,
        consentText,
        locale,
        consentedAt: consentText === null ? null : now,
        hasRedFlag: review,
        ...derivedColumns(answers),
      };
      // The earlier revision steps aside first: a visit has one FINAL intake at a time (a unique index).
      const superseded = await tx.intakeResponse.updateMany({
        where: { visitId: actor.visitId, clinicId: actor.clinicId, state: "FINAL", revision: { lt: revision } },
        data: { state: "SUPERSEDED" },
      });
      const draft = await tx.intakeResponse.findFirst({
        where: { visitId: actor.visitId, clinicId: actor.clinicId, revision, state: "DRAFT" },
        select: { id: true },
      });
      let id: string;
      if (draft) {
        const moved = await tx.intakeResponse.updateMany({ where: { id: draft.id, state: "DRAFT" }, data: { ...data, version: { increment: 1 } } });
        if (moved.count === 0) {
          // A concurrent submit finalized this draft first (it held the row until it committed).
          const won = await findSubmitted(tx, revision);
          if (won) return { ok: true, intakeId: won.id } as const;
          throw new Error("intake draft vanished during submit");
        }
        id = draft.id;
      } else {
        const row = await tx.intakeResponse.create({ data: { ...data, clinicId: actor.clinicId, visitId: actor.visitId, revision }, select: { id: true } });
        id = row.id;
      }
      await advanceVisitStatus(tx, actor.visitId, actor.clinicId, "INTAKE_SUBMITTED", { needsReview: review });
      await recordAudit(tx, {
        actor,
        action: "submit",
        recordType: "IntakeResponse",
        recordId: id,
        details: { needsReview: review, revision, supersededRevisions: superseded.count },
        meta,
      });
      await queuePatientMessage(tx, actor.clinicId, actor.visitId, "intake-received");
      await pauseBeforeCommit();
      return { ok: true, intakeId: id } as const;
    });
  } catch (e) {
    // A concurrent submit won the race (same key, or the same revision with another key): answer with its row.
    if (isUniqueViolation(e)) {
      const byKey = await db().intakeResponse.findUnique({ where: { submissionKey }, select: { id: true, visitId: true } });
      if (byKey) return byKey.visitId === actor.visitId ? { ok: true, intakeId: byKey.id } : { ok: false, reason: "closed" };
      const won = revision ? await findSubmitted(db(), revision) : null;
      if (won) return { ok: true, intakeId: won.id };
    }
    throw e;
  }
}
