import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { newToken, tokenHash } from "../auth/tokens";
import type { ClinicianActor, RequestMeta } from "./actors";
import { recordAudit } from "./audit";
import { todayIn } from "../format";
import { getClinicTimeZone } from "./clinics";
import { fromIsoDate, toIsoDate } from "./dates";
import { deliveryMarks, queueInviteEmail, type DeliveryMark } from "./messages";
import { isUuid } from "./patients";
import { safetyFlags } from "../assessment/safety";
import { toLocale, type Locale } from "../i18n/locales";
import { readIntakeJson, StoredDataError } from "../assessment/stored-versions";

export type VisitStatus = "INVITED" | "INTAKE_SUBMITTED" | "EXAMINED" | "SUMMARY_FINALIZED";
export type VisitKind = "INITIAL" | "FOLLOW_UP";

/**
 * What the intake's safety answers ask of the clinician, by the level of the flag they raise: a red flag
 * (refer), a review before running (a soft flag), or a note (a training-load warning, or a "yes" that raises
 * no flag). Null when nothing is asked, or once the visit's summary is signed (the answers were handled).
 */
export type ReviewLevel = "red-flag" | "review" | "note";

/** What the status badges show about a visit beyond its status. */
export interface VisitBadgeFacts {
  /** The visit's latest exam revision is finalized ("Exam finalized" rather than "Exam started"). */
  examFinal: boolean;
  review: ReviewLevel | null;
}

const latestExam = { orderBy: { revision: "desc" }, take: 1, select: { state: true } } as const;

/** The review level of each visit that needs one (few rows: only visits flagged and not yet signed). */
async function reviewLevels(clinicId: string, visits: { id: string; needsReview: boolean; status: VisitStatus }[]): Promise<Map<string, ReviewLevel>> {
  const ids = visits.filter((v) => v.needsReview && v.status !== "SUMMARY_FINALIZED").map((v) => v.id);
  const out = new Map<string, ReviewLevel>();
  if (ids.length === 0) return out;
  const intakes = await db().intakeResponse.findMany({
    where: { clinicId, visitId: { in: ids }, state: "FINAL" },
    select: { visitId: true, answers: true, schemaVersion: true },
  });
  for (const i of intakes) {
    // Safety and questionnaire answers are structured and stored in clear (ADR 0029): nothing to decrypt on
    // the worklist's path.
    let flags;
    try {
      flags = safetyFlags(readIntakeJson(i.answers, i.schemaVersion));
    } catch (e) {
      // One intake this build cannot read (stored by a newer version) must not take the whole worklist down:
      // its visit asks for review (opening it shows the error page; a build that reads the version fixes it).
      if (!(e instanceof StoredDataError)) throw e;
      out.set(i.visitId, "review");
      continue;
    }
    out.set(i.visitId, flags.some((f) => f.level === "hard") ? "red-flag" : flags.some((f) => f.level === "soft") ? "review" : "note");
  }
  return out;
}

/** Invite links expire after 7 days (security-requirements §4.6). */
export const INVITE_TTL_DAYS = 7;

export interface WorklistRow {
  visitId: string;
  patientId: string;
  patientName: string;
  dateOfBirth: string;
  date: string;
  kind: VisitKind;
  status: VisitStatus;
  needsReview: boolean;
  /** The intake link was locked by wrong dates of birth, or the latest message to the patient failed. */
  delivery: DeliveryMark | null;
  badges: VisitBadgeFacts;
}

/** The worklist as the clinic sees it: "today" is the clinic's date in its time zone (its `timeZone`
 * setting), not the server's, so a clinic in California at 5 pm does not see tomorrow's visits as today's. */
export async function clinicWorklist(
  actor: ClinicianActor,
  meta: RequestMeta = {},
  now: Date = new Date(),
): Promise<{ today: string; timeZone: string; rows: WorklistRow[] }> {
  const timeZone = await getClinicTimeZone(actor);
  const today = todayIn(timeZone, now);
  return { today, timeZone, rows: await listWorklist(actor, today, meta) };
}

