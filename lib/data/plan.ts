import "server-only";
// Between visits: the patient's "My plan" link, check-ins, the clinic's view of them, and discharge.
// The link is the intake's link design (IntakeInvite with purpose "plan": a random token kept as its hash,
// the same browser session, date-of-birth check and rate limits), open until the patient is discharged or
// the clinic withdraws it. The traffic light is lib/assessment/progress.ts; this file only stores and reads.
import { createHash, randomUUID } from "node:crypto";
import type pg from "pg";
import type { Prisma } from "../generated/prisma/client";
import { db, sql } from "../db";
import { newToken, tokenHash } from "../auth/tokens";
import { seal, unseal } from "../messages/seal";
import { isDeliverableEmail } from "../forms/email";
import { normalizeCheckIn, type CheckInInput, type MorningInput } from "../forms/check-in-schema";
import {
  applyCheckIns,
  clinicAlert,
  MISSED_CHECK_IN_DAYS,
  missedCheckIns,
  painTrend,
  weeklyProgress,
  type ClinicAlert,
  type DayCheckIn,
  type Progress,
  type WeekProgress,
} from "../assessment/progress";
import type { Assessment } from "../assessment/types";
import type { DistanceUnit } from "../assessment/intake-options";
import { resolveSettings } from "../assessment/settings";
import { followUpOffer, type FollowUpOffer } from "../assessment/follow-up-offer";
import { addDays, todayIn } from "../format";
import type { ClinicianActor, PatientActor, RequestMeta } from "./actors";
import { recordAudit } from "./audit";
import { getClinicTimeZone } from "./clinics";
import { toIsoDate, fromIsoDate } from "./dates";
import { denied } from "./denials";
import { queueMessage } from "./messages";
import { FOLLOW_UP_TASK } from "../messages/config";
import { openSummaryJson } from "./sealed";
import { isUuid } from "./patients";
import { INVITE_TTL_DAYS } from "./visits";

type Tx = Prisma.TransactionClient;

/** A plan link's hard ceiling: it is meant to last until discharge, but no credential lasts for ever. */
export const PLAN_LINK_TTL_DAYS = 365;

// ---------------------------------------------------------------------------------------------------
// The link

/**
 * After a summary is signed (inside that transaction): the patient's plan link. One open link per patient:
 * an open one is kept (the patient already has it; the page always shows the latest signed plan), else a
 * new one is made, its token sealed so the visit page and the print can show it, and emailed when the
 * patient has an address. The plan starts now: the check-in figures and the alerts count from here.
 */
