import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDemoSecrets, projectRoot, runningEmbeddedPort } from "./lib/configured-db";
import { createDatabase, ensureAppLogin, migrate, withClient } from "./lib/db-setup";
import { startEmbeddedPostgres } from "./lib/embedded-pg";

// `npm run user:create` and `npm run audit:verify` beside a running demo (no DATABASE_URL) used to take the
// demo's PostgreSQL for a leftover and stop it under the running app.
describe("the command-line tools and a running demo", () => {
  it("npm run audit:verify and user:create use the running demo's database and leave it running", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "stride-demo-"));
    chmodSync(dir, 0o755); // PostgreSQL runs as 'postgres' when we are root
    const secrets = loadDemoSecrets(dir);
    // What `npm run demo` leaves running: its cluster in <data>/pg, the stride database, the app's login.
    const demo = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), password: secrets.postgresPassword, fast: true });
    try {
      await createDatabase(demo.superuserUrl(), "stride");
      migrate(demo.superuserUrl("stride"), { quiet: true });
      await ensureAppLogin(demo.superuserUrl("stride"), "stride_web", secrets.appPassword);
      const env: NodeJS.ProcessEnv = { ...process.env, STRIDE_DATA_DIR: dir };
      delete env.DATABASE_URL;
      delete env.MIGRATE_DATABASE_URL;
      const tsx = path.join(projectRoot, "node_modules", ".bin", "tsx");
      const run = (args: string[]) => spawnSync(tsx, args, { cwd: projectRoot, env, encoding: "utf8", timeout: 120_000 });

      const verify = run(["scripts/audit-verify.ts"]);
      expect(verify.status, verify.stderr).toBe(0);
      const email = `cli-${Date.now()}@example.com`;
      const create = run([
        "--conditions=react-server",
        "scripts/create-user.ts",
        "--email",
        email,
        "--name",
        "Cli User",
        "--clinic",
        "CLI Clinic",
        "--time-zone",
        "UTC",
      ]);
      expect(create.status, create.stderr).toBe(0);

      // Still the demo's server, still answering, with the new account in it.
      expect(runningEmbeddedPort(path.join(dir, "pg"))).toBe(demo.port);
      const rows = await withClient(demo.superuserUrl("stride"), async (c) => (await c.query(`SELECT email FROM "User" WHERE email = $1`, [email])).rows);
      expect(rows).toEqual([{ email }]);
      expect(verify.stderr).toContain(`Using the running demo's database (port ${demo.port})`);
    } finally {
      await demo.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
