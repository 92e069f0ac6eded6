import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { assess, type Assessment } from "../assessment/engine";
import type { PreviousVisit } from "../assessment/derive";
import type { Recommendation } from "../assessment/types";
import { rtrStartProblem, type SummaryEdits } from "../assessment/edits";
import { resolveSettings } from "../assessment/settings";
import type { ClinicianActor, PatientActor, RequestMeta } from "./actors";
import { queueSummaryEmail } from "./messages";
import { startPlan } from "./plan";
import { recordAudit } from "./audit";
import { denied } from "./denials";
import { toIsoDate } from "./dates";
import { isUuid } from "./patients";
import { advanceVisitStatus } from "./visit-status";
import { openSummaryJson, sealSummaryJson } from "./sealed";
import { readExam, readIntake, readSummary } from "./stored";
import { englishWords, SummaryWords } from "../i18n/summary";
import { messagesFor } from "../i18n";
import { toLocale, type Locale } from "../i18n/locales";

/** The words the review form shows for the engine's education points: a point left as shown stays the engine's. */
/** How the review form may have shown an engine's point: in the patient's language (the form's words since
 * staff pages follow the clinic's language) or in English (drafts saved before). Either, unchanged, stays the
 * engine's point. */
function reviewWords(patientLocale: Locale) {
  const patient = new SummaryWords(messagesFor(patientLocale).summary, patientLocale);
  const english = englishWords();
  return { sayEducation: (r: Recommendation) => [english.education(r), patient.education(r)] };
}

type Tx = Prisma.TransactionClient;

const SEX: Record<string, "female" | "male" | "other" | "undisclosed"> = { FEMALE: "female", MALE: "male", OTHER: "other", UNDISCLOSED: "undisclosed" };

function ageOn(dob: Date, on: Date): number {
  let age = on.getUTCFullYear() - dob.getUTCFullYear();
  const m = on.getUTCMonth() - dob.getUTCMonth();
  if (m < 0 || (m === 0 && on.getUTCDate() < dob.getUTCDate())) age -= 1;
  return age;
}

/** Everything the engine needs for a visit, read in the caller's transaction and scoped to the clinic. */
export async function engineInputs(tx: Tx, clinicId: string, visitId: string) {
  const visit = await tx.visit.findFirstOrThrow({
    where: { id: visitId, clinicId },
    select: {
      id: true,
      date: true,
      createdAt: true,
      patientId: true,
      patient: { select: { dateOfBirth: true, sex: true, locale: true } },
      clinic: { select: { settings: true } },
    },
  });
  const latest = async (vid: string) => {
    const [intake, exam] = await Promise.all([
      tx.intakeResponse.findFirst({
        where: { visitId: vid, clinicId, state: "FINAL" },
        orderBy: { revision: "desc" },
        select: { answers: true, schemaVersion: true },
      }),
      // The signed exam when there is one (an amendment in progress does not change the summary until it is
      // signed); otherwise the draft being recorded.
      tx.exam.findFirst({ where: { visitId: vid, clinicId, state: "FINAL" }, orderBy: { revision: "desc" }, select: { data: true, schemaVersion: true } }),
      tx.exam.findFirst({ where: { visitId: vid, clinicId, state: "DRAFT" }, orderBy: { revision: "desc" }, select: { data: true, schemaVersion: true } }),
    ]).then(([i, finalExam, draftExam]) => [i, finalExam ?? draftExam] as const);
    return { intake: intake ? readIntake(intake) : null, exam: exam ? readExam(exam) : null };
  };
  const earlier = await tx.visit.findMany({
    where: {
      clinicId,
      patientId: visit.patientId,
      id: { not: visit.id },
      OR: [{ date: { lt: visit.date } }, { date: visit.date, createdAt: { lt: visit.createdAt } }],
    },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    take: 3,
    select: { id: true, date: true },
  });
  const previousVisits: PreviousVisit[] = [];
  for (const v of earlier) previousVisits.push({ date: toIsoDate(v.date), ...(await latest(v.id)) });
  const current = await latest(visit.id);
  return {
    patientId: visit.patientId,
    /** The patient's language: the review shows the points in it. */
    patientLocale: toLocale(visit.patient.locale),
    input: {
      ...current,
      previousVisits,
      settings: resolveSettings(visit.clinic.settings),
      patient: { ageYears: ageOn(visit.patient.dateOfBirth, visit.date), sex: SEX[visit.patient.sex] ?? null },
      visitDate: toIsoDate(visit.date),
    },
  };
}

