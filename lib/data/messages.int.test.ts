import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asApp, asOwner } from "@/test/db";
import { clinicianActor, createClinicianAndClinic, fullExam, intakeAnswers, patientThroughInvite, uniqueSuffix } from "@/prisma/factories";
import { MailCatcher } from "@/scripts/lib/mail-catcher";
import { db } from "../db";
import { optOutToken } from "../messages/seal";
import { smtpTransport } from "../messages/transport";
import { createMessageWorker, type MessageWorker } from "../messages/worker";
import { finalizeExam, getExam, saveExam } from "./exams";
import { getIntakeSession, redeemInvite, verifyDateOfBirth } from "./intake-link";
import { saveIntakeDraft, submitIntake } from "./intake-answers";
import { deliveryMarks, listVisitMessages, optOutOfEmail, queueMessage, resendMessage } from "./messages";
import { finalizeSummary, getPatientSummary } from "./summaries";
import { createPatient } from "./patients";
import { startVisit } from "./visits";

// Every message here goes through graphile-worker (as the app's database role) to a real SMTP server on
// loopback and is read back parsed. Other test files share the database and may queue mail too, so each
// test looks only at its own recipients.
let catcher: MailCatcher;
let worker: MessageWorker | null;

beforeAll(async () => {
  catcher = await new MailCatcher().start();
  worker = await createMessageWorker({ transport: () => smtpTransport(catcher.url), concurrency: 2 });
});
afterAll(async () => {
  await worker?.stop();
  await catcher.stop();
});

const mailTo = (addr: string) => catcher.mail.filter((m) => m.to.includes(addr));
const inFuture = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

async function setup(firstName = "Maya", email: string | null = `maya-${uniqueSuffix()}@example.org`) {
  const { clinic, user } = await createClinicianAndClinic({ clinicName: `Riverside Physio ${uniqueSuffix()}` });
  const actor = await clinicianActor(user, clinic.id);
  const patient = await createPatient(actor, { firstName, lastName: "Runner", dateOfBirth: "1991-04-12", sex: "FEMALE", email: email ?? "", phone: "" });
  return { actor, clinic, patient, email: email ?? "" };
}