export async function startPlan(
  tx: Tx,
  actor: ClinicianActor,
  visit: { id: string; patientId: string },
  meta: RequestMeta,
  now: Date,
): Promise<{ inviteId: string; created: boolean }> {
  await tx.patient.updateMany({
    where: { id: visit.patientId, clinicId: actor.clinicId },
    data: { planStartedAt: now, planAlert: null, dischargedOn: null, dischargeReason: null, dischargedById: null },
  });
  const open = await tx.intakeInvite.findFirst({
    where: { clinicId: actor.clinicId, purpose: "plan", revokedAt: null, expiresAt: { gt: now }, visit: { patientId: visit.patientId } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  const inviteId = open ? open.id : await makePlanLink(tx, actor, visit, meta, now);
  await scheduleFollowUpEmail(tx, actor, visit.patientId);
  return { inviteId, created: !open };
}

/**
 * The email on the day the follow-up questions open (3 days before the follow-up the plan set), at 9:00 in
 * the clinic's time zone. One pending job per patient: a later signing replaces it. The job itself checks
 * again when it runs (lib/messages/worker.ts): still this plan, not answered, not asked already, not
 * discharged, an address that takes email.
 */
async function scheduleFollowUpEmail(tx: Tx, actor: ClinicianActor, patientId: string): Promise<void> {
  const plan = await latestSignedPlan(tx, actor.clinicId, patientId);
  const weeks = plan?.assessment?.followUp?.inWeeks;
  if (!plan || !weeks) return;
  const timeZone = await getClinicTimeZone(actor);
  const offer = followUpOffer({
    signedOn: todayIn(timeZone, plan.signedAt),
    inWeeks: weeks,
    requestedOn: null,
    answered: false,
    today: todayIn(timeZone, plan.signedAt),
  });
  if (offer.state !== "later") return;
  await tx.$queryRaw`
    SELECT graphile_worker.add_job(${FOLLOW_UP_TASK}, json_build_object('patientId', ${patientId}::text, 'summaryId', ${plan.summaryId}::text),
             run_at := ((${offer.opensOn}::date + time '09:00') AT TIME ZONE ${timeZone}), max_attempts := 5,
             job_key := 'follow-up:' || ${patientId}::text, job_key_mode := 'replace')::text`;
}

async function makePlanLink(tx: Tx, actor: ClinicianActor, visit: { id: string; patientId: string }, meta: RequestMeta, now: Date): Promise<string> {
  const token = newToken();
  const invite = await tx.intakeInvite.create({
    data: {
      clinicId: actor.clinicId,
      visitId: visit.id,
      tokenHash: tokenHash(token),
      tokenSealed: seal(token),
      expiresAt: new Date(now.getTime() + PLAN_LINK_TTL_DAYS * 86_400_000),
      createdById: actor.userId,
      forRevision: 0,
      purpose: "plan",
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actor,
    action: "create",
    recordType: "IntakeInvite",
    recordId: invite.id,
    patientId: visit.patientId,
    details: { purpose: "plan" },
    meta,
  });
  const p = await tx.patient.findFirst({ where: { id: visit.patientId, clinicId: actor.clinicId }, select: { email: true, emailOptOut: true } });
  const email = p?.email?.trim();
  if (email && !p!.emailOptOut && isDeliverableEmail(email)) {
    const id = await queueMessage(tx, {
      clinicId: actor.clinicId,
      visitId: visit.id,
      patientId: visit.patientId,
      kind: "plan",
      recipient: email,
      inviteId: invite.id,
    });
    await recordAudit(tx, {
      actor,
      action: "message-queued",
      recordType: "Message",
      recordId: id,
      patientId: visit.patientId,
      details: { kind: "plan" },
      meta,
    });
  }
  return invite.id;
}

export interface PlanLinkDTO {
  /** The link's token (the page builds the address); null when there is no open link. */
  token: string | null;
  createdAt: string | null;
  firstUsedAt: string | null;
  discharged: { on: string; reason: string } | null;
}

/**
 * The patient's open plan link for the clinician (the visit page, the summary page, the print), by patient.
 * Showing the link is a disclosure of a credential: audited as a view of the link.
 */
export async function getPlanLink(actor: ClinicianActor, patientId: string, meta: RequestMeta = {}, now = new Date()): Promise<PlanLinkDTO | null> {
  if (!isUuid(patientId)) return null;
  // One statement (ADR 0037): the patient's discharge, the open link and the view's audit event. Another
  // clinic's patient (no row) takes the stepwise path, which audits the refusal.
  const [row] = await sql<{
    dischargedOn: string | null;
    dischargeReason: string | null;
    inviteId: string | null;
    tokenSealed: string | null;
    createdAt: Date | null;
    firstUsedAt: Date | null;
  }>(
    `WITH p AS (
       SELECT to_char("dischargedOn", 'YYYY-MM-DD') AS "dischargedOn", "dischargeReason" FROM "Patient" WHERE id = $1 AND "clinicId" = $2
     ), inv AS (
       SELECT i.id, i."tokenSealed", i."createdAt", i."firstUsedAt"
         FROM "IntakeInvite" i JOIN "Visit" v ON v.id = i."visitId"
        WHERE i."clinicId" = $2 AND i.purpose = 'plan' AND i."revokedAt" IS NULL AND i."expiresAt" > $3 AND v."patientId" = $1
        ORDER BY i."createdAt" DESC
        LIMIT 1
     ), audited AS (
       INSERT INTO "AuditEvent" ("actorType", "actorId", "clinicId", "patientId", action, "recordType", "recordId", outcome, "requestId", ip, "userAgent")
       SELECT 'user', $4, $2, $5, 'view', 'PlanLink', inv.id::text, 'ok', $6, $7, $8 FROM p, inv WHERE p."dischargedOn" IS NULL
     )
     SELECT p."dischargedOn", p."dischargeReason", inv.id AS "inviteId", inv."tokenSealed", inv."createdAt", inv."firstUsedAt" FROM p LEFT JOIN inv ON true`,
    [patientId, actor.clinicId, now, actor.userId, patientId, meta.requestId ?? null, meta.ip ?? null, meta.userAgent?.slice(0, 300) ?? null],
  );
  if (!row) return getPlanLinkStepwise(actor, patientId, meta, now);
  const discharged = row.dischargedOn ? { on: row.dischargedOn, reason: row.dischargeReason ?? "" } : null;
  if (!row.inviteId || discharged) return { token: null, createdAt: null, firstUsedAt: null, discharged };
  return {
    token: row.tokenSealed ? unseal(row.tokenSealed) : null,
    createdAt: row.createdAt!.toISOString(),
    firstUsedAt: row.firstUsedAt?.toISOString() ?? null,
    discharged: null,
  };
}

/** getPlanLink step by step with Prisma: for another clinic's patient (the refusal), and the equivalence tests. */
export async function getPlanLinkStepwise(actor: ClinicianActor, patientId: string, meta: RequestMeta = {}, now = new Date()): Promise<PlanLinkDTO | null> {
  if (!isUuid(patientId)) return null;
  return db().$transaction(async (tx) => {
    const p = await tx.patient.findFirst({ where: { id: patientId, clinicId: actor.clinicId }, select: { dischargedOn: true, dischargeReason: true } });
    if (!p) {
      await denied(tx, actor, "PlanLink", patientId, meta);
      return null;
    }
    const inv = await tx.intakeInvite.findFirst({
      where: { clinicId: actor.clinicId, purpose: "plan", revokedAt: null, expiresAt: { gt: now }, visit: { patientId } },
      orderBy: { createdAt: "desc" },
      select: { id: true, tokenSealed: true, createdAt: true, firstUsedAt: true },
    });
    const discharged = p.dischargedOn ? { on: toIsoDate(p.dischargedOn), reason: p.dischargeReason ?? "" } : null;
    if (!inv || discharged) return { token: null, createdAt: null, firstUsedAt: null, discharged };
    await recordAudit(tx, { actor, action: "view", recordType: "PlanLink", recordId: inv.id, patientId, meta });
    return {
      token: inv.tokenSealed ? unseal(inv.tokenSealed) : null,
      createdAt: inv.createdAt.toISOString(),
      firstUsedAt: inv.firstUsedAt?.toISOString() ?? null,
      discharged: null,
    };
  });
}

export type NewPlanLinkResult = { ok: true; token: string } | { ok: false; reason: "not-found" | "no-plan" | "discharged" };

/** Withdraw the patient's plan link and make a new one (a lost phone, a link sent to the wrong person). */
export async function newPlanLink(actor: ClinicianActor, patientId: string, meta: RequestMeta = {}, now = new Date()): Promise<NewPlanLinkResult> {
  if (!isUuid(patientId)) return { ok: false, reason: "not-found" };
  return db().$transaction(async (tx) => {
    const p = await tx.patient.findFirst({ where: { id: patientId, clinicId: actor.clinicId }, select: { dischargedOn: true } });
    if (!p) return denied(tx, actor, "PlanLink", patientId, meta);
    if (p.dischargedOn) return { ok: false, reason: "discharged" } as const;
    const signed = await latestSignedPlan(tx, actor.clinicId, patientId);
    if (!signed) return { ok: false, reason: "no-plan" } as const;
    const withdrawn = await tx.intakeInvite.updateMany({
      where: { clinicId: actor.clinicId, purpose: "plan", revokedAt: null, visit: { patientId } },
      data: { revokedAt: now },
    });
    const id = await makePlanLink(tx, actor, { id: signed.visitId, patientId }, meta, now);
    await recordAudit(tx, { actor, action: "update", recordType: "PlanLink", recordId: id, patientId, details: { withdrew: withdrawn.count }, meta });
    const row = await tx.intakeInvite.findFirstOrThrow({ where: { id }, select: { tokenSealed: true } });
    return { ok: true, token: unseal(row.tokenSealed!)! } as const;
  });
}

// ---------------------------------------------------------------------------------------------------
// The plan and its check-ins

/**
 * Signed plans, parsed, by summary id. A signed summary's content never changes (an amendment is a new row),
 * so a check-in need not fetch, decrypt and parse the whole signed summary again: it was most of a check-in's
 * cost (bench: check-in throughput). Bounded; the oldest entry goes first.
 */
const signedPlans = new Map<string, Assessment | null>();
const SIGNED_PLANS_KEPT = 500;

async function signedAssessment(tx: Tx, clinicId: string, summaryId: string): Promise<Assessment | null> {
  const hit = signedPlans.get(summaryId);
  if (hit !== undefined) return hit;
  const row = await tx.summary.findFirstOrThrow({ where: { id: summaryId, clinicId, state: { in: ["FINAL", "SUPERSEDED"] } }, select: { content: true } });
  const assessment = openSummaryJson<{ assessment?: Assessment } | null>(row.content)?.assessment ?? null;
  if (signedPlans.size >= SIGNED_PLANS_KEPT) signedPlans.delete(signedPlans.keys().next().value!);
  signedPlans.set(summaryId, assessment);
  return assessment;
}

/** The latest signed summary of a patient (any visit), whose plan the link shows. */
async function latestSignedPlan(tx: Tx, clinicId: string, patientId: string) {
  const s = await tx.summary.findFirst({
    where: { clinicId, state: "FINAL", visit: { patientId } },
    orderBy: [{ finalizedAt: "desc" }],
    select: { id: true, visitId: true, finalizedAt: true },
  });
  if (!s) return null;
  return { summaryId: s.id, visitId: s.visitId, assessment: await signedAssessment(tx, clinicId, s.id), signedAt: s.finalizedAt! };
}

const checkInSelect = {
  key: true,
  date: true,
  kind: true,
  done: true,
  km: true,
  minutes: true,
  painDuring: true,
  settledWithinHour: true,
  limped: true,
  worseNextMorning: true,
  exercises: true,
  createdAt: true,
} as const;
type CheckInRow = Prisma.CheckInGetPayload<{ select: typeof checkInSelect }>;

export interface CheckInDTO extends DayCheckIn {
  key: string;
}

function toDay(r: CheckInRow): CheckInDTO {
  return {
    key: r.key,
    date: toIsoDate(r.date),
    kind: r.kind === "exercise" ? "exercise" : "run",
    done: r.done,
    km: r.km,
    minutes: r.minutes,
    painDuring: r.painDuring,
    settledWithinHour: r.settledWithinHour,
    limped: r.limped,
    worseNextMorning: r.worseNextMorning,
    exercises: r.exercises === "yes" || r.exercises === "part" || r.exercises === "no" ? r.exercises : null,
  };
}

/** The engine's reading of one plan's check-ins (runs only move the calendar). */
function progressOf(assessment: Assessment | null, checkIns: readonly DayCheckIn[]): Progress | null {
  const rtr = assessment?.returnToRun;
  if (!rtr || assessment?.plan?.runningOnHold || rtr.calendar.length === 0) return null;
  return applyCheckIns(
    rtr,
    checkIns.filter((c) => c.kind === "run"),
  );
}

const exerciseDays = (a: Assessment | null) => a?.plan?.exercises[0]?.dose.daysPerWeek ?? 0;

/** Every writer of a patient's check-ins locks the patient row first, and rewrites it (refreshAlert) in the same
 * transaction: one lock order for all of them, and the row's version changes whenever the check-ins do
 * (insertCheckIn relies on both). */
async function lockPatient(tx: Tx, actor: PatientActor): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Patient" WHERE id = ${actor.patientId}::uuid AND "clinicId" = ${actor.clinicId}::uuid FOR UPDATE`;
}

/** The plan session a patient request may act on: verified, a plan link, open, the patient not discharged. */
async function openPlanSession(tx: Tx, actor: PatientActor, now: Date): Promise<boolean> {
  const s = await tx.intakeSession.findFirst({
    where: {
      id: actor.intakeSessionId,
      clinicId: actor.clinicId,
      inviteId: actor.inviteId,
      dobVerifiedAt: { not: null },
      expiresAt: { gt: now },
      invite: { purpose: "plan", revokedAt: null, expiresAt: { gt: now }, visit: { patientId: actor.patientId, patient: { dischargedOn: null } } },
    },
    select: { id: true },
  });
  return !!s;
}

export interface MyPlanDTO {
  firstName: string;
  clinic: { name: string; phone: string | null };
  today: string;
  signedAt: string;
  assessment: Assessment;
  progress: Progress | null;
  /** This week of the plan (1 = the first seven days after signing) and its figures. */
  week: WeekProgress;
  /** Runs done before today whose next-morning answer is still missing (latest first, at most three). */
  askMorning: { key: string; date: string }[];
  /** The latest check-ins, newest first. */
  recent: CheckInDTO[];
  /** The follow-up questions: not set, not yet, open now, or answered. */
  followUp: FollowUpOffer;
}

/** "My plan" for the patient whose browser passed the date-of-birth check on a plan link; null otherwise. */
export async function getMyPlan(actor: PatientActor, meta: RequestMeta = {}, now = new Date()): Promise<MyPlanDTO | null> {
  const timeZone = await getClinicTimeZone(actor);
  const today = todayIn(timeZone, now);
  return db().$transaction(async (tx) => {
    if (!(await openPlanSession(tx, actor, now))) return null;
    const plan = await latestSignedPlan(tx, actor.clinicId, actor.patientId);
    if (!plan?.assessment) return null;
    const [patient, rows, followUp] = await Promise.all([
      tx.patient.findFirstOrThrow({
        where: { id: actor.patientId, clinicId: actor.clinicId },
        select: { firstName: true, clinic: { select: { name: true, phone: true } } },
      }),
      tx.checkIn.findMany({
        where: { clinicId: actor.clinicId, patientId: actor.patientId, summaryId: plan.summaryId },
        orderBy: [{ date: "asc" }, { createdAt: "asc" }],
        select: checkInSelect,
      }),
      followUpFor(tx, actor.clinicId, actor.patientId, plan, timeZone, today),
    ]);
    const checkIns = rows.map(toDay);
    const start = todayIn(timeZone, plan.signedAt);
    const weeks = weeklyProgress(plan.assessment.returnToRun, exerciseDays(plan.assessment), start, checkIns, today < start ? start : today);
    await recordAudit(tx, { actor, action: "view", recordType: "Plan", recordId: plan.summaryId, meta });
    return {
      firstName: patient.firstName,
      clinic: patient.clinic,
      today,
      signedAt: plan.signedAt.toISOString(),
      assessment: plan.assessment,
      progress: progressOf(plan.assessment, checkIns),
      week: weeks.at(-1)!,
      askMorning: checkIns
        .filter((c) => c.kind === "run" && c.done && c.worseNextMorning === null && c.date < today && c.date >= addDays(today, -3))
        .reverse()
        .slice(0, 3)
        .map((c) => ({ key: c.key, date: c.date })),
      recent: checkIns.slice(-5).reverse(),
      followUp,
    };
  });
}

/** Whether the follow-up questions are offered for this plan (lib/assessment/follow-up-offer.ts). */
async function followUpFor(
  tx: Tx,
  clinicId: string,
  patientId: string,
  plan: { signedAt: Date; assessment: Assessment | null },
  timeZone: string,
  today: string,
): Promise<FollowUpOffer> {
  const [p, answered] = await Promise.all([
    tx.patient.findFirstOrThrow({ where: { id: patientId, clinicId }, select: { followUpRequestedAt: true } }),
    tx.intakeResponse.count({
      where: { clinicId, state: { in: ["FINAL", "SUPERSEDED"] }, submittedAt: { gt: plan.signedAt }, visit: { patientId, kind: "FOLLOW_UP" } },
    }),
  ]);
  return followUpOffer({
    signedOn: todayIn(timeZone, plan.signedAt),
    inWeeks: plan.assessment?.followUp?.inWeeks ?? null,
    requestedOn: p.followUpRequestedAt && p.followUpRequestedAt >= plan.signedAt ? todayIn(timeZone, p.followUpRequestedAt) : null,
    answered: answered > 0,
    today,
  });
}

/** The unit the runner's plan is in (the one they answered the intake in): a check-in's error names the
 * limits in it. "km" when the link is closed or no plan is signed. Not audited: it reads no health data. */
export async function getMyPlanUnit(actor: PatientActor, now = new Date()): Promise<DistanceUnit> {
  return db().$transaction(async (tx) => {
    if (!(await openPlanSession(tx, actor, now))) return "km";
    return (await latestSignedPlan(tx, actor.clinicId, actor.patientId))?.assessment?.returnToRun?.unit ?? "km";
  });
}

export type OpenFollowUpResult = { ok: true; sessionToken: string; expiresAt: Date } | { ok: false; reason: "closed" | "not-open" };

/**
 * The patient starts the follow-up questions from My plan: the follow-up visit's intake, in a browser
 * session of its own. The visit is the one the clinic already started (a follow-up made after this plan was
 * signed whose intake is not in), else a new follow-up visit on the planned date (today when that has
 * passed or the clinician asked early). The new session is already past the date-of-birth check: this
 * browser proved it on the plan link a moment ago, and the plan session stays as it was for the way back.
 */
export async function openFollowUp(actor: PatientActor, meta: RequestMeta = {}, now = new Date()): Promise<OpenFollowUpResult> {
  const timeZone = await getClinicTimeZone(actor);
  const today = todayIn(timeZone, now);
  return db().$transaction(async (tx) => {
    if (!(await openPlanSession(tx, actor, now))) return { ok: false, reason: "closed" } as const;
    const plan = await latestSignedPlan(tx, actor.clinicId, actor.patientId);
    if (!plan) return { ok: false, reason: "closed" } as const;
    const offer = await followUpFor(tx, actor.clinicId, actor.patientId, plan, timeZone, today);
    if (offer.state !== "open") return { ok: false, reason: "not-open" } as const;
    let visit = await tx.visit.findFirst({
      where: {
        clinicId: actor.clinicId,
        patientId: actor.patientId,
        kind: "FOLLOW_UP",
        createdAt: { gt: plan.signedAt },
        intakes: { none: { state: { in: ["FINAL", "SUPERSEDED"] } } },
      },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    if (!visit) {
      const date = offer.dueOn && offer.dueOn > today ? offer.dueOn : today;
      visit = await tx.visit.create({
        data: { clinicId: actor.clinicId, patientId: actor.patientId, kind: "FOLLOW_UP", date: fromIsoDate(date) },
        select: { id: true },
      });
      await recordAudit(tx, { actor, action: "create", recordType: "Visit", recordId: visit.id, details: { from: "plan", requested: offer.requested }, meta });
    }
    const token = newToken();
    const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * 86_400_000);
    const invite = await tx.intakeInvite.create({
      data: { clinicId: actor.clinicId, visitId: visit.id, tokenHash: tokenHash(token), expiresAt, forRevision: 1, purpose: "intake" },
      select: { id: true },
    });
    const sessionToken = newToken();
    await tx.intakeSession.create({
      data: { clinicId: actor.clinicId, inviteId: invite.id, tokenHash: tokenHash(sessionToken), expiresAt, dobVerifiedAt: now },
    });
    await tx.intakeInvite.update({ where: { id: invite.id }, data: { firstUsedAt: now } });
    await recordAudit(tx, { actor, action: "create", recordType: "IntakeInvite", recordId: invite.id, details: { purpose: "intake", from: "plan" }, meta });
    return { ok: true, sessionToken, expiresAt } as const;
  });
}

export type RequestFollowUpResult = { ok: true; emailed: boolean } | { ok: false; reason: "not-found" | "no-plan" | "discharged" };

/** The clinician asks for the follow-up questions now: My plan offers them at once, and the patient is told
 * by email (the plan link) when there is an address. */
export async function requestFollowUp(actor: ClinicianActor, patientId: string, meta: RequestMeta = {}, now = new Date()): Promise<RequestFollowUpResult> {
  if (!isUuid(patientId)) return { ok: false, reason: "not-found" };
  return db().$transaction(async (tx) => {
    const p = await tx.patient.findFirst({
      where: { id: patientId, clinicId: actor.clinicId },
      select: { dischargedOn: true, email: true, emailOptOut: true },
    });
    if (!p) return denied(tx, actor, "Patient", patientId, meta);
    if (p.dischargedOn) return { ok: false, reason: "discharged" } as const;
    const link = await tx.intakeInvite.findFirst({
      where: { clinicId: actor.clinicId, purpose: "plan", revokedAt: null, expiresAt: { gt: now }, visit: { patientId } },
      orderBy: { createdAt: "desc" },
      select: { id: true, visitId: true },
    });
    if (!link) return { ok: false, reason: "no-plan" } as const;
    await tx.patient.updateMany({ where: { id: patientId, clinicId: actor.clinicId }, data: { followUpRequestedAt: now } });
    await recordAudit(tx, { actor, action: "update", recordType: "Patient", recordId: patientId, patientId, details: { followUpRequested: true }, meta });
    const email = p.email?.trim();
    if (!email || p.emailOptOut || !isDeliverableEmail(email)) return { ok: true, emailed: false } as const;
    const id = await queueMessage(tx, { clinicId: actor.clinicId, visitId: link.visitId, patientId, kind: "follow-up", recipient: email, inviteId: link.id });
    await recordAudit(tx, { actor, action: "message-queued", recordType: "Message", recordId: id, patientId, details: { kind: "follow-up" }, meta });
    return { ok: true, emailed: true } as const;
  });
}

export type SaveCheckInResult =
  { ok: true; repeated: boolean; step: Progress["steps"][number] | null; progress: Progress | null } | { ok: false; reason: "closed" | "key-reused" };

const hashOf = (c: object) => createHash("sha256").update(JSON.stringify(c)).digest("hex");

/**
 * Store a check-in exactly once per key: a resend (an offline phone back online, a double tap, a retry
 * after a lost answer) finds the first row and gets the same answer; a different check-in under a used
 * key is refused (security-requirements §5, idempotent submit). Then the engine reads the plan's
 * check-ins again and the patient's alert and last check-in are brought up to date for the worklist.
 */
export async function saveCheckIn(actor: PatientActor, input: CheckInInput, meta: RequestMeta = {}, now = new Date()): Promise<SaveCheckInResult> {
  return (await insertCheckIn(actor, input, meta, now)) ?? saveCheckInStepwise(actor, input, meta, now);
}

/** A check-in's stored answers and the hash that tells a repeat from a different check-in under its key. */
function checkInBody(input: CheckInInput) {
  const c = normalizeCheckIn(input);
  const { key, ...answers } = c;
  // An unanswered limp question is left out of the hash, so a check-in stored before the question existed,
  // sent again from a phone's outbox, still hashes as it did then (a repeat, not a different check-in).
  const { limped, ...hashed } = answers;
  return { c, key, answers, bodyHash: hashOf(limped === null ? hashed : answers) };
}

/**
 * saveCheckIn step by step with Prisma: every case (a repeat, a reused key, a closed link, a race), each
 * outcome audited. The common case, a new check-in on an open link, takes insertCheckIn instead (ADR 0037);
 * exported for the equivalence tests (lib/data/hot-paths.int.test.ts).
 */
export async function saveCheckInStepwise(actor: PatientActor, input: CheckInInput, meta: RequestMeta = {}, now = new Date()): Promise<SaveCheckInResult> {
  const { c, key, answers, bodyHash } = checkInBody(input);
  return db().$transaction(async (tx) => {
    await lockPatient(tx, actor);
    if (!(await openPlanSession(tx, actor, now))) return { ok: false, reason: "closed" } as const;
    const plan = await latestSignedPlan(tx, actor.clinicId, actor.patientId);
    if (!plan) return { ok: false, reason: "closed" } as const;
    // ON CONFLICT DO NOTHING: a concurrent send with the same key waits for this one and inserts nothing.
    const made = await tx.checkIn.createMany({
      data: [
        {
          clinicId: actor.clinicId,
          patientId: actor.patientId,
          summaryId: plan.summaryId,
          inviteId: actor.inviteId,
          key,
          bodyHash,
          ...answers,
          date: fromIsoDate(c.date),
        },
      ],
      skipDuplicates: true,
    });
    const row = await tx.checkIn.findFirstOrThrow({ where: { patientId: actor.patientId, key }, select: { id: true, bodyHash: true, summaryId: true } });
    if (made.count === 0 && row.bodyHash !== bodyHash) {
      await recordAudit(tx, { actor, action: "create", outcome: "conflict", recordType: "CheckIn", recordId: row.id, meta });
      return { ok: false, reason: "key-reused" } as const;
    }
    const progress = await refreshAlert(tx, actor.clinicId, actor.patientId, plan, now, made.count > 0);
    if (made.count > 0)
      await recordAudit(tx, { actor, action: "create", recordType: "CheckIn", recordId: row.id, details: { kind: c.kind, done: c.done }, meta });
    const step = c.kind === "run" && c.done ? (progress?.steps.filter((s) => s.date === c.date).at(-1) ?? null) : null;
    return { ok: true, repeated: made.count === 0, step, progress } as const;
  });
}

// The check-in save's hot path (ADR 0037, after ADR 0013): two prepared statements instead of about eight
// Prisma queries. The first reads what the traffic light needs (the session check, the plan, its
// check-ins so far); the engine runs here; the second inserts the check-in, keeps the patient's worklist
// columns current and appends the audit row, in one statement, so in one transaction. Anything but a new
// check-in on an open link with nothing changed in between returns null, and saveCheckInStepwise decides.

/** openPlanSession's conditions, as SQL ($1 session, $2 clinic, $3 invite, $4 now, $5 patient). */
const OPEN_PLAN_SESSION = `SELECT 1
    FROM "IntakeSession" s
    JOIN "IntakeInvite" i ON i.id = s."inviteId"
    JOIN "Visit" v ON v.id = i."visitId"
    JOIN "Patient" p ON p.id = v."patientId"
   WHERE s.id = $1 AND s."clinicId" = $2 AND s."inviteId" = $3 AND s."dobVerifiedAt" IS NOT NULL AND s."expiresAt" > $4
     AND i.purpose = 'plan' AND i."revokedAt" IS NULL AND i."expiresAt" > $4
     AND v."patientId" = $5 AND p."dischargedOn" IS NULL`;

/** The latest signed summary of the patient, as latestSignedPlan picks it (placeholders: clinic, patient). */
const latestSigned = (clinic: string, patient: string) => `SELECT su.id, su."visitId", su."finalizedAt"
    FROM "Summary" su JOIN "Visit" sv ON sv.id = su."visitId"
   WHERE su."clinicId" = ${clinic} AND su.state = 'FINAL' AND sv."patientId" = ${patient}
   ORDER BY su."finalizedAt" DESC
   LIMIT 1`;
const LATEST_SIGNED = latestSigned("$2", "$5");

/** The plan's check-ins in the order refreshAlert reads them, as CheckInRow-shaped JSON (the date as text);
 * `only` narrows them (the traffic light reads runs only). */
const planCheckIns = (clinic: string, patient: string, only = "") => `coalesce((
    SELECT json_agg(json_build_object('key', c.key, 'date', c.date, 'kind', c.kind, 'done', c.done, 'km', c.km, 'minutes', c.minutes,
             'painDuring', c."painDuring", 'settledWithinHour', c."settledWithinHour", 'limped', c.limped,
             'worseNextMorning', c."worseNextMorning", 'exercises', c.exercises) ORDER BY c.date, c."createdAt")
      FROM "CheckIn" c WHERE c."clinicId" = ${clinic} AND c."patientId" = ${patient} AND c."summaryId" = plan.id${only}), '[]'::json)`;
type StoredCheckIn = Omit<CheckInRow, "date" | "createdAt"> & { date: string };
const fromJson = (r: StoredCheckIn): CheckInDTO => toDay({ ...r, date: fromIsoDate(r.date), createdAt: new Date(0) });

// The patient row's version (its xmin, the transaction that last wrote it) stands for the plan's check-ins:
// every writer of check-ins (this path, saveCheckInStepwise, answerMorning) locks the patient row first and
// rewrites it (the alert columns) in the same transaction, so the check-ins cannot change without it. The
// runs come back only when this instance does not already hold them at that version ($7) for that plan ($8).
const READ_FOR_CHECK_IN = `WITH plan AS (${LATEST_SIGNED})
  SELECT plan.id AS "summaryId", pt.xmin::text AS version,
         EXISTS (SELECT 1 FROM "CheckIn" k WHERE k."patientId" = $5 AND k.key = $6) AS "keyUsed",
         CASE WHEN pt.xmin::text = $7::text AND plan.id = $8::uuid THEN NULL
              ELSE ${planCheckIns("$2", "$5", ` AND c.kind = 'run'`)} END AS "checkIns"
    FROM plan JOIN "Patient" pt ON pt.id = $5 AND pt."clinicId" = $2
   WHERE EXISTS (${OPEN_PLAN_SESSION})`;

// The patient row is locked first, as every writer of check-ins does (one lock order, no deadlock), and only
// at the version the read saw ($7): a check-in, a next-morning answer or any other write to the patient since
// then leaves "locked" empty (PostgreSQL re-checks the condition on the newest version after waiting for a
// concurrent writer) and nothing is written; the stepwise path then decides. Otherwise the session must still
// be open and the plan still the latest signed one; the insert, the alert columns and the audit row go
// together, in one statement.
const WRITE_CHECK_IN = `WITH locked AS (
    SELECT 1 FROM "Patient" WHERE id = $5 AND "clinicId" = $2 AND xmin::text = $7 FOR UPDATE
  ), ok AS (
    SELECT 1 FROM locked WHERE EXISTS (${OPEN_PLAN_SESSION})
      AND (SELECT id FROM (${LATEST_SIGNED}) l) = $6
  ), saved AS (
    INSERT INTO "CheckIn" (id, "clinicId", "patientId", "summaryId", "inviteId", key, "bodyHash", date, kind, done, km, minutes,
                           "painDuring", "settledWithinHour", limped, exercises, "updatedAt")
    SELECT $8, $2, $5, $6, $3, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $4 FROM ok
    ON CONFLICT ("patientId", key) DO NOTHING
    RETURNING id
  ), patient AS (
    UPDATE "Patient" SET "planAlert" = $20, "lastCheckInAt" = $4
      FROM saved
     WHERE "Patient".id = $5 AND "Patient"."clinicId" = $2
    RETURNING "Patient".xmin::text AS version
  ), audited AS (
    INSERT INTO "AuditEvent" ("at", "actorType", "actorId", "clinicId", "patientId", action, "recordType", "recordId", outcome, details, "requestId", ip, "userAgent")
    SELECT $4, 'patient', $21, $2, $5, 'create', 'CheckIn', saved.id::text, 'ok', jsonb_build_object('kind', $12::text, 'done', $13::boolean), $22, $23, $24
      FROM saved
  )
  SELECT saved.id, patient.version FROM patient, saved`;

interface CheckInRead {
  summaryId: string;
  /** The patient row's xmin (see READ_FOR_CHECK_IN). */
  version: string;
  keyUsed: boolean;
  /** The plan's runs; null when runsCache already holds them at this version. */
  checkIns: StoredCheckIn[] | null;
}

/**
 * The plan's runs (in the engine's order) as this instance last read or wrote them, per patient, at the patient
 * row's version: the next check-in of the patient skips re-reading them (ADR 0037; the read grew with every
 * check-in, about 3 ms of PostgreSQL at 300). A stale entry is never used: its version no longer matches the
 * row's. Bounded; the least recently used patient goes first.
 */
const RUNS_CACHE_MAX = 1000;
const runsCache = new Map<string, { summaryId: string; version: string; runs: readonly CheckInDTO[] }>();
function rememberRuns(key: string, entry: { summaryId: string; version: string; runs: readonly CheckInDTO[] }): void {
  runsCache.delete(key);
  runsCache.set(key, entry);
  if (runsCache.size > RUNS_CACHE_MAX) runsCache.delete(runsCache.keys().next().value!);
}

/** A new check-in on an open plan link in two statements (ADR 0037), or one when this instance already holds
 * the plan's runs; null when it is not that plain case (nothing written then). Exported for the equivalence
 * tests; callers use saveCheckIn. */
export async function insertCheckIn(actor: PatientActor, input: CheckInInput, meta: RequestMeta = {}, now = new Date()): Promise<SaveCheckInResult | null> {
  const body = checkInBody(input);
  const cacheKey = `${actor.clinicId}:${actor.patientId}`;
  const cached = runsCache.get(cacheKey);
  // The runs held at a version: straight to the write, which writes only if the patient row is still at that
  // version, the plan the latest and the key new (else nothing is written and the read below decides).
  if (cached) {
    const done = await judgeAndWrite(actor, body, cached, meta, now);
    if (done) return done;
  }
  const session = [actor.intakeSessionId, actor.clinicId, actor.inviteId, now, actor.patientId];
  const [read] = await sql<CheckInRead & pg.QueryResultRow>(READ_FOR_CHECK_IN, [...session, body.key, cached?.version ?? null, cached?.summaryId ?? null]);
  if (!read || read.keyUsed) return null;
  const runs = read.checkIns ? read.checkIns.map(fromJson) : cached!.runs;
  return judgeAndWrite(actor, body, { summaryId: read.summaryId, version: read.version, runs }, meta, now);
}

/** The traffic light on the plan's runs and the new check-in, then the write (WRITE_CHECK_IN) at `base`'s
 * version; keeps the runs for the next check-in when it wrote, forgets them when it did not. */
async function judgeAndWrite(
  actor: PatientActor,
  { c, key, answers, bodyHash }: ReturnType<typeof checkInBody>,
  base: { summaryId: string; version: string; runs: readonly CheckInDTO[] },
  meta: RequestMeta,
  now: Date,
): Promise<SaveCheckInResult | null> {
  const cacheKey = `${actor.clinicId}:${actor.patientId}`;
  const assessment = await signedAssessment(db(), actor.clinicId, base.summaryId);
  const stored: CheckInDTO = { key, ...answers, kind: c.kind === "exercise" ? "exercise" : "run", worseNextMorning: null };
  const runs = [...base.runs];
  if (stored.kind === "run") runs.push(stored);
  // Stored rows come in (date, createdAt) order; the new row is the latest created, so it goes after its date's.
  runs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const progress = progressOf(assessment, runs);
  const alert = clinicAlert(progress ?? { alertClinic: false }, painTrend(runs));
  const [saved] = await sql<{ id: string; version: string }>(WRITE_CHECK_IN, [
    actor.intakeSessionId,
    actor.clinicId,
    actor.inviteId,
    now,
    actor.patientId,
    base.summaryId,
    base.version,
    randomUUID(),
    key,
    bodyHash,
    c.date,
    c.kind,
    c.done,
    answers.km,
    answers.minutes,
    answers.painDuring,
    answers.settledWithinHour,
    answers.limped,
    answers.exercises,
    alert,
    `invite:${actor.inviteId}`,
    meta.requestId ?? null,
    meta.ip ?? null,
    meta.userAgent?.slice(0, 300) ?? null,
  ]);
  if (!saved) {
    runsCache.delete(cacheKey);
    return null;
  }
  rememberRuns(cacheKey, { summaryId: base.summaryId, version: saved.version, runs });
  const step = c.kind === "run" && c.done ? (progress?.steps.filter((s) => s.date === c.date).at(-1) ?? null) : null;
  return { ok: true, repeated: false, step, progress };
}

/** The next-morning answer for an earlier run (by the check-in's key). Idempotent: the same answer again
 * changes nothing. A red the next morning can move the calendar back, or pause running. */
export async function answerMorning(actor: PatientActor, input: MorningInput, meta: RequestMeta = {}, now = new Date()): Promise<SaveCheckInResult> {
  return db().$transaction(async (tx) => {
    await lockPatient(tx, actor);
    if (!(await openPlanSession(tx, actor, now))) return { ok: false, reason: "closed" } as const;
    const plan = await latestSignedPlan(tx, actor.clinicId, actor.patientId);
    if (!plan) return { ok: false, reason: "closed" } as const;
    const row = await tx.checkIn.findFirst({
      where: { clinicId: actor.clinicId, patientId: actor.patientId, key: input.key, kind: "run", done: true },
      select: { id: true, worseNextMorning: true, date: true },
    });
    if (!row) return { ok: false, reason: "closed" } as const;
    const changed = row.worseNextMorning !== input.worse;
    if (changed) {
      await tx.checkIn.updateMany({ where: { id: row.id, clinicId: actor.clinicId, patientId: actor.patientId }, data: { worseNextMorning: input.worse } });
      await recordAudit(tx, { actor, action: "update", recordType: "CheckIn", recordId: row.id, details: { worseNextMorning: input.worse }, meta });
    }
    const progress = await refreshAlert(tx, actor.clinicId, actor.patientId, plan, now, false);
    const date = toIsoDate(row.date);
    return { ok: true, repeated: !changed, step: progress?.steps.filter((s) => s.date === date).at(-1) ?? null, progress } as const;
  });
}

/** Replay the plan's check-ins through the engine and keep the patient's worklist columns current. */
async function refreshAlert(
  tx: Tx,
  clinicId: string,
  patientId: string,
  plan: { summaryId: string; assessment: Assessment | null },
  now: Date,
  touched: boolean,
): Promise<Progress | null> {
  const rows = await tx.checkIn.findMany({
    where: { clinicId, patientId, summaryId: plan.summaryId },
    orderBy: [{ date: "asc" }, { createdAt: "asc" }],
    select: checkInSelect,
  });
  const checkIns = rows.map(toDay);
  const progress = progressOf(plan.assessment, checkIns);
  const alert = clinicAlert(progress ?? { alertClinic: false }, painTrend(checkIns.filter((c) => c.kind === "run")));
  await tx.patient.updateMany({ where: { id: patientId, clinicId }, data: { planAlert: alert, ...(touched ? { lastCheckInAt: now } : {}) } });
  return progress;
}

// ---------------------------------------------------------------------------------------------------
// The clinic's view

export interface BetweenVisitsRow {
  patientId: string;
  name: string;
  alert: ClinicAlert | null;
  /** No check-in for MISSED_CHECK_IN_DAYS days (from the plan's start when there is none). */
  missed: boolean;
  lastCheckInAt: string | null;
}

/**
 * The worklist's "between visits" list: patients on a plan (not discharged) whom the engine flagged (red
 * twice, pain trending up) or who have not checked in for a week. Clinic-scoped; one indexed query.
 */
export async function listBetweenVisits(actor: ClinicianActor, meta: RequestMeta = {}, now = new Date()): Promise<BetweenVisitsRow[]> {
  const cutoff = new Date(now.getTime() - MISSED_CHECK_IN_DAYS * 86_400_000);
  const rows = await db().patient.findMany({
    where: {
      clinicId: actor.clinicId,
      planStartedAt: { not: null },
      dischargedOn: null,
      OR: [{ planAlert: { not: null } }, { lastCheckInAt: { lt: cutoff } }, { lastCheckInAt: null, planStartedAt: { lt: cutoff } }],
    },
    orderBy: [{ planAlert: { sort: "asc", nulls: "last" } }, { lastCheckInAt: { sort: "asc", nulls: "first" } }],
    take: 100,
    select: { id: true, firstName: true, lastName: true, planAlert: true, planStartedAt: true, lastCheckInAt: true },
  });
  await db().$transaction((tx) => recordAudit(tx, { actor, action: "view", recordType: "BetweenVisits", details: { rows: rows.length }, meta }));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return rows.map((r) => ({
    patientId: r.id,
    name: `${r.firstName} ${r.lastName}`,
    alert: r.planAlert === "red-twice" || r.planAlert === "pain-up" ? r.planAlert : null,
    missed: missedCheckIns(r.lastCheckInAt ? day(r.lastCheckInAt) : null, day(r.planStartedAt!), day(now)),
    lastCheckInAt: r.lastCheckInAt?.toISOString() ?? null,
  }));
}

export interface PatientProgressDTO {
  signedAt: string;
  visitId: string;
  today: string;
  progress: Progress | null;
  alert: ClinicAlert | null;
  missed: boolean;
  trend: ReturnType<typeof painTrend>;
  weeks: WeekProgress[];
  checkIns: CheckInDTO[];
  /** Runs measured by time (minutes) rather than distance: the chart follows the calendar's basis. */
  basis: "distance" | "time";
  /** The unit the plan prints distances in (the runner's): the page shows the next run and the chart in it. */
  unit: DistanceUnit;
  discharged: { on: string; reason: string } | null;
  /** The follow-up questions for this plan, as My plan offers them. */
  followUp: FollowUpOffer;
}

/** The patient page's between-visits section: the current plan's check-ins read by the engine. Audited. */
export async function getPatientProgress(
  actor: ClinicianActor,
  patientId: string,
  meta: RequestMeta = {},
  now = new Date(),
): Promise<PatientProgressDTO | null> {
  if (!isUuid(patientId)) return null;
  // One statement (ADR 0037): the clinic's time zone, the patient's plan columns, the latest signed plan with
  // its check-ins, whether its follow-up questions were answered, and the view's audit event (only when
  // there is a plan, as the stepwise path). Another clinic's patient takes the stepwise path (the refusal).
  const [row] = await sql<{
    settings: unknown;
    dischargedOn: string | null;
    dischargeReason: string | null;
    followUpRequestedAt: Date | null;
    summaryId: string | null;
    visitId: string | null;
    finalizedAt: Date | null;
    checkIns: StoredCheckIn[];
    answered: boolean;
  }>(
    `WITH p AS (
       SELECT to_char("dischargedOn", 'YYYY-MM-DD') AS "dischargedOn", "dischargeReason", "followUpRequestedAt"
         FROM "Patient" WHERE id = $1 AND "clinicId" = $2
     ), plan AS (${latestSigned("$2", "$1")}
     ), audited AS (
       INSERT INTO "AuditEvent" ("actorType", "actorId", "clinicId", "patientId", action, "recordType", "recordId", outcome, details, "requestId", ip, "userAgent")
       SELECT 'user', $3, $2, $4, 'view', 'CheckIn', plan.id::text, 'ok',
              jsonb_build_object('rows', (SELECT count(*)::int FROM "CheckIn" c WHERE c."clinicId" = $2 AND c."patientId" = $1 AND c."summaryId" = plan.id)),
              $5, $6, $7
         FROM p, plan
     )
     SELECT (SELECT settings FROM "Clinic" WHERE id = $2) AS settings, p.*, plan.id AS "summaryId", plan."visitId", plan."finalizedAt",
            ${planCheckIns("$2", "$1")} AS "checkIns",
            EXISTS (SELECT 1 FROM "IntakeResponse" r JOIN "Visit" fv ON fv.id = r."visitId"
                     WHERE r."clinicId" = $2 AND r.state IN ('FINAL', 'SUPERSEDED') AND r."submittedAt" > plan."finalizedAt"
                       AND fv."patientId" = $1 AND fv.kind = 'FOLLOW_UP') AS answered
       FROM p LEFT JOIN plan ON true`,
    [patientId, actor.clinicId, actor.userId, patientId, meta.requestId ?? null, meta.ip ?? null, meta.userAgent?.slice(0, 300) ?? null],
  );
  if (!row) return getPatientProgressStepwise(actor, patientId, meta, now);
  if (!row.summaryId) return null;
  const timeZone = resolveSettings(row.settings).timeZone;
  const today = todayIn(timeZone, now);
  const signedAt = row.finalizedAt!;
  const assessment = await signedAssessment(db(), actor.clinicId, row.summaryId);
  const followUp = followUpOffer({
    signedOn: todayIn(timeZone, signedAt),
    inWeeks: assessment?.followUp?.inWeeks ?? null,
    requestedOn: row.followUpRequestedAt && row.followUpRequestedAt >= signedAt ? todayIn(timeZone, row.followUpRequestedAt) : null,
    answered: row.answered,
    today,
  });
  return progressView(
    { signedAt, visitId: row.visitId!, assessment },
    row.checkIns.map(fromJson),
    { dischargedOn: row.dischargedOn, dischargeReason: row.dischargeReason },
    timeZone,
    today,
    followUp,
  );
}

/** The patient page's between-visits figures from the plan and its check-ins (both paths). */
function progressView(
  plan: { signedAt: Date; visitId: string; assessment: Assessment | null },
  checkIns: CheckInDTO[],
  p: { dischargedOn: string | null; dischargeReason: string | null },
  timeZone: string,
  today: string,
  followUp: FollowUpOffer,
): PatientProgressDTO {
  const start = todayIn(timeZone, plan.signedAt);
  const end = p.dischargedOn ?? today;
  const progress = progressOf(plan.assessment, checkIns);
  const runs = checkIns.filter((c) => c.kind === "run");
  return {
    signedAt: plan.signedAt.toISOString(),
    visitId: plan.visitId,
    today,
    progress,
    alert: clinicAlert(progress ?? { alertClinic: false }, painTrend(runs)),
    missed: !p.dischargedOn && missedCheckIns(runs.length || checkIns.length ? checkIns.at(-1)!.date : null, start, today),
    trend: painTrend(runs),
    weeks: weeklyProgress(plan.assessment?.returnToRun ?? null, exerciseDays(plan.assessment), start, checkIns, end < start ? start : end),
    checkIns: [...checkIns].reverse(),
    basis: plan.assessment?.returnToRun?.progression.basis ?? "distance",
    unit: plan.assessment?.returnToRun?.unit ?? "km",
    discharged: p.dischargedOn ? { on: p.dischargedOn, reason: p.dischargeReason ?? "" } : null,
    followUp,
  };
}

/** getPatientProgress step by step with Prisma: for another clinic's patient (the refusal), and the equivalence tests. */
export async function getPatientProgressStepwise(
  actor: ClinicianActor,
  patientId: string,
  meta: RequestMeta = {},
  now = new Date(),
): Promise<PatientProgressDTO | null> {
  if (!isUuid(patientId)) return null;
  const timeZone = await getClinicTimeZone(actor);
  const today = todayIn(timeZone, now);
  return db().$transaction(async (tx) => {
    const p = await tx.patient.findFirst({
      where: { id: patientId, clinicId: actor.clinicId },
      select: { planAlert: true, planStartedAt: true, lastCheckInAt: true, dischargedOn: true, dischargeReason: true },
    });
    if (!p) {
      await denied(tx, actor, "CheckIn", patientId, meta);
      return null;
    }
    const plan = await latestSignedPlan(tx, actor.clinicId, patientId);
    if (!plan) return null;
    const [rows, followUp] = await Promise.all([
      tx.checkIn.findMany({
        where: { clinicId: actor.clinicId, patientId, summaryId: plan.summaryId },
        orderBy: [{ date: "asc" }, { createdAt: "asc" }],
        select: checkInSelect,
      }),
      followUpFor(tx, actor.clinicId, patientId, plan, timeZone, today),
    ]);
    const checkIns = rows.map(toDay);
    await recordAudit(tx, { actor, action: "view", recordType: "CheckIn", recordId: plan.summaryId, patientId, details: { rows: rows.length }, meta });
    const discharge = { dischargedOn: p.dischargedOn ? toIsoDate(p.dischargedOn) : null, dischargeReason: p.dischargeReason };
    return progressView(plan, checkIns, discharge, timeZone, today, followUp);
  });
}

// ---------------------------------------------------------------------------------------------------
// Discharge

export type DischargeResult = { ok: true } | { ok: false; reason: "not-found" | "already" };

/** Discharge: the plan link stops (withdrawn; the patient sees a plain page), alerts clear, check-ins stay. */
export async function dischargePatient(
  actor: ClinicianActor,
  patientId: string,
  input: { date: string; reason: string },
  meta: RequestMeta = {},
  now = new Date(),
): Promise<DischargeResult> {
  if (!isUuid(patientId)) return { ok: false, reason: "not-found" };
  return db().$transaction(async (tx) => {
    const p = await tx.patient.findFirst({ where: { id: patientId, clinicId: actor.clinicId }, select: { dischargedOn: true } });
    if (!p) return denied(tx, actor, "Patient", patientId, meta);
    if (p.dischargedOn) return { ok: false, reason: "already" } as const;
    await tx.patient.updateMany({
      where: { id: patientId, clinicId: actor.clinicId },
      data: { dischargedOn: fromIsoDate(input.date), dischargeReason: input.reason, dischargedById: actor.userId, planAlert: null },
    });
    const links = await tx.intakeInvite.updateMany({
      where: { clinicId: actor.clinicId, purpose: "plan", revokedAt: null, visit: { patientId } },
      data: { revokedAt: now },
    });
    await recordAudit(tx, {
      actor,
      action: "discharge",
      recordType: "Patient",
      recordId: patientId,
      patientId,
      details: { date: input.date, linksWithdrawn: links.count },
      meta,
    });
    return { ok: true } as const;
  });
}
