import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

// The one connection pool and the one PrismaClient on it, cached on globalThis so development reloads do
// not open new pools. Prisma serves every query but a few hot ones: see sql() below.
const globalForDb = globalThis as unknown as { prisma?: PrismaClient; pgPool?: pg.Pool };

function pool(): pg.Pool {
  const current = globalForDb.pgPool;
  if (current && !current.ending && !current.ended) return current;
  const e = env();
  const p = new pg.Pool({
    connectionString: e.DATABASE_URL,
    max: e.DATABASE_POOL_MAX,
    // pg waits forever for a connection by default; an unreachable database must fail fast instead
    // (the health check answers 503 within 3 s, pages show the outage page).
    connectionTimeoutMillis: 2000,
    // No statement may run away with a connection.
    statement_timeout: 15_000,
    idle_in_transaction_session_timeout: 30_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by the server (a restart, an outage) must not crash the process; the next
  // query gets a new one.
  p.on("error", () => {});
  globalForDb.pgPool = p;
  return p;
}

function create(): PrismaClient {
  // $disconnect() ends the pool too (scripts that disconnect can exit); sql() then makes a new one.
  return new PrismaClient({ adapter: new PrismaPg(pool(), { disposeExternalPool: true }) });
}

export function db(): PrismaClient {
  globalForDb.prisma ??= create();
  return globalForDb.prisma;
}

/**
 * One parameterized SQL statement on the same pool, for the few hot paths that run on every request or
 * every autosave (the session checks, the draft and exam saves): docs/decisions/0013-hot-path-sql.md.
 * Prisma 6.19's query compiler costs about 1 ms of CPU per query here, seven times the round trip itself,
 * and those paths made 9 to 15 queries. Values go only through `params`, never into `text`.
 */
export async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await pool().query<T>({ name: statementName(text), text, values: params })).rows;
}

// Each statement is prepared once per connection under a name derived from its text, so PostgreSQL parses
// and plans it once instead of on every request (measured: a third of the database's CPU per autosave).
const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `stride_${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

/** Several statements in one transaction on one connection (rolled back if `fn` throws). */
export async function sqlTransaction<T>(
  fn: (query: <R extends pg.QueryResultRow>(text: string, params?: unknown[]) => Promise<R[]>) => Promise<T>,
): Promise<T> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const result = await fn(async (text, params = []) => (await client.query({ name: statementName(text), text, values: params })).rows);
    await client.query("COMMIT");
    return result;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
