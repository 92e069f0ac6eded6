import { describe, expect, it } from "vitest";
import { asApp, asOwner } from "@/test/db";
import { clinicianActor, createClinicianAndClinic, examData } from "@/prisma/factories";
import { amendExam, finalizeExam, getExam, getExamRevision, getPreviousExam, listExamRevisions, saveExam } from "./exams";
import { createPatient } from "./patients";
import { startVisit } from "./visits";

async function visitOf() {
  const { clinic, user } = await createClinicianAndClinic();
  const actor = await clinicianActor(user, clinic.id);
  const p = await createPatient(actor, { firstName: "Bo", lastName: "Kim", dateOfBirth: "1980-01-01", sex: "MALE", email: "", phone: "" });
  const v = await startVisit(actor, { patientId: p.id, kind: "INITIAL", date: "2026-11-25" });
  if (!v.ok) throw new Error();
  return { actor, clinic, user, visitId: v.visitId, patientId: p.id };
}

async function nextVisit(actor: Awaited<ReturnType<typeof visitOf>>["actor"], patientId: string, date: string, kind: "INITIAL" | "FOLLOW_UP" = "FOLLOW_UP") {
  const v = await startVisit(actor, { patientId, kind, date });
  if (!v.ok) throw new Error();
  return v.visitId;
}

const left = (e: { data: { strength: { hipAbduction?: { left?: { trialsN?: Array<number | null> } } } } } | null) =>
  e?.data.strength.hipAbduction?.left?.trialsN;

