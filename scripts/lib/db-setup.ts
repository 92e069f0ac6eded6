// Database preparation shared by the demo, the test runner and the benchmarks: create a database, apply
// the committed migrations as the owner, and make the login role the app connects as.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { prisma } from "../prisma.ts";

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(superuserUrl: string, name: string, template?: string) {
  await withClient(superuserUrl, async (c) => {
    const exists = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount) return;
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}${template ? ` TEMPLATE ${c.escapeIdentifier(template)}` : ""}`);
  });
}

export async function dropDatabase(superuserUrl: string, name: string) {
  await withClient(superuserUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
}

/** Apply every committed migration that is not applied yet (prisma migrate deploy), as the tables' owner. */
export function migrate(ownerUrl: string, opts: { quiet?: boolean } = {}) {
  const r = prisma(["migrate", "deploy"], { capture: true, env: { MIGRATE_DATABASE_URL: ownerUrl } });
  if (r.status !== 0) {
    throw new Error(`Migrations failed:\n${r.stdout}\n${r.stderr}`);
  }
  // The message queue's schema (graphile-worker) comes with the app's: docs/decisions/0016-messages.md.
  const q = spawnSync(process.execPath, [path.join(path.dirname(fileURLToPath(import.meta.url)), "queue-migrate.mjs"), ownerUrl], { encoding: "utf8" });
  if (q.status !== 0) throw new Error(`Queue migrations failed:\n${q.stdout}\n${q.stderr}`);
  if (!opts.quiet) {
    const applied = r.stdout.split("\n").filter((l) => /migrations? (have been|found)|applied|No pending/i.test(l));
    for (const line of applied) console.log(`  ${line.trim()}`);
  }
}

/** The login role the app connects as: a member of stride_app (made by the migrations), owning nothing. */
export async function ensureAppLogin(ownerUrl: string, role: string, password: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`Bad role name ${role}`);
  await withClient(ownerUrl, async (c) => {
    const exists = await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    const pw = c.escapeLiteral(password);
    if (exists.rowCount) await c.query(`ALTER ROLE ${role} WITH LOGIN PASSWORD ${pw}`);
    else await c.query(`CREATE ROLE ${role} WITH LOGIN PASSWORD ${pw} IN ROLE stride_app`);
  });
}

export function withCredentials(url: string, user: string, password: string, database?: string) {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  if (database) u.pathname = `/${database}`;
  return u.toString();
}
