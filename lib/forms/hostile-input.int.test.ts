// Property-based fuzz (fast-check) of the server actions' input path: the same validate() call with the
// same schema, labels and messages each action uses, then the same data-layer save, on a real PostgreSQL.
// The property is the HTTP one: every input is either refused as a value (the action's 4xx-like answer)
// or saved; nothing throws (which would be a 500), and nothing stored holds a character that
// lib/forms/input-hygiene.ts removes (control characters, lone surrogates, bidi overrides, zero-width).
import fc from "fast-check";
import { inputsFor, unsafeStrings } from "@/test/hostile";
import { decryptDeep } from "@/lib/crypto/fields";
import { afterAll, describe, expect, it } from "vitest";
import { clinicianActor, createClinicianAndClinic, examData, intakeAnswers, patientThroughInvite } from "@/prisma/factories";
import { examLabels } from "../assessment/exam-labels";
import { examSchema } from "../assessment/exam-schema";
import { intakeDraftSchema } from "../assessment/intake-schema";
import { listLabelsFrom as summaryEditLabelIn } from "./labels";
import { summaryEn } from "../i18n/clinic/summary";
import { summaryEditsSchema } from "../assessment/edits-schema";
import { db } from "../db";
import { saveExam } from "../data/exams";
import { saveIntakeDraft, submitIntake } from "../data/intake-answers";
import { createPatient } from "../data/patients";
import { saveSummaryEdits } from "../data/summaries";
import { startVisit } from "../data/visits";
import { messagesFor } from "../i18n";
import { intakeIssueText, intakeLabels } from "./intake-text";
import { clinicErrors, labelsFrom } from "./messages";
import { patientSchema } from "./patient-schema";
import { patientsEn } from "../i18n/clinic/patients";
import { startVisitSchema } from "./visit-schema";
import { validate } from "./validate";

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
let tried = 0;
let saved = 0;

async function setting() {
  const { clinic, user } = await createClinicianAndClinic();
  const actor = await clinicianActor(user, clinic.id);
  const dob = "1984-05-06";
  const patient = await createPatient(actor, { firstName: "Fuzz", lastName: "Target", dateOfBirth: dob, sex: "OTHER", email: "", phone: "" });
  const visit = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: new Date().toISOString().slice(0, 10) });
  if (!visit.ok) throw new Error("no visit");
  return { actor, clinicId: clinic.id, patientId: patient.id, visitId: visit.visitId, token: visit.token, dob };
}

