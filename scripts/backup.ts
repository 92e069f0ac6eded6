// npm run backup: one consistent, compressed, encrypted backup of the configured database (DATABASE_URL's,
// read as MIGRATE_DATABASE_URL's owner role when set; else the embedded one, running or not) into
// BACKUP_DIR (default: backups/ beside the embedded data), keeping the newest BACKUP_KEEP (default 7).
// The key is BACKUP_KEY (32 bytes, hex or base64); it is never written anywhere. See docs/operations.md.
import path from "node:path";
import { backupDatabase } from "./lib/backup.ts";
import { demoDataDir, withConfiguredDatabase } from "./lib/configured-db.ts";

export function backupDir(): string {
  return process.env.BACKUP_DIR ? path.resolve(process.env.BACKUP_DIR) : path.join(demoDataDir(), "backups");
}

try {
  const keep = Number(process.env.BACKUP_KEEP ?? 7);
  if (!Number.isInteger(keep) || keep < 1) throw new Error("BACKUP_KEEP must be a whole number of at least 1.");
  const r = await withConfiguredDatabase((db) => backupDatabase(db.ownerUrl, backupDir(), process.env.BACKUP_KEY, keep));
  const rows = r.manifest.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `Backup written: ${r.file} (${(r.bytes / 1024 / 1024).toFixed(2)} MB, ${rows} rows in ${r.manifest.tables.length} tables, ${(r.ms / 1000).toFixed(1)} s), checksum in ${path.basename(r.file)}.sha256; the newest ${keep} kept.`,
  );
} catch (e) {
  console.error(`Backup failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
