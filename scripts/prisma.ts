// Runs the Prisma CLI the way that works offline (see docs/decisions/0001-prisma-js-engine.md).
//   tsx scripts/prisma.ts generate            generate the client into lib/generated/prisma
//   tsx scripts/prisma.ts new-migration NAME  write prisma/migrations/<timestamp>_NAME/migration.sql as the
//                                             diff between the last migrated schema and schema.prisma
//   tsx scripts/prisma.ts check               exit 1 if schema.prisma has changes with no migration
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startThrowawayPostgres } from "./lib/embedded-pg.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const schema = path.join(root, "prisma", "schema.prisma");
const snapshot = path.join(root, "prisma", "migrations", "schema.snapshot.prisma");

/** Run the Prisma CLI. The schema's datasource reads DATABASE_URL, which Prisma 6 insists on even for
 * commands that never connect; a placeholder keeps `generate` and `migrate diff` working without one. */
export function prisma(args: string[], opts: { capture?: boolean; env?: Record<string, string> } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  env.DATABASE_URL ??= "postgresql://placeholder@localhost:1/placeholder";
  env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
  // The CLI's update check cannot reach the internet here and holds the process open ~10 s.
  env.CHECKPOINT_DISABLE = "1";
  const preload = `--require ${path.join(root, "scripts", "lib", "unref-long-timers.cjs")}`;
  env.NODE_OPTIONS = [env.NODE_OPTIONS, preload].filter(Boolean).join(" ");
  const bin = path.join(root, "node_modules", ".bin", "prisma");
  return spawnSync(bin, args, { cwd: root, env, stdio: opts.capture ? "pipe" : "inherit", encoding: "utf8" });
}

/** Prisma's JavaScript schema engine connects to a database even to diff two schema files. */
async function withScratchDatabase<T>(fn: (url: string) => T): Promise<T> {
  const pg = await startThrowawayPostgres();
  try {
    return fn(pg.superuserUrl());
  } finally {
    await pg.cleanup();
  }
}

function newMigration(name: string, url: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("Migration name: lower-case letters, digits and _ only");
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const r = prisma(["migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"], {
    capture: true,
    env: { MIGRATE_DATABASE_URL: url },
  });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    process.exit(r.status ?? 1);
  }
  const sql = r.stdout.replace(/^Loaded Prisma config.*\n/m, "");
  if (!/\S/.test(sql.replace(/^--.*$/gm, ""))) {
    console.log("schema.prisma has no changes since the last migration.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(root, "prisma", "migrations", `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  copyFileSync(schema, snapshot);
  console.log(`Wrote ${path.relative(root, dir)}/migration.sql. Review it, add any SQL Prisma cannot express, then npm run db:migrate.`);
}

/** Exit 1 when schema.prisma differs from the schema the migrations were made from. */
export function checkSchemaMatchesMigrations(url: string): { ok: true } | { ok: false; diff: string } {
  const r = prisma(["migrate", "diff", "--from-schema-datamodel", snapshot, "--to-schema-datamodel", schema, "--exit-code"], {
    capture: true,
    env: { MIGRATE_DATABASE_URL: url },
  });
  return r.status === 0 ? { ok: true } : { ok: false, diff: r.stdout + r.stderr };
}

function check(url: string) {
  const r = checkSchemaMatchesMigrations(url);
  if (r.ok) return;
  process.stderr.write(r.diff);
  process.stderr.write("\nprisma/schema.prisma has changes that no migration covers: run npm run db:migration:new -- <name>\n");
  process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [cmd, arg] = process.argv.slice(2);
  if (cmd === "generate") {
    const r = prisma(["generate"]);
    process.exit(r.status ?? 1);
  } else if (cmd === "new-migration" && arg) {
    await withScratchDatabase((url) => newMigration(arg, url));
  } else if (cmd === "check") {
    await withScratchDatabase((url) => check(url));
  } else {
    console.error("usage: tsx scripts/prisma.ts generate | new-migration <name> | check");
    process.exit(2);
  }
}
