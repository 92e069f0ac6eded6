import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db, sql } from "../db";
import { env } from "../env";
import { newToken, tokenHash } from "../auth/tokens";
import { INTAKE_SCHEMA_VERSION, type EngineIntake, type FollowUpIntakeAnswers, type IntakeAnswers, type IntakeKind } from "../assessment/intake-schema";
import { needsClinicianReview, urgentCareReasons, type UrgentReason } from "../assessment/safety";
import { scoreAkps, scoreLefs } from "../assessment/scoring";
import type { DeepPartial } from "../assessment/schema-builders";
import type { ClinicianActor, PatientActor, RequestMeta } from "./actors";
import { recordAudit } from "./audit";
import { toIsoDate } from "./dates";
import { queueClinicNotice, queuePatientMessage } from "./messages";
import { isUuid } from "./patients";
import { toLocale, type Locale } from "../i18n/locales";
import { questionnaireLocale } from "../i18n";
import { advanceVisitStatus } from "./visit-status";
import { issueInvite } from "./visits";
import { openIntake, sealIntake } from "./sealed";
import { mintActor } from "./actor-mint";
import { readIntake } from "./stored";

/** Wrong dates of birth allowed per browser, and per link across all browsers (security-requirements §1 (d)). */
export const DOB_ATTEMPTS_PER_SESSION = 5;
export const DOB_FAILURES_PER_INVITE = 10; // lib/data/messages.ts keeps the same number

type Tx = Prisma.TransactionClient;
/** Submitted answers: the full intake (initial visit) or the shorter follow-up one. */
export type SubmittedAnswers = IntakeAnswers | FollowUpIntakeAnswers;

export type RedeemResult =
  | { ok: true; sessionToken: string; expiresAt: Date; purpose: LinkPurpose }
  /** `locale`: the patient's language when the link was found, for the page that explains the problem. */
  | { ok: false; reason: "invalid" | "expired" | "revoked" | "submitted" | "discharged"; locale?: Locale };

/** What a link opens: the intake, the signed summary (by email), or the patient's plan between visits. */
export type LinkPurpose = "intake" | "summary" | "plan";
const toPurpose = (p: string): LinkPurpose => (p === "summary" || p === "plan" ? p : "intake");

/** A plan link's browser session lasts at most this long (the link itself lasts until discharge): a lost
 * phone does not keep the plan open for months; opening the link again asks for the date of birth again. */
export const PLAN_SESSION_DAYS = 90;

/** The latest submitted (FINAL or SUPERSEDED) revision of a visit's intake, for checking an invite. */
const lastSubmitted = { where: { state: { in: ["FINAL" as const, "SUPERSEDED" as const] } }, orderBy: { revision: "desc" as const }, select: { revision: true, answers: true }, take: 1 };

/** Why an invite cannot be used now, or null when it can. A link closes once the revision it collects is in. */
function inviteProblem(inv: { expiresAt: Date; revokedAt: Date | null; forRevision: number; visit: { intakes: { revision: number }[] } }, now: Date) {
  if (inv.revokedAt) return "revoked" as const;
  if ((inv.visit.intakes[0]?.revision ?? 0) >= inv.forRevision) return "submitted" as const;
  if (inv.expiresAt <= now) return "expired" as const;
  return null;
}

/** inviteProblem for every kind of link: a summary link (sent after signing) or a plan link is not closed by
 * the intake having been submitted, only by expiry or withdrawal; a plan link also by the patient's
 * discharge (which withdraws it too, but says so in its own words). */
function linkProblem(inv: Parameters<typeof inviteProblem>[0] & { purpose: string; dischargedOn?: Date | null }, now: Date) {
  if (inv.purpose === "plan" && inv.dischargedOn) return "discharged" as const;
  const problem = inviteProblem(inv, now);
  return problem === "submitted" && inv.purpose !== "intake" ? null : problem;
}

/**
 * Exchange an invite token (from the link) for a new browser session. The link stays usable from any
 * device until the intake is submitted, it expires or the clinic revokes it.
 */