/** Visits from 14 days before `today` (a calendar date) to 7 days after, newest first. */
export async function listWorklist(actor: ClinicianActor, today: string, meta: RequestMeta = {}): Promise<WorklistRow[]> {
  const from = fromIsoDate(today);
  from.setUTCDate(from.getUTCDate() - 14);
  const to = fromIsoDate(today);
  to.setUTCDate(to.getUTCDate() + 7);
  const visits = await db().visit.findMany({
    where: { clinicId: actor.clinicId, date: { gte: from, lte: to } },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    take: 200,
    select: {
      id: true,
      date: true,
      kind: true,
      status: true,
      needsReview: true,
      patient: { select: { id: true, firstName: true, lastName: true, dateOfBirth: true } },
      exams: latestExam,
    },
  });
  const levels = await reviewLevels(actor.clinicId, visits);
  await db().$transaction((tx) => recordAudit(tx, { actor, action: "view", recordType: "Worklist", details: { rows: visits.length }, meta }));
  const marks = await deliveryMarks(
    actor.clinicId,
    visits.map((v) => v.id),
  );
  return visits.map((v) => ({
    delivery: marks.get(v.id) ?? null,
    visitId: v.id,
    patientId: v.patient.id,
    patientName: `${v.patient.firstName} ${v.patient.lastName}`,
    dateOfBirth: toIsoDate(v.patient.dateOfBirth),
    date: toIsoDate(v.date),
    kind: v.kind,
    status: v.status,
    needsReview: v.needsReview,
    badges: { examFinal: v.exams[0]?.state === "FINAL", review: levels.get(v.id) ?? null },
  }));
}

export interface PatientVisitRow {
  visitId: string;
  date: string;
  kind: VisitKind;
  status: VisitStatus;
  needsReview: boolean;
  badges: VisitBadgeFacts;
}

export async function listPatientVisits(actor: ClinicianActor, patientId: string): Promise<PatientVisitRow[]> {
  if (!isUuid(patientId)) return [];
  const visits = await db().visit.findMany({
    where: { clinicId: actor.clinicId, patientId },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    select: { id: true, date: true, kind: true, status: true, needsReview: true, exams: latestExam },
  });
  const levels = await reviewLevels(actor.clinicId, visits);
  return visits.map((v) => ({
    visitId: v.id,
    date: toIsoDate(v.date),
    kind: v.kind,
    status: v.status,
    needsReview: v.needsReview,
    badges: { examFinal: v.exams[0]?.state === "FINAL", review: levels.get(v.id) ?? null },
  }));
}

export type StartVisitResult = { ok: true; visitId: string; token: string; expiresAt: string } | { ok: false; reason: "not-found" };

/**
 * Start a visit for a patient of the actor's clinic and make its intake invite. The token is returned this
 * once (to show as a link to copy); only its hash is stored.
 */
/**
 * A new invite link for a visit's intake, inside the caller's transaction: earlier open links for this
 * revision or a later one are withdrawn (one open link at a time), only the token's hash is stored, and the
 * new link is audited. The token itself is returned once, to be shown to the clinician.
 */
export async function issueInvite(
  tx: Prisma.TransactionClient,
  actor: ClinicianActor,
  visit: { id: string; patientId: string },
  forRevision: number,
  meta: RequestMeta,
  now: Date,
): Promise<{ token: string; expiresAt: string; withdrew: number; emailed: boolean }> {
  const withdrawn = await tx.intakeInvite.updateMany({
    where: { visitId: visit.id, clinicId: actor.clinicId, revokedAt: null, purpose: "intake", forRevision: { gte: forRevision } },
    data: { revokedAt: now },
  });
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * 24 * 3600_000);
  const invite = await tx.intakeInvite.create({
    data: { clinicId: actor.clinicId, visitId: visit.id, tokenHash: tokenHash(token), expiresAt, createdById: actor.userId, forRevision },
    select: { id: true },
  });
  // The link also goes by email when the patient has an address on file (queued in this transaction).
  const messageId = await queueInviteEmail(tx, actor.clinicId, visit, { id: invite.id, token, forRevision }, now);
  await recordAudit(tx, {
    actor,
    action: "create",
    recordType: "IntakeInvite",
    recordId: invite.id,
    patientId: visit.patientId,
    details: { forRevision, withdrew: withdrawn.count, emailed: !!messageId },
    meta,
  });
  return { token, expiresAt: expiresAt.toISOString(), withdrew: withdrawn.count, emailed: !!messageId };
}

