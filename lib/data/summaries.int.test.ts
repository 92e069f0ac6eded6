import { describe, expect, it } from "vitest";
import { asOwner } from "@/test/db";
import { clinicianActor, createClinicianAndClinic, examData, intakeAnswers, patientThroughInvite } from "@/prisma/factories";
import { RULESET_VERSION } from "../assessment/engine";
import { saveExam } from "./exams";
import { submitIntake } from "./intake";
import { createPatient } from "./patients";
import { finalizeSummary, getPrintableSummary, getSummary } from "./summaries";
import { startVisit } from "./visits";

async function visitWith(opts: { intake?: boolean; exam?: boolean; calf?: boolean }) {
  const { clinic, user } = await createClinicianAndClinic();
  const actor = await clinicianActor(user, clinic.id);
  const p = await createPatient(actor, { firstName: "Cy", lastName: "Doe", dateOfBirth: "1970-06-15", sex: "OTHER", email: "", phone: "" });
  const v = await startVisit(actor, { patientId: p.id, kind: "INITIAL", date: "2026-11-25" });
  if (!v.ok) throw new Error();
  if (opts.intake) await submitIntake(await patientThroughInvite(v.token, "1970-06-15"), intakeAnswers({ safety: { calfSwelling: !!opts.calf } }), `k-${v.visitId}`);
  if (opts.exam) await saveExam(actor, v.visitId, examData(150, 210), null);
  return { actor, visitId: v.visitId };
}

describe("the summary", () => {
  it("cannot be finalized before the intake and the exam", async () => {
    const { actor, visitId } = await visitWith({ intake: true });
    expect((await getSummary(actor, visitId))?.assessment.status).toBe("incomplete");
    expect(await finalizeSummary(actor, visitId)).toEqual({ ok: false, reason: "incomplete" });
  });

  it("is finalized once, storing what it said with its ruleset version, and prints that", async () => {
    const { actor, visitId } = await visitWith({ intake: true, exam: true });
    const draft = await getSummary(actor, visitId);
    expect(draft?.finalized).toBeNull();
    expect(draft?.assessment.flags.map((f) => f.code)).toContain("strength.asymmetry.hipAbduction");
    const r = await finalizeSummary(actor, visitId);
    expect(r.ok).toBe(true);
    expect(await finalizeSummary(actor, visitId)).toEqual({ ok: false, reason: "already-finalized" });
    const [row] = await asOwner<{ engineVersion: string; state: string }>(`SELECT "engineVersion", state FROM "Summary" WHERE "visitId" = $1`, [visitId]);
    expect(row).toEqual({ engineVersion: RULESET_VERSION, state: "FINAL" });
    // Change the exam after finalizing: the finalized summary still says what it said.
    await asOwner(`UPDATE "Exam" SET data = jsonb_set(data, '{strength,hipAbduction,left,trialsN}', '[210]') WHERE "visitId" = $1`, [visitId]);
    const after = await getSummary(actor, visitId);
    expect(after?.finalized?.rulesetVersion).toBe(RULESET_VERSION);
    expect(after?.assessment.derived.hipAbduction?.leftN).toBe(150);
    const printable = await getPrintableSummary(actor, visitId);
    expect(printable?.assessment.derived.hipAbduction?.leftN).toBe(150);
    const prints = await asOwner(`SELECT 1 FROM "AuditEvent" WHERE action = 'print' AND "recordId" = $1`, [printable!.summaryId]);
    expect(prints).toHaveLength(1);
  });

  it("for a refer case holds no plan and no running advice", async () => {
    const { actor, visitId } = await visitWith({ intake: true, exam: true, calf: true });
    expect((await finalizeSummary(actor, visitId)).ok).toBe(true);
    const p = await getPrintableSummary(actor, visitId);
    expect(p?.assessment.status).toBe("refer");
    expect(p?.assessment.plan).toBeNull();
    expect(p?.assessment.returnToRun).toBeNull();
  });

  it("is not printable for another clinic, nor before it is finalized", async () => {
    const { actor, visitId } = await visitWith({ intake: true, exam: true });
    expect(await getPrintableSummary(actor, visitId)).toBeNull();
    await finalizeSummary(actor, visitId);
    const other = await createClinicianAndClinic();
    expect(await getPrintableSummary(await clinicianActor(other.user, other.clinic.id), visitId)).toBeNull();
  });
});