/** What changed after a summary was signed: the exam finalized again, or the intake resubmitted. */
export interface OutOfDate {
  exam: boolean;
  intake: boolean;
}

/**
 * A signed summary is out of date when the exam behind it was finalized again (an amendment signed later)
 * or the patient resubmitted the intake later: it would print values that are no longer the record's.
 * Null when neither happened.
 */
async function outOfDateSince(tx: Tx, clinicId: string, visitId: string, signedAt: Date): Promise<OutOfDate | null> {
  const [exam, intake] = await Promise.all([
    tx.exam.count({ where: { visitId, clinicId, state: "FINAL", finalizedAt: { gt: signedAt } } }),
    tx.intakeResponse.count({ where: { visitId, clinicId, state: "FINAL", submittedAt: { gt: signedAt } } }),
  ]);
  return exam || intake ? { exam: exam > 0, intake: intake > 0 } : null;
}

export interface SummaryStatusDTO {
  /** The latest revision's state. */
  state: "draft" | "final";
  /** When the last signed revision was signed (null when none was). */
  signedAt: string | null;
  /** Whether the last signed revision is out of date (null: it is current, or nothing was signed). */
  outOfDate: OutOfDate | null;
}

/** The summary's state for the visit page, scoped to the clinic (the visit page records the view itself). */
export async function getSummaryStatus(actor: ClinicianActor, visitId: string): Promise<SummaryStatusDTO | null> {
  if (!isUuid(visitId)) return null;
  return db().$transaction(async (tx) => {
    const latest = await tx.summary.findFirst({ where: { visitId, clinicId: actor.clinicId }, orderBy: { revision: "desc" }, select: { state: true } });
    if (!latest) return null;
    const signed = await tx.summary.findFirst({
      where: { visitId, clinicId: actor.clinicId, state: "FINAL" },
      orderBy: { revision: "desc" },
      select: { finalizedAt: true },
    });
    return {
      state: latest.state === "FINAL" ? "final" : "draft",
      signedAt: signed?.finalizedAt?.toISOString() ?? null,
      outOfDate: signed?.finalizedAt ? await outOfDateSince(tx, actor.clinicId, visitId, signed.finalizedAt) : null,
    };
  });
}

export interface SummaryRevisionDTO {
  revision: number;
  state: "DRAFT" | "FINAL" | "SUPERSEDED";
  finalizedAt: string | null;
  finalizedByName: string | null;
  rulesetVersion: string;
}

export interface SummaryViewDTO {
  /** What the summary says: the signed one when the latest revision is final, else today's draft with the edits. */
  assessment: Assessment;
  /** The engine's own draft from today's data, without edits (what "reset" goes back to). */
  engineDraft: Assessment;
  edits: SummaryEdits;
  /** The draft's optimistic-concurrency version; null when nothing was saved yet or it is final. */
  draftVersion: number | null;
  state: "none" | "draft" | "final";
  finalized: { at: string; byName: string; summaryId: string; revision: number; rulesetVersion: string } | null;
  revisions: SummaryRevisionDTO[];
  /** The last signed revision is out of date (null: current, or nothing signed). */
  outOfDate: OutOfDate | null;
}

async function names(tx: Tx, clinicId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: wanted }, clinicId }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

