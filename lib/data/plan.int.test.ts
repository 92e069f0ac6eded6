import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { asOwner } from "@/test/db";
import { clinicianActor, createClinicianAndClinic, examData, greenRunCheckIn, intakeAnswers, patientThroughInvite } from "@/prisma/factories";
import { saveExam } from "./exams";
import { getIntakeSession, redeemInvite } from "./intake-link";
import { submitIntake } from "./intake-answers";
import { createPatient } from "./patients";
import {
  answerMorning,
  dischargePatient,
  getMyPlan,
  getMyPlanUnit,
  getPatientProgress,
  getPlanLink,
  listBetweenVisits,
  newPlanLink,
  openFollowUp,
  requestFollowUp,
  saveCheckIn,
} from "./plan";
import { finalizeSummary } from "./summaries";
import { startVisit } from "./visits";

const DOB = "1984-03-09";

/** A clinic, a patient with a signed summary (a walk-run calendar), and the patient through the plan link. */
async function signedPatient(email = "", intake = intakeAnswers()) {
  const { clinic, user } = await createClinicianAndClinic({ email: `c-${randomUUID()}@example.com` });
  const actor = await clinicianActor(user, clinic.id);
  const patient = await createPatient(actor, { firstName: "Pia", lastName: "Lund", dateOfBirth: DOB, sex: "FEMALE", email, phone: "" });
  const v = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: new Date().toISOString().slice(0, 10) });
  if (!v.ok) throw new Error();
  await submitIntake(await patientThroughInvite(v.token, DOB), intake, `k-${v.visitId}`);
  await saveExam(actor, v.visitId, examData(150, 210), null);
  expect((await finalizeSummary(actor, v.visitId)).ok).toBe(true);
  const link = await getPlanLink(actor, patient.id);
  return { actor, clinicId: clinic.id, patientId: patient.id, visitId: v.visitId, link: link!, patient: await patientThroughInvite(link!.token!, DOB) };
}

const today = () => new Date().toISOString().slice(0, 10);
const run = greenRunCheckIn;

describe("the plan link", () => {
  it("is made when a summary is signed, opens My plan after the date-of-birth check, and shows this week's runs", async () => {
    const { link, patient } = await signedPatient();
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const redeemed = await redeemInvite(link.token!);
    expect(redeemed).toMatchObject({ ok: true, purpose: "plan" });
    const plan = await getMyPlan(patient);
    expect(plan?.firstName).toBe("Pia");
    expect(plan?.progress?.next.length).toBeGreaterThan(0);
    expect(plan?.week.week).toBe(1);
    expect(plan?.assessment.plan?.exercises.length).toBeGreaterThan(0);
  });

  it("is kept when a later summary is signed, and emailed once when the patient has an address", async () => {
    const { actor, patientId, link } = await signedPatient(`pia-${randomUUID()}@example.com`);
    const v2 = await startVisit(actor, { patientId, kind: "FOLLOW_UP", date: today() });
    if (!v2.ok) throw new Error();
    await submitIntake(await patientThroughInvite(v2.token, DOB), intakeAnswers(), `k-${v2.visitId}`);
    await saveExam(actor, v2.visitId, examData(160, 200), null);
    expect((await finalizeSummary(actor, v2.visitId)).ok).toBe(true);
    expect((await getPlanLink(actor, patientId))?.token).toBe(link.token);
    const sent = await asOwner(`SELECT kind FROM "Message" WHERE "patientId" = $1 AND kind = 'plan'`, [patientId]);
    expect(sent).toHaveLength(1);
  });

  it("reaches one patient's plan only: a browser without the date-of-birth check, or on an intake link, gets nothing", async () => {
    const { link } = await signedPatient();
    const r = await redeemInvite(link.token!);
    if (!r.ok) throw new Error();
    const s = await getIntakeSession(r.sessionToken);
    if (!s.ok) throw new Error();
    expect(s.dobVerified).toBe(false);
    expect(await getMyPlan(s.actor)).toBeNull();
    expect(await saveCheckIn(s.actor, run())).toEqual({ ok: false, reason: "closed" });
    // Another patient's intake session (same clinic) cannot check in.
    const other = await signedPatient();
    const { clinic, user } = { clinic: { id: other.clinicId }, user: { id: other.actor.userId } };
    const actor = await clinicianActor(user, clinic.id);
    const p = await createPatient(actor, { firstName: "Ole", lastName: "Berg", dateOfBirth: DOB, sex: "MALE", email: "", phone: "" });
    const v = await startVisit(actor, { patientId: p.id, kind: "INITIAL", date: today() });
    if (!v.ok) throw new Error();
    const intakeActor = await patientThroughInvite(v.token, DOB);
    expect(await saveCheckIn(intakeActor, run())).toEqual({ ok: false, reason: "closed" });
    expect(await getMyPlan(intakeActor)).toBeNull();
  });

  it("a new link withdraws the old one; another clinic's clinician is refused and audited", async () => {
    const { actor, patientId, link } = await signedPatient();
    const fresh = await newPlanLink(actor, patientId);
    expect(fresh.ok && fresh.token !== link.token).toBe(true);
    expect(await redeemInvite(link.token!)).toMatchObject({ ok: false, reason: "revoked" });
    const stranger = await signedPatient();
    expect(await getPlanLink(stranger.actor, patientId)).toBeNull();
    expect(await newPlanLink(stranger.actor, patientId)).toEqual({ ok: false, reason: "not-found" });
    const denied = await asOwner(`SELECT "recordType" FROM "AuditEvent" WHERE action = 'access-denied' AND "recordId" = $1`, [patientId]);
    expect(denied.map((d) => d.recordType)).toEqual(["PlanLink", "PlanLink"]);
  });
});

