// Backups of the whole database and their restore (docs/decisions/0016-backups.md).
//
// A backup is every table of the public schema, read with PostgreSQL's COPY inside one REPEATABLE READ
// READ ONLY transaction (the snapshot pg_dump itself uses, so it is consistent while the app writes),
// gzip-compressed, then encrypted with AES-256-GCM under BACKUP_KEY. The schema is not in the file: it is
// the committed migrations, which the restore applies first and which must be exactly the ones the backup
// was taken at (the list is inside the backup). A SHA-256 of the encrypted file is written beside it.
//
// File layout: the line "STRIDE-BACKUP 1 <key id> <iv base64>\n", the ciphertext, the 16-byte GCM tag.
// Plaintext (before gzip): "H <header json>\n", then per table "T <table json>\n", its COPY text rows and
// a "\.\n" line (COPY's own end marker; a data row cannot be that, backslashes are escaped), then
// "E <manifest json>\n" with every table's row count and content hash and every sequence's value.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import {
  createReadStream,
  createWriteStream,
  openSync,
  readSync,
  closeSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
  readdirSync,
  rmSync,
  mkdirSync,
} from "node:fs";
import { once } from "node:events";
import path from "node:path";
import readline from "node:readline";
import { PassThrough, Transform, type Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

const MAGIC = "STRIDE-BACKUP 1";
const TAG_BYTES = 16;
/** Tables that a freshly migrated, empty database already has rows in. */
const BOOKKEEPING = new Set(["_prisma_migrations", "AuditChainHead"]);

export interface TableEntry {
  name: string;
  rows: number;
  sha256: string;
}
export interface Manifest {
  tables: TableEntry[];
  sequences: { name: string; value: string | null }[];
}
export interface Header {
  createdAt: string;
  serverVersion: string;
  migrations: string[];
}

/** BACKUP_KEY: 32 bytes, as 64 hex digits or base64. Its id (first 8 hex of its SHA-256) goes in the file. */
export function parseBackupKey(raw: string | undefined): { key: Buffer; id: string } {
  if (!raw)
    throw new Error(
      "BACKUP_KEY is not set. Make one with `openssl rand -base64 32` and keep it away from the backups (a password manager, the host's secret store).",
    );
  const text = raw.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32) throw new Error("BACKUP_KEY must be 32 bytes, written as 64 hex digits or as base64 (openssl rand -base64 32).");
  return { key, id: createHash("sha256").update(key).digest("hex").slice(0, 8) };
}

async function connect(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await c.connect();
  // Same text for the same values whichever session reads them: the content hashes depend on it.
  await c.query("SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 3; SET bytea_output = 'hex'; SET statement_timeout = 0");
  return c;
}

async function listTables(c: pg.Client): Promise<{ name: string; order: string }[]> {
  const r = await c.query<{ name: string; pk: string[] | null }>(
    `SELECT c.relname AS name,
            (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM pg_index i
               CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
              WHERE i.indrelid = c.oid AND i.indisprimary) AS pk
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  return r.rows.map((t) => ({ name: t.name, order: t.pk?.length ? t.pk.map((k) => c.escapeIdentifier(k)).join(", ") : "1" }));
}

/** COPY a table in primary-key order, so the same rows give the same bytes (and hash) on both sides. */
function copyOut(c: pg.Client, t: { name: string; order: string }): Readable {
  return c.query(copyTo(`COPY (SELECT * FROM ${c.escapeIdentifier(t.name)} ORDER BY ${t.order}) TO STDOUT`));
}

async function hashTable(c: pg.Client, t: { name: string; order: string }): Promise<{ rows: number; sha256: string }> {
  const h = createHash("sha256");
  let rows = 0;
  for await (const chunk of copyOut(c, t)) {
    h.update(chunk as Buffer);
    for (const b of chunk as Buffer) if (b === 10) rows++;
  }
  return { rows, sha256: h.digest("hex") };
}

async function readSequences(c: pg.Client) {
  const r = await c.query<{ name: string; value: string | null }>(
    `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
  );
  return r.rows;
}

async function migrationsOf(c: pg.Client): Promise<string[]> {
  const r = await c.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return r.rows.map((m) => m.migration_name);
}

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  manifest: Manifest;
}

