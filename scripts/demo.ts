// npm run demo: serve the app with demo data on an embedded PostgreSQL (or DATABASE_URL's server).
//   npm run demo                 embedded database in .data/, demo clinic seeded on first start
//   npm run demo -- --seed       with DATABASE_URL: also seed the demo clinic (nothing is seeded unless asked)
//   npm run demo -- --dev        next dev instead of a production build (hot reload)
//   PORT=4000 npm run demo       another port
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfNeeded } from "./lib/build.ts";
import { startEmbeddedPostgres, type RunningPostgres } from "./lib/embedded-pg.ts";
import { demoDataDir, loadDemoSecrets, type DemoSecrets } from "./lib/configured-db.ts";
import { createDatabase, ensureAppLogin, migrate, withClient, withCredentials } from "./lib/db-setup.ts";
import { MailCatcher } from "./lib/mail-catcher.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const port = Number(process.env.PORT ?? 3000);
const baseUrl = `http://localhost:${port}`;

const say = (s: string) => console.log(`[demo] ${s}`);

function portFree(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(p, "0.0.0.0", () => srv.close(() => resolve(true)));
  });
}

async function main() {
  let pg: RunningPostgres | null = null;
  let appUrl: string;
  let ownerUrl: string;
  let secrets: DemoSecrets;
  let dir: string;

  if (!(await portFree(port))) {
    throw new Error(`Port ${port} is in use. Stop what is using it, or choose another: PORT=4000 npm run demo`);
  }

  if (process.env.DATABASE_URL) {
    dir = path.join(root, ".data");
    mkdirSync(dir, { recursive: true });
    secrets = loadDemoSecrets(dir);
    appUrl = process.env.DATABASE_URL;
    ownerUrl = process.env.MIGRATE_DATABASE_URL ?? appUrl;
    say("Using the database in DATABASE_URL; applying migrations as MIGRATE_DATABASE_URL (or DATABASE_URL).");
    migrate(ownerUrl);
  } else {
    dir = demoDataDir(say);
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    chmodSync(dir, 0o755);
    secrets = loadDemoSecrets(dir);
    say(`Starting the embedded PostgreSQL (data in ${path.relative(root, path.join(dir, "pg")) || path.join(dir, "pg")})…`);
    pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), password: secrets.postgresPassword });
    await createDatabase(pg.superuserUrl(), "stride");
    ownerUrl = pg.superuserUrl("stride");
    migrate(ownerUrl);
    await ensureAppLogin(ownerUrl, "stride_web", secrets.appPassword);
    appUrl = withCredentials(ownerUrl, "stride_web", secrets.appPassword);
  }

  const credentialsFile = path.join(dir, "demo-credentials.txt");
  const empty = await withClient(ownerUrl, async (c) => (await c.query(`SELECT count(*)::int AS n FROM "Clinic"`)).rows[0].n === 0);
  const shouldSeed = pg ? empty : args.has("--seed") && empty;
  if (shouldSeed) {
    say("Seeding the demo clinic…");
    process.env.DATABASE_URL = appUrl;
    process.env.NEXTAUTH_SECRET = secrets.nextauthSecret;
    process.env.FIELD_KEYS ??= secrets.fieldKeys;
    const { seedDemo } = await import("../prisma/seed.ts");
    const seed = await seedDemo();
    const { db } = await import("../lib/db.ts");
    await db().$disconnect();
    writeFileSync(
      credentialsFile,
      [
        `Demo clinic: ${seed.clinicName}`,
        `Clinician sign-in: ${seed.email}`,
        `Password: ${seed.password}`,
        `Admin sign-in: ${seed.adminEmail}  password: ${seed.adminPassword}  (sets up two-factor sign-in at the first sign-in)`,
        `Patient intake link (Jordan Lee, born ${seed.patientDateOfBirth}; valid 7 days from ${new Date().toISOString().slice(0, 10)}): ${seed.patientLinkPath}`,
        `Spanish-speaking patient's intake link (Lucía Herrera, born ${seed.spanishPatientDateOfBirth}): ${seed.spanishPatientLinkPath}`,
        "Spanish-speaking patient with a signed summary: Carmen Ruiz (Print shows her take-home sheet in Spanish).",
        "",
      ].join("\n"),
      { mode: 0o600 },
    );
  } else if (!pg && empty) {
    say("The database has no clinic. Create one and an account with npm run user:create, or seed the demo with --seed.");
  }

  if (!dev) buildIfNeeded(say);

  // With no SMTP_URL the demo's mail goes to a catcher on this machine (ADR 0017), read on a local page.
  let catcher: MailCatcher | null = null;
  let outbox: string | null = null;
  if (!process.env.SMTP_URL) {
    catcher = await new MailCatcher({ port: port + 25 }).start();
    outbox = await catcher.serveOutbox(port + 80);
  }

  const env = {
    ...process.env,
    NODE_ENV: (dev ? "development" : "production") as "development" | "production",
    DATABASE_URL: appUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.nextauthSecret,
    // The keys for encrypted notes and two-factor secrets: the operator's, else the demo's own in .data/.
    FIELD_KEYS: process.env.FIELD_KEYS ?? secrets.fieldKeys,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? baseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    SMTP_URL: process.env.SMTP_URL ?? catcher!.url,
    MAIL_FROM: process.env.MAIL_FROM ?? "Stride demo <no-reply@stride.invalid>",
  };
  const next: ChildProcess = spawn(path.join(root, "node_modules", ".bin", "next"), [dev ? "dev" : "start", "-p", String(port)], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let announced = false;
  next.stdout!.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (!announced && /Ready in|started server/.test(text)) {
      announced = true;
      say(`Serving on ${baseUrl}`);
      if (existsSync(credentialsFile)) {
        say(`Demo sign-in (kept in ${credentialsFile}):`);
        // The file keeps the link's path; it is shown on the address this start serves on.
        for (const line of readFileSync(credentialsFile, "utf8").trim().split("\n")) console.log(`       ${line.replace(/: (\/i\/\S+)$/, `: ${baseUrl}$1`)}`);
      }
      if (outbox) say(`Email goes to the local mail catcher (no SMTP_URL set): read it on ${outbox}`);
      say("Press Ctrl-C to stop (the database shuts down cleanly; your data stays).");
    }
  });

  // One backup a day while the demo runs (the first an hour after start), when BACKUP_KEY is set: the key
  // is never generated or stored by the demo, so that it does not end up beside the backups.
  let dailyBackup: NodeJS.Timeout | null = null;
  if (process.env.BACKUP_KEY) {
    const { backupDatabase } = await import("./lib/backup.ts");
    const backupDir = process.env.BACKUP_DIR ? path.resolve(process.env.BACKUP_DIR) : path.join(dir, "backups");
    const takeBackup = () =>
      backupDatabase(ownerUrl, backupDir, process.env.BACKUP_KEY, Number(process.env.BACKUP_KEEP ?? 7)).then(
        (b) => say(`Daily backup written: ${b.file} (${(b.bytes / 1024 / 1024).toFixed(1)} MB, ${(b.ms / 1000).toFixed(1)} s)`),
        (e: unknown) => say(`Daily backup FAILED: ${e instanceof Error ? e.message : String(e)}`),
      );
    const first = setTimeout(
      () => {
        void takeBackup();
        dailyBackup = setInterval(() => void takeBackup(), 24 * 60 * 60 * 1000);
      },
      60 * 60 * 1000,
    );
    first.unref();
    say(`Daily backups on: into ${backupDir}, the newest ${process.env.BACKUP_KEEP ?? 7} kept.`);
  } else {
    say("Daily backups off: set BACKUP_KEY (openssl rand -base64 32) to have the demo take one a day (README, Backups).");
  }

  let stopping = false;
  const stop = async (code: number) => {
    if (dailyBackup) clearInterval(dailyBackup);
    if (stopping) return;
    stopping = true;
    say("Stopping…");
    if (next.exitCode === null) {
      next.kill("SIGTERM");
      await new Promise((r) => next.once("exit", r));
    }
    await catcher?.stop();
    if (pg) {
      await pg.stop();
      say("Database stopped cleanly.");
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  next.on("exit", (code) => {
    if (!stopping) {
      say(`The app exited (code ${code}).`);
      void stop(code ?? 1);
    }
  });
}

main().catch((e: unknown) => {
  console.error(`[demo] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
