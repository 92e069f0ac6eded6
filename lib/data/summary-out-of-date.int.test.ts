import { describe, expect, it } from "vitest";
import { clinicianActor, createClinicianAndClinic, examData, intakeAnswers, patientThroughInvite } from "@/prisma/factories";
import { amendExam, finalizeExam, saveExam } from "./exams";
import { reopenIntake } from "./intake-clinic";
import { submitIntake } from "./intake-answers";
import { createPatient } from "./patients";
import { amendSummary, finalizeSummary, getPrintableSummary, getSummary, getSummaryStatus, saveSummaryEdits } from "./summaries";
import { startVisit } from "./visits";

const DOB = "1980-03-02";

async function signedVisit() {
  const { clinic, user } = await createClinicianAndClinic();
  const actor = await clinicianActor(user, clinic.id);
  const patient = await createPatient(actor, { firstName: "Ola", lastName: "Vik", dateOfBirth: DOB, sex: "FEMALE", email: "", phone: "" });
  const v = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: "2026-11-25" });
  if (!v.ok) throw new Error("visit");
  await submitIntake(await patientThroughInvite(v.token, DOB), intakeAnswers({ running: { weeklyKm: { thisWeek: 40 } } }), `k-${v.visitId}`);
  await saveExam(actor, v.visitId, examData(150, 210), null);
  expect(await finalizeExam(actor, v.visitId, 1)).toMatchObject({ ok: true });
  expect(await finalizeSummary(actor, v.visitId)).toMatchObject({ ok: true });
  return { actor, visitId: v.visitId };
}

import type { Derived } from "../assessment/types";

/** Whether the assessment uses the amended left hip abduction (best trial 163 N instead of 150 N). */
const leftN = (d: Derived) => d.strength.hipAbduction?.leftN === 163;

describe("a signed summary whose record changed later", () => {
  it("is current right after signing", async () => {
    const { actor, visitId } = await signedVisit();
    expect((await getSummary(actor, visitId))?.outOfDate).toBeNull();
    expect((await getPrintableSummary(actor, visitId))?.outOfDate).toBeNull();
    expect(await getSummaryStatus(actor, visitId)).toMatchObject({ state: "final", outOfDate: null });
  });

  it("is out of date once the exam is amended and finalized again, and a redraft on today's data brings it back", async () => {
    const { actor, visitId } = await signedVisit();
    expect(await amendExam(actor, visitId)).toMatchObject({ ok: true, revision: 2 });
    expect(await saveExam(actor, visitId, examData(163, 210), 1)).toMatchObject({ ok: true });
    // An amendment still in progress changes nothing yet.
    expect((await getSummary(actor, visitId))?.outOfDate).toBeNull();
    expect(await finalizeExam(actor, visitId, 2)).toMatchObject({ ok: true });

    const s = await getSummary(actor, visitId);
    expect(s).toMatchObject({ state: "final", outOfDate: { exam: true, intake: false } });
    expect(leftN(s!.assessment.derived)).toBe(false);
    expect((await getPrintableSummary(actor, visitId))?.outOfDate).toEqual({ exam: true, intake: false });
    expect(await getSummaryStatus(actor, visitId)).toMatchObject({ state: "final", outOfDate: { exam: true, intake: false } });

    // The redraft: an amendment, assessed on today's data (the amended exam).
    expect(await amendSummary(actor, visitId)).toEqual({ ok: true });
    const draft = await getSummary(actor, visitId);
    expect(draft?.state).toBe("draft");
    expect(leftN(draft!.assessment.derived)).toBe(true);
    expect(await finalizeSummary(actor, visitId)).toMatchObject({ ok: true });
    expect((await getSummary(actor, visitId))?.outOfDate).toBeNull();
    expect((await getPrintableSummary(actor, visitId))?.outOfDate).toBeNull();
    expect(leftN((await getPrintableSummary(actor, visitId))!.assessment.derived)).toBe(true);
  });

  it("is out of date once the patient resubmits the intake", async () => {
    const { actor, visitId } = await signedVisit();
    const reopened = await reopenIntake(actor, visitId);
    if (!reopened.ok) throw new Error("reopen");
    await submitIntake(await patientThroughInvite(reopened.token, DOB), intakeAnswers({ running: { weeklyKm: { thisWeek: 30 } } }), `k2-${visitId}`);
    expect((await getSummary(actor, visitId))?.outOfDate).toEqual({ exam: false, intake: true });
    expect((await getPrintableSummary(actor, visitId))?.outOfDate).toEqual({ exam: false, intake: true });
  });

  it("is not visible to another clinic", async () => {
    const { visitId } = await signedVisit();
    const other = await createClinicianAndClinic();
    expect(await getSummaryStatus(await clinicianActor(other.user, other.clinic.id), visitId)).toBeNull();
  });
});

describe("a reduced return-to-run start", () => {
  it("is refused on the server at or above the current weekly distance, naming the limit", async () => {
    const { actor, visitId } = await signedVisit();
    await amendSummary(actor, visitId);
    const draft = await getSummary(actor, visitId);
    expect(draft?.engineDraft.returnToRun?.currentWeeklyKm).toBe(40);
    expect(await saveSummaryEdits(actor, visitId, { rtrStart: { mode: "reduced-continuous", weeklyKm: 40 } }, draft!.draftVersion)).toEqual({
      ok: false,
      reason: "start-too-high",
      belowKm: 40,
    });
    expect(await saveSummaryEdits(actor, visitId, { rtrStart: { mode: "reduced-continuous", weeklyKm: 26.5 } }, draft!.draftVersion)).toMatchObject({
      ok: true,
    });
    expect((await getSummary(actor, visitId))?.assessment.returnToRun?.start).toMatchObject({ mode: "reduced-continuous", weeklyKm: 26.5 });
  });
});
