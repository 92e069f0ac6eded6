// A real, freshly migrated PostgreSQL database for a test run: on TEST_DATABASE_URL's server when set
// (the role needs CREATEDB and CREATEROLE), otherwise on a throwaway embedded cluster.
import { randomBytes } from "node:crypto";
import { startThrowawayPostgres, type RunningPostgres } from "./embedded-pg.ts";
import { createDatabase, dropDatabase, ensureAppLogin, migrate, withCredentials } from "./db-setup.ts";

export interface TestDatabase {
  /** As the tables' owner (migrations, fixtures that bypass the app, tamper tests). */
  ownerUrl: string;
  /** As the app's role (owns nothing, append-only audit trail): what the app and the tests use. */
  appUrl: string;
  /** The embedded cluster, when one was started (fault tests stop and start it). */
  cluster: RunningPostgres | null;
  cleanup(): Promise<void>;
}

export async function prepareTestDatabase(name = "stride_test"): Promise<TestDatabase> {
  const external = process.env.TEST_DATABASE_URL;
  const cluster = external ? null : await startThrowawayPostgres();
  const serverUrl = external ?? cluster!.superuserUrl();
  const dbName = external ? `${name}_${randomBytes(4).toString("hex")}` : name;
  await createDatabase(serverUrl, dbName);
  const ownerUrl = withDatabase(serverUrl, dbName);
  migrate(ownerUrl, { quiet: true });
  const appRole = external ? `stride_app_${randomBytes(3).toString("hex")}` : "stride_web";
  const appPassword = randomBytes(18).toString("base64url");
  await ensureAppLogin(ownerUrl, appRole, appPassword);
  const appUrl = withCredentials(ownerUrl, appRole, appPassword);
  return {
    ownerUrl,
    appUrl,
    cluster: cluster && { ...cluster },
    async cleanup() {
      if (cluster) await cluster.cleanup();
      else {
        await dropDatabase(serverUrl, dbName).catch(() => {});
        const { withClient } = await import("./db-setup.ts");
        await withClient(serverUrl, (c) => c.query(`DROP ROLE IF EXISTS ${appRole}`)).catch(() => {});
      }
    },
  };
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
