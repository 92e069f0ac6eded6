// npm run test:e2e: Playwright journeys in a real Chromium against `next build && next start` on a
// freshly migrated real PostgreSQL. Prints "N passed, N failed" last (scripts/test-all.ts reads it).
//   npm run test:e2e -- e2e/print.spec.ts     run one file (any Playwright arguments pass through)
//   E2E_SKIP_BUILD=1 npm run test:e2e         reuse the current .next build
import { spawn, type SpawnOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { CHROMIUM_HELP, findChromium } from "../lib/chromium.ts";
import { nextBuild, startAppServer } from "./lib/app-server.ts";
import { MailCatcher } from "./lib/mail-catcher.ts";
import { prepareTestDatabase } from "./lib/test-database.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function spawnAsync(cmd: string, args: string[], opts: SpawnOptions): Promise<{ status: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, opts);
    child.once("error", reject);
    child.once("exit", (status) => resolve({ status }));
  });
}

export interface SuiteResult {
  passed: number;
  failed: number;
  note?: string;
}

export async function runE2E(extraArgs: string[] = []): Promise<SuiteResult> {
  const browser = findChromium(() => chromium.executablePath());
  if (!browser) {
    console.error(CHROMIUM_HELP);
    return { passed: 0, failed: 1, note: "no Chromium" };
  }
  if (process.env.E2E_SKIP_BUILD !== "1" || !existsSync(path.join(root, ".next", "BUILD_ID"))) nextBuild();
  const db = await prepareTestDatabase("stride_e2e");
  // A fresh secret per run and the server's log in a file: the sentinel test greps the log for it.
  const secret = process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64");
  // The field keys, the same for the server, a second instance and the test fixtures (lib/data).
  process.env.FIELD_KEYS ??= `k1:${randomBytes(32).toString("base64")}`;
  // Outside test-results/, which Playwright empties when it starts.
  const appLog = path.join(os.tmpdir(), `stride-e2e-app-${process.pid}.log`);
  rmSync(appLog, { force: true });
  // A real SMTP server on loopback receives the app's mail; the journeys read it from its JSON outbox.
  const catcher = await new MailCatcher().start();
  const outbox = await catcher.serveOutbox(0);
  const app = await startAppServer({
    databaseUrl: db.appUrl,
    env: { NEXTAUTH_SECRET: secret, SMTP_URL: catcher.url, MAIL_FROM: "Stride e2e <no-reply@stride.invalid>" },
    logFile: appLog,
  });
  const resultsFile = path.join(root, "test-results", "e2e-results.json");
  rmSync(resultsFile, { force: true });
  try {
    // Not spawnSync: the mail catcher runs in this process and must keep answering while Playwright runs.
    const r = await spawnAsync(path.join(root, "node_modules", ".bin", "playwright"), ["test", ...extraArgs], {
      cwd: root,
      stdio: "inherit",
      env: {
        ...process.env,
        E2E_BASE_URL: app.url,
        E2E_APP_LOG: appLog,
        E2E_OUTBOX_URL: outbox,
        E2E_APP_PID: String(app.process.pid ?? ""),
        NEXTAUTH_SECRET: secret,
        DATABASE_URL: db.appUrl,
        OWNER_DATABASE_URL: db.ownerUrl,
        E2E_PG_DATA_DIR: db.cluster?.dataDir ?? "",
        E2E_PG_PORT: String(db.cluster?.port ?? ""),
        PLAYWRIGHT_CHROMIUM_PATH: browser,
        // Test fixtures use lib/data, which is marked server-only.
        NODE_OPTIONS: [process.env.NODE_OPTIONS, "--conditions=react-server"].filter(Boolean).join(" "),
      },
    });
    if (!existsSync(resultsFile)) return { passed: 0, failed: 1, note: `playwright exited ${r.status} without results` };
    const stats = JSON.parse(readFileSync(resultsFile, "utf8")).stats as { expected: number; unexpected: number; flaky: number; skipped: number };
    return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
  } finally {
    await app.stop();
    await catcher.stop();
    if (process.env.E2E_KEEP_LOGS) console.log(app.logs.join("\n"));
    rmSync(appLog, { force: true });
    await db.cleanup();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runE2E(process.argv.slice(2))
    .then((r) => {
      console.log(`\n${r.passed} passed, ${r.failed} failed`);
      process.exit(r.failed ? 1 : 0);
    })
    .catch((e: unknown) => {
      console.error(e);
      console.log("\n0 passed, 1 failed");
      process.exit(1);
    });
}
