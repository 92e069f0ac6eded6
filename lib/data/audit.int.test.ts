import { describe, expect, it } from "vitest";
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

  it("chains every row's hash to the previous one, gaplessly", async () => {
    const rows = await asOwner<{ seq: string; prevHash: string | null; hash: string; expected: string }>(`
      SELECT seq, "prevHash", hash,
             encode(sha256(convert_to(coalesce("prevHash", '') || audit_event_canonical(e), 'UTF8')), 'hex') AS expected
      FROM "AuditEvent" e ORDER BY seq`);
    expect(rows.length).toBeGreaterThan(1);
    rows.forEach((r, i) => {
      expect(Number(r.seq)).toBe(i + 1);
      expect(r.hash).toBe(r.expected);
      if (i > 0) expect(r.prevHash).toBe(rows[i - 1]!.hash);
    });
  });

  it("gives the app's role no ownership of any table", async () => {
    const owned = await asApp(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`);
    expect(owned).toEqual([]);
  });
});