export async function getSummary(actor: ClinicianActor, visitId: string, meta: RequestMeta = {}): Promise<SummaryViewDTO | null> {
  if (!isUuid(visitId)) return null;
  return db().$transaction(async (tx) => {
    const exists = await tx.visit.findFirst({ where: { id: visitId, clinicId: actor.clinicId }, select: { patientId: true } });
    if (!exists) {
      await recordAudit(tx, { actor, action: "access-denied", outcome: "denied", recordType: "Summary", recordId: visitId, meta });
      return null;
    }
    const rows = await tx.summary.findMany({
      where: { visitId, clinicId: actor.clinicId },
      orderBy: { revision: "desc" },
      select: { id: true, revision: true, state: true, version: true, content: true, engineVersion: true, finalizedAt: true, finalizedById: true },
    });
    const who = await names(
      tx,
      actor.clinicId,
      rows.map((r) => r.finalizedById),
    );
    const latest = rows[0];
    const { input, patientLocale } = await engineInputs(tx, actor.clinicId, visitId);
    const engineDraft = assess(input);
    await recordAudit(tx, { actor, action: "view", recordType: "Summary", recordId: latest?.id ?? visitId, patientId: exists.patientId, meta });
    const revisions = rows.map((r) => ({
      revision: r.revision,
      state: r.state,
      finalizedAt: r.finalizedAt?.toISOString() ?? null,
      finalizedByName: r.finalizedById ? (who.get(r.finalizedById) ?? null) : null,
      rulesetVersion: r.engineVersion,
    }));
    const lastFinal = rows.find((r) => r.state === "FINAL");
    const finalized = lastFinal
      ? {
          at: lastFinal.finalizedAt!.toISOString(),
          byName: who.get(lastFinal.finalizedById ?? "") ?? "",
          summaryId: lastFinal.id,
          revision: lastFinal.revision,
          rulesetVersion: lastFinal.engineVersion,
        }
      : null;
    const outOfDate = lastFinal?.finalizedAt ? await outOfDateSince(tx, actor.clinicId, visitId, lastFinal.finalizedAt) : null;
    if (latest?.state === "FINAL") {
      const c = readSummary(latest.content);
      return { assessment: c.assessment!, engineDraft, edits: c.edits, draftVersion: null, state: "final", finalized, revisions, outOfDate };
    }
    const edits = latest ? readSummary(latest.content).edits : {};
    return {
      assessment: assess(input, edits, reviewWords(patientLocale)),
      engineDraft,
      edits,
      draftVersion: latest?.version ?? null,
      state: latest ? "draft" : "none",
      finalized,
      revisions,
      outOfDate,
    };
  });
}

export type SaveEditsResult =
  | { ok: true; version: number }
  | { ok: false; reason: "conflict"; current: { edits: SummaryEdits; version: number } }
  | { ok: false; reason: "final" | "not-found" }
  /** A reduced start at or above the runner's current weekly distance: it must be below `belowKm`. */
  | { ok: false; reason: "start-too-high"; belowKm: number };

