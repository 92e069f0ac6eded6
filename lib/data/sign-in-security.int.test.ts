import { describe, expect, it } from "vitest";
import { asOwner } from "@/test/db";
import { createClinicianAndClinic, uniqueSuffix } from "@/prisma/factories";
import { newTotpSecret, totpCode } from "../auth/totp";
import { beginTotpEnrolment, changeOwnPassword, checkSession, confirmTotpEnrolment, createUser, signInWithPassword } from "./users";
import { isLimited, reserveAttempt, SIGN_IN_FAILURES } from "./rate-limits";
import type { StaffActor } from "./actors";
import { mintActor } from "./actor-mint";

const ip = () => `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("failed sign-ins are limited in PostgreSQL: 10 per 15 minutes per account and per address", () => {
  it("refuses the 11th attempt on an account, even with the right password, and counts nothing for a success", async () => {
    const { user, password } = await createClinicianAndClinic();
    // Successes do not count.
    for (let i = 0; i < 12; i++) expect((await signInWithPassword(user.email, password, { ip: ip() })).ok).toBe(true);
    for (let i = 0; i < 10; i++) expect(await signInWithPassword(user.email, "wrong-password-here", { ip: ip() })).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword(user.email, password, { ip: ip() })).toMatchObject({ ok: false, reason: "rate-limited" });
    // The same account typed differently is the same bucket.
    expect(await signInWithPassword(`  ${user.email.toUpperCase()}`, password, { ip: ip() })).toMatchObject({ ok: false, reason: "rate-limited" });
    // Fifteen minutes later it works again.
    await asOwner(`UPDATE "RateLimitHit" SET at = at - interval '16 minutes' WHERE bucket = $1`, [`signin:account:${user.email}`]);
    expect((await signInWithPassword(user.email, password, { ip: ip() })).ok).toBe(true);
  });

  it("refuses an address after 10 failures across accounts, while other addresses still sign in", async () => {
    const attacker = ip();
    const { user, password } = await createClinicianAndClinic();
    for (let i = 0; i < 10; i++) await signInWithPassword(`guess-${i}-${uniqueSuffix()}@example.com`, "whatever-password", { ip: attacker });
    expect(await signInWithPassword(user.email, password, { ip: attacker })).toMatchObject({ ok: false, reason: "rate-limited" });
    expect((await signInWithPassword(user.email, password, { ip: ip() })).ok).toBe(true);
  });

  it("lets no more than the limit through when twenty attempts race", async () => {
    const b = `race:${uniqueSuffix()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => reserveAttempt([b], SIGN_IN_FAILURES)));
    expect(results.filter(Boolean)).toHaveLength(10);
    expect(await isLimited([b], SIGN_IN_FAILURES)).toBe(true);
  });
});

