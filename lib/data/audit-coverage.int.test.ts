import { describe, expect, it } from "vitest";
import { asOwner } from "@/test/db";
import { clinicianActor, createClinicianAndClinic, examData, intakeAnswers, patientThroughInvite } from "@/prisma/factories";
import { amendExam, finalizeExam, saveExam } from "./exams";
import { submitIntake } from "./intake-answers";
import { createPatient, getPatient } from "./patients";
import { amendSummary, finalizeSummary, getPrintableSummary, getSummary, saveSummaryEdits } from "./summaries";
import { revokeSession, signInWithPassword } from "./users";
import { getVisitAndAudit } from "./visit-view";
import { startVisit } from "./visits";

// HIPAA §164.312(b) / ASTM E2147: each kind of event writes exactly one row with actor, action, record and
// time. Each test counts the rows its own steps made.

async function events(where: string, params: unknown[]) {
  return asOwner<{ action: string; outcome: string; actorType: string; recordType: string | null; patientId: string | null; at: Date }>(
    `SELECT action, outcome, "actorType", "recordType", "patientId", at FROM "AuditEvent" WHERE ${where} ORDER BY seq`,
    params,
  );
}

describe("every kind of event is in the audit trail, once", () => {
  it("sign-in, failed sign-in and sign-out", async () => {
    const { user, password } = await createClinicianAndClinic();
    await signInWithPassword(user.email, "not-the-password");
    const r = await signInWithPassword(user.email, password, { ip: "203.0.113.7", userAgent: "test-agent" });
    if (!r.ok) throw new Error();
    await revokeSession(r.sessionId);
    const rows = await events(`"recordId" = $1`, [user.id]);
    expect(rows.map((e) => [e.action, e.outcome])).toEqual([
      ["sign-in-failed", "failed"],
      ["sign-in", "ok"],
      ["sign-out", "ok"],
    ]);
    const [signIn] = await asOwner<{ ip: string; userAgent: string; actorId: string }>(
      `SELECT ip, "userAgent", "actorId" FROM "AuditEvent" WHERE action = 'sign-in' AND "recordId" = $1`,
      [user.id],
    );
    expect(signIn).toEqual({ ip: "203.0.113.7", userAgent: "test-agent", actorId: user.id });
  });

  it("create, view, update, submit, finalize, print, PDF download and denied access on a patient's records", async () => {
    const { clinic, user } = await createClinicianAndClinic();
    const actor = await clinicianActor(user, clinic.id);
    const p = await createPatient(actor, { firstName: "Eve", lastName: "Trail", dateOfBirth: "1991-02-03", sex: "FEMALE", email: "", phone: "" });
    const v = await startVisit(actor, { patientId: p.id, kind: "INITIAL", date: "2026-11-25" });
    if (!v.ok) throw new Error();
    await getPatient(actor, p.id);
    await submitIntake(await patientThroughInvite(v.token, "1991-02-03"), intakeAnswers(), `audit-${v.visitId}`);
    await getVisitAndAudit(actor, v.visitId);
    await saveExam(actor, v.visitId, examData(150, 200), null);
    await saveExam(actor, v.visitId, examData(151, 200), 1);
    await getSummary(actor, v.visitId);
    await finalizeSummary(actor, v.visitId);
    await getPrintableSummary(actor, v.visitId, {}, "print");
    await getPrintableSummary(actor, v.visitId, {}, "pdf-download");
    const rows = await events(`"patientId" = $1`, [p.id]);
    expect(rows.map((e) => `${e.action}:${e.recordType}`)).toEqual([
      "create:Patient",
      "create:Visit",
      "create:IntakeInvite",
      "view:Patient",
      "invite-redeemed:IntakeInvite",
      "dob-verified:IntakeSession",
      "submit:IntakeResponse",
      "view:Visit",
      "create:Exam",
      "update:Exam",
      "view:Summary",
      // Signing makes the patient's "My plan" link.
      "create:IntakeInvite",
      "finalize:Summary",
      "print:Summary",
      "pdf-download:Summary",
    ]);
    expect(rows.every((e) => e.at instanceof Date)).toBe(true);

    // Another clinic's clinician: every attempt is refused and recorded as such.
    const other = await createClinicianAndClinic();
    const stranger = await clinicianActor(other.user, other.clinic.id);
    expect(await getPatient(stranger, p.id)).toBeNull();
    expect(await getVisitAndAudit(stranger, v.visitId)).toBeNull();
    expect(await saveExam(stranger, v.visitId, examData(1, 1), 2)).toEqual({ ok: false, reason: "not-found" });
    expect(await finalizeSummary(stranger, v.visitId)).toEqual({ ok: false, reason: "not-found" });
    expect(await getPrintableSummary(stranger, v.visitId)).toBeNull();
    // The mutations that used to refuse without a trace.
    expect(await finalizeExam(stranger, v.visitId, 2)).toEqual({ ok: false, reason: "not-found" });
    expect(await amendExam(stranger, v.visitId)).toEqual({ ok: false, reason: "not-found" });
    expect(await saveSummaryEdits(stranger, v.visitId, {}, null)).toEqual({ ok: false, reason: "not-found" });
    expect(await amendSummary(stranger, v.visitId)).toEqual({ ok: false, reason: "not-found" });
    const denied = await events(`"actorId" = $1 AND action = 'access-denied'`, [other.user.id]);
    expect(denied.map((e) => e.recordType)).toEqual(["Patient", "Visit", "Exam", "Summary", "SummaryPrint", "Exam", "Exam", "Summary", "Summary"]);
    expect(denied.every((e) => e.outcome === "denied" && e.patientId === null)).toBe(true);
  });
});
