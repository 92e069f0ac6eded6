import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Observation } from "@medplum/fhirtypes";
import { asOwner } from "@/test/db";
import {
  adminActor,
  clinicianActor,
  createClinicianAndClinic,
  examData,
  fullExam,
  intakeAnswers,
  patientThroughInvite,
  uniqueSuffix,
} from "@/prisma/factories";
import { fhirErrors, index, unresolvedReferences } from "../fhir/validate-for-tests";
import type { ClinicianActor } from "./actors";
import { API_TOKEN_RATE, authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from "./api-tokens";
import { finalizeExam, saveExam } from "./exams";
import { clinicRecordBatches, exportPatientEverything } from "./fhir-export";
import { exportClinicNdjson } from "./fhir-bulk";
import { submitIntake } from "./intake-answers";
import { createPatient } from "./patients";
import { finalizeSummary } from "./summaries";
import { createUser } from "./users";
import { startVisit } from "./visits";

const ORIGIN = "https://clinic.test";

async function clinicWithAdmin() {
  const { clinic, user } = await createClinicianAndClinic();
  const clinician = await clinicianActor(user, clinic.id);
  const adminUser = await createUser({
    clinicId: clinic.id,
    email: `admin-${uniqueSuffix()}@example.com`,
    name: "Ada Admin",
    password: `pw-${uniqueSuffix()}-${uniqueSuffix()}`,
    role: "ADMIN",
  });
  const admin = await adminActor(adminUser, clinic.id);
  return { clinic, clinician, admin };
}

/** A patient with one signed visit (intake, finalized exam, signed summary), as the demo makes them. */
async function signedPatient(actor: ClinicianActor, full = true) {
  const patient = await createPatient(actor, {
    firstName: "Fhir",
    lastName: `Sentinel${uniqueSuffix()}`,
    dateOfBirth: "1988-02-03",
    sex: "FEMALE",
    email: "",
    phone: "",
  });
  const v = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: "2026-11-25" });
  if (!v.ok) throw new Error("visit");
  await submitIntake(await patientThroughInvite(v.token, "1988-02-03"), intakeAnswers(), `k-${v.visitId}`);
  const saved = await saveExam(actor, v.visitId, full ? fullExam() : examData(140, 200), null);
  if (!saved.ok) throw new Error("exam");
  expect((await finalizeExam(actor, v.visitId, saved.version)).ok).toBe(true);
  expect((await finalizeSummary(actor, v.visitId)).ok).toBe(true);
  return { patientId: patient.id, visitId: v.visitId };
}