export async function redeemInvite(token: string, meta: RequestMeta = {}, now = new Date()): Promise<RedeemResult> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: "invalid" };
  const inv = await db().intakeInvite.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: { id: true, clinicId: true, visitId: true, expiresAt: true, revokedAt: true, firstUsedAt: true, forRevision: true, purpose: true, visit: { select: { patientId: true, intakes: lastSubmitted, patient: { select: { locale: true, dischargedOn: true } } } } },
  });
  if (!inv) return { ok: false, reason: "invalid" };
  const problem = linkProblem({ ...inv, dischargedOn: inv.visit.patient.dischargedOn }, now);
  if (problem) return { ok: false, reason: problem, locale: toLocale(inv.visit.patient.locale) };
  const sessionToken = newToken();
  const purpose = toPurpose(inv.purpose);
  const expiresAt = purpose === "plan" ? new Date(Math.min(inv.expiresAt.getTime(), now.getTime() + PLAN_SESSION_DAYS * 86_400_000)) : inv.expiresAt;
  await db().$transaction(async (tx) => {
    await tx.intakeSession.create({
      data: { clinicId: inv.clinicId, inviteId: inv.id, tokenHash: tokenHash(sessionToken), expiresAt },
    });
    if (!inv.firstUsedAt) await tx.intakeInvite.update({ where: { id: inv.id }, data: { firstUsedAt: now } });
    await recordAudit(tx, {
      actor: { kind: "anonymous" },
      action: "invite-redeemed",
      clinicId: inv.clinicId,
      patientId: inv.visit.patientId,
      recordType: "IntakeInvite",
      recordId: inv.id,
      meta,
    });
  });
  return { ok: true, sessionToken, expiresAt, purpose };
}

export type IntakeSessionState =
  | { ok: false; reason: "none" }
  /** `locale`: the patient's language, for the page that says what happened (not PHI). */
  | { ok: false; reason: "expired" | "revoked" | "discharged"; locale: Locale }
  /** `urgent`: the sent answers call for same-day care (shown again on the thank-you page); empty for a
   * browser that has not passed the date-of-birth check, which learns nothing about the answers. */
  | { ok: false; reason: "submitted"; urgent: UrgentReason[]; locale: Locale; kind: IntakeKind }
  | {
      ok: true;
      actor: PatientActor;
      dobVerified: boolean;
      locked: boolean;
      clinicName: string;
      /** Shown only after the date-of-birth check (the page decides). */
      firstName: string;
      fullName: string;
      kind: IntakeKind;
      /** The revision this link collects (above 1 when the clinic reopened the intake for corrections). */
      revision: number;
      /** The sex on the patient's record, for the follow-up form (which has no "about you" step). */
      recordedSex: "FEMALE" | "MALE" | "OTHER" | "UNDISCLOSED";
      /** What the link opens: the intake, the take-home summary (a link sent after signing) or My plan. */
      purpose: LinkPurpose;
      /** The language of the patient's pages (the patient's record). */
      locale: Locale;
    };