describe("check-ins", () => {
  it("name a distance's limits in the plan's unit: miles for a runner who answered in miles, km otherwise", async () => {
    const miles = await signedPatient("", intakeAnswers({ running: { distanceUnit: "mi" } }));
    expect((await getMyPlan(miles.patient))?.assessment.returnToRun?.unit).toBe("mi");
    expect(await getMyPlanUnit(miles.patient)).toBe("mi");
    expect(await getMyPlanUnit((await signedPatient()).patient)).toBe("km");
    // A browser not past the date-of-birth check learns nothing of the plan.
    const r = await redeemInvite(miles.link.token!);
    if (!r.ok) throw new Error();
    const s = await getIntakeSession(r.sessionToken);
    if (!s.ok) throw new Error();
    expect(await getMyPlanUnit(s.actor)).toBe("km");
  });

  it("green moves on, amber repeats, and each is saved and audited once", async () => {
    const { patient, patientId } = await signedPatient();
    const green = await saveCheckIn(patient, run({ date: today(), painDuring: 1 }));
    expect(green).toMatchObject({ ok: true, repeated: false, step: { light: "green", action: "advance" } });
    const amber = await saveCheckIn(patient, run({ painDuring: 3 }));
    expect(amber).toMatchObject({ ok: true, step: { light: "amber", action: "repeat" } });
    expect(amber.ok && amber.progress?.position).toBe(1);
    const rows = await asOwner(`SELECT count(*)::int AS n FROM "CheckIn" WHERE "patientId" = $1`, [patientId]);
    expect(rows[0]!.n).toBe(2);
    const audit = await asOwner(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'create' AND "recordType" = 'CheckIn' AND "patientId" = $1`, [
      patientId,
    ]);
    expect(audit[0]!.n).toBe(2);
  });

  it("the same key sent again (an offline phone back online, ten at once) is stored once; a different body under it is refused", async () => {
    const { patient, patientId } = await signedPatient();
    const c = run();
    const all = await Promise.all(Array.from({ length: 10 }, () => saveCheckIn(patient, c)));
    expect(all.every((r) => r.ok)).toBe(true);
    expect(all.filter((r) => r.ok && !r.repeated)).toHaveLength(1);
    expect(await saveCheckIn(patient, { ...c, painDuring: 7 })).toEqual({ ok: false, reason: "key-reused" });
    const rows = await asOwner(`SELECT "painDuring" FROM "CheckIn" WHERE "patientId" = $1`, [patientId]);
    expect(rows).toEqual([{ painDuring: 1 }]);
  });

  it("red twice pauses running and puts the patient on the worklist's between-visits list", async () => {
    const { actor, patient, patientId } = await signedPatient();
    await saveCheckIn(patient, run({ painDuring: 6 }));
    expect((await listBetweenVisits(actor)).find((r) => r.patientId === patientId)).toBeUndefined();
    const second = await saveCheckIn(patient, run({ painDuring: 5 }));
    expect(second).toMatchObject({ ok: true, step: { light: "red", action: "pause" }, progress: { paused: true } });
    expect((await listBetweenVisits(actor)).find((r) => r.patientId === patientId)).toMatchObject({ alert: "red-twice", missed: false });
    const progress = await getPatientProgress(actor, patientId);
    expect(progress).toMatchObject({ alert: "red-twice", weeks: [{ week: 1, runsDone: 2, pain: [6, 5] }] });
  });

  it("a limp is a red whatever the pain (§6.1); a resend without the limp answer is still the same check-in", async () => {
    const { patient } = await signedPatient();
    const limp = run({ painDuring: 0, limped: true });
    const r = await saveCheckIn(patient, limp);
    expect(r).toMatchObject({ ok: true, repeated: false, step: { light: "red", action: "step-back" } });
    expect(r.ok && r.step?.facts).toMatchObject({ limped: true, painDuring: 0 });
    const plain = run({ painDuring: 1 });
    expect((await saveCheckIn(patient, plain)).ok).toBe(true);
    // The same check-in sent again as a phone from before the question would send it (no limp key).
    const { limped: _omit, ...old } = { ...plain, limped: undefined };
    expect(await saveCheckIn(patient, old)).toMatchObject({ ok: true, repeated: true });
  });

  it("the next-morning answer turns a green red", async () => {
    const { patient } = await signedPatient();
    const c = run();
    await saveCheckIn(patient, c);
    const r = await answerMorning(patient, { key: c.key, worse: true });
    expect(r).toMatchObject({ ok: true, step: { light: "red", action: "step-back" } });
    expect(await answerMorning(patient, { key: c.key, worse: true })).toMatchObject({ ok: true, repeated: true });
  });

  it("a week without check-ins shows as missed", async () => {
    const { actor, patientId } = await signedPatient();
    await asOwner(`UPDATE "Patient" SET "planStartedAt" = now() - interval '8 days' WHERE id = $1`, [patientId]);
    expect((await listBetweenVisits(actor)).find((r) => r.patientId === patientId)).toMatchObject({ alert: null, missed: true });
  });
});

describe("discharge", () => {
  it("stops the link with its own reason, keeps the check-ins, and takes the patient off the between-visits list", async () => {
    const { actor, patient, patientId, link } = await signedPatient();
    await saveCheckIn(patient, run({ painDuring: 6 }));
    await saveCheckIn(patient, run({ painDuring: 6 }));
    expect(await dischargePatient(actor, patientId, { date: today(), reason: "Goals met" })).toEqual({ ok: true });
    expect(await redeemInvite(link.token!)).toMatchObject({ ok: false, reason: "discharged" });
    expect(await getMyPlan(patient)).toBeNull();
    expect(await saveCheckIn(patient, run())).toEqual({ ok: false, reason: "closed" });
    expect((await listBetweenVisits(actor)).find((r) => r.patientId === patientId)).toBeUndefined();
    const kept = await asOwner(`SELECT count(*)::int AS n FROM "CheckIn" WHERE "patientId" = $1`, [patientId]);
    expect(kept[0]!.n).toBe(2);
    expect(await getPatientProgress(actor, patientId)).toMatchObject({ discharged: { on: today(), reason: "Goals met" } });
    const audit = await asOwner(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'discharge' AND "patientId" = $1`, [patientId]);
    expect(audit[0]!.n).toBe(1);
    expect(await dischargePatient(actor, patientId, { date: today(), reason: "again" })).toEqual({ ok: false, reason: "already" });
  });
});

