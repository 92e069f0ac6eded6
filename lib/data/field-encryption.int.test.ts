// Free text and TOTP secrets are stored encrypted (docs/decisions/0029-field-encryption.md): the database's
// owner reads ciphertext, the app reads the text, a value under a key it does not hold is a plain error.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { asOwner } from "@/test/db";
import { clinicianActor, createClinicianAndClinic, examData, intakeAnswers, patientThroughInvite, uniqueSuffix } from "@/prisma/factories";
import { totpCode, newTotpSecret } from "../auth/totp";
import { encryptText, FieldCryptoError, parseKeyring } from "../crypto/fields";
import { checkFieldKeys } from "./field-key-check";
import { db } from "../db";
import { finalizeExam, getExam, saveExam } from "./exams";
import { loadFhirRecords } from "./fhir-export";
import { getSubmittedIntake } from "./intake-clinic";
import { submitIntake } from "./intake-answers";
import { createPatient } from "./patients";
import { finalizeSummary, getPrintableSummary, getSummary, saveSummaryEdits } from "./summaries";
import { beginTotpEnrolment, createUser, signInWithPassword } from "./users";
import { startVisit } from "./visits";

const DOB = "1985-03-04";

async function typedVisit() {
  const tag = uniqueSuffix();
  const text = {
    occupation: `Lighthouse keeper ${tag}`,
    eventName: `Harbour Ultra ${tag}`,
    signature: `Signed Sentinel ${tag}`,
    impression: `Crepitus under the kneecap ${tag}`,
    notes: `Call the podiatrist ${tag}`,
  };
  const { clinic, user } = await createClinicianAndClinic();
  const actor = await clinicianActor(user, clinic.id);
  const patient = await createPatient(actor, { firstName: "Enc", lastName: `Rypt${tag}`, dateOfBirth: DOB, sex: "FEMALE", email: "", phone: "" });
  const v = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: "2026-11-25" });
  if (!v.ok) throw new Error("no visit");
  const base = intakeAnswers();
  const answers = intakeAnswers({
    about: { ...base.about, occupation: text.occupation },
    running: { ...base.running, goal: { ...base.running.goal, kind: "event", eventName: text.eventName } },
    consent: { agreed: true, signatureName: text.signature },
  });
  expect(await submitIntake(await patientThroughInvite(v.token, DOB), answers, `enc-${v.visitId}`)).toMatchObject({ ok: true });
  const saved = await saveExam(actor, v.visitId, { ...examData(150, 210), impression: text.impression }, null);
  if (!saved.ok) throw new Error("exam not saved");
  expect(await saveSummaryEdits(actor, v.visitId, { notes: text.notes }, null)).toMatchObject({ ok: true });
  return { actor, clinicId: clinic.id, patientId: patient.id, visitId: v.visitId, text, examVersion: saved.version };
}

