import { describe, expect, it } from "vitest";
import { asOwner } from "@/test/db";
import { adminActor, clinicianActor, createClinicianAndClinic, uniqueSuffix } from "@/prisma/factories";
import { DEFAULT_SETTINGS } from "../assessment/settings";
import { changeStaff, createStaff, getSettingsForAdmin, getStaff, listStaff, searchAudit, updateSettings } from "./admin";
import { createPatient, getPatient } from "./patients";
import { checkSession, createUser, signInWithPassword } from "./users";

async function clinicWithAdmin(opts: { timeZone?: string } = {}) {
  const { clinic, user: clinician, password } = await createClinicianAndClinic(opts);
  const admin = await createUser({
    clinicId: clinic.id,
    email: `admin-${uniqueSuffix()}@example.com`,
    name: "Ada Min",
    password: `pw-${uniqueSuffix()}-${uniqueSuffix()}`,
    role: "ADMIN",
  });
  return { clinic, clinician, password, admin: await adminActor(admin, clinic.id) };
}

describe("an admin manages the clinic's accounts", () => {
  it("creates an account with a one-time password that must be changed, once per email", async () => {
    const { admin } = await clinicWithAdmin();
    const email = `ben-${uniqueSuffix()}@example.com`;
    const r = await createStaff(admin, { name: "Ben Ode", email, role: "CLINICIAN" });
    if (!r.ok) throw new Error();
    expect(r.password.length).toBeGreaterThanOrEqual(20);
    expect(await createStaff(admin, { name: "Ben Again", email: email.toUpperCase(), role: "CLINICIAN" })).toEqual({ ok: false, reason: "email-taken" });
    const s = await signInWithPassword(email, r.password);
    if (!s.ok) throw new Error();
    expect(await checkSession(s.sessionId)).toMatchObject({ ok: true, user: { pending: "change-password", role: "CLINICIAN" } });
    const events = await asOwner(`SELECT 1 FROM "AuditEvent" WHERE action = 'create' AND "recordType" = 'User' AND "recordId" = $1 AND "actorId" = $2`, [
      r.userId,
      admin.userId,
    ]);
    expect(events).toHaveLength(1);
  });

  it("disabling, a role change and a password reset end the user's sessions on their next request", async () => {
    const { admin, clinician, password } = await clinicWithAdmin();
    const open = async () => {
      const s = await signInWithPassword(clinician.email, password);
      if (!s.ok) throw new Error("sign-in refused");
      return s.sessionId;
    };
    let sid = await open();
    expect(await changeStaff(admin, clinician.id, { kind: "disable" })).toEqual({ ok: true });
    expect(await checkSession(sid)).toEqual({ ok: false, reason: "disabled" });
    expect((await signInWithPassword(clinician.email, password)).ok).toBe(false);
    expect(await changeStaff(admin, clinician.id, { kind: "enable" })).toEqual({ ok: true });
    sid = await open();
    expect(await changeStaff(admin, clinician.id, { kind: "role", role: "ADMIN" })).toEqual({ ok: true });
    expect(await checkSession(sid)).toEqual({ ok: false, reason: "stale" });
    sid = await open();
    expect(await checkSession(sid)).toMatchObject({ ok: true, user: { role: "ADMIN" } });
    const reset = await changeStaff(admin, clinician.id, { kind: "reset-password" });
    expect(reset.ok && reset.password).toBeTruthy();
    expect(await checkSession(sid)).toEqual({ ok: false, reason: "stale" });
    expect((await signInWithPassword(clinician.email, password)).ok).toBe(false);
    const changes = await asOwner<{ change: string }>(
      `SELECT details->>'change' AS change FROM "AuditEvent" WHERE action = 'update' AND "recordId" = $1 ORDER BY seq`,
      [clinician.id],
    );
    expect(changes.map((c) => c.change)).toEqual(["disable", "enable", "role", "reset-password"]);
  });

  it("cannot lock the clinic out: not itself, not the last admin", async () => {
    const { admin } = await clinicWithAdmin();
    expect(await changeStaff(admin, admin.userId, { kind: "disable" })).toEqual({ ok: false, reason: "self" });
    expect(await changeStaff(admin, admin.userId, { kind: "role", role: "CLINICIAN" })).toEqual({ ok: false, reason: "self" });
  });

  it("sees and changes nothing of another clinic", async () => {
    const a = await clinicWithAdmin();
    const b = await clinicWithAdmin();
    expect(await getStaff(a.admin, b.clinician.id)).toBeNull();
    expect((await listStaff(a.admin)).map((u) => u.id)).not.toContain(b.clinician.id);
    expect(await changeStaff(a.admin, b.clinician.id, { kind: "disable" })).toEqual({ ok: false, reason: "not-found" });
    const [row] = await asOwner<{ disabled: boolean }>(`SELECT disabled FROM "User" WHERE id = $1`, [b.clinician.id]);
    expect(row!.disabled).toBe(false);
    const denied = await asOwner(`SELECT 1 FROM "AuditEvent" WHERE action = 'access-denied' AND "actorId" = $1 AND "recordId" = $2`, [
      a.admin.userId,
      b.clinician.id,
    ]);
    expect(denied).toHaveLength(1);
  });

  it("changes the clinic's settings, validated, and audits which ones changed", async () => {
    const { admin, clinic } = await clinicWithAdmin();
    await updateSettings(admin, { ...DEFAULT_SETTINGS, idleTimeoutMinutes: 10, requireClinicianTotp: true });
    const [c] = await asOwner<{ settings: { idleTimeoutMinutes: number } }>(`SELECT settings FROM "Clinic" WHERE id = $1`, [clinic.id]);
    expect(c!.settings.idleTimeoutMinutes).toBe(10);
    const [e] = await asOwner<{ details: { changed: Record<string, unknown> } }>(
      `SELECT details FROM "AuditEvent" WHERE "recordType" = 'ClinicSettings' AND "recordId" = $1`,
      [clinic.id],
    );
    expect(e!.details.changed).toEqual({ idleTimeoutMinutes: 10, requireClinicianTotp: true });
    await expect(updateSettings(admin, { ...DEFAULT_SETTINGS, idleTimeoutMinutes: 240 })).rejects.toThrow();
  });

  it("changes the clinic's time zone, audited, and refuses a name that is not a zone", async () => {
    const { admin, clinic } = await clinicWithAdmin();
    expect((await getSettingsForAdmin(admin)).settings.timeZone).toBe("UTC");
    await updateSettings(admin, { ...DEFAULT_SETTINGS, timeZone: "America/Toronto" });
    expect((await getSettingsForAdmin(admin)).settings.timeZone).toBe("America/Toronto");
    const events = await asOwner<{ details: { changed: Record<string, unknown> } }>(
      `SELECT details FROM "AuditEvent" WHERE "recordType" = 'ClinicSettings' AND "recordId" = $1`,
      [clinic.id],
    );
    expect(events.map((e) => e.details.changed)).toEqual([{ timeZone: "America/Toronto" }]);
    await expect(updateSettings(admin, { ...DEFAULT_SETTINGS, timeZone: "Mars/Olympus_Mons" })).rejects.toThrow();
    expect((await getSettingsForAdmin(admin)).settings.timeZone).toBe("America/Toronto");
  });
});