describe("the follow-up questions by the plan link", () => {
  const DAY = 86_400_000;

  it("open three days before the follow-up the plan set, and lead to the follow-up visit's own intake, already past the date-of-birth check", async () => {
    const { actor, patientId, patient } = await signedPatient();
    const plan = await getMyPlan(patient);
    const inWeeks = plan!.assessment.followUp!.inWeeks;
    expect(plan!.followUp.state).toBe("later");
    if (plan!.followUp.state !== "later") throw new Error();
    expect(plan!.followUp.dueOn).toBe(new Date(Date.now() + inWeeks * 7 * DAY).toISOString().slice(0, 10));
    // Not yet open: nothing is made.
    expect(await openFollowUp(patient)).toEqual({ ok: false, reason: "not-open" });
    const dueSoon = new Date(Date.now() + (inWeeks * 7 - 3) * DAY + 3_600_000);
    expect((await getMyPlan(patient, {}, dueSoon))!.followUp).toMatchObject({ state: "open", requested: false });

    const opened = await openFollowUp(patient, {}, dueSoon);
    if (!opened.ok) throw new Error(opened.reason);
    const s = await getIntakeSession(opened.sessionToken, dueSoon);
    if (!s.ok) throw new Error(s.reason);
    expect(s).toMatchObject({ dobVerified: true, kind: "FOLLOW_UP", purpose: "intake" });
    expect(s.actor.patientId).toBe(patientId);
    const [visit] = await asOwner<{ kind: string; date: Date; createdById: string | null }>(
      `SELECT kind::text, date, "createdById" FROM "Visit" WHERE id = $1`,
      [s.actor.visitId],
    );
    expect(visit).toMatchObject({ kind: "FOLLOW_UP", createdById: null });
    // Dated on the follow-up day the plan set (still ahead).
    expect(visit!.date.toISOString().slice(0, 10)).toBe(plan!.followUp.dueOn);
    // The plan's own session is untouched: My plan still opens with it.
    expect(await getMyPlan(patient, {}, dueSoon)).not.toBeNull();

    expect(await submitIntake(s.actor, intakeAnswers({ pain: { now: 2 } }), `fu-${s.actor.visitId}`)).toMatchObject({ ok: true });
    const after = new Date(Date.now() + inWeeks * 7 * DAY);
    expect((await getMyPlan(patient, {}, after))!.followUp).toEqual({ state: "answered" });
    expect((await getPatientProgress(actor, patientId, {}, after))!.followUp).toEqual({ state: "answered" });
    expect(await openFollowUp(patient, {}, after)).toEqual({ ok: false, reason: "not-open" });
    const audit = await asOwner<{ action: string; recordType: string; actorType: string }>(
      `SELECT action, "recordType", "actorType" FROM "AuditEvent" WHERE "patientId" = $1 AND "recordType" IN ('Visit', 'IntakeInvite') AND "actorType" = 'patient'`,
      [patientId],
    );
    expect(audit.map((a) => a.recordType).sort()).toEqual(["IntakeInvite", "Visit"]);
  });

  it("open at once when the clinician asks (emailed with the plan link), and use the follow-up visit the clinic already started", async () => {
    const { actor, patientId, patient } = await signedPatient(`fu-${randomUUID()}@example.com`);
    const started = await startVisit(actor, { patientId, kind: "FOLLOW_UP", date: today() });
    if (!started.ok) throw new Error();
    expect(await requestFollowUp(actor, patientId)).toEqual({ ok: true, emailed: true });
    expect((await getMyPlan(patient))!.followUp).toMatchObject({ state: "open", requested: true });
    const sent = await asOwner<{ kind: string; inviteId: string }>(
      `SELECT m.kind, i.purpose AS "inviteId" FROM "Message" m JOIN "IntakeInvite" i ON i.id = m."inviteId" WHERE m."patientId" = $1 AND m.kind = 'follow-up'`,
      [patientId],
    );
    expect(sent).toEqual([{ kind: "follow-up", inviteId: "plan" }]);
    const opened = await openFollowUp(patient);
    if (!opened.ok) throw new Error(opened.reason);
    const s = await getIntakeSession(opened.sessionToken);
    if (!s.ok) throw new Error(s.reason);
    expect(s.actor.visitId).toBe(started.visitId);
  });

  it("are refused to another clinic's clinician (audited), to a discharged patient, and to a browser on an intake link", async () => {
    const { actor, patientId, patient } = await signedPatient();
    const other = await signedPatient();
    expect(await requestFollowUp(other.actor, patientId)).toEqual({ ok: false, reason: "not-found" });
    const denied = await asOwner(`SELECT 1 FROM "AuditEvent" WHERE "recordId" = $1 AND outcome = 'denied' AND "actorId" = $2`, [patientId, other.actor.userId]);
    expect(denied.length).toBeGreaterThan(0);
    const p = await createPatient(actor, { firstName: "Ole", lastName: "Berg", dateOfBirth: DOB, sex: "MALE", email: "", phone: "" });
    const v = await startVisit(actor, { patientId: p.id, kind: "INITIAL", date: today() });
    if (!v.ok) throw new Error();
    expect(await openFollowUp(await patientThroughInvite(v.token, DOB))).toEqual({ ok: false, reason: "closed" });
    expect((await requestFollowUp(actor, patientId)).ok).toBe(true);
    expect((await dischargePatient(actor, patientId, { date: today(), reason: "Goals met" })).ok).toBe(true);
    expect(await openFollowUp(patient)).toEqual({ ok: false, reason: "closed" });
    expect(await requestFollowUp(actor, patientId)).toEqual({ ok: false, reason: "discharged" });
  });
});
