// npm run test:faults: reliability under faults, against `next start` on a durable embedded
// PostgreSQL (fsync, synchronous_commit and full_page_writes on: the defaults, not the tests' fast mode).
//   1. Idempotent writes: ten identical concurrent intake submissions make one row.
//   2. The server killed (SIGKILL) in the middle of an exam save: all or nothing in the database, and the
//      exam form says "not saved" and saves on retry.
//   3. PostgreSQL stopped abruptly under load, then started: every acknowledged save is in the database,
//      requests during the outage fail fast, and the app recovers without a restart.
//   4. Messages: the SMTP server down while 50 messages are due (FAULT_SMTP_DOWN_SECONDS, default 60), then
//      back: all 50 arrive once. The app killed mid-send: after a restart every message arrives, no job stuck.
//   5. A bounded soak of mixed traffic (autocannon): no errors, memory within a stated bound, no lost writes.
//   6. Hostile input over HTTP: fast-check inputs to the exam, intake, new-patient and summary saves; no 5xx,
//      nothing stored with a character input hygiene removes; prints how many inputs were tried.
//   7. The restore drill: a clinic of BACKUP_DRILL_PATIENTS (default 10,000) patients backed up while exam
//      autosaves run, the database dropped, restored from the backup, then every table's row count and
//      content hash, every save acknowledged before the backup, the audit chain, a sign-in and a print.
// Prints "N passed, N failed" last. FAULT_SOAK_SECONDS (default 180) bounds the soak.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../lib/chromium.ts";
import { nextBuild, startAppServer, type AppServer } from "./lib/app-server.ts";
import { describeProblem, verifyAuditChain } from "./lib/audit-verify.ts";
import { backupDatabase, restoreDatabase, tableFingerprints } from "./lib/backup.ts";
import { createDatabase, dropDatabase, ensureAppLogin, migrate, withClient, withCredentials } from "./lib/db-setup.ts";
import { freePort, killCluster, restartCluster, startEmbeddedPostgres } from "./lib/embedded-pg.ts";
import { HttpClient as Client } from "./lib/http-client.ts";
import { actionId, actionRequest, consentShown, examBody, intakeBody, outcomeOf, TARGETS, type WriteOutcome } from "./faults/targets.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOAK_SECONDS = Number(process.env.FAULT_SOAK_SECONDS ?? 180);
const SMTP_DOWN_SECONDS = Number(process.env.FAULT_SMTP_DOWN_SECONDS ?? 60);
const DRILL_PATIENTS = Number(process.env.BACKUP_DRILL_PATIENTS ?? 10_000);
/** Generated hostile inputs per action in the HTTP fuzz (FAULT_FUZZ_RUNS). */
const FUZZ_RUNS = Number(process.env.FAULT_FUZZ_RUNS ?? 150);
/** The soak's memory bound for the server process (resident set, including any worker it forks). */
const RSS_LIMIT_MB = 900;
/** And how much it may grow from the end of the warm-up to the end of the run. */
const RSS_GROWTH_LIMIT_MB = 250;

const results: { name: string; ok: boolean; detail: string }[] = [];
const log = (s: string) => console.log(`  ${s}`);
function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}
// FAULTS_ONLY=text runs only the checks whose name contains that text (for working on one of them).
const only = process.env.FAULTS_ONLY?.toLowerCase();