describe("the audit trail viewer", () => {
  it("filters by patient, user, action and time, sorts both ways, stays in the clinic, and records its own use", async () => {
    const { admin, clinician, clinic } = await clinicWithAdmin();
    const actor = await clinicianActor(clinician, clinic.id);
    const name = `Quill${uniqueSuffix()}`;
    const p = await createPatient(actor, { firstName: name, lastName: "Audit", dateOfBirth: "1970-01-02", sex: "OTHER", email: "", phone: "" });
    await getPatient(actor, p.id);
    const other = await clinicWithAdmin();
    await getPatient(await clinicianActor(other.clinician, other.clinic.id), p.id);

    const byPatient = await searchAudit(admin, { patient: name, order: "oldest", page: 0 });
    expect(byPatient.rows.map((r) => r.action)).toEqual(["create", "view"]);
    expect(byPatient.rows[0]!.patient).toEqual({ lastName: "Audit", firstName: name, dateOfBirth: "1970-01-02" });
    expect(byPatient.rows[0]!.actor).toEqual({ kind: "user", name: "Alex Morgan" });
    expect(byPatient.rows[0]!.record).toEqual({ type: "Patient", id: p.id.slice(0, 8) });
    const newest = await searchAudit(admin, { patient: name, order: "newest", page: 0 });
    expect(newest.rows.map((r) => r.action)).toEqual(["view", "create"]);
    const views = await searchAudit(admin, { userId: clinician.id, action: "view", order: "newest", page: 0 });
    expect(views.rows.every((r) => r.action === "view")).toBe(true);
    const future = await searchAudit(admin, { from: "2999-01-01", order: "newest", page: 0 });
    expect(future.rows).toEqual([]);
    // Another clinic's admin sees nothing of it, not even the denied attempt made from their own clinic on it.
    const theirs = await searchAudit(other.admin, { patient: name, order: "newest", page: 0 });
    expect(theirs.patientMatches).toBe(0);
    expect(theirs.rows).toEqual([]);
    const own = await asOwner(`SELECT 1 FROM "AuditEvent" WHERE "recordType" = 'AuditTrail' AND "actorId" = $1`, [admin.userId]);
    expect(own).toHaveLength(4);
  });

  it("reads From and To as the clinic's calendar days in its time zone", async () => {
    const { admin, clinic } = await clinicWithAdmin({ timeZone: "Pacific/Auckland" });
    // 10:30 UTC on 10 Mar is 23:30 on 10 Mar in Auckland (NZDT); 11:30 UTC is 00:30 on 11 Mar.
    for (const at of ["2026-03-10T10:30:00Z", "2026-03-10T11:30:00Z", "2026-03-11T10:59:00Z", "2026-03-11T11:00:00Z"]) {
      await asOwner(`INSERT INTO "AuditEvent" ("at", "actorType", "clinicId", "action", "recordType") VALUES ($1, 'system', $2, 'view', 'ZoneProbe')`, [
        at,
        clinic.id,
      ]);
    }
    const day = await searchAudit(admin, { from: "2026-03-11", to: "2026-03-11", order: "oldest", page: 0 });
    expect(day.rows.map((r) => r.at)).toEqual(["2026-03-10T11:30:00.000Z", "2026-03-11T10:59:00.000Z"]);
    const before = await searchAudit(admin, { to: "2026-03-10", order: "oldest", page: 0 });
    expect(before.rows.map((r) => r.at)).toEqual(["2026-03-10T10:30:00.000Z"]);
  });
});
