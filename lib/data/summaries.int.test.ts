import { describe, expect, it } from "vitest";
import { asOwner } from "@/test/db";
import { clinicianActor, createClinicianAndClinic, examData, intakeAnswers, patientThroughInvite } from "@/prisma/factories";
import { RULESET_VERSION } from "../assessment/engine";
import { saveExam } from "./exams";
import { submitIntake } from "./intake-answers";
import { createPatient } from "./patients";
import { amendSummary, finalizeSummary, getPrintableSummary, getSummary, saveSummaryEdits } from "./summaries";
import { startVisit } from "./visits";

async function visitWith(opts: { intake?: boolean; exam?: boolean; calf?: boolean; date?: string; patient?: { id: string } } = {}) {
  const { clinic, user } = await createClinicianAndClinic();
  const actor = await clinicianActor(user, clinic.id);
  return visitFor(actor, opts);
}

async function visitFor(
  actor: Awaited<ReturnType<typeof clinicianActor>>,
  opts: { intake?: boolean; exam?: boolean; calf?: boolean; date?: string; patientId?: string; left?: number } = {},
) {
  const patientId =
    opts.patientId ?? (await createPatient(actor, { firstName: "Cy", lastName: "Doe", dateOfBirth: "1970-06-15", sex: "FEMALE", email: "", phone: "" })).id;
  const v = await startVisit(actor, { patientId, kind: "INITIAL", date: opts.date ?? "2026-11-25" });
  if (!v.ok) throw new Error();
  if (opts.intake)
    await submitIntake(await patientThroughInvite(v.token, "1970-06-15"), intakeAnswers({ safety: { calfSwelling: !!opts.calf } }), `k-${v.visitId}`);
  if (opts.exam) await saveExam(actor, v.visitId, examData(opts.left ?? 150, 210), null);
  return { actor, visitId: v.visitId, patientId };
}