describe("invite email", () => {
  it("a visit started for a patient with an email queues the invite in the same transaction, and the link in it opens the intake", async () => {
    const { actor, patient, email, clinic } = await setup();
    const v = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: inFuture(5) });
    if (!v.ok) throw new Error("no visit");
    const [row] = await asOwner<{ id: string; status: string }>(`SELECT id, status::text AS status FROM "Message" WHERE "visitId" = $1 AND kind = 'invite'`, [
      v.visitId,
    ]);
    expect(row).toBeDefined();
    const jobs = await asOwner(`SELECT 1 FROM graphile_worker.jobs WHERE key = $1 OR (task_identifier = 'intake_reminder' AND key LIKE $2)`, [
      row!.id,
      `reminder:${v.visitId}:%`,
    ]);
    expect(jobs.length).toBeGreaterThanOrEqual(1);
    const [mail] = await catcher.waitFor(() => mailTo(email).length >= 1).then(() => mailTo(email));
    expect(mail!.messageId).toBe(`<${row!.id}@stride.invalid>`);
    expect(mail!.subject).toContain(clinic.name);
    expect(mail!.text).toContain("+1 555 0100");
    expect(mail!.text).toContain("Hello Maya,");
    const link = /\/i\/([A-Za-z0-9_-]{20,})/.exec(mail!.text)?.[1];
    expect(link).toBe(v.token);
    expect((await redeemInvite(link!)).ok).toBe(true);
    expect(mail!.text).toMatch(new RegExp(`/o/${optOutToken(patient.id).replace(/[.]/g, "\\.")}`));
    expect(mail!.html).toContain(`href="http://localhost:3000/i/${v.token}"`);
    const delivered = await listVisitMessages(actor, v.visitId);
    await expect.poll(async () => (await listVisitMessages(actor, v.visitId))[0]?.status).toBe("SENT");
    expect(delivered[0]!.kind).toBe("invite");
    const audit = await asOwner(`SELECT 1 FROM "AuditEvent" WHERE "recordId" = $1 AND action = 'message-sent'`, [row!.id]);
    expect(audit).toHaveLength(1);
  });

  it("a Spanish-speaking patient's invite arrives in Spanish, with the date as Spanish writes it", async () => {
    const { clinic, user } = await createClinicianAndClinic({ clinicName: `Riverside Physio ${uniqueSuffix()}` });
    const actor = await clinicianActor(user, clinic.id);
    const email = `carmen-${uniqueSuffix()}@example.org`;
    const patient = await createPatient(actor, {
      firstName: "Carmen",
      lastName: "Ruiz",
      dateOfBirth: "1988-02-03",
      sex: "FEMALE",
      email,
      phone: "",
      locale: "es",
    });
    const v = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: "2031-12-09" });
    if (!v.ok) throw new Error("no visit");
    const [mail] = await catcher.waitFor(() => mailTo(email).length >= 1).then(() => mailTo(email));
    expect(mail!.subject).toBe(`${clinic.name}: unas preguntas antes de su visita`);
    expect(mail!.text).toContain("Hola, Carmen:");
    expect(mail!.text).toContain("Antes de su visita del martes, 9 de diciembre,");
    expect(mail!.text).toContain("llámenos al +1 555 0100");
    expect(mail!.text).toContain(`/i/${v.token}`);
    expect(mail!.text).not.toMatch(/\b(Hello|please|your|the link)\b/i);
  });

  it("no message and no job exist when the transaction that caused them rolls back", async () => {
    const { clinic } = await setup();
    const recipient = `rollback-${uniqueSuffix()}@example.org`;
    await expect(
      db().$transaction(async (tx) => {
        await queueMessage(tx, { clinicId: clinic.id, kind: "intake-received", recipient });
        throw new Error("the cause failed");
      }),
    ).rejects.toThrow("the cause failed");
    expect(await asOwner(`SELECT 1 FROM "Message" WHERE recipient = $1`, [recipient])).toHaveLength(0);
    expect(await asOwner(`SELECT 1 FROM graphile_worker._private_jobs WHERE payload::text LIKE '%' || $1 || '%'`, [recipient])).toHaveLength(0);
  });

  it("a patient without an email gets no message; the link is still shown to copy", async () => {
    const { actor, patient } = await setup("Noah", null);
    const v = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: inFuture(3) });
    if (!v.ok) throw new Error("no visit");
    expect(v.token).toBeTruthy();
    expect(await asOwner(`SELECT 1 FROM "Message" WHERE "visitId" = $1`, [v.visitId])).toHaveLength(0);
  });

  it("CR and LF in a name cannot add a header or a line to the subject", async () => {
    const { actor, patient, email } = await setup("Eve\r\nBcc: thief@evil.example");
    await asOwner(`UPDATE "Clinic" SET name = $2 WHERE id = $1`, [actor.clinicId, "Evil\r\nBcc: thief@evil.example\r\nX-Injected: 1"]);
    const v = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: inFuture(4) });
    if (!v.ok) throw new Error("no visit");
    const [mail] = await catcher.waitFor(() => mailTo(email).length >= 1).then(() => mailTo(email));
    expect(mail!.headerLines.some((l) => /^bcc:/i.test(l) || /^x-injected:/i.test(l))).toBe(false);
    expect(mail!.subject).not.toMatch(/[\r\n]/);
    expect(catcher.mail.some((m) => m.to.includes("thief@evil.example"))).toBe(false);
  });
});

