// Backup and restore at scale: the whole database with a clinic of 100,000 patients (400,000
// visits; bench/seed-scale.sql, as the read path and the CI restore drill seed them) backed up by
// scripts/lib/backup.ts (ADR 0020), then restored into a new, migrated, empty database, whose every
// table's row count and content hash must equal the backup's and whose audit chains must verify.
// PostgreSQL alone: no app server.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { backupDatabase, restoreDatabase, tableFingerprints } from "../scripts/lib/backup.ts";
import { verifyAuditChain } from "../scripts/lib/audit-verify.ts";
import { createDatabase, dropDatabase, ensureAppLogin, migrate, withClient, withCredentials } from "../scripts/lib/db-setup.ts";
import { round } from "./figures.ts";
import type { BenchDatabase } from "./setup.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

export interface BackupBenchResult {
  patients: number;
  visits: number;
  rows: number;
  auditEvents: number;
  seedSeconds: number;
  backupBytes: number;
  backupSeconds: number;
  restoreSeconds: number;
  /** The restore's new database: create and migrate it first (not in restoreSeconds). */
  migrateSeconds: number;
  tables: number;
}

/** Seed until the database holds `patients` patients (the read path may have seeded some already), back
 * up, restore into a second database, and check it. */
export async function measureBackup(w: BenchDatabase, opts: { patients: number; log: (s: string) => void }): Promise<BackupBenchResult> {
  const { log } = opts;
  const count = async (url: string) => withClient(url, async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Patient"`)).rows[0]!.n);
  const have = await count(w.ownerUrl);
  const t0 = Date.now();
  if (have < opts.patients) {
    const { createClinicianAndClinic } = await import("../prisma/factories.ts");
    const { clinic, user } = await createClinicianAndClinic({ clinicName: "Backup Clinic" });
    const seedSql = readFileSync(path.join(here, "seed-scale.sql"), "utf8");
    log(`backup: seeding ${(opts.patients - have).toLocaleString("en-US")} patients (${have.toLocaleString("en-US")} already there)`);
    await withClient(w.ownerUrl, async (c) => {
      await c.query(`CREATE TEMP TABLE seed_params AS SELECT $1::uuid AS clinic, $2::uuid AS user_id, 0 AS from_n, $3::int AS to_n, $4::date AS today`, [
        clinic.id,
        user.id,
        opts.patients - have,
        new Date().toISOString().slice(0, 10),
      ]);
      await c.query(seedSql);
    });
  }
  const seedSeconds = round((Date.now() - t0) / 1000);
  const dir = mkdtempSync(path.join(tmpdir(), "stride-bench-backup-"));
  const key = randomBytes(32).toString("base64");
  const target = `stride_bench_restore_${randomBytes(3).toString("hex")}`;
  const server = w.pg.superuserUrl();
  try {
    log("backup: backing up");
    const b = await backupDatabase(w.ownerUrl, dir, key);
    log(`backup: ${(b.bytes / 1e6).toFixed(1)} MB in ${(b.ms / 1000).toFixed(1)} s`);
    const m0 = Date.now();
    await createDatabase(server, target);
    const targetOwner = w.pg.superuserUrl(target);
    migrate(targetOwner, { quiet: true });
    const migrateSeconds = round((Date.now() - m0) / 1000);
    log("backup: restoring into a new database");
    const r = await restoreDatabase(targetOwner, b.file, key);
    log(`backup: restored in ${(r.ms / 1000).toFixed(1)} s; checking every table and the audit chains`);
    const after = await tableFingerprints(targetOwner);
    const differs = b.manifest.tables.filter((t) => JSON.stringify(after.find((x) => x.name === t.name)) !== JSON.stringify(t)).map((t) => t.name);
    if (differs.length || after.length !== b.manifest.tables.length) throw new Error(`restored tables differ from the backup: ${differs.join(", ")}`);
    const pw = randomBytes(12).toString("hex");
    // A login role of its own: roles are the cluster's, and the bench app's own role keeps its password.
    await ensureAppLogin(targetOwner, "stride_bench_verify", pw);
    const chain = await verifyAuditChain(withCredentials(targetOwner, "stride_bench_verify", pw));
    if (!chain.ok) throw new Error(`the restored audit trail does not verify: ${chain.first.problem}`);
    const rowsOf = (name: string) => after.find((t) => t.name === name)?.rows ?? 0;
    return {
      patients: rowsOf("Patient"),
      visits: rowsOf("Visit"),
      rows: after.reduce((n, t) => n + t.rows, 0),
      auditEvents: chain.rows,
      seedSeconds,
      backupBytes: b.bytes,
      backupSeconds: round(b.ms / 1000),
      restoreSeconds: round(r.ms / 1000),
      migrateSeconds,
      tables: after.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await dropDatabase(server, target).catch(() => {});
  }
}
