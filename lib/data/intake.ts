import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { newToken, tokenHash } from "../auth/tokens";
import { INTAKE_SCHEMA_VERSION, type IntakeAnswers } from "../assessment/intake-schema";
import { needsClinicianReview } from "../assessment/safety";
import type { ClinicianActor, PatientActor, RequestMeta } from "./actors";
import { recordAudit } from "./audit";
import { toIsoDate } from "./dates";
import { isUuid } from "./patients";
import { advanceVisitStatus } from "./visit-status";

/** Wrong dates of birth allowed per browser, and per link across all browsers (security-requirements §1 (d)). */
export const DOB_ATTEMPTS_PER_SESSION = 5;
export const DOB_FAILURES_PER_INVITE = 10;

export type RedeemResult =
  | { ok: true; sessionToken: string; expiresAt: Date }
  | { ok: false; reason: "invalid" | "expired" | "revoked" | "submitted" };

/** Why an invite cannot be used now, or null when it can. */
function inviteProblem(inv: { expiresAt: Date; revokedAt: Date | null; visit: { intakes: { id: string }[] } }, now: Date) {
  if (inv.revokedAt) return "revoked" as const;
  if (inv.visit.intakes.length > 0) return "submitted" as const;
  if (inv.expiresAt <= now) return "expired" as const;
  return null;
}

const submittedIntakes = { where: { state: "FINAL" as const }, select: { id: true }, take: 1 };

/**
 * Exchange an invite token (from the link) for a new browser session. The link stays usable from any
 * device until the intake is submitted, it expires or the clinic revokes it.
 */