async function check(name: string, fn: () => Promise<string>) {
  if (only && !name.toLowerCase().includes(only)) return;
  console.log(`\n=== ${name}`);
  const t = Date.now();
  try {
    const detail = await fn();
    results.push({ name, ok: true, detail });
    console.log(`  PASS (${((Date.now() - t) / 1000).toFixed(1)} s) ${detail}`);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    results.push({ name, ok: false, detail });
    console.log(`  FAIL ${detail}`);
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) nextBuild();
  const base = path.join(os.tmpdir(), `stride-faults-${process.pid}-${randomBytes(3).toString("hex")}`);
  mkdirSync(base, { recursive: true, mode: 0o755 });
  const dataDir = path.join(base, "data");
  const pgPort = await freePort();
  const pg = await startEmbeddedPostgres({ dataDir, password: randomBytes(18).toString("base64url"), port: pgPort, fast: false });
  let app: AppServer | null = null;
  let catcher: import("./lib/mail-catcher.ts").MailCatcher | null = null;
  try {
    await createDatabase(pg.superuserUrl(), "stride_faults");
    const ownerUrl = pg.superuserUrl("stride_faults");
    migrate(ownerUrl, { quiet: true });
    const appPw = randomBytes(18).toString("base64url");
    await ensureAppLogin(ownerUrl, "stride_web", appPw);
    const appUrl = withCredentials(ownerUrl, "stride_web", appPw);
    process.env.DATABASE_URL = appUrl;
    const secret = randomBytes(32).toString("base64");
    process.env.NEXTAUTH_SECRET = secret;
    process.env.FIELD_KEYS ??= `k1:${randomBytes(32).toString("base64")}`;
    const { db } = await import("../lib/db.ts");
    const { createClinicianAndClinic, clinicianActor, uniqueSuffix } = await import("../prisma/factories.ts");
    const { createPatient } = await import("../lib/data/patients.ts");
    const { startVisit } = await import("../lib/data/visits.ts");
    const { getIntakeSession, verifyDateOfBirth } = await import("../lib/data/intake-link.ts");
    const owner = async <T>(sql: string, params: unknown[] = []) => {
      const pgm = await import("pg");
      const c = new pgm.default.Client({ connectionString: ownerUrl });
      await c.connect();
      try {
        return (await c.query(sql, params)).rows as T[];
      } finally {
        await c.end();
      }
    };

    const port = await freePort();
    // The app's mail goes to a real SMTP server on loopback, which the message checks stop and slow down.
    const { MailCatcher } = await import("./lib/mail-catcher.ts");
    catcher = await new MailCatcher().start();
    const smtpEnv = { SMTP_URL: catcher.url, MAIL_FROM: "Stride faults <no-reply@stride.invalid>", MESSAGE_STALE_LOCK_SECONDS: "10" };
    const start = (env: Record<string, string> = {}) =>
      startAppServer({ databaseUrl: appUrl, port, env: { NEXTAUTH_SECRET: secret, ...smtpEnv, ...env }, detached: true });
    app = await start();
    const baseUrl = app.url;
    const submitId = actionId(root, TARGETS.submitIntake);
    const examId = actionId(root, TARGETS.saveExam);

    const { clinic, user, password } = await createClinicianAndClinic();
    const actor = await clinicianActor(user, clinic.id);
    const clinician = new Client(baseUrl);
    await clinician.signIn(user.email, password);
    const today = new Date().toISOString().slice(0, 10);
    const newVisit = async () => {
      const p = await createPatient(actor, {
        firstName: `F${uniqueSuffix()}`,
        lastName: "Fault",
        dateOfBirth: "1980-02-03",
        sex: "OTHER",
        email: "",
        phone: "",
      });
      const v = await startVisit(actor, { patientId: p.id, kind: "INITIAL", date: today });
      assert(v.ok, "no visit");
      return { patientId: p.id, visitId: v.visitId, token: v.token };
    };
    /** A patient's browser: link opened over HTTP, date of birth confirmed. */
    const patientSession = async (token: string) => {
      const c = new Client(baseUrl);
      const r = await c.fetch(`/i/${token}`);
      assert(r.status === 303, `invite answered ${r.status}`);
      const s = await getIntakeSession(c.jar.get("stride_intake"));
      assert(s.ok, "no intake session");
      await verifyDateOfBirth(s.actor, "1980-02-03");
      return c;
    };
    const submit = async (c: Client, key: string): Promise<WriteOutcome> => {
      const { url, init } = actionRequest(baseUrl, submitId, TARGETS.submitIntake.page(), [intakeBody, key, consentShown], c.cookie);
      const r = await fetch(url, init);
      return outcomeOf(r.status, await r.text());
    };
    const saveExam = async (visitId: string, n: number, baseVersion: number | null): Promise<WriteOutcome> => {
      const { url, init } = actionRequest(baseUrl, examId, TARGETS.saveExam.page(visitId), [visitId, examBody(n), baseVersion], clinician.cookie);
      const r = await fetch(url, { ...init, signal: AbortSignal.timeout(20_000) });
      return outcomeOf(r.status, await r.text());
    };

    await check("ten identical concurrent submissions make exactly one row", async () => {
      const v = await newVisit();
      const c = await patientSession(v.token);
      const key = `fault-${randomBytes(8).toString("hex")}`;
      const all = await Promise.all(Array.from({ length: 10 }, () => submit(c, key)));
      assert(
        all.every((o) => o.ok),
        `not all ten succeeded: ${JSON.stringify(all.filter((o) => !o.ok))}`,
      );
      const rows = await owner<{ n: number }>(`SELECT count(*)::int AS n FROM "IntakeResponse" WHERE "visitId" = $1`, [v.visitId]);
      assert(rows[0]!.n === 1, `${rows[0]!.n} rows`);
      const w = await newVisit();
      const c2 = await patientSession(w.token);
      const tabs = await Promise.all(Array.from({ length: 10 }, (_, i) => submit(c2, `tab-${i}-${randomBytes(8).toString("hex")}`)));
      const rows2 = await owner<{ n: number }>(`SELECT count(*)::int AS n FROM "IntakeResponse" WHERE "visitId" = $1`, [w.visitId]);
      assert(rows2[0]!.n === 1 && tabs.every((o) => o.ok), `ten tabs with different keys: ${rows2[0]!.n} rows`);
      return "10/10 answered ok with one row (same key), and one row from ten different keys";
    });

    await check(
      `hostile input over HTTP: ${FUZZ_RUNS} generated inputs each to the exam, intake, new-patient and summary saves; never a 5xx, nothing stored unclean`,
      async () => {
        const fc = (await import("fast-check")).default;
        const { encodeActionArgs, inputsFor, unsafeStrings } = await import("../test/hostile.ts");
        const { examData, intakeAnswers, patientThroughInvite } = await import("../prisma/factories.ts");
        const { submitIntake } = await import("../lib/data/intake-answers.ts");
        const { saveExam: saveExamDirect } = await import("../lib/data/exams.ts");
        const v = await newVisit();
        const patient = await patientSession(v.token);
        // The summary needs an intake and an exam to review.
        const s = await newVisit();
        await submitIntake(await patientThroughInvite(s.token, "1980-02-03"), intakeAnswers(), `fuzz-${s.visitId}`);
        await saveExamDirect(actor, s.visitId, examData(150, 200), null);
        const targets = [
          {
            name: "exam",
            t: TARGETS.saveExam,
            page: TARGETS.saveExam.page(v.visitId),
            who: clinician,
            valid: examData(150, 200),
            args: (x: unknown) => [v.visitId, x, null],
          },
          {
            name: "intake",
            t: TARGETS.saveDraft,
            page: TARGETS.saveDraft.page(),
            who: patient,
            valid: intakeAnswers(),
            args: (x: unknown) => [x, null, "about"],
          },
          {
            name: "new patient",
            t: TARGETS.createPatient,
            page: TARGETS.createPatient.page(),
            who: clinician,
            valid: { firstName: "Ana", lastName: "Lee", dateOfBirth: "1980-01-01", sex: "FEMALE", email: "", phone: "" },
            args: (x: unknown) => [x],
          },
          {
            name: "summary",
            t: TARGETS.saveSummary,
            page: TARGETS.saveSummary.page(s.visitId),
            who: clinician,
            valid: { notes: "Seen today.", rtrStart: { mode: "walk-run", phase: 2 } },
            args: (x: unknown) => [s.visitId, x, null],
          },
        ];
        const statuses = new Map<number, number>();
        let tried = 0;
        const serverErrors: string[] = [];
        for (const target of targets) {
          const id = actionId(root, target.t);
          // Nesting up to 500 here (JSON.stringify with a replacer recurses); the body check refuses past 64.
          for (const input of fc.sample(inputsFor(target.valid, 500), { numRuns: FUZZ_RUNS, seed: 14 })) {
            const { url, init } = actionRequest(baseUrl, id, target.page, [], target.who.cookie);
            const r = await fetch(url, {
              ...init,
              body: encodeActionArgs(target.args(input)),
              headers: { ...init.headers, "X-Forwarded-For": target.who.ip },
              redirect: "manual",
              signal: AbortSignal.timeout(20_000),
            });
            await r.arrayBuffer();
            tried++;
            statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
            if (r.status >= 500) serverErrors.push(`${target.name}: ${encodeActionArgs(target.args(input)).slice(0, 160)}`);
          }
        }
        assert(serverErrors.length === 0, `${serverErrors.length} of ${tried} answered 5xx, e.g. ${serverErrors.slice(0, 3).join(" | ")}`);
        const stored = await owner<{ v: unknown }>(
          `SELECT data AS v FROM "Exam" WHERE "visitId" = $1 UNION ALL SELECT answers FROM "IntakeResponse" WHERE "visitId" = $1 UNION ALL SELECT content FROM "Summary" WHERE "visitId" = $2
         UNION ALL SELECT to_jsonb(p) FROM "Patient" p WHERE "clinicId" = $3`,
          [v.visitId, s.visitId, clinic.id],
        );
        // Encrypted free text is checked as the app would read it.
        const { decryptDeep } = await import("../lib/crypto/fields.ts");
        const unclean = stored.flatMap((row) => unsafeStrings(decryptDeep(row.v)));
        assert(unclean.length === 0, `stored with characters input hygiene removes: ${JSON.stringify(unclean.slice(0, 3))}`);
        const byStatus = [...statuses]
          .sort(([a], [b]) => a - b)
          .map(([k, n]) => `${n}× ${k}`)
          .join(", ");
        return `${tried} inputs tried: ${byStatus}; 0 server errors; ${stored.length} stored records clean`;
      },
    );

    await check("killing the server in the middle of a save leaves all or nothing; the form says not saved and the retry saves", async () => {
      const v = await newVisit();
      await app!.stop();
      app = await start({ FAULT_DELAY_MS: "4000", STRIDE_FAULT_TESTS: "1" });
      const pending = saveExam(v.visitId, 1, null).then(
        (o) => ({ answered: true, o }),
        (e: unknown) => ({ answered: false, o: String(e) }),
      );
      await sleep(1500);
      await app.crash();
      const r = await pending;
      assert(!r.answered || !(r.o as WriteOutcome).ok, "the client was told it saved");
      const left = await owner<{ n: number }>(
        `SELECT (SELECT count(*) FROM "Exam" WHERE "visitId" = $1)::int + (SELECT count(*) FROM "AuditEvent" WHERE "recordType" = 'Exam' AND "patientId" = $2)::int AS n`,
        [v.visitId, v.patientId],
      );
      assert(left[0]!.n === 0, "a partial save is in the database");
      const [status] = await owner<{ status: string }>(`SELECT status FROM "Visit" WHERE id = $1`, [v.visitId]);
      assert(status!.status === "INVITED", `visit moved to ${status!.status}`);
      app = await start();
      const retry = await saveExam(v.visitId, 1, null);
      assert(retry.ok && retry.version === 1, `retry: ${JSON.stringify(retry)}`);

      // The same through the real exam form in Chromium.
      const w = await newVisit();
      await app.stop();
      app = await start({ FAULT_DELAY_MS: "4000", STRIDE_FAULT_TESTS: "1" });
      const exe = findChromium(() => chromium.executablePath());
      assert(exe, "no Chromium");
      const browser = await chromium.launch({ executablePath: exe, args: CHROMIUM_ARGS });
      try {
        const context = await browser.newContext({ baseURL: baseUrl });
        await context.addCookies([...clinician.jar].map(([name, value]) => ({ name, value, url: baseUrl })));
        const page = await context.newPage();
        await page.goto(`/visits/${w.visitId}/exam`);
        const { fillAndSaveExam } = await import("../e2e/security/ui.ts");
        await fillAndSaveExam(page, 140, 190);
        await sleep(1500);
        await app.crash();
        await page.getByText("Not saved: the server could not be reached").waitFor({ timeout: 15_000 });
        const mid = await owner<{ n: number }>(`SELECT count(*)::int AS n FROM "Exam" WHERE "visitId" = $1`, [w.visitId]);
        assert(mid[0]!.n === 0, "the killed save left a row");
        app = await start();
        await page.getByRole("button", { name: "Save now" }).click();
        await page.getByText(/All changes saved \(version 1[,)]/).waitFor({ timeout: 15_000 });
      } finally {
        await browser.close();
      }
      const after = await owner<{ n: number }>(`SELECT count(*)::int AS n FROM "Exam" WHERE "visitId" = $1`, [w.visitId]);
      assert(after[0]!.n === 1, "the retried save is not there");
      const chain = await verifyAuditChain(appUrl);
      assert(chain.ok, `the audit chain broke: ${chain.ok ? "" : describeProblem(chain.first)}`);
      return "no row and no audit event from the killed save; the form said 'Not saved' and the retry saved version 1; audit chain intact";
    });

    await check("PostgreSQL stopped abruptly under load: acknowledged saves survive, the outage fails fast, the app recovers without a restart", async () => {
      const workers = await Promise.all(Array.from({ length: 6 }, () => newVisit()));
      const acked = new Map<string, number>();
      const failures: { ms: number; reason: string }[] = [];
      let outage = false;
      let stop = false;
      const began = Date.now();
      const loops = workers.map(async (v, i) => {
        let base: number | null = null;
        let n = 0;
        while (!stop) {
          const t = Date.now();
          let o: WriteOutcome;
          try {
            o = await saveExam(v.visitId, n++, base);
          } catch (e) {
            o = { ok: false, status: 0, reason: String(e) };
          }
          if (o.ok) {
            base = o.version!;
            acked.set(v.visitId, o.version!);
          } else {
            if (outage) failures.push({ ms: Date.now() - t, reason: o.reason });
            await sleep(200);
            // Like a client that reloads after a failure: the version now in the database.
            try {
              const [row] = await db().exam.findMany({ where: { visitId: v.visitId }, select: { version: true } });
              base = row?.version ?? null;
            } catch {
              /* still down */
            }
          }
          void i;
        }
      });
      await sleep(3000);
      outage = true;
      await killCluster(dataDir);
      const h0 = Date.now();
      const health = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) });
      const healthMs = Date.now() - h0;
      await sleep(5000);
      await restartCluster(dataDir, pgPort, false);
      outage = false;
      const back = Date.now();
      let recoveredMs = -1;
      while (Date.now() - back < 15_000) {
        const r = await fetch(`${baseUrl}/api/health`).catch(() => null);
        if (r?.status === 200) {
          recoveredMs = Date.now() - back;
          break;
        }
        await sleep(250);
      }
      await sleep(4000);
      stop = true;
      await Promise.all(loops);
      assert(health.status === 503 && healthMs < 3500, `health during the outage: ${health.status} after ${healthMs} ms`);
      assert(failures.length > 0, "no request failed during the outage: was the database really down?");
      const slow = failures.filter((f) => f.ms > 5000);
      assert(slow.length === 0, `${slow.length} requests took over 5 s to fail`);
      assert(
        failures.every((f) => f.reason === "server error" || f.reason.startsWith("HTTP 5")),
        `unexpected failure kinds: ${[...new Set(failures.map((f) => f.reason))].join(", ")}`,
      );
      assert(recoveredMs >= 0 && recoveredMs < 10_000, `not recovered within 10 s (${recoveredMs})`);
      const rows = await owner<{ visitId: string; version: number }>(`SELECT "visitId", version FROM "Exam" WHERE "visitId" = ANY($1::uuid[])`, [
        workers.map((w) => w.visitId),
      ]);
      const inDb = new Map(rows.map((r) => [r.visitId, r.version]));
      const lost = [...acked].filter(([v, ver]) => (inDb.get(v) ?? 0) < ver);
      assert(lost.length === 0, `acknowledged saves missing: ${JSON.stringify(lost)}`);
      const totalAcked = [...acked.values()].reduce((a, b) => a + b, 0);
      assert(totalAcked > 0 && workers.every((w) => (acked.get(w.visitId) ?? 0) > 0), "some worker never saved after recovery");
      const chain = await verifyAuditChain(appUrl);
      assert(chain.ok, `the audit chain broke: ${chain.ok ? "" : describeProblem(chain.first)}`);
      const maxFail = Math.max(...failures.map((f) => f.ms));
      return `${failures.length} requests failed during the outage, slowest in ${maxFail} ms; health 503 in ${healthMs} ms; healthy again ${recoveredMs} ms after PostgreSQL; ${Math.round((Date.now() - began) / 1000)} s run, every acknowledged save present (${acked.size} visits, latest versions ${[...acked.values()].join(", ")}); audit chain intact`;
    });

    // Messages: each is queued in one transaction with its job; the mail server sees Message-ID <id@…>.
    const { queueMessage } = await import("../lib/data/messages.ts");
    const queue = async (n: number, tag: string) => {
      const ids: string[] = [];
      await db().$transaction(async (tx) => {
        for (let i = 0; i < n; i++) ids.push(await queueMessage(tx, { clinicId: clinic.id, kind: "intake-received", recipient: `${tag}-${i}@example.org` }));
      });
      return ids;
    };
    const arrived = (ids: string[]) => {
      const wanted = new Set(ids.map((id) => `<${id}@stride.invalid>`));
      const ours = catcher!.mail.filter((m) => wanted.has(m.messageId));
      const unique = new Set(ours.map((m) => m.messageId)).size;
      return { received: ours.length, unique, repeats: ours.length - unique, lost: ids.length - unique };
    };
    const messageRows = (ids: string[]) =>
      owner<{ sent: number; attempts: number }>(
        `SELECT count(*) FILTER (WHERE status = 'SENT')::int AS sent, coalesce(sum(attempts), 0)::int AS attempts FROM "Message" WHERE id = ANY($1::uuid[])`,
        [ids],
      );
    const untilAllSent = async (ids: string[], timeoutMs: number) => {
      const t = Date.now();
      while (Date.now() - t < timeoutMs) {
        const [r] = await messageRows(ids);
        if (r!.sent === ids.length && arrived(ids).lost === 0) return;
        await sleep(500);
      }
      throw new Error(`not all sent within ${timeoutMs / 1000} s: ${JSON.stringify(arrived(ids))}`);
    };

    await check(`the SMTP server down for ${SMTP_DOWN_SECONDS} s while 50 messages are due: all 50 arrive once it is back, none twice`, async () => {
      await catcher!.stop();
      const ids = await queue(50, "down");
      await sleep(SMTP_DOWN_SECONDS * 1000);
      const [during] = await messageRows(ids);
      assert(during!.sent === 0, `${during!.sent} marked sent while the server was down`);
      await catcher!.start();
      const back = Date.now();
      // graphile-worker's backoff (exp(attempt) s) brings each message back within about a minute.
      await untilAllSent(ids, 180_000);
      const secs = ((Date.now() - back) / 1000).toFixed(1);
      const a = arrived(ids);
      const [rows] = await messageRows(ids);
      const retried = rows!.attempts - ids.length;
      const jobs = await owner<{ n: number }>(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ANY($1::text[])`, [ids]);
      assert(a.repeats === 0 && a.lost === 0, `duplicates ${a.repeats}, lost ${a.lost}`);
      assert(jobs[0]!.n === 0, `${jobs[0]!.n} jobs left in the queue`);
      return `figures: due 50, sent ${a.unique}, retried ${retried} (failed attempts while down), duplicates ${a.repeats}, lost ${a.lost}; all in ${secs} s after the server came back; queue empty`;
    });

    await check("the app killed mid-send: after a restart every message arrives exactly once by Message-ID and no job is stuck", async () => {
      // The server holds each reply 1.5 s after the message is in, so a kill lands between "arrived" and "sent".
      catcher!.opts.delayMs = 1500;
      const ids = await queue(20, "kill");
      try {
        await catcher!.waitFor(() => arrived(ids).received >= 3, 60_000);
        const locked = await owner<{ n: number }>(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE locked_at IS NOT NULL AND key = ANY($1::text[])`, [
          ids,
        ]);
        await app!.crash();
        const atKill = arrived(ids);
        const [marked] = await messageRows(ids);
        app = await start();
        await untilAllSent(ids, 180_000);
        const a = arrived(ids);
        const left = await owner<{ n: number; locked: number }>(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE locked_at IS NOT NULL)::int AS locked FROM graphile_worker.jobs WHERE key = ANY($1::text[])`,
          [ids],
        );
        assert(a.lost === 0 && a.unique === ids.length, `${a.lost} lost`);
        assert(left[0]!.n === 0 && left[0]!.locked === 0, `${left[0]!.n} jobs left (${left[0]!.locked} locked)`);
        const [rows] = await messageRows(ids);
        return (
          `figures: due 20, killed with ${locked[0]!.n} sends in flight (${atKill.unique} already at the server, ${marked!.sent} marked sent); after restart ` +
          `${a.unique} distinct Message-IDs arrived = due, duplicates after dedupe by Message-ID 0, lost ${a.lost}; raw SMTP deliveries ${a.received} ` +
          `(${a.repeats} resent with the same Message-ID: taken by the server as the kill came, reply never read); attempts ${rows!.attempts}; no job left or locked`
        );
      } finally {
        catcher!.opts.delayMs = 0;
      }
    });

    await check(`a ${SOAK_SECONDS} s soak of mixed traffic: no errors, memory within ${RSS_LIMIT_MB} MB, no lost writes`, async () => {
      const CONNECTIONS = 8;
      const visits = await Promise.all(Array.from({ length: CONNECTIONS * 2 }, () => newVisit()));
      const patients: Client[] = [];
      const patientVisits: { visitId: string }[] = [];
      for (let i = 0; i < 150; i++) {
        const pv = await newVisit();
        patients.push(await patientSession(pv.token));
        patientVisits.push(pv);
      }
      const free = visits.map((v) => v.visitId);
      const version = new Map<string, number>();
      const ackedSaves = new Map<string, number>();
      let nextPatient = 0;
      let intakeAcked = 0;
      let badAnswers = 0;
      const badSamples: string[] = [];
      const { csrfToken } = (await (await clinician.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const signInBody = new URLSearchParams({ csrfToken, email: user.email, password, json: "true", callbackUrl: "/" }).toString();
      let signIns = 0;
      const bad = (what: string, status: number, body: string) => {
        badAnswers++;
        if (badSamples.length < 5) badSamples.push(`${what}: ${status} ${body.slice(0, 120)}`);
      };

      const rss: number[] = [];
      const sampler = setInterval(() => rss.push(rssMb(app!.process.pid!)), 2000);
      const result = await autocannon({
        url: baseUrl,
        connections: CONNECTIONS,
        duration: SOAK_SECONDS,
        timeout: 30,
        requests: [
          {
            method: "POST",
            setupRequest: (req, ctx) => {
              const visitId = free.shift()!;
              ctx.visitId = visitId;
              const base = version.get(visitId) ?? null;
              const { init } = actionRequest(baseUrl, examId, TARGETS.saveExam.page(visitId), [visitId, examBody(base ?? 0), base], clinician.cookie);
              return { ...req, path: TARGETS.saveExam.page(visitId), headers: init.headers, body: init.body };
            },
            onResponse: (status, body, ctx) => {
              const o = outcomeOf(status, body);
              const v = ctx.visitId as string;
              if (o.ok && o.version) {
                version.set(v, o.version);
                ackedSaves.set(v, (ackedSaves.get(v) ?? 0) + 1);
              } else bad("exam save", status, body);
              free.push(v);
            },
          },
          {
            method: "GET",
            setupRequest: (req) => ({
              ...req,
              path: `/visits/${visits[Math.floor(Math.random() * visits.length)]!.visitId}/summary`,
              headers: { Cookie: clinician.cookie },
            }),
            onResponse: (status, body) => {
              if (status !== 200) bad("summary view", status, body);
            },
          },
          {
            method: "POST",
            setupRequest: (req, ctx) => {
              const i = nextPatient++;
              ctx.submitting = i < patients.length;
              if (i >= patients.length) return { ...req, method: "GET", path: "/api/health", headers: {}, body: undefined };
              const { init } = actionRequest(
                baseUrl,
                submitId,
                TARGETS.submitIntake.page(),
                [intakeBody, `soak-${i}-${randomBytes(6).toString("hex")}`, consentShown],
                patients[i]!.cookie,
              );
              return { ...req, path: "/intake", headers: init.headers, body: init.body };
            },
            onResponse: (status, body, ctx) => {
              if (!ctx.submitting) return;
              if (outcomeOf(status, body).ok) intakeAcked++;
              else bad("intake submit", status, body);
            },
          },
          {
            // Each sign-in from its own address, as staff signing in across a clinic's day would be. From one
            // address, five of these in flight at once are five uncounted attempts for that account and
            // address, and the sixth waits (the growing delay of lib/data/rate-limits.ts counts an attempt
            // until it has succeeded, so parallel guessing cannot outrun it): a 401 that is the limit working.
            method: "POST",
            path: "/api/auth/callback/credentials",
            setupRequest: (req) => ({
              ...req,
              headers: {
                "Content-Type": "application/x-www-form-urlencoded",
                Cookie: `next-auth.csrf-token=${clinician.jar.get("next-auth.csrf-token")}`,
                "X-Forwarded-For": `10.77.${(signIns >> 8) & 255}.${signIns++ & 255}`,
              },
              body: signInBody,
            }),
            onResponse: (status, body) => {
              if (status !== 200 || !body.includes('"url"')) bad("sign-in", status, body);
            },
          },
        ],
      });
      clearInterval(sampler);
      const examRows = await owner<{ visitId: string; version: number }>(`SELECT "visitId", version FROM "Exam" WHERE "visitId" = ANY($1::uuid[])`, [
        visits.map((v) => v.visitId),
      ]);
      // Lost: acknowledged but not in the database. Unacknowledged but saved can only be the few requests in
      // flight when the load tool stopped (it stops listening at the deadline): at most one per connection.
      const inDb = new Map(examRows.map((r) => [r.visitId, r.version]));
      const lostExam = [...ackedSaves].reduce((n, [v, acked]) => n + Math.max(0, acked - (inDb.get(v) ?? 0)), 0);
      const unackedExam = examRows.reduce((n, r) => n + Math.max(0, r.version - (ackedSaves.get(r.visitId) ?? 0)), 0);
      const intakeRows = await owner<{ n: number }>(`SELECT count(*)::int AS n FROM "IntakeResponse" WHERE "visitId" = ANY($1::uuid[])`, [
        patientVisits.map((p) => p.visitId),
      ]);
      const totalSaves = [...ackedSaves.values()].reduce((a, b) => a + b, 0);
      const warm = rss.slice(Math.floor(rss.length * 0.2), Math.floor(rss.length * 0.2) + 3);
      const warmMb = warm.length ? Math.max(...warm) : (rss[0] ?? 0);
      const endMb = Math.max(...rss.slice(-3));
      const peakMb = Math.max(...rss);
      const summary = `${result.requests.total} requests (${result.requests.average}/s), latency p50 ${result.latency.p50} ms p99 ${result.latency.p99} ms max ${result.latency.max} ms; ${totalSaves} exam saves, ${intakeAcked} intake submissions, sign-ins and summary views (${lostExam} acknowledged saves missing; ${unackedExam} saved while in flight at the deadline); RSS ${Math.round(warmMb)} MB after warm-up, ${Math.round(endMb)} MB at the end, peak ${Math.round(peakMb)} MB`;
      log(summary);
      assert(
        result.errors === 0 && result.timeouts === 0 && result.non2xx === 0,
        `transport errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}${badSamples.length ? `: ${badSamples.join(" | ")}` : ""}`,
      );
      assert(badAnswers === 0, `${badAnswers} refused or failed answers: ${badSamples.join(" | ")}`);
      assert(lostExam === 0, `${lostExam} acknowledged exam saves are not in the database`);
      assert(unackedExam <= CONNECTIONS, `${unackedExam} exam saves in the database were never acknowledged`);
      assert(intakeRows[0]!.n >= intakeAcked, `intake: ${intakeAcked} acknowledged, only ${intakeRows[0]!.n} rows`);
      assert(intakeRows[0]!.n - intakeAcked <= CONNECTIONS, `intake: ${intakeRows[0]!.n - intakeAcked} rows never acknowledged`);
      assert(peakMb < RSS_LIMIT_MB, `peak RSS ${Math.round(peakMb)} MB over the ${RSS_LIMIT_MB} MB bound`);
      assert(endMb - warmMb < RSS_GROWTH_LIMIT_MB, `RSS grew ${Math.round(endMb - warmMb)} MB after warm-up (bound ${RSS_GROWTH_LIMIT_MB} MB)`);
      const chain = await verifyAuditChain(appUrl);
      assert(chain.ok, `the audit chain broke: ${chain.ok ? "" : describeProblem(chain.first)}`);
      return summary;
    });

    await check(
      `restore drill: ${DRILL_PATIENTS.toLocaleString("en-US")} patients backed up during autosaves, database dropped, restored; counts, hashes, acknowledged saves, audit chain, sign-in and print`,
      async () => {
        const { submitIntake } = await import("../lib/data/intake-answers.ts");
        const { saveExam: saveExamData } = await import("../lib/data/exams.ts");
        const { finalizeSummary } = await import("../lib/data/summaries.ts");
        const { intakeAnswers, examData, patientThroughInvite } = await import("../prisma/factories.ts");
        // A signed summary to print after the restore.
        const signed = await newVisit();
        await submitIntake(await patientThroughInvite(signed.token, "1980-02-03"), intakeAnswers(), `drill-${signed.visitId}`);
        await saveExamData(actor, signed.visitId, examData(150, 200), null);
        const fin = await finalizeSummary(actor, signed.visitId);
        assert(fin.ok, `finalize: ${JSON.stringify(fin)}`);
        const seedSql = readFileSync(path.join(root, "bench", "seed-scale.sql"), "utf8");
        const s0 = Date.now();
        await withClient(ownerUrl, async (c) => {
          await c.query(`CREATE TEMP TABLE seed_params AS SELECT $1::uuid AS clinic, $2::uuid AS user_id, 0 AS from_n, $3::int AS to_n, $4::date AS today`, [
            clinic.id,
            user.id,
            DRILL_PATIENTS,
            today,
          ]);
          await c.query(seedSql);
        });
        log(`seeded ${DRILL_PATIENTS.toLocaleString("en-US")} patients in ${((Date.now() - s0) / 1000).toFixed(1)} s`);

        // Autosaves running through the app while the backup is taken.
        const workers = await Promise.all(Array.from({ length: 4 }, () => newVisit()));
        const acked = new Map<string, number>();
        let stop = false;
        const loops = workers.map(async (v) => {
          let base: number | null = null;
          let n = 0;
          while (!stop) {
            const o: WriteOutcome = await saveExam(v.visitId, n++, base).catch((e: unknown) => ({ ok: false, status: 0, reason: String(e) }) as WriteOutcome);
            if (o.ok) {
              base = o.version!;
              acked.set(v.visitId, o.version!);
            } else await sleep(100);
          }
        });
        // The backup starts once every autosave loop has been acknowledged at least once.
        for (let waited = 0; acked.size < workers.length && waited < 30_000; waited += 100) await sleep(100);
        const ackedBefore = new Map(acked);
        const key = randomBytes(32).toString("base64");
        const backupDir = path.join(base, "backups");
        const b = await backupDatabase(ownerUrl, backupDir, key);
        await sleep(500);
        stop = true;
        await Promise.all(loops);
        const savesDuring = [...acked.values()].reduce((a, x) => a + x, 0) - [...ackedBefore.values()].reduce((a, x) => a + x, 0);
        assert(ackedBefore.size === workers.length && savesDuring > 0, `autosaves were not running around the backup (${savesDuring} saves)`);

        // Lose the database, then bring it back from the file alone.
        await app!.stop();
        app = null;
        await db().$disconnect();
        await dropDatabase(pg.superuserUrl(), "stride_faults");
        await createDatabase(pg.superuserUrl(), "stride_faults");
        migrate(ownerUrl, { quiet: true });
        const r = await restoreDatabase(ownerUrl, b.file, key);
        const after = await tableFingerprints(ownerUrl);
        const differs = b.manifest.tables.filter((t) => JSON.stringify(after.find((x) => x.name === t.name)) !== JSON.stringify(t)).map((t) => t.name);
        assert(differs.length === 0 && after.length === b.manifest.tables.length, `tables differ from the backup: ${differs.join(", ")}`);
        const patients = after.find((t) => t.name === "Patient")!.rows;
        assert(patients >= DRILL_PATIENTS, `${patients} patients restored`);
        const exams = await owner<{ visitId: string; version: number }>(`SELECT "visitId", version FROM "Exam" WHERE "visitId" = ANY($1::uuid[])`, [
          workers.map((w) => w.visitId),
        ]);
        const lost = [...ackedBefore].filter(([v, ver]) => (exams.find((e) => e.visitId === v)?.version ?? 0) < ver);
        assert(lost.length === 0, `saves acknowledged before the backup are missing: ${JSON.stringify(lost)}`);
        const chain = await verifyAuditChain(appUrl);
        assert(chain.ok, `the audit chain broke: ${chain.ok ? "" : describeProblem(chain.first)}`);

        app = await start();
        const fresh = new Client(app.url);
        await fresh.signIn(user.email, password);
        const printed = await fresh.fetch(`/visits/${signed.visitId}/print`);
        const html = await printed.text();
        assert(printed.status === 200 && html.includes("Fault"), `print after restore: ${printed.status}`);
        const rows = after.reduce((n, t) => n + t.rows, 0);
        return `backup ${(b.bytes / 1024 / 1024).toFixed(1)} MB (${rows.toLocaleString("en-US")} rows, ${patients.toLocaleString("en-US")} patients) in ${(b.ms / 1000).toFixed(1)} s with ${savesDuring} autosaves acknowledged meanwhile; restore ${(r.ms / 1000).toFixed(1)} s; ${after.length} tables' counts and hashes equal; every save acknowledged before the backup present; audit chain intact (${chain.rows} events); sign-in and print of a signed summary on the restored data`;
      },
    );
    await db().$disconnect();
  } finally {
    await app?.stop().catch(() => {});
    await catcher?.stop().catch(() => {});
    await pg.stop().catch(() => {});
    rmSync(base, { recursive: true, force: true });
  }
}

/** Resident memory of a process and its descendants, in MB (Linux /proc). */
function rssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const d of readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const walk = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      total += m ? Number(m[1]) / 1024 : 0;
    } catch {
      /* gone */
    }
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return total;
}

main()
  .catch((e: unknown) => {
    console.error(e);
    results.push({ name: "fault test setup", ok: false, detail: String(e) });
  })
  .finally(() => {
    console.log("\n=== Summary");
    for (const r of results) console.log(`  ${r.ok ? "PASS" : "FAIL"}  ${r.name}`);
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  });
