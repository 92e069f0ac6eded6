import { describe, expect, it } from "vitest";
import { asOwner } from "@/test/db";
import { createClinicianAndClinic } from "@/prisma/factories";
import { checkSession, revokeSession, signInWithPassword } from "./users";
import { mintActor } from "./actor-mint";
import { getClinicWords } from "./clinics";

// Each sign-in from its own random private address: a request with no address counts under one shared
// "unknown" key (rate-limits.ts), which the rest of the suite's sign-ins also fill.
const octet = () => 1 + Math.floor(Math.random() * 250);
const testAddress = () => ({ ip: `10.${octet()}.${octet()}.${octet()}` });

describe("signing in (real argon2id, real database)", () => {
  it("opens a server-side session for the right password and stores only an argon2id hash", async () => {
    const { user, password } = await createClinicianAndClinic();
    const r = await signInWithPassword(user.email, password, testAddress());
    expect(r.ok).toBe(true);
    const [row] = await asOwner<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE id = $1`, [user.id]);
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row!.passwordHash).not.toContain(password);
    if (!r.ok) return;
    const check = await checkSession(r.sessionId);
    expect(check).toMatchObject({ ok: true, user: { userId: user.id, role: "CLINICIAN" } });
  });

  it("reads the clinic's language with the session, and staff words use it without asking again", async () => {
    const { clinic, user, password } = await createClinicianAndClinic();
    await asOwner(`UPDATE "Clinic" SET locale = 'es' WHERE id = $1`, [clinic.id]);
    const r = await signInWithPassword(user.email, password, testAddress());
    if (!r.ok) throw new Error("sign-in failed");
    const check = await checkSession(r.sessionId);
    if (!check.ok) throw new Error("session check failed");
    expect(check.user.clinicLocale).toBe("es");
    const actor = (clinicLocale?: string) =>
      mintActor({ kind: "clinician", role: "CLINICIAN", userId: user.id, clinicId: clinic.id, name: "Ana", sessionId: r.sessionId, clinicLocale });
    expect((await getClinicWords(actor(check.user.clinicLocale))).locale).toBe("es");
    // The language the request's session read is the one used (no second query): the database is not asked.
    await asOwner(`UPDATE "Clinic" SET locale = 'en-US' WHERE id = $1`, [clinic.id]);
    expect((await getClinicWords(actor("es"))).locale).toBe("es");
    // An actor made without a session check asks the database.
    expect((await getClinicWords(actor())).locale).toBe("en-US");
    expect((await checkSession(r.sessionId)).ok && (await checkSession(r.sessionId))).toMatchObject({ user: { clinicLocale: "en-US" } });
  });

  it("accepts the email in any case and with spaces", async () => {
    const { user, password } = await createClinicianAndClinic();
    expect((await signInWithPassword(`  ${user.email.toUpperCase()} `, password, testAddress())).ok).toBe(true);
  });

  it("gives the same answer for a wrong password, an unknown email and a disabled account, and audits each", async () => {
    const { user, password } = await createClinicianAndClinic();
    const wrong = await signInWithPassword(user.email, `${password}x`, testAddress());
    const unknown = await signInWithPassword(`nobody-${Date.now()}@example.com`, password, testAddress());
    await asOwner(`UPDATE "User" SET disabled = true WHERE id = $1`, [user.id]);
    const disabled = await signInWithPassword(user.email, password, testAddress());
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    expect(disabled).toEqual(wrong);
    const events = await asOwner<{ details: { reason: string } }>(
      `SELECT details FROM "AuditEvent" WHERE action = 'sign-in-failed' AND "recordId" = $1 ORDER BY seq`,
      [user.id],
    );
    expect(events.map((e) => e.details.reason)).toEqual(["wrong-password", "disabled"]);
  });
});

describe("checkSession: revocation takes effect on the next request", () => {
  async function session() {
    const { user, password } = await createClinicianAndClinic();
    const r = await signInWithPassword(user.email, password, testAddress());
    if (!r.ok) throw new Error("sign-in failed");
    return { user, sessionId: r.sessionId };
  }

  it("refuses a signed-out session", async () => {
    const { sessionId } = await session();
    await revokeSession(sessionId);
    expect(await checkSession(sessionId)).toEqual({ ok: false, reason: "revoked" });
  });

  it("refuses every session of a user who was disabled", async () => {
    const { user, sessionId } = await session();
    await asOwner(`UPDATE "User" SET disabled = true WHERE id = $1`, [user.id]);
    expect(await checkSession(sessionId)).toEqual({ ok: false, reason: "disabled" });
  });

  it("refuses a session older than the user's session version (password or role change)", async () => {
    const { user, sessionId } = await session();
    await asOwner(`UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1 WHERE id = $1`, [user.id]);
    expect(await checkSession(sessionId)).toEqual({ ok: false, reason: "stale" });
  });

  it("ends a session idle for longer than the clinic's timeout (15 minutes by default)", async () => {
    const { sessionId } = await session();
    await asOwner(`UPDATE "AuthSession" SET "lastSeenAt" = now() - interval '14 minutes' WHERE id = $1`, [sessionId]);
    expect((await checkSession(sessionId)).ok).toBe(true);
    await asOwner(`UPDATE "AuthSession" SET "lastSeenAt" = now() - interval '16 minutes' WHERE id = $1`, [sessionId]);
    expect(await checkSession(sessionId)).toEqual({ ok: false, reason: "idle" });
    // and it stays ended
    expect(await checkSession(sessionId)).toEqual({ ok: false, reason: "revoked" });
  });

  it("ends a session at its absolute limit", async () => {
    const { sessionId } = await session();
    await asOwner(`UPDATE "AuthSession" SET "expiresAt" = now() - interval '1 second' WHERE id = $1`, [sessionId]);
    expect(await checkSession(sessionId)).toEqual({ ok: false, reason: "expired" });
  });

  it("knows no made-up session", async () => {
    expect(await checkSession("00000000-0000-4000-8000-000000000000")).toEqual({ ok: false, reason: "missing" });
  });
});