/** The patient's browser session from its cookie value, checked against the invite's current state. */
export async function getIntakeSession(sessionToken: string | undefined, now = new Date()): Promise<IntakeSessionState> {
  if (!sessionToken || !/^[A-Za-z0-9_-]{20,100}$/.test(sessionToken)) return { ok: false, reason: "none" };
  // One statement on every patient request, autosaves included (ADR 0013): Prisma made six here.
  const [s] = await sql<IntakeSessionRow>(
    `SELECT s.id, s."clinicId", s."dobVerifiedAt", s."dobAttempts", s."expiresAt",
            i.id AS "inviteId", i."expiresAt" AS "inviteExpiresAt", i."revokedAt", i."dobFailures", i."forRevision", i.purpose,
            v.id AS "visitId", v.kind::text AS kind, v."patientId", p."firstName", p."lastName", p.sex::text AS sex,
            p.locale, p."dischargedOn", c.name AS "clinicName", last.revision AS "submittedRevision", last.safety AS "submittedSafety"
       FROM "IntakeSession" s
       JOIN "IntakeInvite" i ON i.id = s."inviteId"
       JOIN "Visit" v ON v.id = i."visitId"
       JOIN "Patient" p ON p.id = v."patientId"
       JOIN "Clinic" c ON c.id = v."clinicId"
       LEFT JOIN LATERAL (
         SELECT r.revision, r.answers -> 'safety' AS safety FROM "IntakeResponse" r
          WHERE r."visitId" = v.id AND r.state IN ('FINAL', 'SUPERSEDED') ORDER BY r.revision DESC LIMIT 1
       ) last ON true
      WHERE s."tokenHash" = $1`,
    [tokenHash(sessionToken)],
  );
  if (!s) return { ok: false, reason: "none" };
  const problem = linkProblem({ expiresAt: s.inviteExpiresAt, revokedAt: s.revokedAt, forRevision: s.forRevision, purpose: s.purpose, dischargedOn: s.dischargedOn, visit: { intakes: s.submittedRevision === null ? [] : [{ revision: s.submittedRevision }] } }, now);
  if (problem === "submitted") {
    return { ok: false, reason: "submitted", urgent: s.dobVerifiedAt ? urgentCareReasons((s.submittedSafety ?? undefined) as EngineIntake["safety"]) : [], locale: toLocale(s.locale), kind: s.kind };
  }
  if (problem) return { ok: false, reason: problem, locale: toLocale(s.locale) };
  if (s.expiresAt <= now) return { ok: false, reason: "expired", locale: toLocale(s.locale) };
  return {
    ok: true,
    actor: mintActor({ kind: "patient", intakeSessionId: s.id, inviteId: s.inviteId, visitId: s.visitId, patientId: s.patientId, clinicId: s.clinicId }),
    dobVerified: !!s.dobVerifiedAt,
    locked: !s.dobVerifiedAt && (s.dobAttempts >= DOB_ATTEMPTS_PER_SESSION || s.dobFailures >= DOB_FAILURES_PER_INVITE),
    // The clinic name is not PHI; the patient's names are for the page to show after the check.
    clinicName: s.clinicName,
    firstName: s.firstName,
    fullName: `${s.firstName} ${s.lastName}`,
    kind: s.kind,
    revision: s.forRevision,
    recordedSex: s.sex,
    purpose: toPurpose(s.purpose),
    locale: toLocale(s.locale),
  };
}

interface IntakeSessionRow {
  id: string;
  clinicId: string;
  dobVerifiedAt: Date | null;
  dobAttempts: number;
  expiresAt: Date;
  inviteId: string;
  inviteExpiresAt: Date;
  revokedAt: Date | null;
  dobFailures: number;
  forRevision: number;
  purpose: string;
  visitId: string;
  kind: IntakeKind;
  patientId: string;
  firstName: string;
  lastName: string;
  sex: "FEMALE" | "MALE" | "OTHER" | "UNDISCLOSED";
  clinicName: string;
  locale: string;
  dischargedOn: Date | null;
  /** The latest submitted (FINAL or SUPERSEDED) revision, if any, and its safety answers. */
  submittedRevision: number | null;
  submittedSafety: unknown;
}

/**
 * Whether this browser's session already submitted the intake with this key: a retried or doubled submit
 * that arrives after the first one closed the intake gets the same answer as the first (security-
 * requirements §5: all ten identical submissions succeed, with one row).
 */
export async function isOwnSubmission(sessionToken: string | undefined, submissionKey: string): Promise<boolean> {
  if (!sessionToken || !/^[A-Za-z0-9_-]{20,100}$/.test(sessionToken)) return false;
  const [s, r] = await Promise.all([
    db().intakeSession.findUnique({ where: { tokenHash: tokenHash(sessionToken) }, select: { dobVerifiedAt: true, invite: { select: { visitId: true } } } }),
    db().intakeResponse.findUnique({ where: { submissionKey }, select: { visitId: true } }),
  ]);
  return !!s?.dobVerifiedAt && !!r && r.visitId === s.invite.visitId;
}

/** The patient changes the language of their pages (only after the date-of-birth check: before it, the
 * choice stays in the browser; see the intake actions). */
export async function setPatientLocaleFromIntake(actor: PatientActor, locale: Locale, meta: RequestMeta = {}): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const s = await tx.intakeSession.findUnique({ where: { id: actor.intakeSessionId }, select: { dobVerifiedAt: true } });
    if (!s?.dobVerifiedAt) return false;
    const r = await tx.patient.updateMany({ where: { id: actor.patientId, clinicId: actor.clinicId }, data: { locale } });
    if (r.count === 0) return false;
    await recordAudit(tx, { actor, action: "update", recordType: "Patient", recordId: actor.patientId, patientId: actor.patientId, meta });
    return true;
  });
}

export type DobResult = { ok: true } | { ok: false; reason: "wrong"; attemptsLeft: number } | { ok: false; reason: "locked" };