describe("after submit, delivery failures and opting out", () => {
  it("the patient's submit queues 'we have your answers' with no health information", async () => {
    const { actor, patient, email } = await setup();
    const v = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: inFuture(6) });
    if (!v.ok) throw new Error("no visit");
    const p = await patientThroughInvite(v.token, "1991-04-12");
    expect((await submitIntake(p, intakeAnswers(), `key-${uniqueSuffix()}`)).ok).toBe(true);
    const mails = await catcher.waitFor(() => mailTo(email).some((m) => /we have your answers/.test(m.subject))).then(() => mailTo(email));
    const received = mails.find((m) => /we have your answers/.test(m.subject))!;
    expect(received.text).not.toMatch(/pain|knee|weak|diagnos|patellofemoral/i);
  });

  it("a refused address fails once, shows the reason, tells the clinic, and 'send again' is a new message", async () => {
    // This test's worker alone, so the message meets the refusing server.
    await worker?.stop();
    const refusing = await new MailCatcher({ rejectWith: 550 }).start();
    const w = await createMessageWorker({ transport: () => smtpTransport(refusing.url), concurrency: 1 });
    try {
      const { actor, clinic } = await setup();
      const [m] = await asOwner<{ id: string }>(
        `INSERT INTO "Message" (id, "clinicId", kind, recipient, "updatedAt") VALUES (gen_random_uuid(), $1, 'intake-received', 'nobody@example.org', now()) RETURNING id`,
        [clinic.id],
      );
      await asOwner(`SELECT graphile_worker.add_job('send_message', json_build_object('messageId', $1::text), job_key := $1::text)`, [m!.id]);
      await expect
        .poll(async () => (await asOwner<{ status: string }>(`SELECT status::text AS status FROM "Message" WHERE id = $1`, [m!.id]))[0]?.status, {
          timeout: 15_000,
        })
        .toBe("FAILED");
      const [failed] = await asOwner<{ lastError: string; attempts: number }>(`SELECT "lastError", attempts FROM "Message" WHERE id = $1`, [m!.id]);
      expect(failed).toMatchObject({ lastError: "The mail server answered 550", attempts: 1 });
      // The notice to the clinic goes out too (through the refusing server here, so it fails in turn, but
      // a notice about a notice is never made).
      await expect
        .poll(async () => (await asOwner(`SELECT 1 FROM "Message" WHERE "clinicId" = $1 AND kind = 'clinic-undeliverable'`, [clinic.id])).length, {
          timeout: 15_000,
        })
        .toBe(1);
      void actor;
    } finally {
      await w?.stop();
      await refusing.stop();
      worker = await createMessageWorker({ transport: () => smtpTransport(catcher.url), concurrency: 2 });
    }
  });

  it("the opt-out link stops further email; a forged one does nothing", async () => {
    const { actor, patient, email } = await setup();
    expect((await optOutOfEmail(`${patient.id}.forged-signature-forged-signature`)).ok).toBe(false);
    expect((await optOutOfEmail(optOutToken(patient.id))).ok).toBe(true);
    const v = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: inFuture(5) });
    if (!v.ok) throw new Error("no visit");
    expect(await asOwner(`SELECT 1 FROM "Message" WHERE "visitId" = $1`, [v.visitId])).toHaveLength(0);
    expect(mailTo(email)).toHaveLength(0);
  });
});

describe("exactly once and authorization", () => {
  it("a message whose job runs twice is sent once", async () => {
    const { clinic } = await setup();
    const recipient = `twice-${uniqueSuffix()}@example.org`;
    const [m] = await asOwner<{ id: string }>(
      `INSERT INTO "Message" (id, "clinicId", kind, recipient, "updatedAt") VALUES (gen_random_uuid(), $1, 'intake-received', $2, now()) RETURNING id`,
      [clinic.id, recipient],
    );
    await asOwner(`SELECT graphile_worker.add_job('send_message', json_build_object('messageId', $1::text), job_key := $1::text)`, [m!.id]);
    await catcher.waitFor(() => mailTo(recipient).length >= 1);
    await expect
      .poll(async () => (await asOwner<{ status: string }>(`SELECT status::text AS status FROM "Message" WHERE id = $1`, [m!.id]))[0]?.status)
      .toBe("SENT");
    // A second job for the same message (a retry after a crash would look like this) sends nothing.
    await asOwner(`SELECT graphile_worker.add_job('send_message', json_build_object('messageId', $1::text))`, [m!.id]);
    await expect.poll(async () => (await asOwner(`SELECT 1 FROM graphile_worker._private_jobs WHERE payload->>'messageId' = $1`, [m!.id])).length).toBe(0);
    expect(mailTo(recipient)).toHaveLength(1);
  });

  it("another clinic's clinician sees no messages of a visit and cannot send again (audited as denied)", async () => {
    const { actor, patient } = await setup();
    const v = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: inFuture(5) });
    if (!v.ok) throw new Error("no visit");
    const other = await setup();
    expect(await listVisitMessages(other.actor, v.visitId)).toEqual([]);
    const [m] = await asOwner<{ id: string }>(`SELECT id FROM "Message" WHERE "visitId" = $1`, [v.visitId]);
    expect(await resendMessage(other.actor, m!.id)).toEqual({ ok: false, reason: "not-found" });
    const denied = await asOwner(`SELECT 1 FROM "AuditEvent" WHERE "actorId" = $1 AND action = 'access-denied' AND "recordId" = $2`, [
      other.actor.userId,
      m!.id,
    ]);
    expect(denied).toHaveLength(1);
    // The invite is sent again by making a new link, not by resending the old one.
    expect(await resendMessage(actor, m!.id)).toEqual({ ok: false, reason: "use-new-link" });
  });

  it("the app's role may queue jobs but not rewrite the queue's schema", async () => {
    await expect(asApp(`DROP TABLE graphile_worker._private_jobs`)).rejects.toThrow();
  });
});

