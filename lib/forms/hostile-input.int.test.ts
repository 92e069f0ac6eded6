// Property-based fuzz (fast-check) of the server actions' input path: the same validate() call with the
// same schema, labels and messages each action uses, then the same data-layer save, on a real PostgreSQL.
// The property is the HTTP one: every input is either refused as a value (the action's 4xx-like answer)
// or saved; nothing throws (which would be a 500), and nothing stored holds a character that
// lib/forms/input-hygiene.ts removes (control characters, lone surrogates, bidi overrides, zero-width).
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { clinicianActor, createClinicianAndClinic, examData, intakeAnswers, patientThroughInvite } from "@/prisma/factories";
import { examLabels } from "../assessment/exam-labels";
import { examSchema } from "../assessment/exam-schema";
import { intakeDraftSchema } from "../assessment/intake-schema";
import { summaryEditLabel, summaryEditsSchema } from "../assessment/edits";
import { db } from "../db";
import { saveExam } from "../data/exams";
import { saveIntakeDraft, submitIntake } from "../data/intake";
import { createPatient } from "../data/patients";
import { saveSummaryEdits } from "../data/summaries";
import { startVisit } from "../data/visits";
import { messagesFor } from "../i18n";
import { hasUnsafeText } from "./input-hygiene";
import { intakeIssueText, intakeLabels } from "./intake-text";
import { clinicErrors, labelsFrom } from "./messages";
import { patientLabels, patientSchema } from "./patient-schema";
import { startVisitLabels, startVisitSchema } from "./visit-schema";
import { validate } from "./validate";

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
let tried = 0;
let saved = 0;

// What a hostile client or an unlucky paste puts in a field.
const nasty = fc.constantFrom(
  "\u0000", "\ud800", "\udfff", "\u202e", "\u2066", "\u200b", "\ufeff", "\u0007", "\u009f", "\u061c", "e\u0301", "\r\n",
  "'; DROP TABLE \"Patient\"; --", "<script>alert(1)</script>", "$1", "${x}", "%00", "\\", "\"", "a".repeat(5000),
);
const hostileString = fc.array(fc.oneof(nasty, fc.string({ unit: "binary", maxLength: 8 }), fc.string({ maxLength: 8 })), { maxLength: 5 }).map((a) => a.join(""));
// React's reply encoding carries NaN, Infinity and -0 too.
const hostileNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_VALUE, -0, 1e308, Infinity, -Infinity, NaN));
const hostileKey = fc.oneof(hostileString, fc.constantFrom("__proto__", "constructor", "prototype", "toString", ""));
const { value: hostileValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie("value"), { maxKeys: 4 }),
  ),
}));
/** Nested far deeper than any form: validate() must refuse it as a value, not overflow the stack. */
const deep = fc.integer({ min: 20, max: 20_000 }).map((n) => {
  let v: unknown = "x";
  for (let i = 0; i < n; i++) v = i % 2 ? { a: v } : [v];
  return v;
});

type Leaf = { path: (string | number)[]; value: unknown };
function leaves(v: unknown, path: (string | number)[] = []): Leaf[] {
  if (v !== null && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, Array.isArray(v) ? Number(k) : k]));
  return [{ path, value: v }];
}
function setAt(v: unknown, path: (string | number)[], x: unknown): unknown {
  if (!path.length) return x;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), x);
  return copy;
}
/** A valid input with one field made hostile: a string field gets hostile characters mixed in (so it can
 * still pass the schema and be saved), any field may get any hostile value. */
function mutated(valid: unknown) {
  const all = leaves(valid);
  return fc.tuple(fc.nat({ max: all.length - 1 }), fc.boolean(), hostileString, hostileValue).map(([i, keepType, s, x]) => {
    const leaf = all[i]!;
    const replacement = keepType && typeof leaf.value === "string" ? `${s.slice(0, 3)}${leaf.value}${s.slice(3)}` : x;
    return setAt(valid, leaf.path, replacement);
  });
}
const inputsFor = (valid: unknown) => fc.oneof({ weight: 3, arbitrary: mutated(valid) }, { weight: 1, arbitrary: hostileValue }, { weight: 1, arbitrary: deep });