/** The date-of-birth check each new browser passes before any health data is shown. */
export async function verifyDateOfBirth(actor: PatientActor, dob: string, meta: RequestMeta = {}): Promise<DobResult> {
  return db().$transaction(async (tx) => {
    // Lock the link's row, then read the counts: concurrent guesses on one link (from any number of
    // browsers) queue here, so the limit holds exactly (read-then-increment without it let 17 of 150 in).
    await tx.$executeRaw`SELECT 1 FROM "IntakeInvite" WHERE id = ${actor.inviteId}::uuid FOR UPDATE`;
    const s = await tx.intakeSession.findUniqueOrThrow({
      where: { id: actor.intakeSessionId },
      select: { dobAttempts: true, dobVerifiedAt: true, invite: { select: { dobFailures: true, visit: { select: { patient: { select: { dateOfBirth: true } } } } } } },
    });
    if (s.dobVerifiedAt) return { ok: true } as const;
    if (s.dobAttempts >= DOB_ATTEMPTS_PER_SESSION || s.invite.dobFailures >= DOB_FAILURES_PER_INVITE) return { ok: false, reason: "locked" } as const;
    if (toIsoDate(s.invite.visit.patient.dateOfBirth) === dob) {
      await tx.intakeSession.update({ where: { id: actor.intakeSessionId }, data: { dobVerifiedAt: new Date() } });
      await recordAudit(tx, { actor, action: "dob-verified", recordType: "IntakeSession", recordId: actor.intakeSessionId, meta });
      return { ok: true } as const;
    }
    const updated = await tx.intakeSession.update({
      where: { id: actor.intakeSessionId },
      data: { dobAttempts: { increment: 1 } },
      select: { dobAttempts: true },
    });
    const invite = await tx.intakeInvite.update({ where: { id: actor.inviteId }, data: { dobFailures: { increment: 1 } }, select: { dobFailures: true } });
    await recordAudit(tx, { actor, action: "dob-failed", outcome: "failed", recordType: "IntakeSession", recordId: actor.intakeSessionId, meta });
    // The failure that locks the link tells the clinic once (the visit page shows it too).
    if (invite.dobFailures === DOB_FAILURES_PER_INVITE) await queueClinicNotice(tx, actor.clinicId, actor.visitId, "clinic-link-locked");
    const left = Math.min(DOB_ATTEMPTS_PER_SESSION - updated.dobAttempts, DOB_FAILURES_PER_INVITE - invite.dobFailures);
    return left > 0 ? ({ ok: false, reason: "wrong", attemptsLeft: left } as const) : ({ ok: false, reason: "locked" } as const);
  });
}

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
          data: { clinicId: actor.clinicId, visitId: actor.visitId, revision: open.revision, state: "DRAFT", schemaVersion: INTAKE_SCHEMA_VERSION, answers: json, resumeStep },
          select: { id: true, version: true, updatedAt: true },
        });
        await recordAudit(tx, { actor, action: "create", recordType: "IntakeResponse", recordId: row.id, details: { draft: true, version: row.version }, meta });
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
        const latest = await tx.intakeResponse.findFirstOrThrow({ where: { id: current.id }, select: { answers: true, version: true, resumeStep: true, updatedAt: true } });
        await recordAudit(tx, { actor, action: "update", outcome: "conflict", recordType: "IntakeResponse", recordId: current.id, details: { draft: true, baseVersion }, meta });
        return {
          ok: false,
          reason: "conflict",
          current: { answers: openIntake(latest.answers as DeepPartial<IntakeAnswers>), version: latest.version, resumeStep: latest.resumeStep, savedAt: latest.updatedAt.toISOString() },
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
      if (d) return { ok: false, reason: "conflict", current: { answers: openIntake(d.answers as DeepPartial<IntakeAnswers>), version: d.version, resumeStep: d.resumeStep, savedAt: d.updatedAt.toISOString() } };
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
async function updateDraft(actor: PatientActor, answers: DeepPartial<IntakeAnswers>, baseVersion: number, resumeStep: string | null, meta: RequestMeta): Promise<SaveDraftResult | null> {
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
    tx.intakeResponse.findFirst({ where: { visitId: actor.visitId, clinicId: actor.clinicId, revision, state: { in: ["FINAL", "SUPERSEDED"] } }, select: { id: true } });
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
      const superseded = await tx.intakeResponse.updateMany({ where: { visitId: actor.visitId, clinicId: actor.clinicId, state: "FINAL", revision: { lt: revision } }, data: { state: "SUPERSEDED" } });
      const draft = await tx.intakeResponse.findFirst({ where: { visitId: actor.visitId, clinicId: actor.clinicId, revision, state: "DRAFT" }, select: { id: true } });
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
      await recordAudit(tx, { actor, action: "submit", recordType: "IntakeResponse", recordId: id, details: { needsReview: review, revision, supersededRevisions: superseded.count }, meta });
      await queuePatientMessage(tx, actor.clinicId, actor.visitId, "intake-received");
      const delay = env().FAULT_DELAY_MS;
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
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

export type ReopenResult = { ok: true; token: string; expiresAt: string; revision: number } | { ok: false; reason: "not-found" | "not-submitted" };

/**
 * Reopen a submitted intake for corrections: the patient gets a fresh link (returned once; only its hash is
 * kept) that opens a draft of the next revision, prefilled with the submitted answers except the consent,
 * which they give again. Earlier links stay closed. The submitted revision stays the visit's intake until
 * the correction is submitted, then is kept as SUPERSEDED.
 */
export async function reopenIntake(actor: ClinicianActor, visitId: string, meta: RequestMeta = {}, now = new Date()): Promise<ReopenResult> {
  if (!isUuid(visitId)) return { ok: false, reason: "not-found" };
  return db().$transaction(async (tx) => {
    const visit = await tx.visit.findFirst({ where: { id: visitId, clinicId: actor.clinicId }, select: { id: true, patientId: true } });
    if (!visit) {
      await recordAudit(tx, { actor, action: "access-denied", outcome: "denied", recordType: "Visit", recordId: visitId, meta });
      return { ok: false, reason: "not-found" } as const;
    }
    const final = await tx.intakeResponse.findFirst({ where: { visitId, clinicId: actor.clinicId, state: "FINAL" }, select: { id: true, revision: true, answers: true } });
    if (!final) return { ok: false, reason: "not-submitted" } as const;
    const revision = final.revision + 1;
    const draft = await tx.intakeResponse.findFirst({ where: { visitId, clinicId: actor.clinicId, state: "DRAFT" }, select: { id: true } });
    if (!draft) {
      const { consent: _consent, ...rest } = final.answers as Record<string, unknown>;
      const row = await tx.intakeResponse.create({
        data: { clinicId: actor.clinicId, visitId, revision, state: "DRAFT", schemaVersion: INTAKE_SCHEMA_VERSION, answers: sealIntake(openIntake(rest)) as Prisma.InputJsonValue, resumeStep: null },
        select: { id: true },
      });
      await recordAudit(tx, { actor, action: "update", recordType: "IntakeResponse", recordId: final.id, patientId: visit.patientId, details: { reopened: true, draftId: row.id, revision }, meta });
    }
    // One open link at a time: a link made by an earlier reopen (not used yet) is withdrawn. Links whose
    // revision was submitted are closed already and keep saying so.
    const { token, expiresAt } = await issueInvite(tx, actor, { id: visitId, patientId: visit.patientId }, revision, meta, now);
    return { ok: true, token, expiresAt, revision } as const;
  });
}

export type NewLinkResult = { ok: true; token: string; expiresAt: string; revision: number } | { ok: false; reason: "not-found" | "submitted" };

/**
 * A new intake link for a visit whose intake the patient has not sent yet: the first link expired, was lost
 * or went to the wrong address. Answers the patient saved stay and resume with the new link. Every earlier
 * link for the same revision is withdrawn (it, and any browser that opened it, stops working), and the
 * date-of-birth attempts start afresh with the new link. Once the intake is submitted, reopening it for
 * corrections is the way to a new link.
 */
export async function newIntakeLink(actor: ClinicianActor, visitId: string, meta: RequestMeta = {}, now = new Date()): Promise<NewLinkResult> {
  if (!isUuid(visitId)) return { ok: false, reason: "not-found" };
  return db().$transaction(async (tx) => {
    // Lock the visit so two clicks at once cannot leave two open links.
    const locked = await tx.$queryRaw<{ patientId: string }[]>`SELECT "patientId" FROM "Visit" WHERE id = ${visitId}::uuid AND "clinicId" = ${actor.clinicId}::uuid FOR UPDATE`;
    const visit = locked[0];
    if (!visit) {
      await recordAudit(tx, { actor, action: "access-denied", outcome: "denied", recordType: "Visit", recordId: visitId, meta });
      return { ok: false, reason: "not-found" } as const;
    }
    const draft = await tx.intakeResponse.findFirst({ where: { visitId, clinicId: actor.clinicId, state: "DRAFT" }, select: { revision: true } });
    const submitted = await tx.intakeResponse.findFirst({ where: { visitId, clinicId: actor.clinicId, state: { in: ["FINAL", "SUPERSEDED"] } }, select: { id: true } });
    const revision = draft?.revision ?? (submitted ? null : 1);
    if (revision === null) return { ok: false, reason: "submitted" } as const;
    const { token, expiresAt } = await issueInvite(tx, actor, { id: visitId, patientId: visit.patientId }, revision, meta, now);
    return { ok: true, token, expiresAt, revision } as const;
  });
}

export interface IntakeDTO {
  id: string;
  revision: number;
  kind: IntakeKind;
  answers: SubmittedAnswers;
  schemaVersion: number;
  submittedAt: string | null;
  hasRedFlag: boolean;
  /** The language the patient read the intake in, and the one the questionnaires were answered in
   * (null: sent before languages were recorded, in English). */
  locale: Locale | null;
  questionnaireLocale: Locale | null;
  akpsScore: number | null;
  lefsScore: number | null;
  consent: { text: string; at: string } | null;
  /** Earlier revisions this one corrected, newest first. */
  earlier: { revision: number; submittedAt: string | null }[];
  /** Reopened for corrections and waiting for the patient. */
  reopened: boolean;
  /** The patient's previous visit's intake, for the change in scores (§4: MCID AKPS 10, LEFS 9). */
  previous: { visitDate: string; akpsScore: number | null; lefsScore: number | null; weeklyKmNow: number | null } | null;
}

/** The visit's submitted intake for a clinician of its clinic, with its history and the previous visit's scores. */
export async function getSubmittedIntake(actor: ClinicianActor, visitId: string): Promise<IntakeDTO | null> {
  if (!isUuid(visitId)) return null;
  const rows = await db().intakeResponse.findMany({
    where: { visitId, clinicId: actor.clinicId },
    orderBy: { revision: "desc" },
    select: {
      id: true,
      revision: true,
      state: true,
      answers: true,
      schemaVersion: true,
      submittedAt: true,
      hasRedFlag: true,
      locale: true,
      akpsScore: true,
      lefsScore: true,
      consentText: true,
      consentedAt: true,
      visit: { select: { kind: true, date: true, createdAt: true, patientId: true } },
    },
  });
  const r = rows.find((x) => x.state === "FINAL");
  if (!r) return null;
  const prev = await db().intakeResponse.findFirst({
    where: {
      clinicId: actor.clinicId,
      state: "FINAL",
      visitId: { not: visitId },
      visit: { patientId: r.visit.patientId, clinicId: actor.clinicId, OR: [{ date: { lt: r.visit.date } }, { date: r.visit.date, createdAt: { lt: r.visit.createdAt } }] },
    },
    orderBy: [{ visit: { date: "desc" } }, { visit: { createdAt: "desc" } }],
    select: { akpsScore: true, lefsScore: true, weeklyKmNow: true, visit: { select: { date: true } } },
  });
  return {
    id: r.id,
    revision: r.revision,
    kind: r.visit.kind,
    answers: readIntake(r) as SubmittedAnswers,
    schemaVersion: r.schemaVersion,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    hasRedFlag: r.hasRedFlag,
    locale: r.locale === null ? null : toLocale(r.locale),
    questionnaireLocale: r.locale === null ? null : questionnaireLocale(toLocale(r.locale)),
    akpsScore: r.akpsScore,
    lefsScore: r.lefsScore,
    consent: r.consentText && r.consentedAt ? { text: r.consentText, at: r.consentedAt.toISOString() } : null,
    earlier: rows.filter((x) => x.state === "SUPERSEDED").map((x) => ({ revision: x.revision, submittedAt: x.submittedAt?.toISOString() ?? null })),
    reopened: rows.some((x) => x.state === "DRAFT"),
    previous: prev ? { visitDate: toIsoDate(prev.visit.date), akpsScore: prev.akpsScore, lefsScore: prev.lefsScore, weeklyKmNow: prev.weeklyKmNow } : null,
  };
}
