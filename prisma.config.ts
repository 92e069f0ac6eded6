// Prisma CLI configuration. Prisma's native schema engine cannot be downloaded on our machines (nor in an
// air-gapped clinic), so the CLI uses its JavaScript schema engine through the pg driver adapter.
// See docs/decisions/0001-prisma-js-engine.md.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

type ScriptRunner = {
  executeScript(script: string): Promise<void>;
  underlyingDriver(): { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
};

/**
 * @prisma/adapter-pg 7.x runs a migration script by splitting it on every ";", which breaks any function
 * or DO block (dollar-quoted bodies) and any string holding a semicolon. PostgreSQL's simple-query
 * protocol runs a whole multi-statement script in one round trip, so send it whole.
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    return sendScriptsWhole(await super.connect());
  }
}

function sendScriptsWhole<T>(adapter: T): T {
  const runner = adapter as unknown as ScriptRunner;
  runner.executeScript = async (script: string) => {
    try {
      await runner.underlyingDriver().query(script);
    } catch (error) {
      runner.onError(error);
    }
  };
  return adapter;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    // Migrations run as the owner of the tables; the app connects (DATABASE_URL) as a role that owns none.
    const connectionString = process.env.MIGRATE_DATABASE_URL;
    if (!connectionString) {
      throw new Error("Set MIGRATE_DATABASE_URL (the tables' owner) to run migrations; npm run db:migrate explains.");
    }
    // A short idle timeout lets the CLI exit as soon as it is done (pg's default keeps it alive 10 s).
    return new WholeScriptPg({ connectionString, idleTimeoutMillis: 50 });
  },
});