describe("reminders, locked links and the summary link", () => {
  it("two reminders at most, only while the intake is not sent; none after submit", async () => {
    const { actor, patient, email } = await setup();
    const v = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: inFuture(5) });
    if (!v.ok) throw new Error("no visit");
    const keys = await asOwner<{ key: string; run_at: Date }>(`SELECT key, run_at FROM graphile_worker.jobs WHERE key LIKE $1 ORDER BY key`, [
      `reminder:${v.visitId}:%`,
    ]);
    expect(keys.map((k) => k.key)).toEqual([`reminder:${v.visitId}:1`, `reminder:${v.visitId}:2`]);
    // Bring them (and a third, as a doubled job would be) forward to now.
    await asOwner(`SELECT graphile_worker.add_job('intake_reminder', json_build_object('visitId', $1::text, 'n', 2), job_key := $2)`, [
      v.visitId,
      `reminder:${v.visitId}:extra`,
    ]);
    await asOwner(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key LIKE $1`, [`reminder:${v.visitId}:%`]);
    await expect.poll(async () => mailTo(email).filter((m) => /reminder/.test(m.subject)).length, { timeout: 15_000 }).toBe(2);
    const reminder = mailTo(email).find((m) => /reminder/.test(m.subject))!;
    expect(reminder.text).toContain(`/i/${v.token}`);

    const other = await setup();
    const w = await startVisit(other.actor, { patientId: other.patient.id, kind: "INITIAL", date: inFuture(5) });
    if (!w.ok) throw new Error("no visit");
    expect((await submitIntake(await patientThroughInvite(w.token, "1991-04-12"), intakeAnswers(), `key-${uniqueSuffix()}`)).ok).toBe(true);
    await asOwner(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key LIKE $1`, [`reminder:${w.visitId}:%`]);
    await expect
      .poll(async () => (await asOwner(`SELECT 1 FROM graphile_worker.jobs WHERE key LIKE $1`, [`reminder:${w.visitId}:%`])).length, { timeout: 15_000 })
      .toBe(0);
    expect(await asOwner(`SELECT 1 FROM "Message" WHERE "visitId" = $1 AND kind = 'reminder'`, [w.visitId])).toHaveLength(0);
  });

  it("a link locked by wrong dates of birth tells the clinic once and marks the visit", async () => {
    const { actor, patient } = await setup();
    const v = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: inFuture(5) });
    if (!v.ok) throw new Error("no visit");
    // Two browsers (five wrong tries each) lock the link (ten across all browsers).
    for (let b = 0; b < 2; b++) {
      const r = await redeemInvite(v.token);
      if (!r.ok) throw new Error("not redeemed");
      const s = await getIntakeSession(r.sessionToken);
      if (!s.ok) throw new Error("no session");
      for (let i = 0; i < 5; i++) await verifyDateOfBirth(s.actor, "2000-01-01");
    }
    const notices = await asOwner<{ recipient: string }>(`SELECT recipient FROM "Message" WHERE "visitId" = $1 AND kind = 'clinic-link-locked'`, [v.visitId]);
    expect(notices).toEqual([{ recipient: "front-desk@example.com" }]);
    expect((await deliveryMarks(actor.clinicId, [v.visitId])).get(v.visitId)).toBe("locked");
  });

  it("after signing, the summary email's link opens the summary behind the date-of-birth check and never the intake", async () => {
    const { actor, patient, email } = await setup();
    const v = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: inFuture(1) });
    if (!v.ok) throw new Error("no visit");
    await submitIntake(await patientThroughInvite(v.token, "1991-04-12"), intakeAnswers(), `key-${uniqueSuffix()}`);
    await saveExam(actor, v.visitId, fullExam(), null);
    expect((await finalizeExam(actor, v.visitId, (await getExam(actor, v.visitId))!.version)).ok).toBe(true);
    expect((await finalizeSummary(actor, v.visitId)).ok).toBe(true);
    const mail = await catcher
      .waitFor(() => mailTo(email).some((m) => /your visit summary/.test(m.subject)))
      .then(() => mailTo(email).find((m) => /your visit summary/.test(m.subject))!);
    const token = /\/i\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
    const r = await redeemInvite(token);
    if (!r.ok) throw new Error(`summary link refused: ${r.reason}`);
    const s = await getIntakeSession(r.sessionToken);
    if (!s.ok) throw new Error("no session");
    expect(s.purpose).toBe("summary");
    expect(await getPatientSummary(s.actor)).toBeNull(); // before the date-of-birth check
    expect((await verifyDateOfBirth(s.actor, "1991-04-12")).ok).toBe(true);
    const summary = await getPatientSummary(s.actor);
    expect(summary?.assessment.status).toBeDefined();
    expect(summary?.patient.firstName).toBe("Maya");
    expect((await saveIntakeDraft(s.actor, { pain: { now: 3 } }, null, "pain")).ok).toBe(false);
  });

  it("on the day the follow-up questions open, the patient is emailed the plan link once; not when the clinician asked already", async () => {
    const signed = async () => {
      const { actor, patient, email } = await setup();
      const v = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: inFuture(1) });
      if (!v.ok) throw new Error("no visit");
      await submitIntake(await patientThroughInvite(v.token, "1991-04-12"), intakeAnswers(), `key-${uniqueSuffix()}`);
      await saveExam(actor, v.visitId, fullExam(), null);
      expect((await finalizeSummary(actor, v.visitId)).ok).toBe(true);
      return { actor, patient, email };
    };
    const dueJob = (patientId: string) => asOwner<{ run_at: Date }>(`SELECT run_at FROM graphile_worker.jobs WHERE key = $1`, [`follow-up:${patientId}`]);
    const a = await signed();
    const [job] = await dueJob(a.patient.id);
    // Scheduled for 9:00 (the clinic's time) three days before the follow-up the plan set, weeks away.
    expect(job!.run_at.getTime()).toBeGreaterThan(Date.now() + 7 * 86400_000);
    await asOwner(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = $1`, [`follow-up:${a.patient.id}`]);
    const mail = await catcher
      .waitFor(() => mailTo(a.email).some((m) => /before your follow-up/.test(m.subject)))
      .then(() => mailTo(a.email).find((m) => /before your follow-up/.test(m.subject))!);
    expect(mail.text).toContain("Answer the follow-up questions");
    const token = /\/i\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
    expect(await redeemInvite(token)).toMatchObject({ ok: true, purpose: "plan" });

    // Asked for by the clinician first: the due-day job sends nothing more.
    const b = await signed();
    const { requestFollowUp } = await import("./plan");
    expect(await requestFollowUp(b.actor, b.patient.id)).toEqual({ ok: true, emailed: true });
    await asOwner(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = $1`, [`follow-up:${b.patient.id}`]);
    await expect.poll(async () => (await dueJob(b.patient.id)).length, { timeout: 15_000 }).toBe(0);
    const sent = await asOwner(`SELECT 1 FROM "Message" WHERE "patientId" = $1 AND kind = 'follow-up'`, [b.patient.id]);
    expect(sent).toHaveLength(1);
  });
});
