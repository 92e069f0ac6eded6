import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { asOwner } from "@/test/db";
import { clinicianActor, createClinicianAndClinic, examData, followUpIntakeAnswers, intakeAnswers, patientThroughInvite } from "@/prisma/factories";
import { finalizeExam, saveExam } from "./exams";
import { submitIntake } from "./intake-answers";
import { createPatient } from "./patients";
import { getVisitTrends } from "./trends";
import { startVisit } from "./visits";

const DOB = "1988-05-14";

/** A patient with three visits: each with an intake and a finalized exam, hip abduction getting more even. */
async function threeVisits() {
  const { clinic, user } = await createClinicianAndClinic({ email: `t-${randomUUID()}@example.com` });
  const actor = await clinicianActor(user, clinic.id);
  const patient = await createPatient(actor, { firstName: "Tove", lastName: "Rand", dateOfBirth: DOB, sex: "FEMALE", email: "", phone: "" });
  const visits: string[] = [];
  const plan = [
    { date: "2026-08-03", kind: "INITIAL" as const, left: 150, right: 210, km: 8, now: 4 },
    { date: "2026-09-14", kind: "FOLLOW_UP" as const, left: 175, right: 210, km: 15, now: 2 },
    { date: "2026-10-26", kind: "FOLLOW_UP" as const, left: 200, right: 212, km: 25, now: 1 },
  ];
  for (const step of plan) {
    const v = await startVisit(actor, { patientId: patient.id, kind: step.kind, date: step.date });
    if (!v.ok) throw new Error("visit");
    const answers =
      step.kind === "INITIAL"
        ? intakeAnswers({ pain: { now: step.now, worstWeek: 7 }, running: { weeklyKm: { thisWeek: step.km } } })
        : followUpIntakeAnswers({ pain: { now: step.now, worstWeek: 3 }, running: { weeklyKm: { thisWeek: step.km } } });
    await submitIntake(await patientThroughInvite(v.token, DOB), answers, `trend-${v.visitId}`);
    await saveExam(actor, v.visitId, examData(step.left, step.right, 62), null);
    expect((await finalizeExam(actor, v.visitId, 1)).ok).toBe(true);
    visits.push(v.visitId);
  }
  return { actor, clinicId: clinic.id, patientId: patient.id, visits };
}

describe("trends across visits (data)", () => {
  it("reads three visits in date order with their finalized exams and intakes, and audits the view once", async () => {
    const { actor, patientId, visits } = await threeVisits();
    const t = await getVisitTrends(actor, patientId, { requestId: "trends-view" });
    expect(t?.enough).toBe(true);
    expect(t!.visits.map((v) => [v.visitId, v.date, v.kind])).toEqual([
      [visits[0], "2026-08-03", "INITIAL"],
      [visits[1], "2026-09-14", "FOLLOW_UP"],
      [visits[2], "2026-10-26", "FOLLOW_UP"],
    ]);
    expect(t!.visits.map((v) => Math.round(v.strength.hipAbduction!.symmetryPercent))).toEqual([71, 83, 94]);
    expect(t!.visits[0]!.strength.hipAbduction!.leftNPerKg).toBeCloseTo(150 / 62);
    expect(t!.visits.map((v) => [v.painNow, v.weeklyKm])).toEqual([
      [4, 8],
      [2, 15],
      [1, 25],
    ]);
    expect(t!.akps.points).toHaveLength(3);
    expect(t!.akps.mcid).toBe(10);
    expect(t!.lefs.mcid).toBe(9);
    const audit = await asOwner<{ action: string; recordType: string; details: { visits: number } }>(
      `SELECT action, "recordType", details FROM "AuditEvent" WHERE "patientId" = $1 AND "requestId" = 'trends-view'`,
      [patientId],
    );
    expect(audit).toEqual([{ action: "view", recordType: "Trends", details: { visits: 3 } }]);
  });

  it("up to a follow-up visit: that visit and the ones before it only", async () => {
    const { actor, patientId, visits } = await threeVisits();
    const t = await getVisitTrends(actor, patientId, {}, { upToVisitId: visits[1] });
    expect(t!.visits.map((v) => v.visitId)).toEqual(visits.slice(0, 2));
    const first = await getVisitTrends(actor, patientId, {}, { upToVisitId: visits[0] });
    expect(first!.enough).toBe(false);
  });

  it("leaves out a visit whose exam is still a draft and that has no intake", async () => {
    const { actor, patientId, visits } = await threeVisits();
    const v = await startVisit(actor, { patientId, kind: "FOLLOW_UP", date: "2026-11-30" });
    if (!v.ok) throw new Error();
    await saveExam(actor, v.visitId, examData(205, 210, 62), null);
    const t = await getVisitTrends(actor, patientId);
    expect(t!.visits.map((x) => x.visitId)).toEqual(visits);
  });

  it("refuses another clinic's patient (and a visit of another patient) and records the refusal", async () => {
    const { patientId, visits } = await threeVisits();
    const other = await createClinicianAndClinic({ email: `o-${randomUUID()}@example.com` });
    const stranger = await clinicianActor(other.user, other.clinic.id);
    expect(await getVisitTrends(stranger, patientId, { requestId: "trends-denied" })).toBeNull();
    const mine = await threeVisits();
    expect(await getVisitTrends(mine.actor, mine.patientId, { requestId: "trends-denied" }, { upToVisitId: visits[2] })).toBeNull();
    const rows = await asOwner<{ action: string; recordType: string }>(
      `SELECT action, "recordType" FROM "AuditEvent" WHERE "requestId" = 'trends-denied' AND "recordId" IN ($1, $2)`,
      [patientId, visits[2]],
    );
    expect(rows).toEqual([
      { action: "access-denied", recordType: "Trends" },
      { action: "access-denied", recordType: "Trends" },
    ]);
  });

  it("reads the visits, exams and intakes in a fixed number of statements, however many visits (no N+1)", async () => {
    const { actor, patientId } = await threeVisits();
    const count = async () => {
      const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
      const original = proto.query;
      let n = 0;
      proto.query = function (this: unknown, ...a: unknown[]) {
        const q = a[0] as string | { text?: string };
        const text = typeof q === "string" ? q : (q?.text ?? "");
        if (/^\s*SELECT/i.test(text) && /"(Visit|Exam|IntakeResponse|Patient)"/.test(text)) n += 1;
        return original.apply(this, a);
      };
      try {
        await getVisitTrends(actor, patientId);
      } finally {
        proto.query = original;
      }
      return n;
    };
    const three = await count();
    for (const date of ["2026-11-02", "2026-11-09", "2026-11-16"]) {
      const v = await startVisit(actor, { patientId, kind: "FOLLOW_UP", date });
      if (!v.ok) throw new Error();
      await saveExam(actor, v.visitId, examData(190, 200, 62), null);
      await finalizeExam(actor, v.visitId, 1);
    }
    expect((await getVisitTrends(actor, patientId))!.visits).toHaveLength(6);
    expect(await count()).toBe(three);
    expect(three).toBeGreaterThan(0);
  });
});