/** Write one encrypted backup of the database at `ownerUrl` into `dir`; keep the newest `keep`. */
export async function backupDatabase(ownerUrl: string, dir: string, rawKey: string | undefined, keep = 7): Promise<BackupResult> {
  const { key, id } = parseBackupKey(rawKey);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const t0 = Date.now();
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const file = path.join(dir, `stride-${stamp}.backup`);
  const partial = `${file}.partial`;
  const c = await connect(ownerUrl);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const out = createWriteStream(partial, { mode: 0o600 });
  const fileHash = createHash("sha256");
  const head = Buffer.from(`${MAGIC} ${id} ${iv.toString("base64")}\n`);
  const plain = new PassThrough();
  const gzip = createGzip({ level: 6 });
  const hashing = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      fileHash.update(chunk);
      cb(null, chunk);
    },
    flush(cb) {
      const tag = cipher.getAuthTag();
      fileHash.update(tag);
      cb(null, tag);
    },
  });
  fileHash.update(head);
  out.write(head);
  const written = pipeline(plain, gzip, cipher, hashing, out);
  written.catch(() => {});
  const write = async (s: string | Buffer) => {
    if (!plain.write(s)) await once(plain, "drain");
  };
  let manifest: Manifest;
  try {
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const header: Header = {
      createdAt: new Date().toISOString(),
      serverVersion: (await c.query<{ v: string }>("SHOW server_version")).rows[0]!.v,
      migrations: await migrationsOf(c),
    };
    await write(`H ${JSON.stringify(header)}\n`);
    const tables: TableEntry[] = [];
    for (const t of await listTables(c)) {
      await write(`T ${JSON.stringify({ name: t.name })}\n`);
      const h = createHash("sha256");
      let rows = 0;
      for await (const chunk of copyOut(c, t)) {
        const b = chunk as Buffer;
        h.update(b);
        for (const byte of b) if (byte === 10) rows++;
        await write(b);
      }
      await write("\\.\n");
      tables.push({ name: t.name, rows, sha256: h.digest("hex") });
    }
    manifest = { tables, sequences: await readSequences(c) };
    await write(`E ${JSON.stringify(manifest)}\n`);
    plain.end();
    await written;
  } catch (e) {
    plain.destroy();
    await written.catch(() => {});
    rmSync(partial, { force: true });
    throw e;
  } finally {
    await c.query("ROLLBACK").catch(() => {});
    await c.end();
  }
  renameSync(partial, file);
  writeFileSync(`${file}.sha256`, `${fileHash.digest("hex")}  ${path.basename(file)}\n`, { mode: 0o600 });
  pruneBackups(dir, keep);
  return { file, bytes: statSync(file).size, ms: Date.now() - t0, manifest };
}

export function listBackups(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => /^stride-\d{8}T\d{6}Z\.backup$/.test(n))
    .sort()
    .map((n) => path.join(dir, n));
}

function pruneBackups(dir: string, keep: number) {
  const all = listBackups(dir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) {
    rmSync(old, { force: true });
    rmSync(`${old}.sha256`, { force: true });
  }
}

/** Check the file against its .sha256 (when present) and read its key id; throws a plain message. */
export function checkBackupFile(file: string, keyId: string): { headLength: number; iv: Buffer; size: number } {
  const size = statSync(file).size;
  const fd = openSync(file, "r");
  const buf = Buffer.alloc(Math.min(200, size));
  readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  const nl = buf.indexOf(10);
  const parts = nl > 0 ? buf.subarray(0, nl).toString("latin1").split(" ") : [];
  if (parts.length !== 4 || `${parts[0]} ${parts[1]}` !== MAGIC) throw new Error(`${file} is not a Stride backup.`);
  if (parts[2] !== keyId)
    throw new Error(
      `${file} was encrypted with the key whose id is ${parts[2]}; BACKUP_KEY has id ${keyId}. Set BACKUP_KEY to the key the backup was made with.`,
    );
  return { headLength: nl + 1, iv: Buffer.from(parts[3]!, "base64"), size };
}

export async function verifyChecksum(file: string): Promise<"ok" | "no checksum file"> {
  let expected: string;
  try {
    expected = readFileSync(`${file}.sha256`, "utf8").split(/\s+/)[0]!;
  } catch {
    return "no checksum file";
  }
  const h = createHash("sha256");
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  if (h.digest("hex") !== expected) throw new Error(`${file} does not match its checksum (${path.basename(file)}.sha256): the file is damaged or was changed.`);
  return "ok";
}

export interface RestoreResult {
  ms: number;
  header: Header;
  manifest: Manifest;
  checksum: "ok" | "no checksum file";
}

/**
 * Restore `file` into the database at `ownerUrl`, which must already be migrated to exactly the backup's
 * migrations. Refuses a database holding any row unless `force` (then its rows are replaced). Everything
 * happens in one transaction that commits only after the GCM tag and every table's count and hash check.
 * Needs a role that may set session_replication_role (a superuser; rds_superuser and the like on managed
 * PostgreSQL), so the audit triggers keep the rows' own sequence numbers and hashes.
 */
