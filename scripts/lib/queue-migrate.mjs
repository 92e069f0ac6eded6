// The job queue's own schema (graphile-worker's migrations, in the graphile_worker schema), applied as the
// tables' owner after the app's migrations, then opened to the app's role: it adds jobs inside its own
// transactions and runs the worker. Run by scripts/lib/db-setup.ts as a child process (migrate() is
// synchronous): node scripts/lib/queue-migrate.mjs <owner-url>
import { runMigrations } from "graphile-worker";
import pg from "pg";

const url = process.argv[2];
if (!url) {
  console.error("usage: node scripts/lib/queue-migrate.mjs <owner-url>");
  process.exit(2);
}
const silent = { debug() {}, info() {}, warn() {}, error: (m) => console.error(m) };
const { Logger } = await import("graphile-worker");
await runMigrations({ connectionString: url, logger: new Logger(() => (level, message) => silent[level]?.(message)) });
const c = new pg.Client({ connectionString: url });
await c.connect();
try {
  await c.query(`DO $$
DECLARE t text;
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stride_app') THEN
    GRANT USAGE ON SCHEMA graphile_worker TO stride_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO stride_app;
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA graphile_worker TO stride_app;
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO stride_app;
    -- graphile-worker turns row-level security on with no policy (it expects to connect as the owner);
    -- the app's role gets every row of the queue's tables, and nothing beyond them.
    FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'graphile_worker' AND c.relkind = 'r' AND c.relrowsecurity LOOP
      EXECUTE format('DROP POLICY IF EXISTS stride_app_queue ON graphile_worker.%I', t);
      EXECUTE format('CREATE POLICY stride_app_queue ON graphile_worker.%I TO stride_app USING (true) WITH CHECK (true)', t);
    END LOOP;
  END IF;
END $$`);
} finally {
  await c.end();
}
