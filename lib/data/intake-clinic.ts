// The clinic's side of the intake: reopening it, a new link, and the submitted answers as a clinician reads them.

import "server-only";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { INTAKE_SCHEMA_VERSION, type IntakeKind } from "../assessment/intake-schema";
import type { ClinicianActor, RequestMeta } from "./actors";
import { recordAudit } from "./audit";
import { toIsoDate } from "./dates";
import { isUuid } from "./patients";
import { toLocale, type Locale } from "../i18n/locales";
import { questionnaireLocale } from "../i18n";
import { issueInvite } from "./visits";
import { openIntake, sealIntake } from "./sealed";
import { readIntake } from "./stored";
import type { SubmittedAnswers } from "./intake-answers";

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
    const final = await tx.intakeResponse.findFirst({
      where: { visitId, clinicId: actor.clinicId, state: "FINAL" },
      select: { id: true, revision: true, answers: true },
    });
    if (!final) return { ok: false, reason: "not-submitted" } as const;
    const revision = final.revision + 1;
    const draft = await tx.intakeResponse.findFirst({ where: { visitId, clinicId: actor.clinicId, state: "DRAFT" }, select: { id: true } });
    if (!draft) {
      const { consent: _consent, ...rest } = final.answers as Record<string, unknown>;
      const row = await tx.intakeResponse.create({
        data: {
          clinicId: actor.clinicId,
          visitId,
          revision,
          state: "DRAFT",
          schemaVersion: INTAKE_SCHEMA_VERSION,
          answers: sealIntake(openIntake(rest)) as Prisma.InputJsonValue,
          resumeStep: null,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor,
        action: "update",
        recordType: "IntakeResponse",
        recordId: final.id,
        patientId: visit.patientId,
        details: { reopened: true, draftId: row.id, revision },
        meta,
      });
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
    const locked = await tx.$queryRaw<
      { patientId: string }[]
    >`SELECT "patientId" FROM "Visit" WHERE id = ${visitId}::uuid AND "clinicId" = ${actor.clinicId}::uuid FOR UPDATE`;
    const visit = locked[0];
    if (!visit) {
      await recordAudit(tx, { actor, action: "access-denied", outcome: "denied", recordType: "Visit", recordId: visitId, meta });
      return { ok: false, reason: "not-found" } as const;
    }
    const draft = await tx.intakeResponse.findFirst({ where: { visitId, clinicId: actor.clinicId, state: "DRAFT" }, select: { revision: true } });
    const submitted = await tx.intakeResponse.findFirst({
      where: { visitId, clinicId: actor.clinicId, state: { in: ["FINAL", "SUPERSEDED"] } },
      select: { id: true },
    });
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
      visit: {
        patientId: r.visit.patientId,
        clinicId: actor.clinicId,
        OR: [{ date: { lt: r.visit.date } }, { date: r.visit.date, createdAt: { lt: r.visit.createdAt } }],
      },
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
