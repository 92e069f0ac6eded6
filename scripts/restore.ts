// npm run restore -- FILE [--force]: restore a backup made by npm run backup into the configured database
// (DATABASE_URL, with MIGRATE_DATABASE_URL as a role that may set session_replication_role; else the
// embedded one, which must not be running). Applies the migrations first, refuses a database with any
// rows unless --force, checks the checksum, the key, the GCM tag and every table's row count and content
// hash before committing, then verifies the audit chain. FILE may be "latest" (the newest in BACKUP_DIR).
import path from "node:path";
import { listBackups, restoreDatabase } from "./lib/backup.ts";
import { describeProblem, verifyAuditChain } from "./lib/audit-verify.ts";
import { demoDataDir, withConfiguredDatabase } from "./lib/configured-db.ts";

const args = process.argv.slice(2);
const force = args.includes("--force");
let file = args.find((a) => !a.startsWith("--"));
try {
  if (!file) throw new Error("Usage: npm run restore -- FILE [--force]   (FILE may be 'latest')");
  if (file === "latest") {
    const dir = process.env.BACKUP_DIR ? path.resolve(process.env.BACKUP_DIR) : path.join(demoDataDir(), "backups");
    file = listBackups(dir).at(-1);
    if (!file) throw new Error(`No backup in ${dir}.`);
  }
  const target = path.resolve(file);
  const code = await withConfiguredDatabase(
    async (db) => {
      const r = await restoreDatabase(db.ownerUrl, target, process.env.BACKUP_KEY, { force });
      const rows = r.manifest.tables.reduce((n, t) => n + t.rows, 0);
      console.log(
        `Restored ${target} (taken ${r.header.createdAt}): ${rows} rows in ${r.manifest.tables.length} tables, every count and content hash as in the backup; checksum ${r.checksum}; ${(r.ms / 1000).toFixed(1)} s.`,
      );
      const chain = await verifyAuditChain(db.appUrl);
      if (!chain.ok) {
        console.error(`Audit trail NOT intact after restore: ${describeProblem(chain.first)}`);
        return 1;
      }
      console.log(`Audit trail intact: ${chain.rows} events verified.`);
      return 0;
    },
    { migrate: true },
  );
  process.exit(code);
} catch (e) {
  console.error(`Restore failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