describe("encrypted free text", () => {
  it("is ciphertext to the database's owner and plain text to the app, the engine, print and FHIR", async () => {
    const { actor, clinicId, patientId, visitId, text, examVersion } = await typedVisit();
    expect(await finalizeExam(actor, visitId, examVersion)).toMatchObject({ ok: true });
    expect((await finalizeSummary(actor, visitId)).ok).toBe(true);
    const [row] = await asOwner<{ exam: string; intake: string; summary: string }>(
      `SELECT (SELECT string_agg(data::text, ' ') FROM "Exam" WHERE "visitId" = $1) AS exam,
              (SELECT string_agg(answers::text, ' ') FROM "IntakeResponse" WHERE "visitId" = $1) AS intake,
              (SELECT string_agg(generated::text || content::text, ' ') FROM "Summary" WHERE "visitId" = $1) AS summary`,
      [visitId],
    );
    const stored = `${row!.exam} ${row!.intake} ${row!.summary}`;
    for (const t of Object.values(text)) expect(stored).not.toContain(t.split(" ").pop()!);
    expect(row!.exam).toMatch(/"impression": "enc:v1:k1:/);
    expect(row!.intake).toMatch(/"occupation": "enc:v1:k1:/);
    // Structured answers stay readable to SQL (the worklist's safety flags, the reports).
    expect(row!.intake).toMatch(/"safety": \{/);
    expect(row!.summary).toMatch(/^"enc:j1:k1:/);

    expect((await getExam(actor, visitId))!.data.impression).toBe(text.impression);
    const intake = (await getSubmittedIntake(actor, visitId))!;
    expect(intake.answers).toMatchObject({ about: { occupation: text.occupation }, consent: { signatureName: text.signature } });
    const printed = (await getPrintableSummary(actor, visitId))!;
    expect(printed.assessment.clinicianNotes).toBe(text.notes);
    // The engine read the plain race name (its calendar names the goal race).
    expect(JSON.stringify(printed.assessment)).toContain(text.eventName);
    expect((await getSummary(actor, visitId))!.edits.notes).toBe(text.notes);
    const [fhir] = await loadFhirRecords(db(), clinicId, [patientId]);
    expect(fhir!.visits[0]!.exam!.data.impression).toBe(text.impression);
  });

  it("reads legacy plain values written before encryption", async () => {
    const { actor, visitId } = await typedVisit();
    await asOwner(`UPDATE "Exam" SET data = jsonb_set(data, '{impression}', '"Plain from an older release"') WHERE "visitId" = $1`, [visitId]);
    expect((await getExam(actor, visitId))!.data.impression).toBe("Plain from an older release");
  });

  it("refuses, with a plain error and no garbled text, a value under a key id FIELD_KEYS lacks, or a changed value", async () => {
    const { actor, visitId } = await typedVisit();
    const other = parseKeyring(`k9:${randomBytes(32).toString("base64")}`);
    await asOwner(`UPDATE "Exam" SET data = jsonb_set(data, '{impression}', to_jsonb($2::text)) WHERE "visitId" = $1`, [
      visitId,
      encryptText("under another key", other),
    ]);
    await expect(getExam(actor, visitId)).rejects.toThrow(FieldCryptoError);
    await expect(getExam(actor, visitId)).rejects.toThrow(/key id "k9", which FIELD_KEYS does not hold/);
    const sameId = parseKeyring(`k1:${randomBytes(32).toString("base64")}`);
    await asOwner(`UPDATE "Exam" SET data = jsonb_set(data, '{impression}', to_jsonb($2::text)) WHERE "visitId" = $1`, [
      visitId,
      encryptText("under a wrong k1", sameId),
    ]);
    await expect(getExam(actor, visitId)).rejects.toThrow(/does not open with FIELD_KEYS's key "k1"/);
  });

  it("keeps a finalized exam immutable to the app's role, even with the rotation's setting", async () => {
    const { actor, visitId, examVersion } = await typedVisit();
    expect(await finalizeExam(actor, visitId, examVersion)).toMatchObject({ ok: true });
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    try {
      await c.query("BEGIN");
      await c.query("SET LOCAL stride.rekey = 'on'");
      await expect(c.query(`UPDATE "Exam" SET data = jsonb_set(data, '{impression}', '"changed"') WHERE "visitId" = $1`, [visitId])).rejects.toThrow(
        /finalized exam cannot be changed/,
      );
      await c.query("ROLLBACK");
    } finally {
      await c.end();
    }
  });
});

describe("encrypted TOTP secrets", () => {
  it("are stored encrypted and still sign in; enrolment shows the plain secret once and stores it sealed", async () => {
    const { clinic } = await createClinicianAndClinic();
    const secret = newTotpSecret();
    const password = `Correct horse ${uniqueSuffix()} battery`;
    const u = await createUser({
      clinicId: clinic.id,
      email: `totp-${uniqueSuffix()}@example.com`,
      name: "Tia Otp",
      password,
      role: "ADMIN",
      totpSecret: secret,
    });
    const [row] = await asOwner<{ totpSecret: string }>(`SELECT "totpSecret" FROM "User" WHERE id = $1`, [u.id]);
    expect(row!.totpSecret).toMatch(/^enc:v1:k1:/);
    expect(row!.totpSecret).not.toContain(secret);
    expect((await signInWithPassword(u.email, password, { ip: "203.0.113.77" }, totpCode(secret))).ok).toBe(true);

    const { clinic: other, user: fresh } = await createClinicianAndClinic();
    const actor = await clinicianActor(fresh, other.id);
    const enrol = (await beginTotpEnrolment(actor))!;
    const [stored] = await asOwner<{ totpSecret: string }>(`SELECT "totpSecret" FROM "User" WHERE id = $1`, [fresh.id]);
    expect(stored!.totpSecret).toMatch(/^enc:v1:k1:/);
    // Asked again, the same secret comes back (opened, not a new one).
    expect((await beginTotpEnrolment(actor))!.secret).toBe(enrol.secret);
  });
});

describe("the key check at start", () => {
  it("accepts this database's key and names a wrong one", async () => {
    await checkFieldKeys();
    const [check] = await asOwner<{ keyId: string }>(`SELECT "keyId" FROM "FieldKeyCheck" WHERE "keyId" = 'k1'`);
    expect(check).toBeDefined();
    await expect(checkFieldKeys(parseKeyring(`k1:${randomBytes(32).toString("base64")}`))).rejects.toThrow(/FIELD_KEYS's key "k1" is not the key/);
    await expect(checkFieldKeys(parseKeyring(`k2:${randomBytes(32).toString("base64")}`))).rejects.toThrow(/FIELD_KEYS has no key "k1"/);
  });
});