describe("two-factor sign-in (TOTP)", () => {
  async function withTotp() {
    const { clinic, user, password } = await createClinicianAndClinic();
    const secret = newTotpSecret();
    await asOwner(`UPDATE "User" SET "totpSecret" = $2, "totpEnabledAt" = now() WHERE id = $1`, [user.id, secret]);
    return { clinic, user, password, secret };
  }

  it("asks for the code after the right password, accepts the right one once, and refuses a replay", async () => {
    const { user, password, secret } = await withTotp();
    const at = { ip: ip() };
    expect(await signInWithPassword(user.email, password, at)).toEqual({ ok: false, reason: "totp-required" });
    // A wrong password with a right code answers as a wrong code does (no password oracle).
    expect(await signInWithPassword(user.email, "wrong-password-xx", at, totpCode(secret))).toEqual({ ok: false, reason: "totp-invalid" });
    expect(await signInWithPassword(user.email, password, at, "000000")).toMatchObject({ ok: false });
    const code = totpCode(secret);
    expect((await signInWithPassword(user.email, password, at, code)).ok).toBe(true);
    expect(await signInWithPassword(user.email, password, at, code)).toEqual({ ok: false, reason: "totp-invalid" });
    const reasons = await asOwner<{ reason: string }>(
      `SELECT details->>'reason' AS reason FROM "AuditEvent" WHERE action = 'sign-in-failed' AND "recordId" = $1 ORDER BY seq`,
      [user.id],
    );
    expect(reasons.map((r) => r.reason)).toEqual(["wrong-password", "wrong-totp", "wrong-totp"]);
  });

  it("is required for admins: an admin without it must set it up before anything else", async () => {
    const { clinic } = await createClinicianAndClinic();
    const password = `admin-${uniqueSuffix()}-${uniqueSuffix()}`;
    const admin = await createUser({ clinicId: clinic.id, email: `admin-${uniqueSuffix()}@example.com`, name: "Ada Min", password, role: "ADMIN" });
    const r = await signInWithPassword(admin.email, password, { ip: ip() });
    if (!r.ok) throw new Error("sign-in failed");
    const s = await checkSession(r.sessionId);
    expect(s).toMatchObject({ ok: true, user: { role: "ADMIN", pending: "enroll-totp" } });
    const actor: StaffActor = mintActor({ kind: "admin", role: "ADMIN", userId: admin.id, clinicId: clinic.id, name: "Ada Min", sessionId: r.sessionId });
    const enrol = await beginTotpEnrolment(actor);
    expect(enrol?.uri).toContain(`secret=${enrol?.secret}`);
    // The same secret on a reload, until confirmed.
    expect((await beginTotpEnrolment(actor))?.secret).toBe(enrol?.secret);
    expect(await confirmTotpEnrolment(actor, "123456")).toEqual({ ok: false, reason: "wrong-code" });
    expect(await confirmTotpEnrolment(actor, totpCode(enrol!.secret))).toEqual({ ok: true });
    expect(await checkSession(r.sessionId)).toMatchObject({ ok: true, user: { pending: null, twoFactorEnabled: true } });
    expect(await signInWithPassword(admin.email, password, { ip: ip() })).toEqual({ ok: false, reason: "totp-required" });
  });

  it("is a clinic setting for clinicians", async () => {
    const { clinic, user, password } = await createClinicianAndClinic();
    const r = await signInWithPassword(user.email, password, { ip: ip() });
    if (!r.ok) throw new Error();
    expect(await checkSession(r.sessionId)).toMatchObject({ ok: true, user: { pending: null } });
    await asOwner(`UPDATE "Clinic" SET settings = settings || '{"requireClinicianTotp": true}' WHERE id = $1`, [clinic.id]);
    expect(await checkSession(r.sessionId)).toMatchObject({ ok: true, user: { pending: "enroll-totp" } });
  });
});

describe("changing one's password", () => {
  it("refuses a weak one, ends every other session, and keeps the one that made the change", async () => {
    const { clinic, user, password } = await createClinicianAndClinic();
    const a = await signInWithPassword(user.email, password, { ip: ip() });
    const b = await signInWithPassword(user.email, password, { ip: ip() });
    if (!a.ok || !b.ok) throw new Error();
    const actor: StaffActor = mintActor({
      kind: "clinician",
      role: "CLINICIAN",
      userId: user.id,
      clinicId: clinic.id,
      name: "Alex Morgan",
      sessionId: a.sessionId,
    });
    expect(await changeOwnPassword(actor, "not-my-password", "violet tractor pencil harbour")).toEqual({ ok: false, reason: "wrong-current" });
    expect(await changeOwnPassword(actor, password, "passwordpassword")).toEqual({ ok: false, reason: "weak", problem: "common" });
    expect(await changeOwnPassword(actor, password, "short")).toEqual({ ok: false, reason: "weak", problem: "too-short" });
    expect(await changeOwnPassword(actor, password, "violet tractor pencil harbour")).toEqual({ ok: true });
    expect((await checkSession(a.sessionId)).ok).toBe(true);
    expect(await checkSession(b.sessionId)).toEqual({ ok: false, reason: "stale" });
    expect((await signInWithPassword(user.email, password, { ip: ip() })).ok).toBe(false);
    expect((await signInWithPassword(user.email, "violet tractor pencil harbour", { ip: ip() })).ok).toBe(true);
  });

  it("clears a temporary password's must-change flag", async () => {
    const { clinic } = await createClinicianAndClinic();
    const temp = `temp-${uniqueSuffix()}-${uniqueSuffix()}`;
    const u = await createUser({
      clinicId: clinic.id,
      email: `new-${uniqueSuffix()}@example.com`,
      name: "Nia New",
      password: temp,
      role: "CLINICIAN",
      mustChangePassword: true,
    });
    const r = await signInWithPassword(u.email, temp, { ip: ip() });
    if (!r.ok) throw new Error();
    expect(await checkSession(r.sessionId)).toMatchObject({ ok: true, user: { pending: "change-password" } });
    const actor: StaffActor = mintActor({ kind: "clinician", role: "CLINICIAN", userId: u.id, clinicId: clinic.id, name: "Nia New", sessionId: r.sessionId });
    expect(await changeOwnPassword(actor, temp, "amber lantern quietly folds")).toEqual({ ok: true });
    expect(await checkSession(r.sessionId)).toMatchObject({ ok: true, user: { pending: null } });
  });
});
