import pg from "pg";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../scripts/lib/audit-verify";
import { asApp, asOwner } from "@/test/db";
import { createClinicianAndClinic } from "@/prisma/factories";
import { signInWithPassword } from "./users";

describe("the audit trail in PostgreSQL", () => {
  it("cannot be changed or deleted by the app's database role", async () => {
    const { user, password } = await createClinicianAndClinic();
    await signInWithPassword(user.email, password);
    await expect(asApp(`UPDATE "AuditEvent" SET action = 'x' WHERE "recordId" = $1`, [user.id])).rejects.toThrow(/permission denied/);
    await expect(asApp(`DELETE FROM "AuditEvent" WHERE "recordId" = $1`, [user.id])).rejects.toThrow(/permission denied/);
    await expect(asApp(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/permission denied/);
  });

  it("refuses changes even from the tables' owner (a trigger), unless the trigger is dropped", async () => {
    await expect(asOwner(`UPDATE "AuditEvent" SET action = 'x' WHERE id = (SELECT min(id) FROM "AuditEvent")`)).rejects.toThrow(/cannot be changed/);
  });

  it("chains each clinic's rows to the one before in that clinic's chain, gaplessly", async () => {
    const { clinic, user, password } = await createClinicianAndClinic();
    for (let i = 0; i < 3; i++) expect((await signInWithPassword(user.email, password)).ok).toBe(true);
    // A new clinic's chain starts right after the legacy chain's cut-over (none in a fresh database).
    const [cut] = await asOwner<{ seq: string; hash: string }>(`SELECT seq::text, hash FROM "AuditChainHead" WHERE chain = 'legacy'`);
    const rows = await asOwner<{ seq: string; prevHash: string | null; hash: string; expected: string }>(
      `SELECT seq::text, "prevHash", hash,
              encode(sha256(convert_to(coalesce("prevHash", '') || audit_event_canonical(e), 'UTF8')), 'hex') AS expected
         FROM "AuditEvent" e WHERE "clinicId" = $1 ORDER BY e.seq`,
      [clinic.id],
    );
    expect(rows.length).toBe(3);
    rows.forEach((r, i) => {
      expect(BigInt(r.seq)).toBe(BigInt(cut!.seq) + BigInt(i + 1));
      expect(r.hash).toBe(r.expected);
      expect(r.prevHash).toBe(i > 0 ? rows[i - 1]!.hash : cut!.hash || null);
    });
    const [head] = await asOwner<{ seq: string; hash: string }>(`SELECT seq::text, hash FROM "AuditChainHead" WHERE chain = $1`, [clinic.id]);
    expect(head).toEqual({ seq: rows.at(-1)!.seq, hash: rows.at(-1)!.hash });
  });

  it("lets two clinics write at once: an open audited transaction holds only its own clinic's chain", async () => {
    const a = await createClinicianAndClinic();
    const b = await createClinicianAndClinic();
    const insert = `INSERT INTO "AuditEvent" ("actorType", "clinicId", action) VALUES ('system', $1, 'view')`;
    // Clinic A's audited transaction is open: it holds A's chain head until it commits.
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(insert, [a.clinic.id]);
      // Clinic B's audited sign-in, through the data layer, commits meanwhile (it would wait for A's
      // commit if both shared one head; the race turns such a wait into a plain failure).
      const signedIn = await Promise.race([
        signInWithPassword(b.user.email, b.password),
        new Promise<"blocked">((resolve) => setTimeout(() => resolve("blocked"), 10_000)),
      ]);
      expect(signedIn).toMatchObject({ ok: true });
      // Clinic A's next audited write does wait for the open transaction: here it gives up after 300 ms.
      await other.query("SET lock_timeout = '300ms'");
      await expect(other.query(insert, [a.clinic.id])).rejects.toThrow(/lock timeout/);
      await holder.query("COMMIT");
      await other.query(insert, [a.clinic.id]);
    } finally {
      await holder.end();
      await other.end();
    }
    const r = await verifyAuditChain(process.env.DATABASE_URL!);
    expect(r.ok).toBe(true);
    expect(r.chains.find((x) => x.chain === a.clinic.id)).toMatchObject({ ok: true, rows: 2 });
  });

  it("gives the app's role no ownership of any table", async () => {
    const owned = await asApp(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`);
    expect(owned).toEqual([]);
  });
});
