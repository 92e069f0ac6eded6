import { describe, expect, it } from "vitest";
import { asOwner } from "@/test/db";
import { clinicianActor, createClinicianAndClinic, followUpIntakeAnswers, intakeAnswers, patientThroughInvite } from "@/prisma/factories";
import { tokenHash } from "../auth/tokens";
import { getIntakeDraft, saveIntakeDraft, submitIntake } from "./intake-answers";
import { getIntakeSession, redeemInvite, verifyDateOfBirth, DOB_ATTEMPTS_PER_SESSION } from "./intake-link";
import { getSubmittedIntake, newIntakeLink, reopenIntake } from "./intake-clinic";
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

const DOB = "1990-04-27";

/** A browser that opened the link but has not passed the date-of-birth check. */
async function unverifiedBrowser(token: string) {
  const r = await redeemInvite(token);
  if (!r.ok) throw new Error(`invite not usable: ${r.reason}`);
  const s = await getIntakeSession(r.sessionToken);
  if (!s.ok) throw new Error(`no session: ${s.reason}`);
  return { sessionToken: r.sessionToken, session: s };
}
const key = () => `k-${Math.random().toString(36).slice(2)}-${Date.now()}`;

describe("patients are scoped to their clinic", () => {
  it("returns another clinic's patient as nothing, and audits the denied attempt", async () => {
    const a = await setup();
    const other = await createClinicianAndClinic();
    const otherActor = await clinicianActor(other.user, other.clinic.id);
    expect(await getPatient(otherActor, a.patient.id)).toBeNull();
    expect(await getPatient(a.actor, a.patient.id)).toMatchObject({ firstName: "Ann", dateOfBirth: "1990-04-27" });
    const denied = await asOwner(`SELECT 1 FROM "AuditEvent" WHERE action = 'access-denied' AND "actorId" = $1 AND "recordId" = $2`, [
      other.user.id,
      a.patient.id,
    ]);
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
    const rows = await asOwner<{ tokenHash: string; expiresAt: Date }>(`SELECT "tokenHash", "expiresAt" FROM "IntakeInvite" WHERE "visitId" = $1`, [
      visit.visitId,
    ]);
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
    expect(await redeemInvite(visit.token)).toEqual({ ok: false, reason: "submitted", locale: "en-US" });
    if (phone.ok) expect(await getIntakeSession(phone.sessionToken)).toEqual({ ok: false, reason: "submitted", urgent: [], locale: "en-US", kind: "INITIAL" });
  });

  it("refuse a made-up token, an expired link and a withdrawn one", async () => {
    expect(await redeemInvite("x".repeat(43))).toEqual({ ok: false, reason: "invalid" });
    expect(await redeemInvite("../../etc")).toEqual({ ok: false, reason: "invalid" });
    const a = await setup();
    await asOwner(`UPDATE "IntakeInvite" SET "expiresAt" = now() - interval '1 minute' WHERE "visitId" = $1`, [a.visit.visitId]);
    expect(await redeemInvite(a.visit.token)).toEqual({ ok: false, reason: "expired", locale: "en-US" });
    const b = await setup();
    await asOwner(`UPDATE "IntakeInvite" SET "revokedAt" = now() WHERE "visitId" = $1`, [b.visit.visitId]);
    expect(await redeemInvite(b.visit.token)).toEqual({ ok: false, reason: "revoked", locale: "en-US" });
  });
});

describe("the date-of-birth check", () => {
  it("lets the right date through and counts wrong ones, locking the browser after 5", async () => {
    const { visit } = await setup();
    const { sessionToken, session: s } = await unverifiedBrowser(visit.token);
    expect(s.dobVerified).toBe(false);
    for (let i = 1; i < DOB_ATTEMPTS_PER_SESSION; i++) {
      expect(await verifyDateOfBirth(s.actor, "1990-04-28")).toEqual({ ok: false, reason: "wrong", attemptsLeft: DOB_ATTEMPTS_PER_SESSION - i });
    }
    expect(await verifyDateOfBirth(s.actor, "1990-04-28")).toEqual({ ok: false, reason: "locked" });
    // even the right date no longer opens this browser's session
    expect(await verifyDateOfBirth(s.actor, "1990-04-27")).toEqual({ ok: false, reason: "locked" });
    const again = await getIntakeSession(sessionToken);
    expect(again.ok && again.locked).toBe(true);
  });

  it("verifies a new browser on its own", async () => {
    const { visit } = await setup();
    await patientThroughInvite(visit.token, "1990-04-27");
    const { session: s } = await unverifiedBrowser(visit.token);
    expect(s.dobVerified).toBe(false);
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
    expect(intake).toMatchObject({ revision: 1, akpsScore: 82, lefsScore: 61, earlier: [], reopened: false, previous: null });
  });

  it("makes one row even when two tabs submit with different keys", async () => {
    const { visit } = await setup();
    const patient = await patientThroughInvite(visit.token, "1990-04-27");
    const [a, b] = await Promise.all([
      submitIntake(patient, intakeAnswers(), "tab-a-0123456789ab"),
      submitIntake(patient, intakeAnswers({ pain: { now: 9 } }), "tab-b-0123456789ab"),
    ]);
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
    const { session: s } = await unverifiedBrowser(visit.token);
    expect(await submitIntake(s.actor, intakeAnswers(), "unverified-0123456789")).toEqual({ ok: false, reason: "not-verified" });
  });
});

