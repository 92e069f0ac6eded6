import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { asOwner } from "@/test/db";
import { clinicianActor, createClinicianAndClinic, examData, greenRunCheckIn, intakeAnswers, patientThroughInvite } from "@/prisma/factories";
import type { CheckInInput } from "../forms/check-in-schema";
import { verifyAuditChain } from "../../scripts/lib/audit-verify";
import { saveExam } from "./exams";
import { getIntakeSession, redeemInvite } from "./intake-link";
import { saveIntakeDraft, submitIntake } from "./intake-answers";
import { createPatient, getPatient, getPatientStepwise } from "./patients";
import {
  answerMorning,
  dischargePatient,
  getPatientProgress,
  getPatientProgressStepwise,
  getPlanLink,
  getPlanLinkStepwise,
  insertCheckIn,
  saveCheckIn,
  saveCheckInStepwise,
} from "./plan";
import { getVisitTrends, getVisitTrendsStepwise } from "./trends";
import { finalizeSummary } from "./summaries";
import { checkSession } from "./users";
import { startVisit } from "./visits";

// The hot paths written as one SQL statement each (docs/decisions/0013-hot-path-sql.md): an autosave that
// updates the current draft, and the session checks. They must leave exactly what the step-by-step Prisma
// path leaves: the same rows, the same audit event, an intact hash chain.

const DOB = "1988-08-18";
const META = { requestId: "hot-path-request", ip: "203.0.113.7", userAgent: "Mozilla/5.0 hot-path-test" };

async function visit() {
  const { clinic, user } = await createClinicianAndClinic();
  const actor = await clinicianActor(user, clinic.id);
  const p = await createPatient(actor, { firstName: "Hot", lastName: "Path", dateOfBirth: DOB, sex: "FEMALE", email: "", phone: "" });
  const v = await startVisit(actor, { patientId: p.id, kind: "INITIAL", date: "2026-11-25" });
  if (!v.ok) throw new Error("no visit");
  return { actor, clinicId: clinic.id, patientId: p.id, visitId: v.visitId, token: v.token };
}

const auditOf = (recordId: string) =>
  asOwner<Record<string, unknown>>(
    `SELECT "actorType", "actorId", "clinicId", "patientId", action, "recordType", "recordId", outcome, details, "requestId", ip, "userAgent", seq IS NOT NULL AS chained
       FROM "AuditEvent" WHERE "recordId" = $1 ORDER BY seq`,
    [recordId],
  );