/** Every string anywhere in a stored value, checked for what input hygiene removes. */
function unsafeStrings(v: unknown): string[] {
  if (typeof v === "string") return hasUnsafeText(v) ? [v] : [];
  if (v !== null && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => [...(hasUnsafeText(k) ? [k] : []), ...unsafeStrings(x)]);
  return [];
}

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
    expect(rows.flatMap((r) => unsafeStrings(r.data))).toEqual([]);
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
    expect(rows.flatMap((r) => unsafeStrings(r.answers))).toEqual([]);
  });

  it("an intake's first autosave with an unanswered questionnaire item (undefined in an array) is saved, not a 500", async () => {
    const s = await setting();
    const patient = await patientThroughInvite(s.token, s.dob);
    const answers = intakeAnswers();
    const lefs: (number | undefined)[] = [...(answers.questionnaires.lefs ?? [])];
    lefs[13] = undefined;
    const en = messagesFor("en-US");
    const labels = intakeLabels(en.intake, "Fuzz Target");
    const parsed = validate(intakeDraftSchema("INITIAL"), { ...answers, questionnaires: { ...answers.questionnaires, lefs } }, labelsFrom(labels), en.errors, intakeIssueText(labels, en.intake, en.errors));
    if (!parsed.ok) throw new Error("refused");
    expect(await saveIntakeDraft(patient, parsed.data, null, null)).toMatchObject({ ok: true });
  });

  it("the summary save (saveSummaryEditsAction's path)", async () => {
    const s = await setting();
    await submitIntake(await patientThroughInvite(s.token, s.dob), intakeAnswers(), `fuzz-${s.visitId}`);
    await saveExam(s.actor, s.visitId, examData(150, 200), null);
    const valid = { education: [{ id: "pfp-load", text: "Load, not damage." }], notes: "Seen today.", rtrStart: { mode: "walk-run", phase: 2 }, confirmRunning: true };
    let version: number | null = null;
    await fc.assert(
      fc.asyncProperty(inputsFor(valid), async (input) => {
        tried++;
        const parsed = validate(summaryEditsSchema, input, summaryEditLabel, clinicErrors);
        if (!parsed.ok) return;
        const r = await saveSummaryEdits(s.actor, s.visitId, parsed.data, version);
        if (r.ok) [version, saved] = [r.version, saved + 1];
        else expect(["conflict", "invalid"]).toContain(r.reason);
      }),
      { numRuns: RUNS },
    );
    const rows = await db().summary.findMany({ where: { visitId: s.visitId }, select: { content: true } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.flatMap((r) => unsafeStrings(r.content))).toEqual([]);
  });

  it("new patients and new visits (createPatientAction's and startVisitAction's paths)", async () => {
    const s = await setting();
    const valid = { firstName: "Ana", lastName: "Lee", dateOfBirth: "1980-01-01", sex: "FEMALE", email: "ana@example.com", phone: "+1 555 0100" };
    await fc.assert(
      fc.asyncProperty(inputsFor(valid), inputsFor({ patientId: s.patientId, kind: "FOLLOW_UP", date: new Date().toISOString().slice(0, 10) }), async (p, v) => {
        tried += 2;
        const parsed = validate(patientSchema, p, labelsFrom(patientLabels), clinicErrors);
        if (parsed.ok) [saved] = [saved + 1, await createPatient(s.actor, parsed.data)];
        const visit = validate(startVisitSchema, v, labelsFrom(startVisitLabels), clinicErrors);
        if (visit.ok) await startVisit(s.actor, visit.data);
      }),
      { numRuns: RUNS },
    );
    const rows = await db().patient.findMany({ where: { clinicId: s.clinicId }, select: { firstName: true, lastName: true, email: true, phone: true } });
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.flatMap((r) => unsafeStrings(r))).toEqual([]);
  });
});