describe("saving the exam with optimistic concurrency", () => {
  it("creates version 1, then moves to version 2 from it", async () => {
    const { actor, visitId } = await visitOf();
    expect(await saveExam(actor, visitId, examData(180, 200), null)).toEqual({ ok: true, version: 1, revision: 1 });
    expect(await saveExam(actor, visitId, examData(181, 200), 1)).toEqual({ ok: true, version: 2, revision: 1 });
    const e = await getExam(actor, visitId);
    expect(e?.version).toBe(2);
    expect(e?.data.strength.hipAbduction?.left?.trialsN).toContain(181);
  });

  it("refuses a stale save with the current version and data, and overwrites nothing", async () => {
    const { actor, visitId, clinic } = await visitOf();
    await saveExam(actor, visitId, examData(180, 200), null);
    const colleague = await clinicianActor({ id: actor.userId }, clinic.id);
    expect(await saveExam(colleague, visitId, examData(150, 200), 1)).toEqual({ ok: true, version: 2, revision: 1 });
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

describe("autosave", () => {
  it("keeps every save of a typing session, in order, each one audited with its version", async () => {
    const { actor, visitId } = await visitOf();
    let version: number | null = null;
    for (let n = 1; n <= 12; n++) {
      const r = await saveExam(actor, visitId, examData(100 + n, 200), version);
      if (!r.ok) throw new Error("autosave refused");
      version = r.version;
    }
    expect(version).toBe(12);
    expect(left(await getExam(actor, visitId))).toContain(112);
    const events = await asOwner<{ v: number }>(
      `SELECT (details->>'version')::int AS v FROM "AuditEvent" WHERE "recordType" = 'Exam' AND "actorId" = $1 AND outcome = 'ok' ORDER BY seq`,
      [actor.userId],
    );
    expect(events.map((e) => e.v)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("serializes two racing saves from the same base: exactly one wins, the other gets a conflict", async () => {
    const { actor, visitId } = await visitOf();
    await saveExam(actor, visitId, examData(100, 100), null);
    const [a, b] = await Promise.all([saveExam(actor, visitId, examData(110, 100), 1), saveExam(actor, visitId, examData(120, 100), 1)]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const loser = a.ok ? b : a;
    if (loser.ok || loser.reason !== "conflict") throw new Error("expected a conflict");
    expect(loser.current.version).toBe(2);
    const e = await getExam(actor, visitId);
    expect(e!.version).toBe(2);
    expect(left(e)).toContain(a.ok ? 110 : 120);
  });
});

describe("finalizing locks the exam; amending makes a new revision and keeps the old one", () => {
  it("locks the exam: a later save is refused as locked, audited, and changes nothing", async () => {
    const { actor, visitId } = await visitOf();
    await saveExam(actor, visitId, examData(180, 200), null);
    expect(await finalizeExam(actor, visitId, 1)).toEqual({ ok: true, revision: 1 });
    const e = await getExam(actor, visitId);
    expect(e).toMatchObject({ state: "FINAL", revision: 1, version: 1, finalizedByName: "Alex Morgan" });
    expect(e!.finalizedAt).not.toBeNull();
    const r = await saveExam(actor, visitId, examData(1, 1), 1);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe("locked");
    expect(left(await getExam(actor, visitId))).toContain(180);
    const denied = await asOwner(`SELECT 1 FROM "AuditEvent" WHERE "recordType" = 'Exam' AND outcome = 'denied' AND "actorId" = $1`, [actor.userId]);
    expect(denied).toHaveLength(1);
  });

  it("refuses to finalize a version the clinician has not seen", async () => {
    const { actor, visitId } = await visitOf();
    await saveExam(actor, visitId, examData(180, 200), null);
    await saveExam(actor, visitId, examData(181, 200), 1);
    const r = await finalizeExam(actor, visitId, 1);
    expect(r).toMatchObject({ ok: false, reason: "conflict", current: { version: 2, state: "DRAFT" } });
    expect((await getExam(actor, visitId))!.state).toBe("DRAFT");
    expect(await finalizeExam(actor, visitId, 2)).toEqual({ ok: true, revision: 1 });
    expect(await finalizeExam(actor, visitId, 2)).toMatchObject({ ok: false, reason: "already-final" });
  });

  it("amends into revision 2, keeps revision 1 readable and final until revision 2 is finalized, then supersedes it", async () => {
    const { actor, visitId } = await visitOf();
    await saveExam(actor, visitId, examData(180, 200), null);
    await finalizeExam(actor, visitId, 1);
    expect(await amendExam(actor, visitId)).toEqual({ ok: true, revision: 2, version: 1 });
    // The amendment starts as a copy, and saves into revision 2 only.
    expect(await getExam(actor, visitId)).toMatchObject({ revision: 2, version: 1, state: "DRAFT" });
    expect(await saveExam(actor, visitId, examData(190, 200), 1)).toEqual({ ok: true, version: 2, revision: 2 });
    const old = await getExamRevision(actor, visitId, 1);
    expect(old).toMatchObject({ revision: 1, state: "FINAL" });
    expect(left(old)).toContain(180);
    expect(await finalizeExam(actor, visitId, 2)).toEqual({ ok: true, revision: 2 });
    expect((await listExamRevisions(actor, visitId)).map((r) => [r.revision, r.state])).toEqual([
      [2, "FINAL"],
      [1, "SUPERSEDED"],
    ]);
    expect(left(await getExamRevision(actor, visitId, 1))).toContain(180);
    expect(left(await getExam(actor, visitId))).toContain(190);
  });

  it("lets only one of two simultaneous amendments create the new revision", async () => {
    const { actor, visitId } = await visitOf();
    await saveExam(actor, visitId, examData(180, 200), null);
    await finalizeExam(actor, visitId, 1);
    const [a, b] = await Promise.all([amendExam(actor, visitId), amendExam(actor, visitId)]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(a.ok ? b : a).toMatchObject({ ok: false, reason: "not-final", current: { revision: 2, state: "DRAFT" } });
    expect(await listExamRevisions(actor, visitId)).toHaveLength(2);
  });

  it("cannot amend a draft", async () => {
    const { actor, visitId } = await visitOf();
    await saveExam(actor, visitId, examData(180, 200), null);
    expect(await amendExam(actor, visitId)).toMatchObject({ ok: false, reason: "not-final" });
  });

  it("has the database refuse any change to a finalized exam, even from the tables' owner", async () => {
    const { actor, visitId } = await visitOf();
    await saveExam(actor, visitId, examData(180, 200), null);
    await finalizeExam(actor, visitId, 1);
    await expect(asApp(`UPDATE "Exam" SET data = '{}' WHERE "visitId" = $1`, [visitId])).rejects.toThrow(/finalized exam cannot be changed/);
    await expect(asOwner(`UPDATE "Exam" SET state = 'DRAFT' WHERE "visitId" = $1`, [visitId])).rejects.toThrow(/finalized exam cannot be changed/);
    await expect(asApp(`DELETE FROM "Exam" WHERE "visitId" = $1`, [visitId])).rejects.toThrow(/finalized exam cannot be deleted/);
    await amendExam(actor, visitId);
    await saveExam(actor, visitId, examData(185, 200), 1);
    await finalizeExam(actor, visitId, 2);
    await expect(asOwner(`UPDATE "Exam" SET state = 'FINAL' WHERE "visitId" = $1 AND revision = 1`, [visitId])).rejects.toThrow(
      /finalized exam cannot be changed/,
    );
    expect(left(await getExamRevision(actor, visitId, 1))).toContain(180);
  });
});

describe("the previous exam of the same patient", () => {
  it("is the latest revision of the most recent earlier visit's exam", async () => {
    const { actor, visitId, patientId } = await visitOf();
    await saveExam(actor, visitId, examData(150, 200), null);
    await finalizeExam(actor, visitId, 1);
    await amendExam(actor, visitId);
    await saveExam(actor, visitId, examData(155, 200), 1);
    const second = await nextVisit(actor, patientId, "2026-12-09");
    await saveExam(actor, second, examData(170, 205), null);
    const third = await nextVisit(actor, patientId, "2026-12-23");
    const p = await getPreviousExam(actor, third);
    expect(p).toMatchObject({ visitId: second, visitDate: "2026-12-09", revision: 1, state: "DRAFT" });
    expect(p!.data.strength.hipAbduction?.left?.trialsN).toContain(170);
    const fromSecond = await getPreviousExam(actor, second);
    expect(fromSecond).toMatchObject({ visitId, revision: 2 });
    expect(fromSecond!.data.strength.hipAbduction?.left?.trialsN).toContain(155);
  });

  it("is none for a first visit, and ignores later visits and other patients", async () => {
    const { actor, visitId, patientId } = await visitOf();
    const later = await nextVisit(actor, patientId, "2027-01-10");
    await saveExam(actor, later, examData(150, 200), null);
    const other = await createPatient(actor, { firstName: "Al", lastName: "Ng", dateOfBirth: "1981-01-01", sex: "MALE", email: "", phone: "" });
    const otherVisit = await nextVisit(actor, other.id, "2026-01-01");
    await saveExam(actor, otherVisit, examData(150, 200), null);
    expect(await getPreviousExam(actor, visitId)).toBeNull();
    expect(await getPreviousExam(actor, otherVisit)).toBeNull();
  });

  it("orders two visits on the same day by when they were made", async () => {
    const { actor, visitId, patientId } = await visitOf();
    await saveExam(actor, visitId, examData(150, 200), null);
    const sameDay = await nextVisit(actor, patientId, "2026-11-25");
    expect((await getPreviousExam(actor, sameDay))!.visitId).toBe(visitId);
    expect(await getPreviousExam(actor, visitId)).toBeNull();
  });
});

describe("clinic scoping of every exam function", () => {
  it("gives another clinic's clinician nothing and lets them change nothing", async () => {
    const { actor, visitId, patientId } = await visitOf();
    await saveExam(actor, visitId, examData(150, 200), null);
    await finalizeExam(actor, visitId, 1);
    const second = await nextVisit(actor, patientId, "2026-12-09");
    const o = await createClinicianAndClinic();
    const outsider = await clinicianActor(o.user, o.clinic.id);
    expect(await getExam(outsider, visitId)).toBeNull();
    expect(await getExamRevision(outsider, visitId, 1)).toBeNull();
    expect(await listExamRevisions(outsider, visitId)).toEqual([]);
    expect(await getPreviousExam(outsider, second)).toBeNull();
    expect(await amendExam(outsider, visitId)).toEqual({ ok: false, reason: "not-found" });
    expect(await finalizeExam(outsider, second, 1)).toEqual({ ok: false, reason: "not-found" });
    expect(await listExamRevisions(actor, visitId)).toHaveLength(1);
  });
});

describe("an exam stored by an older version", () => {
  it("a version-1 row reads through the versioned reader; a version this build does not know is refused in words", async () => {
    const { actor, visitId } = await visitOf();
    await saveExam(actor, visitId, examData(180, 200), null);
    // As the first build stored it: body mass and hip-abduction trials only, schema version 1, finalized.
    await asOwner(`UPDATE "Exam" SET "schemaVersion" = 1, data = $2::jsonb WHERE "visitId" = $1`, [
      visitId,
      JSON.stringify({ bodyMassKg: 64, strength: { hipAbduction: { left: { trialsN: [150] }, right: { trialsN: [101] } } } }),
    ]);
    expect(left(await getExam(actor, visitId))).toEqual([150]);
    await asOwner(`UPDATE "Exam" SET "schemaVersion" = 99 WHERE "visitId" = $1`, [visitId]);
    await expect(getExam(actor, visitId)).rejects.toThrow(/stored as version 99; this build reads versions 1 to 2/);
  });
});