describe("autosave (drafts)", () => {
  it("saves partial answers, moves the version on, and refuses a stale save without overwriting it", async () => {
    const { visit } = await setup();
    const patient = await patientThroughInvite(visit.token, DOB);
    expect(await getIntakeDraft(patient)).toBeNull();
    const first = await saveIntakeDraft(patient, { about: { sex: "female" } }, null, "about");
    expect(first).toMatchObject({ ok: true, version: 1 });
    const second = await saveIntakeDraft(patient, { about: { sex: "female", heightCm: 170 } }, 1, "running");
    expect(second).toMatchObject({ ok: true, version: 2 });
    // a tab still on version 1 gets the newer draft back to merge; nothing is overwritten
    const stale = await saveIntakeDraft(patient, { about: { sex: "male" } }, 1, "about");
    expect(stale).toMatchObject({
      ok: false,
      reason: "conflict",
      current: { version: 2, answers: { about: { sex: "female", heightCm: 170 } }, resumeStep: "running" },
    });
    // so does a browser that has not seen any draft yet
    expect(await saveIntakeDraft(patient, { pain: { now: 2 } }, null, "pain")).toMatchObject({ ok: false, reason: "conflict", current: { version: 2 } });
    const rows = await asOwner<{ state: string; version: number; answers: unknown; resumeStep: string }>(
      `SELECT state, version, answers, "resumeStep" FROM "IntakeResponse" WHERE "visitId" = $1`,
      [visit.visitId],
    );
    expect(rows).toEqual([{ state: "DRAFT", version: 2, answers: { about: { sex: "female", heightCm: 170 } }, resumeStep: "running" }]);
    const audit = await asOwner<{ action: string; outcome: string }>(
      `SELECT action, outcome FROM "AuditEvent" WHERE "recordType" = 'IntakeResponse' AND "actorId" = $1 ORDER BY seq`,
      [`invite:${patient.inviteId}`],
    );
    expect(audit.map((a) => `${a.action}:${a.outcome}`)).toEqual(["create:ok", "update:ok", "update:conflict", "update:conflict"]);
  });

  it("lets two tabs' first saves race: one draft, the other gets it back to merge", async () => {
    const { visit } = await setup();
    const patient = await patientThroughInvite(visit.token, DOB);
    const results = await Promise.all([
      saveIntakeDraft(patient, { pain: { now: 1 } }, null, "pain"),
      saveIntakeDraft(patient, { pain: { now: 2 } }, null, "pain"),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "conflict")).toHaveLength(1);
    expect(await asOwner(`SELECT 1 FROM "IntakeResponse" WHERE "visitId" = $1`, [visit.visitId])).toHaveLength(1);
  });

  it("refuses a browser that has not passed the date-of-birth check", async () => {
    const { visit } = await setup();
    const { session: s } = await unverifiedBrowser(visit.token);
    expect(await saveIntakeDraft(s.actor, { pain: { now: 1 } }, null, "pain")).toEqual({ ok: false, reason: "not-verified" });
    expect(await getIntakeDraft(s.actor)).toBeNull();
  });

  it("resumes on a second device after its own date-of-birth check, where the patient left off", async () => {
    const { visit } = await setup();
    const phone = await patientThroughInvite(visit.token, DOB);
    await saveIntakeDraft(phone, { about: { sex: "female" }, running: { weeklyKm: { thisWeek: 30 } } }, null, "running");
    // a laptop opens the same link: nothing before the check, the draft after it
    const { session: laptopSession } = await unverifiedBrowser(visit.token);
    expect(await getIntakeDraft(laptopSession.actor)).toBeNull();
    expect(await verifyDateOfBirth(laptopSession.actor, DOB)).toEqual({ ok: true });
    const draft = await getIntakeDraft(laptopSession.actor);
    expect(draft).toMatchObject({ version: 1, resumeStep: "running", answers: { about: { sex: "female" }, running: { weeklyKm: { thisWeek: 30 } } } });
    expect(await saveIntakeDraft(laptopSession.actor, { ...draft!.answers, pain: { now: 4 } }, draft!.version, "pain")).toMatchObject({ ok: true, version: 2 });
    expect(await getIntakeDraft(phone)).toMatchObject({ version: 2, resumeStep: "pain", answers: { pain: { now: 4 } } });
  });

  it("stops once the intake is submitted, and a submitted draft is the one row", async () => {
    const { visit, actor } = await setup();
    const patient = await patientThroughInvite(visit.token, DOB);
    await saveIntakeDraft(patient, { pain: { now: 1 } }, null, "pain");
    expect(await submitIntake(patient, intakeAnswers(), key(), {}, "I agree.")).toMatchObject({ ok: true });
    expect(await saveIntakeDraft(patient, { pain: { now: 2 } }, 1, "pain")).toEqual({ ok: false, reason: "submitted" });
    expect(await getIntakeDraft(patient)).toBeNull();
    const rows = await asOwner<{ state: string; consentText: string; consentedAt: Date | null; resumeStep: string | null; akpsScore: number }>(
      `SELECT state, "consentText", "consentedAt", "resumeStep", "akpsScore" FROM "IntakeResponse" WHERE "visitId" = $1`,
      [visit.visitId],
    );
    expect(rows).toEqual([{ state: "FINAL", consentText: "I agree.", consentedAt: expect.any(Date), resumeStep: null, akpsScore: 82 }]);
    expect((await getSubmittedIntake(actor, visit.visitId))?.consent?.text).toBe("I agree.");
  });

  it("stops when the clinic withdraws the link", async () => {
    const { visit } = await setup();
    const patient = await patientThroughInvite(visit.token, DOB);
    await asOwner(`UPDATE "IntakeInvite" SET "revokedAt" = now() WHERE "visitId" = $1`, [visit.visitId]);
    expect(await saveIntakeDraft(patient, { pain: { now: 1 } }, null, "pain")).toEqual({ ok: false, reason: "closed" });
    expect(await submitIntake(patient, intakeAnswers(), key())).toEqual({ ok: false, reason: "closed" });
  });
});

