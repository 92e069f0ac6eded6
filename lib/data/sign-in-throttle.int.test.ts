import { describe, expect, it } from "vitest";
import { adminActor, createClinicianAndClinic, uniqueSuffix } from "@/prisma/factories";
import { asOwner } from "@/test/db";
import { newTotpSecret, totpCode } from "../auth/totp";
import { deviceToken } from "../auth/device";
import { changeStaff } from "./admin";
import { createUser, signInWait, signInWithPassword } from "./users";

const ip = () => `203.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const MIN = 60_000;

describe("sign-in throttling that does not lock out the owner", () => {
  it("an attacker rotating addresses for 30 minutes cannot stop the owner signing in from their usual browser, and gets no more than the ceiling's guesses", async () => {
    const { user, password } = await createClinicianAndClinic();
    const home = ip();
    const t0 = Date.now();
    const at = (minutes: number) => new Date(t0 + minutes * MIN);
    // The owner signed in here before: the app set the known-device cookie (app/api/auth/[...nextauth]/route.ts).
    expect((await signInWithPassword(user.email, password, { ip: home }, undefined, { now: at(0) })).ok).toBe(true);
    const cookie = deviceToken(user.id, undefined, at(0));

    const checked: number[] = []; // minutes at which a guess was really tried (not refused by a limit)
    for (let m = 0.5; m <= 30; m += 0.5) {
      const r = await signInWithPassword(user.email, `guess-${m}-wrong-password`, { ip: ip() }, undefined, { now: at(m) });
      if (r.ok) throw new Error("a guess signed in");
      if (r.reason === "invalid") checked.push(m);
      else expect(r.reason).toBe("rate-limited");
      if (m % 5 === 0) {
        // The owner, from the usual browser (and address), every five minutes of the attack.
        const owner = await signInWithPassword(user.email, password, { ip: home }, undefined, { deviceCookie: cookie, now: at(m) });
        expect(owner.ok, `owner at minute ${m}`).toBe(true);
        // From a browser the account has never used, the ceiling holds for the owner too (an admin can unblock).
        expect(await signInWithPassword(user.email, password, { ip: ip() }, undefined, { now: at(m) })).toMatchObject({ ok: false, reason: "rate-limited" });
      }
    }
    // No 15-minute window held more than the ceiling's 10 guesses, and the attacker did fill it.
    for (const start of checked) expect(checked.filter((m) => m >= start && m < start + 15).length).toBeLessThanOrEqual(10);
    expect(checked.length).toBeGreaterThanOrEqual(10);
    expect(checked.length).toBeLessThanOrEqual(30);
  });

  it("a device cookie for another account, or one not signed here, is no way around the ceiling", async () => {
    const { user, password } = await createClinicianAndClinic();
    const other = await createClinicianAndClinic();
    for (let i = 0; i < 10; i++) await signInWithPassword(user.email, "wrong-password-here", { ip: ip() });
    expect(await signInWithPassword(user.email, password, { ip: ip() }, undefined, { deviceCookie: deviceToken(other.user.id) })).toMatchObject({
      reason: "rate-limited",
    });
    const forged = deviceToken(user.id).replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect(await signInWithPassword(user.email, password, { ip: ip() }, undefined, { deviceCookie: forged })).toMatchObject({ reason: "rate-limited" });
    expect((await signInWithPassword(user.email, password, { ip: ip() }, undefined, { deviceCookie: deviceToken(user.id) })).ok).toBe(true);
  });

  it("a known device gets no more than its own 10 guesses", async () => {
    const { user } = await createClinicianAndClinic();
    const cookie = deviceToken(user.id);
    const results = [];
    for (let i = 0; i < 12; i++)
      results.push((await signInWithPassword(user.email, `wrong-${i}-password-x`, { ip: ip() }, undefined, { deviceCookie: cookie })) as { reason?: string });
    expect(results.filter((r) => r.reason === "invalid")).toHaveLength(10);
    expect(results.slice(10).every((r) => r.reason === "rate-limited")).toBe(true);
  });

  it("one address guessing one account waits longer after each failure past the fifth, and a success starts it over", async () => {
    const { user, password } = await createClinicianAndClinic();
    const from = { ip: ip() };
    const t0 = Date.now();
    const at = (s: number) => new Date(t0 + s * 1000);
    for (let i = 0; i < 5; i++)
      expect(await signInWithPassword(user.email, "wrong-password-here", from, undefined, { now: at(i) })).toEqual({ ok: false, reason: "invalid" });
    // After five failures: 5 s after the last one.
    expect(await signInWithPassword(user.email, password, from, undefined, { now: at(6) })).toEqual({
      ok: false,
      reason: "rate-limited",
      retryAfterSeconds: 3,
    });
    expect(await signInWait(user.email, from, { now: at(6) })).toBe(3);
    expect(await signInWithPassword(user.email, "wrong-password-here", from, undefined, { now: at(9) })).toEqual({ ok: false, reason: "invalid" });
    // After six: 10 s.
    expect(await signInWithPassword(user.email, password, from, undefined, { now: at(15) })).toMatchObject({ reason: "rate-limited", retryAfterSeconds: 4 });
    expect((await signInWithPassword(user.email, password, from, undefined, { now: at(19) })).ok).toBe(true);
    expect(await signInWait(user.email, from, { now: at(19) })).toBe(0);
  });

  it("an admin's unblock (audited) and a password reset lift the account's ceiling", async () => {
    const { clinic, user, password } = await createClinicianAndClinic();
    const a = await createUser({
      clinicId: clinic.id,
      email: `admin-${uniqueSuffix()}@example.com`,
      name: "Ada Min",
      password: `pw-${uniqueSuffix()}-${uniqueSuffix()}`,
      role: "ADMIN",
    });
    const admin = await adminActor(a, clinic.id);
    const block = async () => {
      for (let i = 0; i < 10; i++) await signInWithPassword(user.email, "wrong-password-here", { ip: ip() });
      expect(await signInWithPassword(user.email, password, { ip: ip() })).toMatchObject({ reason: "rate-limited" });
    };
    await block();
    expect(await changeStaff(admin, user.id, { kind: "unblock-sign-in" })).toEqual({ ok: true });
    expect((await signInWithPassword(user.email, password, { ip: ip() })).ok).toBe(true);
    const audit = await asOwner<{ details: { change: string; cleared: number } }>(
      `SELECT details FROM "AuditEvent" WHERE action = 'update' AND "recordId" = $1 AND "actorId" = $2`,
      [user.id, a.id],
    );
    expect(audit.map((r) => r.details.change)).toEqual(["unblock-sign-in"]);
    expect(audit[0]!.details.cleared).toBeGreaterThanOrEqual(10);

    await block();
    const reset = await changeStaff(admin, user.id, { kind: "reset-password" });
    if (!reset.ok || !reset.password) throw new Error("no reset");
    expect((await signInWithPassword(user.email, reset.password, { ip: ip() })).ok).toBe(true);
  });
});

describe("two-factor sign-in gives no password oracle", () => {
  async function withTotp() {
    const { user, password } = await createClinicianAndClinic();
    const secret = newTotpSecret();
    await asOwner(`UPDATE "User" SET "totpSecret" = $2, "totpEnabledAt" = now() WHERE id = $1`, [user.id, secret]);
    return { user, password, secret };
  }

  it("answers the same for a wrong password and a right password without a code, and with a wrong code", async () => {
    const { user, password, secret } = await withTotp();
    const right = await signInWithPassword(user.email, password, { ip: ip() });
    const wrong = await signInWithPassword(user.email, "wrong-password-here", { ip: ip() });
    expect(right).toEqual({ ok: false, reason: "totp-required" });
    expect(wrong).toEqual(right);
    const code = totpCode(secret);
    const wrongWithCode = await signInWithPassword(user.email, "wrong-password-here", { ip: ip() }, code);
    const rightWithWrongCode = await signInWithPassword(user.email, password, { ip: ip() }, code === "000000" ? "111111" : "000000");
    expect(wrongWithCode).toEqual({ ok: false, reason: "totp-invalid" });
    expect(rightWithWrongCode).toEqual(wrongWithCode);
  });

  it("counts right passwords without a code too: the 11th from anywhere is refused", async () => {
    const { user, password } = await withTotp();
    for (let i = 0; i < 10; i++) expect(await signInWithPassword(user.email, password, { ip: ip() })).toEqual({ ok: false, reason: "totp-required" });
    expect(await signInWithPassword(user.email, password, { ip: ip() })).toMatchObject({ ok: false, reason: "rate-limited" });
  });
});