describe("FHIR export", () => {
  beforeAll(() => index(), 120_000);

  it("exports a signed visit as a Bundle the validator accepts, references resolving, audited with the patient", async () => {
    const { clinician } = await clinicWithAdmin();
    const { patientId, visitId } = await signedPatient(clinician);
    const bundle = await exportPatientEverything(clinician, patientId, ORIGIN);
    expect(bundle).not.toBeNull();
    expect(fhirErrors(bundle!)).toEqual([]);
    for (const e of bundle!.entry!) expect([e.resource!.resourceType, fhirErrors(e.resource!)]).toEqual([e.resource!.resourceType, []]);
    expect(unresolvedReferences(bundle!)).toEqual([]);
    const types = new Set(bundle!.entry!.map((e) => e.resource!.resourceType));
    for (const t of [
      "Patient",
      "Organization",
      "Practitioner",
      "Encounter",
      "QuestionnaireResponse",
      "Observation",
      "Condition",
      "CarePlan",
      "DocumentReference",
    ])
      expect(types.has(t as never)).toBe(true);
    const hhd = bundle!
      .entry!.map((e) => e.resource!)
      .filter((r): r is Observation => r.resourceType === "Observation" && !!r.code.coding?.[0]?.code?.startsWith("hhd-"));
    expect(hhd.length).toBeGreaterThanOrEqual(6); // three hip groups, two sides
    const audit = await asOwner<{ actorId: string; patientId: string }>(
      `SELECT "actorId", "patientId" FROM "AuditEvent" WHERE action = 'fhir-export' AND "recordId" = $1`,
      [patientId],
    );
    expect(audit).toEqual([{ actorId: clinician.userId, patientId }]);
    expect(bundle!.entry!.some((e) => e.resource!.resourceType === "Encounter" && e.resource!.id === visitId)).toBe(true);
  });

  it("refuses another clinic's patient (null, audited as denied) to a clinician and to a token", async () => {
    const a = await clinicWithAdmin();
    const b = await clinicWithAdmin();
    const { patientId } = await signedPatient(a.clinician, false);
    expect(await exportPatientEverything(b.clinician, patientId, ORIGIN)).toBeNull();
    const made = await createApiToken(b.admin, { name: "Other clinic EHR", expiresInDays: 30 });
    if (!made.ok) throw new Error();
    const check = await authenticateApiToken(`Bearer ${made.secret}`);
    if (!check.ok) throw new Error();
    expect(await exportPatientEverything(check.actor, patientId, ORIGIN)).toBeNull();
    const denied = await asOwner(`SELECT 1 FROM "AuditEvent" WHERE action = 'access-denied' AND "recordId" = $1`, [patientId]);
    expect(denied).toHaveLength(2);
    expect(await asOwner(`SELECT 1 FROM "AuditEvent" WHERE action = 'fhir-export' AND "recordId" = $1`, [patientId])).toHaveLength(0);
  });

  it("streams a whole clinic in batches, only that clinic's patients", async () => {
    const a = await clinicWithAdmin();
    const b = await clinicWithAdmin();
    const mine = [await signedPatient(a.clinician, false), await signedPatient(a.clinician, false), await signedPatient(a.clinician, false)];
    await signedPatient(b.clinician, false);
    const seen: string[] = [];
    for await (const batch of clinicRecordBatches(a.clinic.id, 2)) {
      expect(batch.length).toBeLessThanOrEqual(2);
      seen.push(...batch.map((r) => r.patient.id));
    }
    expect(seen.sort()).toEqual(mine.map((m) => m.patientId).sort());

    // The bulk files: one per type, one valid resource per line, shared resources once, audited once.
    const out = mkdtempSync(path.join(tmpdir(), "stride-ndjson-"));
    const r = await exportClinicNdjson(a.clinic.id, out, ORIGIN, 2);
    expect(r.patients).toBe(3);
    expect(readdirSync(out).sort()).toEqual(
      expect.arrayContaining(["Patient.ndjson", "Organization.ndjson", "Observation.ndjson", "Questionnaire.ndjson", "CarePlan.ndjson"]),
    );
    const lines = (t: string) =>
      readFileSync(path.join(out, `${t}.ndjson`), "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
    expect(
      lines("Patient")
        .map((p) => p.id)
        .sort(),
    ).toEqual(mine.map((m) => m.patientId).sort());
    expect(lines("Organization")).toHaveLength(1);
    expect(lines("Practitioner")).toHaveLength(1);
    for (const t of readdirSync(out)) for (const res of lines(t.replace(".ndjson", "")).slice(0, 5)) expect(fhirErrors(res)).toEqual([]);
    const audit = await asOwner<{ details: { patients: number } }>(`SELECT details FROM "AuditEvent" WHERE action = 'fhir-export' AND "recordId" = $1`, [
      a.clinic.id,
    ]);
    expect(audit.map((x) => x.details.patients)).toEqual([3]);
  });
});

describe("API tokens", () => {
  it("are shown once, stored hashed, listed without the secret, and stop working when revoked", async () => {
    const { admin } = await clinicWithAdmin();
    const made = await createApiToken(admin, { name: "Main EHR", expiresInDays: 90 });
    if (!made.ok) throw new Error();
    expect(made.secret).toMatch(/^stride_pat_[A-Za-z0-9_-]{43}$/);
    const [row] = await asOwner<{ tokenHash: string; scope: string }>(`SELECT "tokenHash", scope FROM "ApiToken" WHERE id = $1`, [made.token.id]);
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.tokenHash).not.toContain(made.secret.slice(11));
    expect(row!.scope).toBe("fhir-export:read");
    const listed = await listApiTokens(admin);
    expect(JSON.stringify(listed)).not.toContain(made.secret);
    expect(listed[0]).toMatchObject({ name: "Main EHR", status: "active" });
    expect((await authenticateApiToken(`Bearer ${made.secret}`)).ok).toBe(true);
    expect(await revokeApiToken(admin, made.token.id)).toEqual({ ok: true });
    expect(await authenticateApiToken(`Bearer ${made.secret}`)).toEqual({ ok: false, status: 401 });
    expect((await listApiTokens(admin))[0]!.status).toBe("revoked");
    const audit = await asOwner<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "recordId" = $1 ORDER BY id`, [made.token.id]);
    expect(audit.map((r) => r.action)).toEqual(["api-token-created", "api-token-revoked"]);
  });

  it("refuse expired, unknown and malformed tokens; an admin cannot revoke another clinic's token", async () => {
    const a = await clinicWithAdmin();
    const b = await clinicWithAdmin();
    const made = await createApiToken(a.admin, { name: "Short", expiresInDays: 1 });
    if (!made.ok) throw new Error();
    expect(await authenticateApiToken(`Bearer ${made.secret}`, {}, new Date(Date.now() + 2 * 86_400_000))).toEqual({ ok: false, status: 401 });
    expect(await authenticateApiToken(`Bearer stride_pat_${"x".repeat(43)}`)).toEqual({ ok: false, status: 401 });
    expect(await authenticateApiToken("Basic abc")).toEqual({ ok: false, status: 401 });
    expect(await authenticateApiToken(null)).toEqual({ ok: false, status: 401 });
    expect(await revokeApiToken(b.admin, made.token.id)).toEqual({ ok: false, reason: "not-found" });
    expect((await authenticateApiToken(`Bearer ${made.secret}`)).ok).toBe(true);
    expect(await createApiToken(a.admin, { name: "x", expiresInDays: 0 })).toMatchObject({
      ok: false,
      fieldErrors: { name: expect.any(String), expiresInDays: expect.any(String) },
    });
  });

  it("are rate-limited per token, and bad tokens per address", async () => {
    const { admin } = await clinicWithAdmin();
    const made = await createApiToken(admin, { name: "Busy", expiresInDays: 5 });
    if (!made.ok) throw new Error();
    const now = new Date();
    // Racing requests, eight at a time (the pool's size), none slipping past the limit.
    const results = [];
    for (let i = 0; i < API_TOKEN_RATE.max + 5; i += 8) {
      results.push(
        ...(await Promise.all(Array.from({ length: Math.min(8, API_TOKEN_RATE.max + 5 - i) }, () => authenticateApiToken(`Bearer ${made.secret}`, {}, now)))),
      );
    }
    expect(results.filter((r) => r.ok)).toHaveLength(API_TOKEN_RATE.max);
    expect(results.filter((r) => !r.ok && r.status === 429)).toHaveLength(5);
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 20; i++) expect(await authenticateApiToken(`Bearer stride_pat_${"y".repeat(43)}`, { ip })).toEqual({ ok: false, status: 401 });
    expect(await authenticateApiToken(`Bearer ${made.secret}`, { ip })).toEqual({ ok: false, status: 429 });
  }, 180_000);
});