describe("the one-statement autosave", () => {
  it("updates the intake draft and records the same audit event as any update", async () => {
    const v = await visit();
    const patient = await patientThroughInvite(v.token, DOB);
    expect(await saveIntakeDraft(patient, { pain: { now: 2 } }, null, "pain", META)).toMatchObject({ ok: true, version: 1 });
    expect(await saveIntakeDraft(patient, { pain: { now: 3 } }, 1, "safety", META)).toMatchObject({ ok: true, version: 2 });
    const [row] = await asOwner<{ id: string; version: number; answers: unknown; resumeStep: string; state: string }>(
      `SELECT id, version, answers, "resumeStep", state FROM "IntakeResponse" WHERE "visitId" = $1`,
      [v.visitId],
    );
    expect(row).toMatchObject({ version: 2, answers: { pain: { now: 3 } }, resumeStep: "safety", state: "DRAFT" });
    const events = await auditOf(row!.id);
    const expected = {
      actorType: "patient",
      actorId: `invite:${patient.inviteId}`,
      clinicId: v.clinicId,
      patientId: v.patientId,
      recordType: "IntakeResponse",
      recordId: row!.id,
      outcome: "ok",
      requestId: META.requestId,
      ip: META.ip,
      userAgent: META.userAgent,
      chained: true,
    };
    expect(events).toEqual([
      { ...expected, action: "create", details: { draft: true, version: 1 } },
      { ...expected, action: "update", details: { draft: true, version: 2 } },
    ]);
  });

  it("does not save for a browser that has not passed the date-of-birth check, even with a right version", async () => {
    const v = await visit();
    const patient = await patientThroughInvite(v.token, DOB);
    await saveIntakeDraft(patient, { pain: { now: 2 } }, null, "pain");
    const r = await redeemInvite(v.token);
    if (!r.ok) throw new Error();
    const other = await getIntakeSession(r.sessionToken);
    if (!other.ok) throw new Error();
    expect(await saveIntakeDraft(other.actor, { pain: { now: 9 } }, 1, "pain")).toEqual({ ok: false, reason: "not-verified" });
    expect(await asOwner(`SELECT version FROM "IntakeResponse" WHERE "visitId" = $1`, [v.visitId])).toEqual([{ version: 1 }]);
  });

  it("does not save once the link is withdrawn or has expired", async () => {
    for (const close of [`"revokedAt" = now()`, `"expiresAt" = now() - interval '1 minute'`]) {
      const v = await visit();
      const patient = await patientThroughInvite(v.token, DOB);
      await saveIntakeDraft(patient, { pain: { now: 2 } }, null, "pain");
      await asOwner(`UPDATE "IntakeInvite" SET ${close} WHERE "visitId" = $1`, [v.visitId]);
      expect(await saveIntakeDraft(patient, { pain: { now: 9 } }, 1, "pain")).toEqual({ ok: false, reason: "closed" });
      expect(await asOwner(`SELECT version FROM "IntakeResponse" WHERE "visitId" = $1`, [v.visitId])).toEqual([{ version: 1 }]);
    }
  });

  it("updates the exam, moves the visit to 'examined' if it was behind, and audits like any update", async () => {
    const v = await visit();
    expect(await saveExam(v.actor, v.visitId, examData(150, 200), null, META)).toEqual({ ok: true, version: 1, revision: 1 });
    await asOwner(`UPDATE "Visit" SET status = 'INTAKE_SUBMITTED' WHERE id = $1`, [v.visitId]);
    expect(await saveExam(v.actor, v.visitId, examData(151, 200), 1, META)).toEqual({ ok: true, version: 2, revision: 1 });
    expect(await asOwner(`SELECT status FROM "Visit" WHERE id = $1`, [v.visitId])).toEqual([{ status: "EXAMINED" }]);
    const [exam] = await asOwner<{ id: string; version: number; data: { strength: unknown }; updatedById: string }>(
      `SELECT id, version, data, "updatedById" FROM "Exam" WHERE "visitId" = $1`,
      [v.visitId],
    );
    expect(exam).toMatchObject({ version: 2, updatedById: v.actor.userId, data: examData(151, 200) });
    const expected = {
      actorType: "user",
      actorId: v.actor.userId,
      clinicId: v.clinicId,
      patientId: v.patientId,
      recordType: "Exam",
      recordId: exam!.id,
      outcome: "ok",
      requestId: META.requestId,
      ip: META.ip,
      userAgent: META.userAgent,
      chained: true,
    };
    expect(await auditOf(exam!.id)).toEqual([
      { ...expected, action: "create", details: { revision: 1, version: 1 } },
      { ...expected, action: "update", details: { revision: 1, version: 2 } },
    ]);
  });

  it("never moves a visit backwards", async () => {
    const v = await visit();
    await saveExam(v.actor, v.visitId, examData(150, 200), null);
    await asOwner(`UPDATE "Visit" SET status = 'SUMMARY_FINALIZED' WHERE id = $1`, [v.visitId]);
    expect(await saveExam(v.actor, v.visitId, examData(152, 200), 1)).toMatchObject({ ok: true, version: 2 });
    expect(await asOwner(`SELECT status FROM "Visit" WHERE id = $1`, [v.visitId])).toEqual([{ status: "SUMMARY_FINALIZED" }]);
  });

  it("keeps the audit chain whole when many saves race", async () => {
    const visits = await Promise.all(Array.from({ length: 6 }, () => visit()));
    for (const v of visits) await saveExam(v.actor, v.visitId, examData(150, 200), null);
    await Promise.all(
      visits.map(async (v) => {
        for (let n = 1; n <= 5; n++) {
          const r = await saveExam(v.actor, v.visitId, examData(150 + n, 200), n);
          if (!r.ok) throw new Error(`save ${n} refused`);
        }
      }),
    );
    expect(await verifyAuditChain(process.env.DATABASE_URL!)).toMatchObject({ ok: true });
  });
});