describe("submitting with a draft", () => {
  it("is idempotent under concurrency: ten submissions with one key and five with other keys make one FINAL row", async () => {
    const { visit } = await setup();
    const patient = await patientThroughInvite(visit.token, DOB);
    await saveIntakeDraft(patient, { pain: { now: 1 } }, null, "consent");
    const same = key();
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => submitIntake(patient, intakeAnswers(), same)),
      ...Array.from({ length: 5 }, () => submitIntake(patient, intakeAnswers({ pain: { now: 9 } }), key())),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => (r.ok ? r.intakeId : ""))).size).toBe(1);
    const rows = await asOwner<{ state: string }>(`SELECT state FROM "IntakeResponse" WHERE "visitId" = $1`, [visit.visitId]);
    expect(rows).toEqual([{ state: "FINAL" }]);
    const submits = await asOwner(`SELECT 1 FROM "AuditEvent" WHERE action = 'submit' AND "actorId" = $1`, [`invite:${patient.inviteId}`]);
    expect(submits).toHaveLength(1);
  });

  it("tells the thank-you page about urgent answers, only in a verified browser", async () => {
    const { visit } = await setup();
    const { sessionToken: unverified } = await unverifiedBrowser(visit.token);
    const { sessionToken: verified, session: s } = await unverifiedBrowser(visit.token);
    await verifyDateOfBirth(s.actor, DOB);
    await submitIntake(s.actor, intakeAnswers({ safety: { calfSwelling: true, swelling: true, feverOrUnwell: true } }), key());
    expect(await getIntakeSession(verified)).toEqual({
      ok: false,
      reason: "submitted",
      urgent: ["hot-swollen-unwell", "calf"],
      locale: "en-US",
      kind: "INITIAL",
    });
    expect(await getIntakeSession(unverified)).toEqual({ ok: false, reason: "submitted", urgent: [], locale: "en-US", kind: "INITIAL" });
  });
});

