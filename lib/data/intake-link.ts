// The patient's link: redeeming an invite, the browser's session, the date-of-birth check and the patient's
// choice of language. The answers themselves are in intake-answers.ts; the clinic's side in intake-clinic.ts.

import "server-only";
import { db, sql } from "../db";
import { newToken, tokenHash } from "../auth/tokens";
import { type EngineIntake, type IntakeKind } from "../assessment/intake-schema";
import { urgentCareReasons, type UrgentReason } from "../assessment/safety";
import type { PatientActor, RequestMeta } from "./actors";
import { recordAudit } from "./audit";
import { toIsoDate } from "./dates";
import { queueClinicNotice } from "./messages";
import { toLocale, type Locale } from "../i18n/locales";
import { mintActor } from "./actor-mint";

/** Wrong dates of birth allowed per browser, and per link across all browsers (security-requirements §1 (d)). */
export const DOB_ATTEMPTS_PER_SESSION = 5;
export const DOB_FAILURES_PER_INVITE = 10; // lib/data/messages.ts keeps the same number

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
export const lastSubmitted = {
  where: { state: { in: ["FINAL" as const, "SUPERSEDED" as const] } },
  orderBy: { revision: "desc" as const },
  select: { revision: true, answers: true },
  take: 1,
};

/** Why an invite cannot be used now, or null when it can. A link closes once the revision it collects is in. */
export function inviteProblem(inv: { expiresAt: Date; revokedAt: Date | null; forRevision: number; visit: { intakes: { revision: number }[] } }, now: Date) {
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
    select: {
      id: true,
      clinicId: true,
      visitId: true,
      expiresAt: true,
      revokedAt: true,
      firstUsedAt: true,
      forRevision: true,
      purpose: true,
      visit: { select: { patientId: true, intakes: lastSubmitted, patient: { select: { locale: true, dischargedOn: true } } } },
    },
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
  const problem = linkProblem(
    {
      expiresAt: s.inviteExpiresAt,
      revokedAt: s.revokedAt,
      forRevision: s.forRevision,
      purpose: s.purpose,
      dischargedOn: s.dischargedOn,
      visit: { intakes: s.submittedRevision === null ? [] : [{ revision: s.submittedRevision }] },
    },
    now,
  );
  if (problem === "submitted") {
    return {
      ok: false,
      reason: "submitted",
      urgent: s.dobVerifiedAt ? urgentCareReasons((s.submittedSafety ?? undefined) as EngineIntake["safety"]) : [],
      locale: toLocale(s.locale),
      kind: s.kind,
    };
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
      select: {
        dobAttempts: true,
        dobVerifiedAt: true,
        invite: { select: { dobFailures: true, visit: { select: { patient: { select: { dateOfBirth: true } } } } } },
      },
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