describe("the one-statement session check", () => {
  it("reads the user's role, clinic and what is pending from the database", async () => {
    const v = await visit();
    expect(await checkSession(v.actor.sessionId)).toMatchObject({
      ok: true,
      user: { userId: v.actor.userId, clinicId: v.clinicId, role: "CLINICIAN", pending: null, idleTimeoutMinutes: 15 },
    });
    await asOwner(`UPDATE "User" SET "mustChangePassword" = true WHERE id = $1`, [v.actor.userId]);
    expect(await checkSession(v.actor.sessionId)).toMatchObject({ ok: true, user: { pending: "change-password" } });
    await asOwner(`UPDATE "Clinic" SET settings = '{"idleTimeoutMinutes": 5}' WHERE id = $1`, [v.clinicId]);
    expect(await checkSession(v.actor.sessionId)).toMatchObject({ ok: true, user: { idleTimeoutMinutes: 5 } });
  });
});

// The check-in save (ADR 0037): two statements (read what the traffic light needs; insert, alert, audit) with
// the engine run between them, against saveCheckInStepwise, the Prisma path every other case still takes.
describe("the two-statement check-in", () => {
  /** A clinic, a patient with a signed summary (a walk-run calendar), and the patient through the plan link. */
  async function signedPatient() {
    const v = await visit();
    await submitIntake(await patientThroughInvite(v.token, DOB), intakeAnswers(), `k-${v.visitId}`);
    await saveExam(v.actor, v.visitId, examData(150, 210), null);
    expect((await finalizeSummary(v.actor, v.visitId)).ok).toBe(true);
    const link = await getPlanLink(v.actor, v.patientId);
    return { ...v, link: link!, patient: await patientThroughInvite(link!.token!, DOB) };
  }
  const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
  const run = (over: Partial<CheckInInput> = {}): CheckInInput => greenRunCheckIn({ date: day(0), ...over });
  const checkInRows = (patientId: string) =>
    asOwner<Record<string, unknown>>(
      `SELECT id, "clinicId", "summaryId", "inviteId", key, "bodyHash", to_char(date, 'YYYY-MM-DD') AS date, kind, done, km, minutes, "painDuring",
              "settledWithinHour", limped, "worseNextMorning", exercises
         FROM "CheckIn" WHERE "patientId" = $1 ORDER BY date, "createdAt"`,
      [patientId],
    );
  const checkInAudit = (patientId: string) =>
    asOwner<Record<string, unknown>>(
      `SELECT "actorType", "actorId", "clinicId", "patientId", action, "recordType", "recordId", outcome, details, "requestId", ip, "userAgent", seq IS NOT NULL AS chained
         FROM "AuditEvent" WHERE "patientId" = $1 AND "recordType" = 'CheckIn' ORDER BY seq`,
      [patientId],
    );
  const patientColumns = (patientId: string) =>
    asOwner<{ planAlert: string | null; lastCheckInAt: Date | null }>(`SELECT "planAlert", "lastCheckInAt" FROM "Patient" WHERE id = $1`, [patientId]);

  it("leaves the same check-ins, alert, audit rows and answers as the Prisma path, over a whole sequence", async () => {
    const [hot, stepwise] = [await signedPatient(), await signedPatient()];
    // Green, an exercise day, amber, a run not done, red, a limp (red whatever the pain), an earlier day sent
    // late from the outbox, and red again: running paused and the clinic alerted.
    const sequence = [
      run({ painDuring: 1 }),
      run({ kind: "exercise", done: true, km: null, painDuring: null, settledWithinHour: null, exercises: "part" }),
      run({ painDuring: 3 }),
      run({ done: false, exercises: "no" }),
      run({ painDuring: 6, settledWithinHour: false }),
      run({ painDuring: 0, limped: true }),
      run({ date: day(1), painDuring: 2, minutes: 20, km: null }),
      run({ painDuring: 7 }),
    ];
    const now = new Date();
    const alerts: (string | null)[] = [];
    for (const c of sequence) {
      const a = await insertCheckIn(hot.patient, c, META, now);
      const b = await saveCheckInStepwise(stepwise.patient, c, META, now);
      // The two-statement path took it (null would mean it handed over to the Prisma path).
      expect(a).not.toBeNull();
      expect(a).toEqual(b);
      const [pa] = await patientColumns(hot.patientId);
      expect(pa).toEqual((await patientColumns(stepwise.patientId))[0]);
      expect(pa!.lastCheckInAt?.getTime()).toBe(now.getTime());
      alerts.push(pa!.planAlert);
    }
    expect(alerts.at(-1)).toBe("red-twice");
    expect(new Set(alerts).size).toBeGreaterThan(1);

    // The same rows, each against its own plan and link.
    const [rowsA, rowsB] = [await checkInRows(hot.patientId), await checkInRows(stepwise.patientId)];
    expect(rowsA).toHaveLength(sequence.length);
    const plain = (rows: Record<string, unknown>[]) => rows.map(({ id: _i, clinicId: _c, summaryId: _s, inviteId: _v, ...r }) => r);
    expect(plain(rowsA)).toEqual(plain(rowsB));
    const [summaryA] = await asOwner<{ id: string }>(`SELECT id FROM "Summary" WHERE "visitId" = $1 AND state = 'FINAL'`, [hot.visitId]);
    expect(rowsA.every((r) => r.clinicId === hot.clinicId && r.summaryId === summaryA!.id && r.inviteId === hot.patient.inviteId)).toBe(true);

    // The same audit rows, each naming its own check-in, in the clinic's chain.
    const [auditA, auditB] = [await checkInAudit(hot.patientId), await checkInAudit(stepwise.patientId)];
    const who = (p: typeof hot) => ({ actorId: `invite:${p.patient.inviteId}`, clinicId: p.clinicId, patientId: p.patientId });
    expect(auditA.map((e) => ({ ...e, ...who(stepwise) }))).toEqual(auditB.map((e, i) => ({ ...e, recordId: auditA[i]!.recordId })));
    expect(auditA[0]).toMatchObject({
      ...who(hot),
      action: "create",
      outcome: "ok",
      requestId: META.requestId,
      ip: META.ip,
      userAgent: META.userAgent,
      chained: true,
    });
    expect(new Set(auditA.map((e) => e.recordId))).toEqual(new Set(rowsA.map((r) => r.id)));

    // The clinic's view reads both the same.
    const [viewA, viewB] = [await getPatientProgress(hot.actor, hot.patientId), await getPatientProgress(stepwise.actor, stepwise.patientId)];
    expect({ ...viewA, visitId: null, signedAt: null }).toEqual({ ...viewB, visitId: null, signedAt: null });
    expect(await verifyAuditChain(process.env.DATABASE_URL!)).toMatchObject({ ok: true });
  });

  it("hands every other case to the Prisma path and writes nothing: a resend, an unverified browser, a closed link, a discharge", async () => {
    const s = await signedPatient();
    const c = run();
    expect(await insertCheckIn(s.patient, c, META)).toMatchObject({ ok: true, repeated: false });
    const state = async () => ({ rows: await checkInRows(s.patientId), audit: await checkInAudit(s.patientId), patient: await patientColumns(s.patientId) });
    let before = await state();
    const unchanged = async () => expect(await state()).toEqual(before);

    // The same key again (a resend, or a different body under it): the Prisma path answers repeat / refused.
    expect(await insertCheckIn(s.patient, c, META)).toBeNull();
    expect(await insertCheckIn(s.patient, { ...c, painDuring: 7 }, META)).toBeNull();
    await unchanged();
    expect(await saveCheckIn(s.patient, c, META)).toMatchObject({ ok: true, repeated: true });
    expect(await saveCheckIn(s.patient, { ...c, painDuring: 7 }, META)).toEqual({ ok: false, reason: "key-reused" });
    before = await state();

    // A browser on the link that has not passed the date-of-birth check.
    const r = await redeemInvite(s.link.token!);
    if (!r.ok) throw new Error();
    const unverified = await getIntakeSession(r.sessionToken);
    if (!unverified.ok) throw new Error();
    expect(await insertCheckIn(unverified.actor, run(), META)).toBeNull();
    // Another patient's plan session cannot write to this patient (the actor's patient is checked against the link's).
    const other = await signedPatient();
    expect(await insertCheckIn({ ...other.patient, patientId: s.patientId }, run(), META)).toBeNull();
    await unchanged();

    // A withdrawn or expired link, and a discharged patient.
    for (const close of [
      `UPDATE "IntakeInvite" SET "revokedAt" = now() WHERE id = $1`,
      `UPDATE "IntakeInvite" SET "expiresAt" = now() - interval '1 minute' WHERE id = $1`,
    ]) {
      const t = await signedPatient();
      await asOwner(close, [t.patient.inviteId]);
      expect(await insertCheckIn(t.patient, run(), META)).toBeNull();
      expect(await saveCheckIn(t.patient, run(), META)).toEqual({ ok: false, reason: "closed" });
      expect(await checkInRows(t.patientId)).toEqual([]);
    }
    const d = await signedPatient();
    expect(await dischargePatient(d.actor, d.patientId, { date: day(0), reason: "Goals met" })).toEqual({ ok: true });
    expect(await insertCheckIn(d.patient, run(), META)).toBeNull();
    expect(await checkInRows(d.patientId)).toEqual([]);
  });

  it("reads the plan's runs again after any other write to them: a next-morning answer between two check-ins counts", async () => {
    const [hot, stepwise] = [await signedPatient(), await signedPatient()];
    const first = run({ date: day(2), painDuring: 1 });
    const second = run({ date: day(1), painDuring: 1 });
    const third = run({ date: day(0), painDuring: 1 });
    const now = new Date();
    // The first check-in leaves this instance holding the plan's runs; the morning answer (the stepwise path)
    // turns that run red; the next check-ins must be judged with it, as a full replay judges them.
    expect(await insertCheckIn(hot.patient, first, META, now)).not.toBeNull();
    await saveCheckInStepwise(stepwise.patient, first, META, now);
    expect(await answerMorning(hot.patient, { key: first.key, worse: true }, META, now)).toMatchObject({ ok: true });
    expect(await answerMorning(stepwise.patient, { key: first.key, worse: true }, META, now)).toMatchObject({ ok: true });
    for (const c of [second, third]) {
      const a = await insertCheckIn(hot.patient, c, META, now);
      expect(a).not.toBeNull();
      expect(a).toEqual(await saveCheckInStepwise(stepwise.patient, c, META, now));
      expect((await patientColumns(hot.patientId))[0]).toEqual((await patientColumns(stepwise.patientId))[0]);
    }
    // A write to the patient row from elsewhere (the clinic edits the record) only makes the next read a full one.
    await asOwner(`UPDATE "Patient" SET phone = '555 0100' WHERE id = $1`, [hot.patientId]);
    const fourth = run({ date: day(0), painDuring: 4 });
    const a = await insertCheckIn(hot.patient, fourth, META, now);
    expect(a).not.toBeNull();
    expect(a).toEqual(await saveCheckInStepwise(stepwise.patient, fourth, META, now));
  });

  it("stores each check-in once when sends race (one key ten times, different keys at once), the alert as a replay gives it, the chain whole", async () => {
    const s = await signedPatient();
    const c = run({ painDuring: 6 });
    const same = await Promise.all(Array.from({ length: 10 }, () => saveCheckIn(s.patient, c, META)));
    expect(same.every((r) => r.ok)).toBe(true);
    expect(same.filter((r) => r.ok && !r.repeated)).toHaveLength(1);
    const different = [
      run({ painDuring: 1 }),
      run({ painDuring: 6 }),
      run({ painDuring: 3 }),
      run({ painDuring: 7 }),
      run({ painDuring: 0 }),
      run({ painDuring: 5 }),
    ];
    const results = await Promise.all(different.map((x) => saveCheckIn(s.patient, x, META)));
    expect(results.every((r) => r.ok && !r.repeated)).toBe(true);
    expect(await checkInRows(s.patientId)).toHaveLength(7);
    expect(await checkInAudit(s.patientId)).toHaveLength(7);
    // Replaying every check-in (what a resend's refresh does) leaves the alert as the racing saves left it.
    const [raced] = await patientColumns(s.patientId);
    expect(await saveCheckInStepwise(s.patient, c, META)).toMatchObject({ ok: true, repeated: true });
    expect((await patientColumns(s.patientId))[0]!.planAlert).toBe(raced!.planAlert);
    expect(await verifyAuditChain(process.env.DATABASE_URL!)).toMatchObject({ ok: true });
  });
});

