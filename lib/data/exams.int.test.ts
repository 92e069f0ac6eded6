import { describe, expect, it } from "vitest";
import { asOwner } from "@/test/db";
import { clinicianActor, createClinicianAndClinic, examData } from "@/prisma/factories";
import { getExam, saveExam } from "./exams";
import { createPatient } from "./patients";
import { startVisit } from "./visits";

async function visitOf() {
  const { clinic, user } = await createClinicianAndClinic();
  const actor = await clinicianActor(user, clinic.id);
  const p = await createPatient(actor, { firstName: "Bo", lastName: "Kim", dateOfBirth: "1980-01-01", sex: "MALE", email: "", phone: "" });
  const v = await startVisit(actor, { patientId: p.id, kind: "INITIAL", date: "2026-11-25" });
  if (!v.ok) throw new Error();
  return { actor, clinic, user, visitId: v.visitId };
}

describe("saving the exam with optimistic concurrency", () => {
  it("creates version 1, then moves to version 2 from it", async () => {
    const { actor, visitId } = await visitOf();
    expect(await saveExam(actor, visitId, examData(180, 200), null)).toEqual({ ok: true, version: 1 });
    expect(await saveExam(actor, visitId, examData(181, 200), 1)).toEqual({ ok: true, version: 2 });
    const e = await getExam(actor, visitId);
    expect(e?.version).toBe(2);
    expect(e?.data.strength.hipAbduction?.left?.trialsN).toContain(181);
  });

  it("refuses a stale save with the current version and data, and overwrites nothing", async () => {
    const { actor, visitId, clinic } = await visitOf();
    await saveExam(actor, visitId, examData(180, 200), null);
    const colleague = await clinicianActor({ id: actor.userId }, clinic.id);
    expect(await saveExam(colleague, visitId, examData(150, 200), 1)).toEqual({ ok: true, version: 2 });
    const stale = await saveExam(actor, visitId, examData(999, 1), 1);
    expect(stale.ok).toBe(false);
    if (stale.ok || stale.reason !== "conflict") throw new Error("expected a conflict");
    expect(stale.current.version).toBe(2);
    expect(stale.current.data.strength.hipAbduction?.left?.trialsN).toContain(150);
    const [row] = await asOwner<{ version: number; data: { strength: { hipAbduction: { left: { trialsN: number[] } } } } }>(
      `SELECT version, data FROM "Exam" WHERE "visitId" = $1`,
      [visitId],
    );
    expect(row!.version).toBe(2);
    expect(row!.data.strength.hipAbduction.left.trialsN).toContain(150);
    const conflicts = await asOwner(`SELECT 1 FROM "AuditEvent" WHERE "recordType" = 'Exam' AND outcome = 'conflict' AND "actorId" = $1`, [actor.userId]);
    expect(conflicts).toHaveLength(1);
  });

  it("turns two racing first saves into one exam and one conflict", async () => {
    const { actor, visitId } = await visitOf();
    const [a, b] = await Promise.all([saveExam(actor, visitId, examData(100, 100), null), saveExam(actor, visitId, examData(200, 200), null)]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const rows = await asOwner(`SELECT 1 FROM "Exam" WHERE "visitId" = $1`, [visitId]);
    expect(rows).toHaveLength(1);
  });

  it("moves the visit to 'examined' and audits each save with its version", async () => {
    const { actor, visitId } = await visitOf();
    await saveExam(actor, visitId, examData(180, 200), null);
    await saveExam(actor, visitId, examData(180, 201), 1);
    const [v] = await asOwner<{ status: string }>(`SELECT status FROM "Visit" WHERE id = $1`, [visitId]);
    expect(v!.status).toBe("EXAMINED");
    const events = await asOwner<{ action: string; details: { version: number } }>(
      `SELECT action, details FROM "AuditEvent" WHERE "recordType" = 'Exam' AND "actorId" = $1 AND outcome = 'ok' ORDER BY seq`,
      [actor.userId],
    );
    expect(events.map((e) => [e.action, e.details.version])).toEqual([
      ["create", 1],
      ["update", 2],
    ]);
  });

  it("cannot save into another clinic's visit", async () => {
    const { visitId } = await visitOf();
    const other = await createClinicianAndClinic();
    const r = await saveExam(await clinicianActor(other.user, other.clinic.id), visitId, examData(1, 1), null);
    expect(r).toEqual({ ok: false, reason: "not-found" });
  });
});