describe("reopening a submitted intake for corrections", () => {
  it("keeps the earlier revision, gives a fresh link that resumes a prefilled draft, and supersedes on resubmission", async () => {
    const { visit, actor } = await setup();
    const patient = await patientThroughInvite(visit.token, DOB);
    await submitIntake(patient, intakeAnswers({ pain: { now: 3 } }), key(), {}, "Consent v1");
    expect(await reopenIntake(actor, visit.visitId)).toMatchObject({ ok: true, revision: 2 });
    const again = await reopenIntake(actor, visit.visitId);
    if (!again.ok) throw new Error();
    // the first reopen's link was never used: withdrawn; the original link still says it was sent
    expect(await redeemInvite(visit.token)).toEqual({ ok: false, reason: "submitted", locale: "en-US" });
    const before = await getSubmittedIntake(actor, visit.visitId);
    expect(before).toMatchObject({ revision: 1, reopened: true, earlier: [] });

    const corrected = await patientThroughInvite(again.token, DOB);
    expect((await unverifiedBrowser(again.token)).session).toMatchObject({ ok: true, revision: 2, kind: "INITIAL" });
    const draft = await getIntakeDraft(corrected);
    expect(draft?.answers.pain?.now).toBe(3);
    expect(draft?.answers).not.toHaveProperty("consent");
    expect(await saveIntakeDraft(corrected, { ...draft!.answers, pain: { now: 5 } }, draft!.version, "pain")).toMatchObject({ ok: true });
    expect(await submitIntake(corrected, intakeAnswers({ pain: { now: 5 } }), key(), {}, "Consent v2")).toMatchObject({ ok: true });

    const rows = await asOwner<{ revision: number; state: string; painNow: number; consentText: string }>(
      `SELECT revision, state, "painNow", "consentText" FROM "IntakeResponse" WHERE "visitId" = $1 ORDER BY revision`,
      [visit.visitId],
    );
    expect(rows).toEqual([
      { revision: 1, state: "SUPERSEDED", painNow: 3, consentText: "Consent v1" },
      { revision: 2, state: "FINAL", painNow: 5, consentText: "Consent v2" },
    ]);
    const after = await getSubmittedIntake(actor, visit.visitId);
    expect(after).toMatchObject({ revision: 2, reopened: false, earlier: [{ revision: 1 }] });
    expect(after?.answers.pain.now).toBe(5);
    expect(await redeemInvite(again.token)).toEqual({ ok: false, reason: "submitted", locale: "en-US" });
  });

  it("is refused before anything was submitted, and for another clinic's visit", async () => {
    const { visit } = await setup();
    const other = await createClinicianAndClinic();
    const { actor } = await setup();
    expect(await reopenIntake(actor, visit.visitId)).toEqual({ ok: false, reason: "not-found" });
    const own = await setup();
    expect(await reopenIntake(own.actor, own.visit.visitId)).toEqual({ ok: false, reason: "not-submitted" });
    expect(await reopenIntake(await clinicianActor(other.user, other.clinic.id), "not-a-uuid")).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("a new link for an intake not sent yet", () => {
  it("withdraws the old link and its browsers, keeps the saved answers, and logs who made it", async () => {
    const {
      visit,
      actor,
      patient: { id: patientId },
    } = await setup();
    const { sessionToken: oldBrowser } = await unverifiedBrowser(visit.token);
    const patient = await patientThroughInvite(visit.token, DOB);
    const first = await getIntakeDraft(patient);
    expect(await saveIntakeDraft(patient, { pain: { now: 4 } }, first?.version ?? null, "pain")).toMatchObject({ ok: true });

    const fresh = await newIntakeLink(actor, visit.visitId);
    if (!fresh.ok) throw new Error(fresh.reason);
    expect(fresh.revision).toBe(1);
    expect(await redeemInvite(visit.token)).toEqual({ ok: false, reason: "revoked", locale: "en-US" });
    expect(await getIntakeSession(oldBrowser)).toEqual({ ok: false, reason: "revoked", locale: "en-US" });

    const again = await patientThroughInvite(fresh.token, DOB);
    expect((await getIntakeDraft(again))?.answers.pain?.now).toBe(4);
    const audit = await asOwner<{ actorId: string; details: unknown }>(
      `SELECT "actorId", details FROM "AuditEvent" WHERE "recordType" = 'IntakeInvite' AND action = 'create' AND "patientId" = $1 ORDER BY id`,
      [patientId],
    );
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ actorId: actor.userId, details: { forRevision: 1, withdrew: 1 } });

    // Once sent, a new link is refused (reopening for corrections is the way), and other clinics get nothing.
    await submitIntake(again, intakeAnswers(), key());
    expect(await newIntakeLink(actor, visit.visitId)).toEqual({ ok: false, reason: "submitted" });
    const other = await setup();
    expect(await newIntakeLink(other.actor, visit.visitId)).toEqual({ ok: false, reason: "not-found" });
  });

  it("leaves exactly one open link when asked twice at once", async () => {
    const { visit, actor } = await setup();
    const both = await Promise.all([newIntakeLink(actor, visit.visitId), newIntakeLink(actor, visit.visitId)]);
    expect(both.every((r) => r.ok)).toBe(true);
    const open = await asOwner<{ n: number }>(`SELECT count(*)::int AS n FROM "IntakeInvite" WHERE "visitId" = $1 AND "revokedAt" IS NULL`, [visit.visitId]);
    expect(open[0]!.n).toBe(1);
  });
});

describe("a follow-up visit", () => {
  it("uses the shorter form and shows the change in scores since the previous visit", async () => {
    const { actor, patient, visit } = await setup();
    await submitIntake(await patientThroughInvite(visit.token, DOB), intakeAnswers(), key());
    const follow = await startVisit(actor, { patientId: patient.id, kind: "FOLLOW_UP", date: "2026-12-09" });
    if (!follow.ok) throw new Error();
    expect((await unverifiedBrowser(follow.token)).session).toMatchObject({ ok: true, kind: "FOLLOW_UP", recordedSex: "FEMALE" });
    await submitIntake(await patientThroughInvite(follow.token, DOB), followUpIntakeAnswers(), key());
    const dto = await getSubmittedIntake(actor, follow.visitId);
    expect(dto).toMatchObject({
      kind: "FOLLOW_UP",
      akpsScore: 93,
      lefsScore: 80,
      previous: { visitDate: "2026-11-25", akpsScore: 82, lefsScore: 61, weeklyKmNow: 32 },
    });
  });
});

describe("limits hold under concurrency", () => {
  it("150 wrong dates fired at once on one link, from 30 browsers, record exactly the link's limit of 10", async () => {
    const { DOB_FAILURES_PER_INVITE } = await import("./intake-link");
    const { visit } = await setup();
    const browsers: Awaited<ReturnType<typeof unverifiedBrowser>>[] = [];
    for (let i = 0; i < 30; i++) browsers.push(await unverifiedBrowser(visit.token));
    // All at once: more than the pool holds, so some may wait too long for a connection and fail (on a
    // busy machine); what matters is that none counts past the limit.
    const settled = await Promise.allSettled(browsers.flatMap((b) => Array.from({ length: 5 }, () => verifyDateOfBirth(b.session.actor, "1990-04-28"))));
    const results = settled.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(results.filter((r) => !r.ok && r.reason === "wrong").length).toBeLessThan(DOB_FAILURES_PER_INVITE);
    const [row] = await asOwner<{ dobFailures: number }>(`SELECT "dobFailures" FROM "IntakeInvite" WHERE "visitId" = $1`, [visit.visitId]);
    expect(row!.dobFailures).toBe(DOB_FAILURES_PER_INVITE);
    const [audit] = await asOwner<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'dob-failed' AND "recordId" = ANY($1::text[])`, [
      browsers.map((b) => b.session.actor.intakeSessionId),
    ]);
    expect(Number(audit!.n)).toBe(DOB_FAILURES_PER_INVITE);
  }, 60_000);

  it("150 attempts at once against one address bucket (and the shared unknown-address one) count exactly 10", async () => {
    const { bucket, DOB_FAILURES_PER_IP, reserveAttempt, UNKNOWN_ADDRESS } = await import("./rate-limits");
    expect(bucket.dobIp(null)).toBe(`dob:ip:${UNKNOWN_ADDRESS}`);
    const b = bucket.dobIp(`198.51.100.${Math.floor(Math.random() * 250)}-${key()}`);
    await Promise.allSettled(Array.from({ length: 150 }, () => reserveAttempt([b], DOB_FAILURES_PER_IP)));
    const [row] = await asOwner<{ n: string }>(`SELECT count(*) AS n FROM "RateLimitHit" WHERE bucket = $1`, [b]);
    expect(Number(row!.n)).toBe(DOB_FAILURES_PER_IP.max);
  });
});
