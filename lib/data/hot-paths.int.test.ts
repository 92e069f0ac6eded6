import { describe, expect, it } from "vitest";
import { asOwner } from "@/test/db";
import { clinicianActor, createClinicianAndClinic, examData, patientThroughInvite } from "@/prisma/factories";
import { verifyAuditChain } from "../../scripts/lib/audit-verify";
import { saveExam } from "./exams";
import { getIntakeSession, redeemInvite } from "./intake-link";
import { saveIntakeDraft } from "./intake-answers";
import { createPatient } from "./patients";
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