export async function startVisit(
  actor: ClinicianActor,
  input: { patientId: string; kind: VisitKind; date: string },
  meta: RequestMeta = {},
): Promise<StartVisitResult> {
  if (!isUuid(input.patientId)) return { ok: false, reason: "not-found" };
  return db().$transaction(async (tx) => {
    const patient = await tx.patient.findFirst({ where: { id: input.patientId, clinicId: actor.clinicId }, select: { id: true } });
    if (!patient) {
      await recordAudit(tx, { actor, action: "access-denied", outcome: "denied", recordType: "Patient", recordId: input.patientId, meta });
      return { ok: false, reason: "not-found" } as const;
    }
    const visit = await tx.visit.create({
      data: { clinicId: actor.clinicId, patientId: patient.id, kind: input.kind, date: fromIsoDate(input.date), createdById: actor.userId },
      select: { id: true },
    });
    await recordAudit(tx, { actor, action: "create", recordType: "Visit", recordId: visit.id, patientId: patient.id, meta });
    const { token, expiresAt } = await issueInvite(tx, actor, { id: visit.id, patientId: patient.id }, 1, meta, new Date());
    return { ok: true, visitId: visit.id, token, expiresAt } as const;
  });
}

export interface VisitHeaderDTO {
  visitId: string;
  date: string;
  kind: VisitKind;
  status: VisitStatus;
  needsReview: boolean;
  badges: VisitBadgeFacts;
  /** `locale`: the language the patient reads (their take-home sheet is printed in it). */
  patient: { id: string; firstName: string; lastName: string; dateOfBirth: string; sex: string; locale: Locale };
  invite: { expiresAt: string; revoked: boolean; firstUsedAt: string | null } | null;
  clinic: { name: string; phone: string | null; email: string | null; address: string | null };
}

/** The visit's header (patient, status, invite state), scoped to the actor's clinic; null if none. Writes no
 * audit row: for code that records its own (a page showing the visit calls getVisitAndAudit). */
export async function getVisitHeader(actor: ClinicianActor, visitId: string): Promise<VisitHeaderDTO | null> {
  if (!isUuid(visitId)) return null;
  const v = await db().visit.findFirst({
    where: { id: visitId, clinicId: actor.clinicId },
    select: {
      id: true,
      date: true,
      kind: true,
      status: true,
      needsReview: true,
      patient: { select: { id: true, firstName: true, lastName: true, dateOfBirth: true, sex: true, locale: true } },
      invites: { where: { purpose: "intake" }, orderBy: { createdAt: "desc" }, take: 1, select: { expiresAt: true, revokedAt: true, firstUsedAt: true } },
      clinic: { select: { name: true, phone: true, email: true, address: true } },
      exams: latestExam,
    },
  });
  if (!v) return null;
  const levels = await reviewLevels(actor.clinicId, [v]);
  const inv = v.invites[0];
  return {
    visitId: v.id,
    date: toIsoDate(v.date),
    kind: v.kind,
    status: v.status,
    needsReview: v.needsReview,
    badges: { examFinal: v.exams[0]?.state === "FINAL", review: levels.get(v.id) ?? null },
    patient: { ...v.patient, dateOfBirth: toIsoDate(v.patient.dateOfBirth), locale: toLocale(v.patient.locale) },
    invite: inv ? { expiresAt: inv.expiresAt.toISOString(), revoked: !!inv.revokedAt, firstUsedAt: inv.firstUsedAt?.toISOString() ?? null } : null,
    clinic: v.clinic,
  };
}