describe("the summary", () => {
  it("cannot be finalized before the intake and the exam", async () => {
    const { actor, visitId } = await visitWith({ intake: true });
    expect((await getSummary(actor, visitId))?.assessment.status).toBe("incomplete");
    expect(await finalizeSummary(actor, visitId)).toEqual({ ok: false, reason: "incomplete" });
  });

  it("keeps the clinician's edits as a draft with optimistic concurrency", async () => {
    const { actor, visitId } = await visitWith({ intake: true, exam: true });
    const first = await saveSummaryEdits(actor, visitId, { notes: "first" }, null);
    expect(first).toEqual({ ok: true, version: 1 });
    expect(await saveSummaryEdits(actor, visitId, { notes: "second" }, 1)).toEqual({ ok: true, version: 2 });
    const stale = await saveSummaryEdits(actor, visitId, { notes: "stale" }, 1);
    expect(stale).toMatchObject({ ok: false, reason: "conflict", current: { edits: { notes: "second" }, version: 2 } });
    const view = await getSummary(actor, visitId);
    expect(view).toMatchObject({ state: "draft", draftVersion: 2, edits: { notes: "second" } });
    expect(view?.assessment.clinicianNotes).toBe("second");
  });

  it("is finalized once with the edits applied, stores what it said with its ruleset version, and prints that", async () => {
    const { actor, visitId } = await visitWith({ intake: true, exam: true });
    await saveSummaryEdits(actor, visitId, { exercises: [{ exerciseId: "clamshell", sets: 2, reps: 12, daysPerWeek: 3, weeks: 6 }] }, null);
    expect((await finalizeSummary(actor, visitId, {}, 1)).ok).toBe(true);
    expect(await finalizeSummary(actor, visitId)).toEqual({ ok: false, reason: "already-finalized" });
    const [row] = await asOwner<{ engineVersion: string; state: string }>(`SELECT "engineVersion", state FROM "Summary" WHERE "visitId" = $1`, [visitId]);
    expect(row).toEqual({ engineVersion: RULESET_VERSION, state: "FINAL" });
    // Change the exam after finalizing: the signed summary still says what it said.
    await asOwner(`UPDATE "Exam" SET data = jsonb_set(data, '{strength,hipAbduction,left,trialsN}', '[210]') WHERE "visitId" = $1`, [visitId]).catch(
      () => undefined,
    );
    const printable = await getPrintableSummary(actor, visitId);
    expect(printable?.assessment.derived.strength.hipAbduction?.leftN).toBe(150);
    expect(printable?.assessment.plan?.exercises.map((e) => e.exerciseId)).toEqual(["clamshell"]);
    const prints = await asOwner(`SELECT 1 FROM "AuditEvent" WHERE action = 'print' AND "recordId" = $1`, [printable!.summaryId]);
    expect(prints).toHaveLength(1);
  });

  it("refuses to finalize over a colleague's newer edits", async () => {
    const { actor, visitId } = await visitWith({ intake: true, exam: true });
    await saveSummaryEdits(actor, visitId, { notes: "a" }, null);
    await saveSummaryEdits(actor, visitId, { notes: "b" }, 1);
    expect(await finalizeSummary(actor, visitId, {}, 1)).toEqual({ ok: false, reason: "conflict" });
  });

  it("amends as a new revision, keeping the signed one until the amendment is signed", async () => {
    const { actor, visitId } = await visitWith({ intake: true, exam: true });
    await saveSummaryEdits(actor, visitId, { notes: "v1" }, null);
    await finalizeSummary(actor, visitId, {}, 1);
    expect(await amendSummary(actor, visitId)).toEqual({ ok: true });
    expect(await amendSummary(actor, visitId)).toEqual({ ok: false, reason: "not-final" });
    const during = await getSummary(actor, visitId);
    expect(during).toMatchObject({ state: "draft", edits: { notes: "v1" }, finalized: { revision: 1 } });
    expect((await getPrintableSummary(actor, visitId))?.assessment.clinicianNotes).toBe("v1");
    await saveSummaryEdits(actor, visitId, { notes: "v2" }, during!.draftVersion);
    expect((await finalizeSummary(actor, visitId)).ok).toBe(true);
    const rows = await asOwner<{ revision: number; state: string }>(`SELECT revision, state FROM "Summary" WHERE "visitId" = $1 ORDER BY revision`, [visitId]);
    expect(rows).toEqual([
      { revision: 1, state: "SUPERSEDED" },
      { revision: 2, state: "FINAL" },
    ]);
    expect((await getPrintableSummary(actor, visitId))?.assessment.clinicianNotes).toBe("v2");
  });

  it("for a refer case holds no plan and no running advice", async () => {
    const { actor, visitId } = await visitWith({ intake: true, exam: true, calf: true });
    expect((await finalizeSummary(actor, visitId)).ok).toBe(true);
    const p = await getPrintableSummary(actor, visitId);
    expect(p?.assessment.status).toBe("refer");
    expect(p?.assessment.plan).toBeNull();
    expect(p?.assessment.returnToRun).toBeNull();
  });

  it("reads the patient's earlier visit for change since then", async () => {
    const { clinic, user } = await createClinicianAndClinic();
    const actor = await clinicianActor(user, clinic.id);
    const first = await visitFor(actor, { intake: true, exam: true, date: "2026-10-01", left: 120 });
    const second = await visitFor(actor, { intake: true, exam: true, date: "2026-11-20", patientId: first.patientId, left: 150 });
    const s = await getSummary(actor, second.visitId);
    expect(s?.assessment.derived.strength.hipAbduction?.change).toMatchObject({ left: 30 });
    expect(s?.assessment.derived.ageYears).toBe(56);
  });

  it("is not printable for another clinic, nor before it is finalized", async () => {
    const { actor, visitId } = await visitWith({ intake: true, exam: true });
    expect(await getPrintableSummary(actor, visitId)).toBeNull();
    await finalizeSummary(actor, visitId);
    const other = await createClinicianAndClinic();
    const otherActor = await clinicianActor(other.user, other.clinic.id);
    expect(await getPrintableSummary(otherActor, visitId)).toBeNull();
    expect(await getSummary(otherActor, visitId)).toBeNull();
    expect(await saveSummaryEdits(otherActor, visitId, { notes: "x" }, null)).toEqual({ ok: false, reason: "not-found" });
  });
});