describe("hostile input to the server actions' validators and saves: refused or saved, never thrown, never stored unclean", () => {
  afterAll(() => {
    console.log(`hostile-input fuzz: ${tried} inputs tried, ${saved} saved, the rest refused as values`);
  });

  it("the exam save (saveExamAction's path)", async () => {
    const s = await setting();
    const labels = labelsFrom(examLabels);
    let version: number | null = null;
    await fc.assert(
      fc.asyncProperty(inputsFor(examData(150, 200)), async (input) => {
        tried++;
        const parsed = validate(examSchema, input, labels, clinicErrors);
        if (!parsed.ok) return;
        const r = await saveExam(s.actor, s.visitId, parsed.data, version);
        if (r.ok) [version, saved] = [r.version, saved + 1];
        else expect(["conflict", "locked"]).toContain(r.reason);
      }),
      { numRuns: RUNS },
    );
    const rows = await db().exam.findMany({ where: { visitId: s.visitId }, select: { data: true } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.flatMap((r) => unsafeStrings(decryptDeep(r.data)))).toEqual([]);
  });

  it("the intake autosave (saveDraftAction's path)", async () => {
    const s = await setting();
    const patient = await patientThroughInvite(s.token, s.dob);
    const en = messagesFor("en-US");
    const labels = intakeLabels(en.intake, "Fuzz Target");
    let version: number | null = null;
    await fc.assert(
      fc.asyncProperty(inputsFor(intakeAnswers()), async (input) => {
        tried++;
        const parsed = validate(intakeDraftSchema("INITIAL"), input, labelsFrom(labels), en.errors, intakeIssueText(labels, en.intake, en.errors));
        if (!parsed.ok) return;
        const r = await saveIntakeDraft(patient, parsed.data, version, null);
        if (r.ok) [version, saved] = [r.version, saved + 1];
        else expect(r.reason).toBe("conflict");
      }),
      { numRuns: RUNS },
    );
    const rows = await db().intakeResponse.findMany({ where: { visitId: s.visitId }, select: { answers: true } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.flatMap((r) => unsafeStrings(decryptDeep(r.answers)))).toEqual([]);
  });

  it("an intake's first autosave with an unanswered questionnaire item (undefined in an array) is saved, not a 500", async () => {
    const s = await setting();
    const patient = await patientThroughInvite(s.token, s.dob);
    const answers = intakeAnswers();
    const lefs: (number | undefined)[] = [...(answers.questionnaires.lefs ?? [])];
    lefs[13] = undefined;
    const en = messagesFor("en-US");
    const labels = intakeLabels(en.intake, "Fuzz Target");
    const parsed = validate(
      intakeDraftSchema("INITIAL"),
      { ...answers, questionnaires: { ...answers.questionnaires, lefs } },
      labelsFrom(labels),
      en.errors,
      intakeIssueText(labels, en.intake, en.errors),
    );
    if (!parsed.ok) throw new Error("refused");
    expect(await saveIntakeDraft(patient, parsed.data, null, null)).toMatchObject({ ok: true });
  });

  it("the summary save (saveSummaryEditsAction's path)", async () => {
    const s = await setting();
    await submitIntake(await patientThroughInvite(s.token, s.dob), intakeAnswers(), `fuzz-${s.visitId}`);
    await saveExam(s.actor, s.visitId, examData(150, 200), null);
    const valid = {
      education: [{ id: "pfp-load", text: "Load, not damage." }],
      notes: "Seen today.",
      rtrStart: { mode: "walk-run", phase: 2 },
      confirmRunning: true,
    };
    let version: number | null = null;
    await fc.assert(
      fc.asyncProperty(inputsFor(valid), async (input) => {
        tried++;
        const parsed = validate(summaryEditsSchema, input, summaryEditLabelIn(summaryEn.labels), clinicErrors);
        if (!parsed.ok) return;
        const r = await saveSummaryEdits(s.actor, s.visitId, parsed.data, version);
        if (r.ok) [version, saved] = [r.version, saved + 1];
        else expect(["conflict", "invalid"]).toContain(r.reason);
      }),
      { numRuns: RUNS },
    );
    const rows = await db().summary.findMany({ where: { visitId: s.visitId }, select: { content: true } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.flatMap((r) => unsafeStrings(decryptDeep(r.content)))).toEqual([]);
  });

  it("new patients and new visits (createPatientAction's and startVisitAction's paths)", async () => {
    const s = await setting();
    const valid = { firstName: "Ana", lastName: "Lee", dateOfBirth: "1980-01-01", sex: "FEMALE", email: "ana@example.com", phone: "+1 555 0100" };
    await fc.assert(
      fc.asyncProperty(
        inputsFor(valid),
        inputsFor({ patientId: s.patientId, kind: "FOLLOW_UP", date: new Date().toISOString().slice(0, 10) }),
        async (p, v) => {
          tried += 2;
          const parsed = validate(patientSchema, p, labelsFrom(patientsEn.patientLabels), clinicErrors);
          if (parsed.ok) [saved] = [saved + 1, await createPatient(s.actor, parsed.data)];
          const visit = validate(startVisitSchema, v, labelsFrom(patientsEn.startVisitLabels), clinicErrors);
          if (visit.ok) await startVisit(s.actor, visit.data);
        },
      ),
      { numRuns: RUNS },
    );
    const rows = await db().patient.findMany({ where: { clinicId: s.clinicId }, select: { firstName: true, lastName: true, email: true, phone: true } });
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.flatMap((r) => unsafeStrings(r))).toEqual([]);
  });
});