/** Save the clinician's review edits to the draft (optimistic concurrency: null = no draft row yet). */
export async function saveSummaryEdits(
  actor: ClinicianActor,
  visitId: string,
  edits: SummaryEdits,
  baseVersion: number | null,
  meta: RequestMeta = {},
): Promise<SaveEditsResult> {
  if (!isUuid(visitId)) return { ok: false, reason: "not-found" };
  try {
    return await db().$transaction(async (tx) => {
      const visit = await tx.visit.findFirst({ where: { id: visitId, clinicId: actor.clinicId }, select: { patientId: true } });
      if (!visit) return denied(tx, actor, "Summary", visitId, meta);
      const latest = await tx.summary.findFirst({
        where: { visitId, clinicId: actor.clinicId },
        orderBy: { revision: "desc" },
        select: { id: true, revision: true, state: true, version: true, content: true },
      });
      if (latest?.state === "FINAL") return { ok: false, reason: "final" } as const;
      if (edits.rtrStart?.mode === "reduced-continuous") {
        // The same limit the form checks: a reduced start below the runner's current weekly distance.
        const { input } = await engineInputs(tx, actor.clinicId, visitId);
        const problem = rtrStartProblem(assess(input).returnToRun?.currentWeeklyKm ?? null, edits.rtrStart);
        if (problem) return { ok: false, reason: "start-too-high", belowKm: problem.belowKm } as const;
      }
      const content = sealSummaryJson({ edits });
      let id: string;
      let version: number;
      if (!latest || latest.state !== "DRAFT") {
        if (baseVersion !== null) return { ok: false, reason: "conflict", current: { edits: {}, version: 0 } } as const;
        const { input } = await engineInputs(tx, actor.clinicId, visitId);
        const draft = assess(input);
        const row = await tx.summary.create({
          data: {
            clinicId: actor.clinicId,
            visitId,
            revision: (latest?.revision ?? 0) + 1,
            state: "DRAFT",
            engineVersion: draft.rulesetVersion,
            generated: sealSummaryJson(draft),
            content,
            updatedById: actor.userId,
          },
          select: { id: true, version: true },
        });
        ({ id, version } = row);
      } else {
        const updated = await tx.summary.updateMany({
          where: { id: latest.id, clinicId: actor.clinicId, state: "DRAFT", version: baseVersion ?? -1 },
          data: { content, version: { increment: 1 }, updatedById: actor.userId },
        });
        if (updated.count === 0) {
          await recordAudit(tx, { actor, action: "update", outcome: "conflict", recordType: "Summary", recordId: latest.id, patientId: visit.patientId, meta });
          return { ok: false, reason: "conflict", current: { edits: readSummary(latest.content).edits, version: latest.version } } as const;
        }
        id = latest.id;
        version = latest.version + 1;
      }
      await recordAudit(tx, { actor, action: "update", recordType: "Summary", recordId: id, patientId: visit.patientId, details: { version }, meta });
      return { ok: true, version } as const;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const row = await db().summary.findFirst({
        where: { visitId, clinicId: actor.clinicId },
        orderBy: { revision: "desc" },
        select: { content: true, version: true },
      });
      return { ok: false, reason: "conflict", current: { edits: readSummary(row?.content).edits, version: row?.version ?? 0 } };
    }
    throw e;
  }
}

export type FinalizeResult = { ok: true; summaryId: string } | { ok: false; reason: "not-found" | "incomplete" | "already-finalized" | "conflict" };

/**
 * Sign the summary: compute the assessment from today's data with the clinician's edits, store it with the
 * ruleset version, lock it, record who and when. `baseVersion` guards against finalizing over a colleague's
 * newer edits (null when no draft was saved).
 */
export async function finalizeSummary(
  actor: ClinicianActor,
  visitId: string,
  meta: RequestMeta = {},
  baseVersion: number | null = null,
): Promise<FinalizeResult> {
  if (!isUuid(visitId)) return { ok: false, reason: "not-found" };
  try {
    return await db().$transaction(async (tx) => {
      const visit = await tx.visit.findFirst({ where: { id: visitId, clinicId: actor.clinicId }, select: { id: true, patientId: true } });
      if (!visit) return denied(tx, actor, "Summary", visitId, meta);
      const latest = await tx.summary.findFirst({
        where: { visitId, clinicId: actor.clinicId },
        orderBy: { revision: "desc" },
        select: { id: true, revision: true, state: true, version: true, content: true },
      });
      if (latest?.state === "FINAL") return { ok: false, reason: "already-finalized" } as const;
      if (latest && baseVersion !== null && latest.version !== baseVersion) return { ok: false, reason: "conflict" } as const;
      const { input, patientLocale } = await engineInputs(tx, actor.clinicId, visitId);
      const edits = latest ? readSummary(latest.content).edits : {};
      const assessment = assess(input, edits, reviewWords(patientLocale));
      if (assessment.status === "incomplete") return { ok: false, reason: "incomplete" } as const;
      const data = {
        state: "FINAL" as const,
        engineVersion: assessment.rulesetVersion,
        generated: sealSummaryJson(assess(input)),
        content: sealSummaryJson({ edits, assessment }),
        updatedById: actor.userId,
        finalizedAt: new Date(),
        finalizedById: actor.userId,
      };
      let id: string;
      if (latest) {
        const done = await tx.summary.updateMany({
          where: { id: latest.id, state: "DRAFT", version: latest.version },
          data: { ...data, version: { increment: 1 } },
        });
        if (done.count === 0) return { ok: false, reason: "conflict" } as const;
        id = latest.id;
      } else {
        id = (await tx.summary.create({ data: { clinicId: actor.clinicId, visitId, revision: 1, ...data }, select: { id: true } })).id;
      }
      // An amendment replaces the earlier signed version, which stays readable.
      await tx.summary.updateMany({ where: { visitId, clinicId: actor.clinicId, state: "FINAL", id: { not: id } }, data: { state: "SUPERSEDED" } });
      await advanceVisitStatus(tx, visitId, actor.clinicId, "SUMMARY_FINALIZED");
      await queueSummaryEmail(tx, actor, visitId, meta, new Date());
      // The patient's "My plan" link (kept when one is open) and the plan's start for the check-ins.
      await startPlan(tx, actor, visit, meta, new Date());
      await recordAudit(tx, {
        actor,
        action: "finalize",
        recordType: "Summary",
        recordId: id,
        patientId: visit.patientId,
        details: { status: assessment.status, ruleset: assessment.rulesetVersion },
        meta,
      });
      return { ok: true, summaryId: id } as const;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return { ok: false, reason: "already-finalized" };
    throw e;
  }
}

export type AmendResult = { ok: true } | { ok: false; reason: "not-found" | "not-final" };

/** Start an amendment: a new draft revision from the signed one's edits. The signed one stays printable. */
export async function amendSummary(actor: ClinicianActor, visitId: string, meta: RequestMeta = {}): Promise<AmendResult> {
  if (!isUuid(visitId)) return { ok: false, reason: "not-found" };
  return db().$transaction(async (tx) => {
    const latest = await tx.summary.findFirst({
      where: { visitId, clinicId: actor.clinicId },
      orderBy: { revision: "desc" },
      select: { id: true, revision: true, state: true, content: true, generated: true, engineVersion: true, visit: { select: { patientId: true } } },
    });
    if (!latest) {
      // Another clinic's visit (or no visit at all) is a refusal, audited; a visit of this clinic without a
      // summary yet is merely nothing to amend.
      const own = await tx.visit.findFirst({ where: { id: visitId, clinicId: actor.clinicId }, select: { id: true } });
      return own ? ({ ok: false, reason: "not-found" } as const) : denied(tx, actor, "Summary", visitId, meta);
    }
    if (latest.state !== "FINAL") return { ok: false, reason: "not-final" } as const;
    const row = await tx.summary.create({
      data: {
        clinicId: actor.clinicId,
        visitId,
        revision: latest.revision + 1,
        state: "DRAFT",
        engineVersion: latest.engineVersion,
        // Opened and sealed again: the new revision is under the current key.
        generated: sealSummaryJson(openSummaryJson(latest.generated)),
        content: sealSummaryJson({ edits: readSummary(latest.content).edits }),
        updatedById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: "create",
      recordType: "Summary",
      recordId: row.id,
      patientId: latest.visit.patientId,
      details: { amends: latest.id },
      meta,
    });
    return { ok: true } as const;
  });
}

export interface PrintableDTO {
  assessment: Assessment;
  summaryId: string;
  revision: number;
  finalizedAt: string;
  finalizedByName: string;
  /** The exam or intake changed after it was signed (null: it is current). */
  outOfDate: OutOfDate | null;
}

/** The latest signed summary for printing or the PDF; each is an audit event (a disclosure). */
export async function getPrintableSummary(
  actor: ClinicianActor,
  visitId: string,
  meta: RequestMeta = {},
  action: "print" | "pdf-download" | "pdf-render" = "print",
  version: "patient" | "clinician" = "patient",
): Promise<PrintableDTO | null> {
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
    await recordAudit(tx, {
      actor,
      action,
      recordType: "Summary",
      recordId: s.id,
      patientId: s.visit.patientId,
      details: { revision: s.revision, version },
      meta,
    });
    const outOfDate = await outOfDateSince(tx, actor.clinicId, visitId, s.finalizedAt!);
    return {
      assessment: readSummary(s.content).assessment!,
      summaryId: s.id,
      revision: s.revision,
      finalizedAt: s.finalizedAt!.toISOString(),
      finalizedByName: by?.name ?? "",
      outOfDate,
    };
  });
}

export interface PatientPrintableDTO {
  assessment: Assessment;
  revision: number;
  finalizedAt: string;
  clinic: { name: string; phone: string | null; email: string | null; address: string | null };
  patient: { firstName: string; lastName: string };
  visitDate: string;
}

/** The signed summary for the patient who opened a summary link and passed the date-of-birth check; null
 * otherwise. Each view is an audit event (a disclosure), as a clinician's print is. */
export async function getPatientSummary(actor: PatientActor, meta: RequestMeta = {}, now = new Date()): Promise<PatientPrintableDTO | null> {
  return db().$transaction(async (tx) => {
    const session = await tx.intakeSession.findFirst({
      where: {
        id: actor.intakeSessionId,
        clinicId: actor.clinicId,
        inviteId: actor.inviteId,
        dobVerifiedAt: { not: null },
        expiresAt: { gt: now },
        invite: { purpose: "summary", revokedAt: null, expiresAt: { gt: now } },
      },
      select: { id: true },
    });
    if (!session) return null;
    const s = await tx.summary.findFirst({
      where: { visitId: actor.visitId, clinicId: actor.clinicId, state: "FINAL" },
      orderBy: { revision: "desc" },
      select: {
        id: true,
        revision: true,
        content: true,
        finalizedAt: true,
        visit: {
          select: {
            date: true,
            patient: { select: { firstName: true, lastName: true } },
            clinic: { select: { name: true, phone: true, email: true, address: true } },
          },
        },
      },
    });
    if (!s) return null;
    await recordAudit(tx, {
      actor,
      action: "print",
      recordType: "Summary",
      recordId: s.id,
      details: { revision: s.revision, version: "patient", by: "patient-link" },
      meta,
    });
    return {
      assessment: readSummary(s.content).assessment!,
      revision: s.revision,
      finalizedAt: s.finalizedAt!.toISOString(),
      clinic: s.visit.clinic,
      patient: s.visit.patient,
      visitDate: s.visit.date.toISOString().slice(0, 10),
    };
  });
}