export async function redeemInvite(token: string, meta: RequestMeta = {}, now = new Date()): Promise<RedeemResult> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: "invalid" };
  const inv = await db().intakeInvite.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: { id: true, clinicId: true, visitId: true, expiresAt: true, revokedAt: true, firstUsedAt: true, visit: { select: { patientId: true, intakes: submittedIntakes } } },
  });
  if (!inv) return { ok: false, reason: "invalid" };
  const problem = inviteProblem(inv, now);
  if (problem) return { ok: false, reason: problem };
  const sessionToken = newToken();
  await db().$transaction(async (tx) => {
    await tx.intakeSession.create({
      data: { clinicId: inv.clinicId, inviteId: inv.id, tokenHash: tokenHash(sessionToken), expiresAt: inv.expiresAt },
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
  return { ok: true, sessionToken, expiresAt: inv.expiresAt };
}

export type IntakeSessionState =
  | { ok: false; reason: "none" | "expired" | "revoked" | "submitted" }
  | { ok: true; actor: PatientActor; dobVerified: boolean; locked: boolean; clinicName: string; firstName: string };

/** The patient's browser session from its cookie value, checked against the invite's current state. */
export async function getIntakeSession(sessionToken: string | undefined, now = new Date()): Promise<IntakeSessionState> {
  if (!sessionToken || !/^[A-Za-z0-9_-]{20,100}$/.test(sessionToken)) return { ok: false, reason: "none" };
  const s = await db().intakeSession.findUnique({
    where: { tokenHash: tokenHash(sessionToken) },
    select: {
      id: true,
      clinicId: true,
      dobVerifiedAt: true,
      dobAttempts: true,
      expiresAt: true,
      invite: {
        select: {
          id: true,
          expiresAt: true,
          revokedAt: true,
          dobFailures: true,
          visit: { select: { id: true, patientId: true, patient: { select: { firstName: true } }, clinic: { select: { name: true } }, intakes: submittedIntakes } },
        },
      },
    },
  });
  if (!s) return { ok: false, reason: "none" };
  const problem = inviteProblem(s.invite, now);
  if (problem) return { ok: false, reason: problem };
  if (s.expiresAt <= now) return { ok: false, reason: "expired" };
  return {
    ok: true,
    actor: {
      kind: "patient",
      intakeSessionId: s.id,
      inviteId: s.invite.id,
      visitId: s.invite.visit.id,
      patientId: s.invite.visit.patientId,
      clinicId: s.clinicId,
    },
    dobVerified: !!s.dobVerifiedAt,
    locked: !s.dobVerifiedAt && (s.dobAttempts >= DOB_ATTEMPTS_PER_SESSION || s.invite.dobFailures >= DOB_FAILURES_PER_INVITE),
    // Shown only after the date of birth is confirmed (the page decides); the clinic name is not PHI.
    clinicName: s.invite.visit.clinic.name,
    firstName: s.invite.visit.patient.firstName,
  };
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

export type DobResult = { ok: true } | { ok: false; reason: "wrong"; attemptsLeft: number } | { ok: false; reason: "locked" };

/** The date-of-birth check each new browser passes before any health data is shown. */
export async function verifyDateOfBirth(actor: PatientActor, dob: string, meta: RequestMeta = {}): Promise<DobResult> {
  return db().$transaction(async (tx) => {
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
    const left = Math.min(DOB_ATTEMPTS_PER_SESSION - updated.dobAttempts, DOB_FAILURES_PER_INVITE - invite.dobFailures);
    return left > 0 ? ({ ok: false, reason: "wrong", attemptsLeft: left } as const) : ({ ok: false, reason: "locked" } as const);
  });
}

export type SubmitResult = { ok: true; intakeId: string } | { ok: false; reason: "not-verified" | "closed" };

/**
 * Submit the intake. Idempotent: a retried or doubled submit with the same key returns the same row, and a
 * second submission of an already submitted intake changes nothing.
 */
export async function submitIntake(actor: PatientActor, answers: IntakeAnswers, submissionKey: string, meta: RequestMeta = {}): Promise<SubmitResult> {
  const existing = await db().intakeResponse.findUnique({ where: { submissionKey }, select: { id: true, visitId: true } });
  if (existing) return existing.visitId === actor.visitId ? { ok: true, intakeId: existing.id } : { ok: false, reason: "closed" };
  try {
    return await db().$transaction(async (tx) => {
      const session = await tx.intakeSession.findUnique({ where: { id: actor.intakeSessionId }, select: { dobVerifiedAt: true } });
      if (!session?.dobVerifiedAt) return { ok: false, reason: "not-verified" } as const;
      const already = await tx.intakeResponse.findFirst({ where: { visitId: actor.visitId, clinicId: actor.clinicId, state: "FINAL" }, select: { id: true } });
      if (already) return { ok: true, intakeId: already.id } as const;
      const review = needsClinicianReview(answers);
      const row = await tx.intakeResponse.create({
        data: {
          clinicId: actor.clinicId,
          visitId: actor.visitId,
          revision: 1,
          state: "FINAL",
          schemaVersion: INTAKE_SCHEMA_VERSION,
          answers: answers as unknown as Prisma.InputJsonValue,
          submissionKey,
          submittedAt: new Date(),
          painNow: answers.pain.now,
          painWorst: answers.pain.worstWeek,
          weeklyKmNow: answers.running.weeklyKm.thisWeek,
          weeklyKm4wAgo: answers.running.weeklyKm.fourWeeksAgo,
          hasRedFlag: review,
        },
        select: { id: true },
      });
      await advanceVisitStatus(tx, actor.visitId, actor.clinicId, "INTAKE_SUBMITTED", { needsReview: review });
      await recordAudit(tx, { actor, action: "submit", recordType: "IntakeResponse", recordId: row.id, details: { needsReview: review }, meta });
      return { ok: true, intakeId: row.id } as const;
    });
  } catch (e) {
    // A concurrent submit won the race (same key or same visit and revision): answer with its row.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const won = await db().intakeResponse.findFirst({ where: { visitId: actor.visitId, clinicId: actor.clinicId, state: "FINAL" }, select: { id: true } });
      if (won) return { ok: true, intakeId: won.id };
    }
    throw e;
  }
}

export interface IntakeDTO {
  id: string;
  answers: IntakeAnswers;
  schemaVersion: number;
  submittedAt: string | null;
  hasRedFlag: boolean;
}

/** The visit's submitted intake for a clinician of its clinic. */
export async function getSubmittedIntake(actor: ClinicianActor, visitId: string): Promise<IntakeDTO | null> {
  if (!isUuid(visitId)) return null;
  const r = await db().intakeResponse.findFirst({
    where: { visitId, clinicId: actor.clinicId, state: "FINAL" },
    orderBy: { revision: "desc" },
    select: { id: true, answers: true, schemaVersion: true, submittedAt: true, hasRedFlag: true },
  });
  if (!r) return null;
  return { id: r.id, answers: r.answers as unknown as IntakeAnswers, schemaVersion: r.schemaVersion, submittedAt: r.submittedAt?.toISOString() ?? null, hasRedFlag: r.hasRedFlag };
}
