// Direct SQL for integration tests: as the tables' owner (to arrange states the app never makes, like an
// idle session) or as the app's role (to prove what that role may not do).
import pg from "pg";

async function run<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

export const asOwner = <T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]) =>
  run<T>(process.env.OWNER_DATABASE_URL!, sql, params);
export const asApp = <T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]) => run<T>(process.env.DATABASE_URL!, sql, params);