// The patient page's reads (ADR 0037): getPatient, getPlanLink and getPatientProgress in one statement each,
// the trends in one read plus the audit row, against the Prisma path each replaced.
describe("the patient page's one-statement reads", () => {
  async function planPatient() {
    const v = await visit();
    await submitIntake(await patientThroughInvite(v.token, DOB), intakeAnswers(), `k-${v.visitId}`);
    await saveExam(v.actor, v.visitId, examData(150, 210), null);
    expect((await finalizeSummary(v.actor, v.visitId)).ok).toBe(true);
    const link = await getPlanLinkStepwise(v.actor, v.patientId);
    const patient = await patientThroughInvite(link!.token!, DOB);
    const today = new Date().toISOString().slice(0, 10);
    for (const [painDuring, kind] of [
      [1, "run"],
      [3, "run"],
      [null, "exercise"],
      [6, "run"],
    ] as const)
      await saveCheckIn(patient, {
        key: randomUUID(),
        date: today,
        kind,
        done: true,
        km: kind === "run" ? 3 : null,
        minutes: null,
        painDuring,
        settledWithinHour: kind === "run" ? true : null,
        exercises: "part",
      });
    return v;
  }
  /** The audit events a call writes, without their ids and chain fields. */
  async function audited<T>(call: () => Promise<T>): Promise<{ result: T; events: Record<string, unknown>[] }> {
    const [{ max }] = (await asOwner<{ max: string | null }>(`SELECT max(id)::text AS max FROM "AuditEvent"`)) as [{ max: string | null }];
    const result = await call();
    const events = await asOwner<Record<string, unknown>>(
      `SELECT "actorType", "actorId", "clinicId", "patientId", action, "recordType", "recordId", outcome, details, "requestId", ip, "userAgent", seq IS NOT NULL AS chained
         FROM "AuditEvent" WHERE id > $1::bigint ORDER BY id`,
      [max ?? "0"],
    );
    return { result, events };
  }
  const same = async <T>(one: () => Promise<T>, stepwise: () => Promise<T>) => {
    const a = await audited(one);
    const b = await audited(stepwise);
    expect(a).toEqual(b);
    return a;
  };

  it("read what the Prisma path reads and audit each view the same way, for a patient on a plan with check-ins", async () => {
    const v = await planPatient();
    const p = await same(
      () => getPatient(v.actor, v.patientId, META),
      () => getPatientStepwise(v.actor, v.patientId, META),
    );
    expect(p.result).toMatchObject({ id: v.patientId, firstName: "Hot", dateOfBirth: DOB, locale: "en-US" });
    expect(p.events).toEqual([
      expect.objectContaining({ action: "view", recordType: "Patient", recordId: v.patientId, requestId: META.requestId, chained: true }),
    ]);
    const link = await same(
      () => getPlanLink(v.actor, v.patientId, META),
      () => getPlanLinkStepwise(v.actor, v.patientId, META),
    );
    expect(link.result?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.events).toEqual([expect.objectContaining({ action: "view", recordType: "PlanLink" })]);
    const progress = await same(
      () => getPatientProgress(v.actor, v.patientId, META),
      () => getPatientProgressStepwise(v.actor, v.patientId, META),
    );
    expect(progress.result?.checkIns).toHaveLength(4);
    expect(progress.result?.progress?.steps.length).toBeGreaterThan(0);
    expect(progress.events).toEqual([expect.objectContaining({ action: "view", recordType: "CheckIn", details: { rows: 4 } })]);
    const trends = await same(
      () => getVisitTrends(v.actor, v.patientId, META),
      () => getVisitTrendsStepwise(v.actor, v.patientId, META),
    );
    expect(trends.result?.visits).toHaveLength(1);
    expect(trends.events).toEqual([expect.objectContaining({ action: "view", recordType: "Trends", details: { visits: 1 } })]);
    await same(
      () => getVisitTrends(v.actor, v.patientId, META, { upToVisitId: v.visitId }),
      () => getVisitTrendsStepwise(v.actor, v.patientId, META, { upToVisitId: v.visitId }),
    );

    // After a discharge: no link shown (and no view of it audited), the discharge on the progress.
    await dischargePatient(v.actor, v.patientId, { date: new Date().toISOString().slice(0, 10), reason: "Goals met" });
    expect(
      (
        await same(
          () => getPlanLink(v.actor, v.patientId, META),
          () => getPlanLinkStepwise(v.actor, v.patientId, META),
        )
      ).events,
    ).toEqual([]);
    const after = await same(
      () => getPatientProgress(v.actor, v.patientId, META),
      () => getPatientProgressStepwise(v.actor, v.patientId, META),
    );
    expect(after.result?.discharged?.reason).toBe("Goals met");
    expect(await verifyAuditChain(process.env.DATABASE_URL!)).toMatchObject({ ok: true });
  });

  it("read the same for a patient with no plan, and refuse another clinic's patient with the same audited refusal", async () => {
    const v = await visit();
    await same(
      () => getPatientProgress(v.actor, v.patientId, META),
      () => getPatientProgressStepwise(v.actor, v.patientId, META),
    );
    await same(
      () => getPlanLink(v.actor, v.patientId, META),
      () => getPlanLinkStepwise(v.actor, v.patientId, META),
    );
    await same(
      () => getVisitTrends(v.actor, v.patientId, META),
      () => getVisitTrendsStepwise(v.actor, v.patientId, META),
    );
    const stranger = await visit();
    const refusals = [
      await same(
        () => getPatient(stranger.actor, v.patientId, META),
        () => getPatientStepwise(stranger.actor, v.patientId, META),
      ),
      await same(
        () => getPlanLink(stranger.actor, v.patientId, META),
        () => getPlanLinkStepwise(stranger.actor, v.patientId, META),
      ),
      await same(
        () => getPatientProgress(stranger.actor, v.patientId, META),
        () => getPatientProgressStepwise(stranger.actor, v.patientId, META),
      ),
      await same(
        () => getVisitTrends(stranger.actor, v.patientId, META),
        () => getVisitTrendsStepwise(stranger.actor, v.patientId, META),
      ),
      await same(
        () => getVisitTrends(v.actor, v.patientId, META, { upToVisitId: stranger.visitId }),
        () => getVisitTrendsStepwise(v.actor, v.patientId, META, { upToVisitId: stranger.visitId }),
      ),
    ];
    for (const r of refusals) {
      expect(r.result).toBeNull();
      expect(r.events).toEqual([expect.objectContaining({ action: "access-denied", outcome: "denied" })]);
    }
  });
});
