// "The configured database" for command-line tools (migrate, create-user, audit:verify, backup, restore,
// export): DATABASE_URL's server when set, otherwise the embedded database the demo keeps in .data/. When
// the demo is running, its server is used as it is (never stopped); otherwise one is started for the command
// and stopped after it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes, createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { firstBlockedAncestor, startEmbeddedPostgres } from "./embedded-pg.ts";
import { createDatabase, ensureAppLogin, migrate, withCredentials } from "./db-setup.ts";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface DemoSecrets {
  postgresPassword: string;
  appPassword: string;
  nextauthSecret: string;
  /** FIELD_KEYS for the demo's database (encrypted notes and two-factor secrets); added to an older
   * secrets file on its first use. */
  fieldKeys?: string;
}

/** Where the embedded database keeps its data: .data/ in the project, unless PostgreSQL (run as the
 * 'postgres' user when we are root) could not enter it; then a per-project folder under /var/tmp. */
export function demoDataDir(log: (s: string) => void = () => {}): string {
  // STRIDE_DATA_DIR: somewhere else on purpose (a second demo beside the first; the tests).
  if (process.env.STRIDE_DATA_DIR) return path.resolve(process.env.STRIDE_DATA_DIR);
  const inProject = path.join(projectRoot, ".data");
  const blocked = firstBlockedAncestor(inProject);
  if (!blocked) return inProject;
  const id = createHash("sha256").update(projectRoot).digest("hex").slice(0, 12);
  const fallback = path.join("/var/tmp", `stride-clinic-${id}`);
  log(`PostgreSQL runs as the 'postgres' user here and cannot enter ${blocked}, so the data is kept in ${fallback}.`);
  log(`To keep it inside the project instead: chmod o+x ${blocked}`);
  return fallback;
}

export function loadDemoSecrets(dir: string): DemoSecrets {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const file = path.join(dir, "secrets.json");
  if (existsSync(file)) {
    const s = JSON.parse(readFileSync(file, "utf8")) as DemoSecrets;
    if (s.fieldKeys) return s;
    // A demo made before field encryption: its rows are plain (still readable); npm run keys:rotate
    // encrypts them with this key.
    s.fieldKeys = `k1:${randomBytes(32).toString("base64")}`;
    writeFileSync(file, JSON.stringify(s, null, 2), { mode: 0o600 });
    return s;
  }
  const s: DemoSecrets = {
    postgresPassword: randomBytes(18).toString("base64url"),
    appPassword: randomBytes(18).toString("base64url"),
    nextauthSecret: randomBytes(32).toString("base64"),
    fieldKeys: `k1:${randomBytes(32).toString("base64")}`,
  };
  writeFileSync(file, JSON.stringify(s, null, 2), { mode: 0o600 });
  return s;
}

export interface ConfiguredDatabase {
  appUrl: string;
  ownerUrl: string;
  embedded: boolean;
}

/** The port of a live server on the embedded data directory (the demo running), else null. */
export function runningEmbeddedPort(dataDir: string): number | null {
  try {
    const lines = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
    process.kill(Number(lines[0]), 0);
    return Number(lines[3]) || null;
  } catch {
    return null;
  }
}

export async function withConfiguredDatabase<T>(
  fn: (db: ConfiguredDatabase) => Promise<T>,
  opts: { migrate?: boolean; log?: (s: string) => void } = {},
): Promise<T> {
  const log = opts.log ?? ((s: string) => console.error(s));
  if (process.env.DATABASE_URL) {
    const ownerUrl = process.env.MIGRATE_DATABASE_URL ?? process.env.DATABASE_URL;
    if (opts.migrate) migrate(ownerUrl);
    return fn({ appUrl: process.env.DATABASE_URL, ownerUrl, embedded: false });
  }
  const dir = demoDataDir(log);
  const secrets = loadDemoSecrets(dir);
  // The demo's database is encrypted with the demo's keys (unless the operator gave others).
  process.env.FIELD_KEYS ??= secrets.fieldKeys;
  // A live server on the data directory is the demo's (or one it left running): use it. Starting our own
  // would first stop it under the running app.
  const livePort = runningEmbeddedPort(path.join(dir, "pg"));
  if (livePort) {
    log(`Using the running demo's database (port ${livePort}).`);
    const ownerUrl = `postgresql://postgres:${encodeURIComponent(secrets.postgresPassword)}@127.0.0.1:${livePort}/stride`;
    if (opts.migrate) migrate(ownerUrl);
    return fn({ appUrl: withCredentials(ownerUrl, "stride_web", secrets.appPassword), ownerUrl, embedded: true });
  }
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), password: secrets.postgresPassword });
  try {
    await createDatabase(pg.superuserUrl(), "stride");
    const ownerUrl = pg.superuserUrl("stride");
    if (opts.migrate) migrate(ownerUrl);
    await ensureAppLogin(ownerUrl, "stride_web", secrets.appPassword);
    return await fn({ appUrl: withCredentials(ownerUrl, "stride_web", secrets.appPassword), ownerUrl, embedded: true });
  } finally {
    await pg.stop();
  }
}
