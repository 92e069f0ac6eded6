import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, dropDatabase, migrate } from "./lib/db-setup";
import { backupDatabase, listBackups, restoreDatabase, tableFingerprints } from "./lib/backup";
import { verifyAuditChain } from "./lib/audit-verify";

// A source database with rows in the clinical tables and a chained audit trail, backed up and restored
// into a second, freshly migrated database on the same server.
const server = () => process.env.OWNER_DATABASE_URL!;
const names = { src: `stride_bk_src_${randomBytes(3).toString("hex")}`, dst: `stride_bk_dst_${randomBytes(3).toString("hex")}` };
const urlOf = (db: string) => {
  const u = new URL(server());
  u.pathname = `/${db}`;
  return u.toString();
};
const key = randomBytes(32).toString("base64");
let dir = "";

async function sql(url: string, text: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "stride-backup-test-"));
  for (const n of Object.values(names)) {
    await createDatabase(server(), n);
    migrate(urlOf(n), { quiet: true });
  }
  const src = urlOf(names.src);
  const [clinic] = await sql(src, `INSERT INTO "Clinic" (id, name) VALUES (gen_random_uuid(), 'Backup Clinic ünïcode') RETURNING id`);
  for (let i = 0; i < 30; i++) {
    await sql(
      src,
      `INSERT INTO "Patient" (id, "clinicId", "firstName", "lastName", "dateOfBirth", sex) VALUES (gen_random_uuid(), $1, $2, E'Tab\tand\nnewline \\\\ back', '1980-01-02', 'OTHER')`,
      [clinic.id, `P${i}`],
    );
    await sql(src, `INSERT INTO "AuditEvent" ("actorType", "clinicId", action, details) VALUES ('system', $1, 'view', $2)`, [
      clinic.id,
      JSON.stringify({ i, s: "quote \" and 'x'" }),
    ]);
  }
}, 120_000);

afterAll(async () => {
  for (const n of Object.values(names)) await dropDatabase(server(), n).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("round-trips every table's rows and hashes, keeps the audit chain verifiable, and keeps the newest N", async () => {
    const before = await tableFingerprints(urlOf(names.src));
    const b = await backupDatabase(urlOf(names.src), dir, key, 2);
    expect(b.manifest.tables).toEqual(before);
    expect(b.manifest.tables.find((t) => t.name === "Patient")!.rows).toBe(30);
    // Encrypted: no name or detail in the file.
    const raw = readFileSync(b.file);
    expect(raw.includes(Buffer.from("Backup Clinic"))).toBe(false);
    expect(raw.includes(Buffer.from("newline"))).toBe(false);

    const r = await restoreDatabase(urlOf(names.dst), b.file, key);
    expect(r.checksum).toBe("ok");
    expect(await tableFingerprints(urlOf(names.dst))).toEqual(before);
    const chain = await verifyAuditChain(urlOf(names.dst));
    expect(chain).toMatchObject({ ok: true, rows: 30 });
    // New audit rows continue the restored chain.
    await sql(urlOf(names.dst), `INSERT INTO "AuditEvent" ("actorType", action) VALUES ('system', 'view')`);
    expect(await verifyAuditChain(urlOf(names.dst))).toMatchObject({ ok: true, rows: 31 });

    await new Promise((res) => setTimeout(res, 1100));
    await backupDatabase(urlOf(names.src), dir, key, 2);
    await new Promise((res) => setTimeout(res, 1100));
    await backupDatabase(urlOf(names.src), dir, key, 2);
    expect(listBackups(dir)).toHaveLength(2);
  }, 120_000);

  it("refuses a non-empty database unless forced, a wrong key, a missing key and a changed file, with plain messages", async () => {
    const file = listBackups(dir).at(-1)!;
    await expect(restoreDatabase(urlOf(names.dst), file, key)).rejects.toThrow(/not empty.*--force/);
    await expect(restoreDatabase(urlOf(names.dst), file, randomBytes(32).toString("base64"), { force: true })).rejects.toThrow(
      /encrypted with the key whose id is/,
    );
    await expect(restoreDatabase(urlOf(names.dst), file, undefined, { force: true })).rejects.toThrow(/BACKUP_KEY is not set/);
    const bytes = readFileSync(file);
    const changed = path.join(dir, "changed.backup");
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 40) ^ 1, bytes.length - 40);
    writeFileSync(changed, bytes);
    await expect(restoreDatabase(urlOf(names.dst), changed, key, { force: true })).rejects.toThrow(/authentication check|could not be read/);
    // Nothing was committed by the failed attempts: the forced restore then succeeds and matches.
    await restoreDatabase(urlOf(names.dst), file, key, { force: true });
    expect(await tableFingerprints(urlOf(names.dst))).toEqual(await tableFingerprints(urlOf(names.src)));
  }, 120_000);
});
