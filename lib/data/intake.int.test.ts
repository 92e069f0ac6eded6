import { describe, expect, it } from "vitest";
import { asOwner } from "@/test/db";
import { clinicianActor, createClinicianAndClinic, intakeAnswers, patientThroughInvite } from "@/prisma/factories";
import { tokenHash } from "../auth/tokens";
import { getIntakeSession, getSubmittedIntake, redeemInvite, submitIntake, verifyDateOfBirth, DOB_ATTEMPTS_PER_SESSION } from "./intake";
import { createPatient, getPatient } from "./patients";
import { startVisit } from "./visits";

async function setup() {
  const { clinic, user } = await createClinicianAndClinic();
  const actor = await clinicianActor(user, clinic.id);
  const patient = await createPatient(actor, { firstName: "Ann", lastName: "Runner", dateOfBirth: "1990-04-27", sex: "FEMALE", email: "", phone: "" });
  const visit = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: "2026-11-25" });
  if (!visit.ok) throw new Error("no visit");
  return { actor, clinic, patient, visit };
}

describe("patients are scoped to their clinic", () => {
  it("returns another clinic's patient as nothing, and audits the denied attempt", async () => {
    const a = await setup();
    const other = await createClinicianAndClinic();
    const otherActor = await clinicianActor(other.user, other.clinic.id);
    expect(await getPatient(otherActor, a.patient.id)).toBeNull();
    expect(await getPatient(a.actor, a.patient.id)).toMatchObject({ firstName: "Ann", dateOfBirth: "1990-04-27" });
    const denied = await asOwner(`SELECT 1 FROM "AuditEvent" WHERE action = 'access-denied' AND "actorId" = $1 AND "recordId" = $2`, [other.user.id, a.patient.id]);
    expect(denied).toHaveLength(1);
  });

  it("will not start a visit for another clinic's patient", async () => {
    const a = await setup();
    const other = await createClinicianAndClinic();
    const r = await startVisit(await clinicianActor(other.user, other.clinic.id), { patientId: a.patient.id, kind: "INITIAL", date: "2026-11-25" });
    expect(r).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("invite links", () => {
  it("are 32 random bytes, stored only as a SHA-256 hash, expiring in 7 days", async () => {
    const { visit } = await setup();
    expect(visit.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await asOwner<{ tokenHash: string; expiresAt: Date }>(`SELECT "tokenHash", "expiresAt" FROM "IntakeInvite" WHERE "visitId" = $1`, [visit.visitId]);
    expect(rows[0]!.tokenHash).toBe(tokenHash(visit.token));
    const all = await asOwner(`SELECT 1 FROM "IntakeInvite" WHERE "tokenHash" = $1`, [visit.token]);
    expect(all).toHaveLength(0);
    const days = (rows[0]!.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
  });

  it("open from several browsers until the intake is submitted, then refuse", async () => {
    const { visit } = await setup();
    const phone = await redeemInvite(visit.token);
    const laptop = await redeemInvite(visit.token);
    expect(phone.ok && laptop.ok).toBe(true);
    const patient = await patientThroughInvite(visit.token, "1990-04-27");
    await submitIntake(patient, intakeAnswers(), "key-0123456789abcdef");
    expect(await redeemInvite(visit.token)).toEqual({ ok: false, reason: "submitted" });
    if (phone.ok) expect(await getIntakeSession(phone.sessionToken)).toEqual({ ok: false, reason: "submitted" });
  });

  it("refuse a made-up token, an expired link and a withdrawn one", async () => {
    expect(await redeemInvite("x".repeat(43))).toEqual({ ok: false, reason: "invalid" });
    expect(await redeemInvite("../../etc")).toEqual({ ok: false, reason: "invalid" });
    const a = await setup();
    await asOwner(`UPDATE "IntakeInvite" SET "expiresAt" = now() - interval '1 minute' WHERE "visitId" = $1`, [a.visit.visitId]);
    expect(await redeemInvite(a.visit.token)).toEqual({ ok: false, reason: "expired" });
    const b = await setup();
    await asOwner(`UPDATE "IntakeInvite" SET "revokedAt" = now() WHERE "visitId" = $1`, [b.visit.visitId]);
    expect(await redeemInvite(b.visit.token)).toEqual({ ok: false, reason: "revoked" });
  });
});

describe("the date-of-birth check", () => {
  it("lets the right date through and counts wrong ones, locking the browser after 5", async () => {
    const { visit } = await setup();
    const r = await redeemInvite(visit.token);
    if (!r.ok) throw new Error();
    const s = await getIntakeSession(r.sessionToken);
    if (!s.ok) throw new Error();
    expect(s.dobVerified).toBe(false);
    for (let i = 1; i < DOB_ATTEMPTS_PER_SESSION; i++) {
      expect(await verifyDateOfBirth(s.actor, "1990-04-28")).toEqual({ ok: false, reason: "wrong", attemptsLeft: DOB_ATTEMPTS_PER_SESSION - i });
    }
    expect(await verifyDateOfBirth(s.actor, "1990-04-28")).toEqual({ ok: false, reason: "locked" });
    // even the right date no longer opens this browser's session
    expect(await verifyDateOfBirth(s.actor, "1990-04-27")).toEqual({ ok: false, reason: "locked" });
    const again = await getIntakeSession(r.sessionToken);
    expect(again.ok && again.locked).toBe(true);
  });

  it("verifies a new browser on its own", async () => {
    const { visit } = await setup();
    await patientThroughInvite(visit.token, "1990-04-27");
    const r = await redeemInvite(visit.token);
    if (!r.ok) throw new Error();
    const s = await getIntakeSession(r.sessionToken);
    expect(s.ok && s.dobVerified).toBe(false);
  });
});

describe("submitting the intake", () => {
  it("is idempotent: ten concurrent submissions with one key make exactly one row", async () => {
    const { visit, actor } = await setup();
    const patient = await patientThroughInvite(visit.token, "1990-04-27");
    const results = await Promise.all(Array.from({ length: 10 }, () => submitIntake(patient, intakeAnswers(), "same-key-0123456789")));
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.ok ? r.intakeId : "")));
    expect(ids.size).toBe(1);
    const rows = await asOwner(`SELECT 1 FROM "IntakeResponse" WHERE "visitId" = $1`, [visit.visitId]);
    expect(rows).toHaveLength(1);
    const intake = await getSubmittedIntake(actor, visit.visitId);
    expect(intake?.answers.pain.worstWeek).toBe(6);
  });

  it("makes one row even when two tabs submit with different keys", async () => {
    const { visit } = await setup();
    const patient = await patientThroughInvite(visit.token, "1990-04-27");
    const [a, b] = await Promise.all([submitIntake(patient, intakeAnswers(), "tab-a-0123456789ab"), submitIntake(patient, intakeAnswers({ pain: { now: 9 } }), "tab-b-0123456789ab")]);
    expect(a.ok && b.ok).toBe(true);
    const rows = await asOwner(`SELECT "painNow" FROM "IntakeResponse" WHERE "visitId" = $1`, [visit.visitId]);
    expect(rows).toHaveLength(1);
  });

  it("marks the visit for review when a safety answer is yes, and moves it to 'intake submitted'", async () => {
    const { visit } = await setup();
    const patient = await patientThroughInvite(visit.token, "1990-04-27");
    await submitIntake(patient, intakeAnswers({ safety: { calfSwelling: true } }), "flag-key-0123456789");
    const [v] = await asOwner<{ status: string; needsReview: boolean }>(`SELECT status, "needsReview" FROM "Visit" WHERE id = $1`, [visit.visitId]);
    expect(v).toEqual({ status: "INTAKE_SUBMITTED", needsReview: true });
  });

  it("refuses a browser that has not passed the date-of-birth check", async () => {
    const { visit } = await setup();
    const r = await redeemInvite(visit.token);
    if (!r.ok) throw new Error();
    const s = await getIntakeSession(r.sessionToken);
    if (!s.ok) throw new Error();
    expect(await submitIntake(s.actor, intakeAnswers(), "unverified-0123456789")).toEqual({ ok: false, reason: "not-verified" });
  });
});