export async function restoreDatabase(ownerUrl: string, file: string, rawKey: string | undefined, opts: { force?: boolean } = {}): Promise<RestoreResult> {
  const t0 = Date.now();
  const { key, id } = parseBackupKey(rawKey);
  const { headLength, iv, size } = checkBackupFile(file, id);
  const checksum = await verifyChecksum(file);
  if (size < headLength + TAG_BYTES) throw new Error(`${file} is truncated.`);
  const tag = Buffer.alloc(TAG_BYTES);
  const fd = openSync(file, "r");
  readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  closeSync(fd);
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAuthTag(tag);
  const gunzip = createGunzip();
  const source = createReadStream(file, { start: headLength, end: size - TAG_BYTES - 1 });
  // Plaintext flows before the tag is checked (GCM's streaming form), so nothing is committed until the
  // decipher's final() has passed: the pipeline's promise resolves only then.
  const decrypted = pipeline(source, decipher, gunzip).catch((e: unknown) => {
    throw new Error(
      /auth|unsupported state/i.test(String(e))
        ? `${file} failed its authentication check: wrong key, or the file was changed.`
        : `${file} could not be read: ${String(e)}`,
    );
  });
  decrypted.catch(() => {});
  const lines = readline.createInterface({ input: gunzip, crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    let r: IteratorResult<string>;
    try {
      r = await it.next();
    } catch {
      // The readable side failed with the decipher's or gunzip's own error; report the plain one.
      await decrypted;
      throw new Error(`${file} could not be read.`);
    }
    if (r.done) {
      await decrypted;
      throw new Error(`${file} ended early.`);
    }
    return r.value;
  };

  const c = await connect(ownerUrl);
  try {
    const first = await next();
    if (!first.startsWith("H ")) throw new Error(`${file} has no header.`);
    const header = JSON.parse(first.slice(2)) as Header;
    const here = await migrationsOf(c);
    if (JSON.stringify(here) !== JSON.stringify(header.migrations)) {
      throw new Error(
        `The backup was taken at migrations ${header.migrations.at(-1) ?? "(none)"} (${header.migrations.length}); this database is at ${here.at(-1) ?? "(none)"} (${here.length}). ` +
          "Restore with the code of the backup's date (the same migrations), then run npm run db:migrate.",
      );
    }
    const tables = await listTables(c);
    if (!opts.force) {
      const nonEmpty: string[] = [];
      for (const t of tables.filter((x) => !BOOKKEEPING.has(x.name))) {
        const r = await c.query(`SELECT 1 FROM ${c.escapeIdentifier(t.name)} LIMIT 1`);
        if (r.rowCount) nonEmpty.push(t.name);
      }
      if (nonEmpty.length)
        throw new Error(
          `The database is not empty (rows in ${nonEmpty.slice(0, 5).join(", ")}${nonEmpty.length > 5 ? ", …" : ""}). Restore into an empty database, or pass --force to replace its contents.`,
        );
    }
    await c.query("BEGIN");
    await c.query("SET LOCAL session_replication_role = replica");
    await c.query(`TRUNCATE ${tables.map((t) => c.escapeIdentifier(t.name)).join(", ")}`);
    let line = await next();
    while (line.startsWith("T ")) {
      const { name } = JSON.parse(line.slice(2)) as { name: string };
      if (!tables.some((t) => t.name === name)) throw new Error(`The backup has a table ${name} that this schema does not.`);
      const sink: Writable = c.query(copyFrom(`COPY ${c.escapeIdentifier(name)} FROM STDIN`));
      const done = new Promise<void>((resolve, reject) => {
        sink.on("finish", resolve);
        sink.on("error", reject);
      });
      for (;;) {
        line = await next();
        if (line === "\\.") break;
        if (!sink.write(`${line}\n`)) await once(sink, "drain");
      }
      sink.end();
      await done;
      line = await next();
    }
    if (!line.startsWith("E ")) throw new Error(`${file} has no closing manifest.`);
    const manifest = JSON.parse(line.slice(2)) as Manifest;
    await decrypted;
    for (const s of manifest.sequences) {
      await c.query(
        s.value === null ? `SELECT setval($1::regclass, 1, false)` : `SELECT setval($1::regclass, $2::bigint, true)`,
        s.value === null ? [c.escapeIdentifier(s.name)] : [c.escapeIdentifier(s.name), s.value],
      );
    }
    const problems = await compareWithManifest(c, manifest);
    if (problems.length) throw new Error(`The restored data does not match the backup's manifest: ${problems.join("; ")}`);
    await c.query("COMMIT");
    await c.query("ANALYZE");
    return { ms: Date.now() - t0, header, manifest, checksum };
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    lines.close();
    source.destroy();
    throw e;
  } finally {
    await c.end();
  }
}

/** Every table's row count and content hash against a manifest; returns what differs. */
export async function compareWithManifest(c: pg.Client, manifest: Manifest): Promise<string[]> {
  const problems: string[] = [];
  const tables = await listTables(c);
  for (const want of manifest.tables) {
    const t = tables.find((x) => x.name === want.name);
    if (!t) {
      problems.push(`${want.name} missing`);
      continue;
    }
    const got = await hashTable(c, t);
    if (got.rows !== want.rows) problems.push(`${want.name}: ${got.rows} rows, backup has ${want.rows}`);
    else if (got.sha256 !== want.sha256) problems.push(`${want.name}: content differs`);
  }
  return problems;
}

/** The same figures for a live database (the restore drill compares both sides with them). */
export async function tableFingerprints(url: string): Promise<TableEntry[]> {
  const c = await connect(url);
  try {
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const out: TableEntry[] = [];
    for (const t of await listTables(c)) out.push({ name: t.name, ...(await hashTable(c, t)) });
    await c.query("ROLLBACK");
    return out;
  } finally {
    await c.end();
  }
}
