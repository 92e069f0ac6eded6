// npm run security:scan (.ci/run runs it with SCAN_SECONDS=20). Independent tools against the app on loopback:
// starts `next start` on a disposable database with a signed-in clinician and admin, runs sqlmap on the
// query parameters and server actions that reach the database, wapiti's injection, XSS, file, redirect,
// header and cookie modules on the authenticated site, and `npm audit --omit=dev --audit-level=high`.
// Writes reports/security-scan.md; exits 1 on any injection, XSS or access finding or any high or critical
// advisory. Findings that exist only because loopback is plain HTTP are listed as expected.
//   SCAN_SECONDS (default 240) bounds each sqlmap target and the wapiti run. Every server action it calls
//   comes from scripts/faults/targets.ts: a moved action stops the scan (exit 2) with the file to update.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { nextBuild, startAppServer } from "./lib/app-server.ts";
import { prepareTestDatabase } from "./lib/test-database.ts";
import { actionId, examBody, TARGETS } from "./faults/targets.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SCAN_SECONDS = Number(process.env.SCAN_SECONDS ?? 240);
/** SCAN_ONLY=sqlmap,wapiti,audit runs a subset (while working on one tool); SCAN_DEBUG=1 prints tool output. */
const only = (step: string) => !process.env.SCAN_ONLY || process.env.SCAN_ONLY.split(",").includes(step);
const reportDir = path.join(root, "reports");
const work = mkdtempSync(path.join(os.tmpdir(), "stride-scan-"));

interface Finding {
  tool: string;
  target: string;
  what: string;
  blocking: boolean;
  note?: string;
}
const findings: Finding[] = [];
const ran: string[] = [];

function ensureTools() {
  const missing = ["sqlmap", "wapiti"].filter((t) => spawnSync("which", [t]).status !== 0);
  if (!missing.length) return;
  const cmd = `apt-get update && apt-get install -y ${missing.join(" ")}`;
  if (process.getuid?.() === 0) {
    console.log(`Installing ${missing.join(", ")} from Debian: ${cmd}`);
    const r = spawnSync("bash", ["-c", `${cmd} >/dev/null`], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (r.status === 0) return;
  }
  console.error(`Missing ${missing.join(", ")}. Install them (Debian 12, main) with:\n  sudo ${cmd}`);
  process.exit(2);
}

/** Run a tool with a hard time limit; resolves with its output. */
function run(cmd: string, args: string[], seconds: number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: work, env: { ...process.env, HOME: work }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), seconds * 1000);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (process.env.SCAN_DEBUG) console.log(out);
      resolve({ code, out });
    });
  });
}

async function sqlmap(name: string, args: string[]) {
  const r = await run(
    "sqlmap",
    [
      ...args,
      "--batch",
      "--ignore-stdin",
      "--dbms=PostgreSQL",
      "--level=3",
      "--risk=2",
      "--flush-session",
      "--disable-coloring",
      `--output-dir=${path.join(work, "sqlmap")}`,
      "--timeout=10",
      "--retries=1",
      "--time-sec=2",
      "--smart",
    ],
    SCAN_SECONDS,
  );
  ran.push(`sqlmap ${name}`);
  const injectable = /is vulnerable|appears to be '.*' injectable|sqlmap identified the following injection point/i.test(r.out);
  const clean = /do not appear to be injectable|does not seem to be injectable/i.test(r.out);
  if (injectable) findings.push({ tool: "sqlmap", target: name, what: "SQL injection", blocking: true });
  else if (!clean)
    findings.push({
      tool: "sqlmap",
      target: name,
      what: `no verdict (exit ${r.code}, time limit ${SCAN_SECONDS} s)`,
      blocking: false,
      note: r.out
        .split("\n")
        .filter((l) => /\[(CRITICAL|WARNING)\]/.test(l))
        .slice(-3)
        .join(" / "),
    });
  console.log(`  sqlmap ${name}: ${injectable ? "INJECTABLE" : clean ? "not injectable" : "no verdict"}`);
}

async function main() {
  ensureTools();
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) nextBuild();
  const db = await prepareTestDatabase("stride_scan");
  process.env.DATABASE_URL = db.appUrl;
  process.env.NEXTAUTH_SECRET = randomBytes(32).toString("base64");
  process.env.FIELD_KEYS ??= `k1:${randomBytes(32).toString("base64")}`;
  const app = await startAppServer({ databaseUrl: db.appUrl, env: { NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET } });
  const base = app.url.replace("localhost", "127.0.0.1");
  try {
    const { createClinicianAndClinic, clinicianActor, examData, intakeAnswers, patientThroughInvite } = await import("../prisma/factories.ts");
    const { createUser } = await import("../lib/data/users.ts");
    const { createPatient } = await import("../lib/data/patients.ts");
    const { startVisit } = await import("../lib/data/visits.ts");
    const { submitIntake } = await import("../lib/data/intake-answers.ts");
    const { saveExam } = await import("../lib/data/exams.ts");
    const { newTotpSecret, totpCode } = await import("../lib/auth/totp.ts");
    const { clinic, user, password } = await createClinicianAndClinic();
    const actor = await clinicianActor(user, clinic.id);
    const p = await createPatient(actor, { firstName: "Scan", lastName: "Target", dateOfBirth: "1980-01-01", sex: "OTHER", email: "", phone: "" });
    const v = await startVisit(actor, { patientId: p.id, kind: "INITIAL", date: new Date().toISOString().slice(0, 10) });
    if (!v.ok) throw new Error("no visit");
    await submitIntake(await patientThroughInvite(v.token, "1980-01-01"), intakeAnswers(), `scan-${v.visitId}`);
    await saveExam(actor, v.visitId, examData(150, 200), null);
    const secret = newTotpSecret();
    const adminPw = `adm-${randomBytes(8).toString("hex")}`;
    const admin = await createUser({
      clinicId: clinic.id,
      email: `scan-admin-${randomBytes(3).toString("hex")}@example.com`,
      name: "Scan Admin",
      password: adminPw,
      role: "ADMIN",
      totpSecret: secret,
    });

    const signIn = async (email: string, pw: string, totp = "") => {
      const csrfRes = await fetch(`${base}/api/auth/csrf`);
      const csrfCookie = csrfRes.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
      const r = await fetch(`${base}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
        body: new URLSearchParams({ csrfToken, email, password: pw, totp, json: "true" }).toString(),
      });
      const session = r.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
      if (!session) throw new Error(`sign-in failed for ${email}: ${r.status}`);
      return session.split(";")[0]!;
    };
    const clinicianCookie = await signIn(user.email, password);
    const adminCookie = await signIn(admin.email, adminPw, totpCode(secret));
    console.log(`App on ${base}; clinician and admin signed in. Each tool is limited to ${SCAN_SECONDS} s.`);

    // sqlmap: every query parameter that reaches a database query, and server actions' JSON bodies.
    if (only("sqlmap"))
      await sqlmap("GET /admin/audit (filters and sort)", [
        "-u",
        `${base}/admin/audit?patient=Target&user=${user.id}&action=view&from=2026-01-01&to=2026-12-31&order=newest&page=0`,
        `--cookie=${adminCookie}`,
      ]);
    const ids = {
      saveExam: actionId(root, TARGETS.saveExam),
      startVisit: actionId(root, TARGETS.startVisit),
      createPatient: actionId(root, TARGETS.createPatient),
      searchPatients: actionId(root, TARGETS.searchPatients),
    };
    const raw = (name: string, pagePath: string, id: string, body: string) => {
      const file = path.join(work, `${name}.req`);
      const host = new URL(base).host;
      writeFileSync(
        file,
        `POST ${pagePath} HTTP/1.1\r\nHost: ${host}\r\nNext-Action: ${id}\r\nContent-Type: text/plain;charset=UTF-8\r\nAccept: text/x-component\r\nOrigin: ${base}\r\nCookie: ${clinicianCookie}\r\n\r\n${body}`,
      );
      return file;
    };
    if (only("sqlmap"))
      await sqlmap("server action searchPatientsAction (patient search)", [
        "-r",
        raw("search-patients", "/patients", ids.searchPatients, JSON.stringify(["ann*"])),
      ]);
    if (only("sqlmap"))
      await sqlmap("server action saveExamAction (visit id, values)", [
        "-r",
        raw("save-exam", `/visits/${v.visitId}/exam`, ids.saveExam, JSON.stringify([`${v.visitId}*`, examBody(1), 1])),
      ]);
    if (only("sqlmap"))
      await sqlmap("server action startVisitAction (patient id, date)", [
        "-r",
        raw("start-visit", `/patients/${p.id}`, ids.startVisit, JSON.stringify([{ patientId: `${p.id}*`, kind: "FOLLOW_UP", date: "2026-12-01*" }])),
      ]);
    if (only("sqlmap"))
      await sqlmap("server action createPatientAction (names)", [
        "-r",
        raw(
          "create-patient",
          "/patients/new",
          ids.createPatient,
          JSON.stringify([{ firstName: "Ann*", lastName: "Lee*", dateOfBirth: "1980-01-01", sex: "OTHER", email: "", phone: "" }]),
        ),
      ]);
    // A made-up token answers 404 by design, and 429 after 20 from one address: sqlmap must go on through both.
    if (only("sqlmap"))
      await sqlmap("GET /i/<token> (invite link path)", ["-u", `${base}/i/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA*`, "--ignore-code=404,429"]);

    // wapiti on the signed-in clinician's site (the sign-out form's field is skipped so the crawl keeps its
    // session) and on the public pages.
    const signOutField = `$ACTION_ID_${actionId(root, TARGETS.signOut)}`;
    const wapitiModules = "sql,blindsql,xss,permanentxss,exec,file,crlf,redirect,csrf,csp,http_headers,cookieflags,backup";
    for (const [label, start, cookie] of [
      ["clinician", "/patients", clinicianCookie],
      ["public", "/login", ""],
    ] as const) {
      if (!only("wapiti")) break;
      const out = path.join(work, `wapiti-${label}.json`);
      const args = [
        "-u",
        `${base}/`,
        "-s",
        `${base}${start}`,
        "--scope",
        "folder",
        "-m",
        wapitiModules,
        "-d",
        "4",
        "--max-scan-time",
        String(SCAN_SECONDS),
        "--max-attack-time",
        String(Math.ceil(SCAN_SECONDS / 4)),
        "-f",
        "json",
        "-o",
        out,
        "--flush-session",
        "--skip",
        signOutField,
      ];
      // (No -x: Debian's wapiti 3.0.4 crashes on any exclusion under Python 3.11, "global flags not at the start".)
      if (cookie) args.push("-H", `Cookie: ${cookie}`);
      const r = await run("wapiti", args, SCAN_SECONDS + 120);
      ran.push(`wapiti (${label})`);
      if (!existsSync(out)) {
        findings.push({ tool: "wapiti", target: label, what: `no report (exit ${r.code})`, blocking: true, note: r.out.slice(-300) });
        continue;
      }
      const report = JSON.parse(readFileSync(out, "utf8")) as {
        vulnerabilities: Record<string, { path: string; info: string; method: string }[]>;
        anomalies?: Record<string, { path: string; info: string }[]>;
      };
      for (const [category, items] of Object.entries(report.vulnerabilities)) {
        for (const it of items) findings.push(classify("wapiti", `${label}: ${it.method} ${it.path}`, category, it.info));
      }
      for (const [category, items] of Object.entries(report.anomalies ?? {})) {
        for (const it of items) findings.push({ tool: "wapiti", target: `${label}: ${it.path}`, what: `anomaly: ${category}`, blocking: false, note: it.info });
      }
      console.log(`  wapiti (${label}): ${Object.values(report.vulnerabilities).flat().length} findings`);
    }
  } finally {
    await app.stop();
    await db.cleanup();
  }

  if (only("audit")) npmAudit();
  writeReport();
}

function npmAudit() {
  // npm audit: runtime dependencies, high and critical advisories.
  const audit = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], { cwd: root, encoding: "utf8" });
  ran.push("npm audit --omit=dev --audit-level=high");
  try {
    const j = JSON.parse(audit.stdout) as { metadata: { vulnerabilities: Record<string, number> } };
    const v = j.metadata.vulnerabilities;
    if ((v.high ?? 0) + (v.critical ?? 0) > 0)
      findings.push({ tool: "npm audit", target: "runtime dependencies", what: `${v.high} high, ${v.critical} critical advisories`, blocking: true });
    else
      findings.push({
        tool: "npm audit",
        target: "runtime dependencies",
        what: `0 high, 0 critical (${v.moderate ?? 0} moderate, ${v.low ?? 0} low)`,
        blocking: false,
        note: "pass",
      });
  } catch {
    // This workplace's registry mirror has no advisories endpoint (it answers 405): say so, and check the
    // framework versions the catalogue names instead (security-requirements §3: next >= 16.2.6).
    const why = /"statusCode":\s*(\d+)/.exec(audit.stdout)?.[1];
    findings.push({
      tool: "npm audit",
      target: "runtime dependencies",
      what: `could not run: the registry answered ${why ?? `exit ${audit.status}`} to the advisories request`,
      blocking: false,
      note: "NOT CHECKED here; run it where the public registry is reachable",
    });
  }
  const installed = (name: string) => (JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  const next = installed("next");
  const [maj, min, pat] = next.split(".").map((n) => Number.parseInt(n, 10));
  const patched = maj! > 16 || (maj === 16 && (min! > 2 || (min === 2 && pat! >= 6)));
  findings.push({
    tool: "versions",
    target: "next",
    what: `${next} ${patched ? ">=" : "<"} 16.2.6 (May 2026 proxy-bypass and RSC fixes)`,
    blocking: !patched,
    note: patched ? "pass" : "upgrade next",
  });
}

/** Loopback is plain HTTP: these findings describe the test setup, not the deployment (TLS terminator,
 * HSTS and Secure cookies in production, covered by the app's own header and cookie tests). */
function classify(tool: string, target: string, category: string, info: string): Finding {
  const expected: [RegExp, string][] = [
    [/secure flag/i, "plain HTTP on loopback: the cookie is Secure (and __Host- prefixed) whenever NEXTAUTH_URL is https (lib/auth/cookies.ts)"],
    [/strict-transport-security|hsts/i, "HSTS is sent in production; browsers ignore it over plain HTTP"],
    [
      /x-xss-protection/i,
      "deliberately 0 (OWASP Secure Headers: the legacy XSS auditor is removed from browsers and could leak); the nonce CSP is the protection",
    ],
    [
      /cross site request forgery|csrf/i,
      "server-action forms carry no token by design: Next.js refuses a cross-origin Origin and the session cookie is SameSite=Lax (e2e/security-matrix.spec.ts proves a cross-site POST changes nothing)",
    ],
  ];
  const hit = expected.find(([re]) => re.test(`${category} ${info}`));
  if (hit) return { tool, target, what: category, blocking: false, note: `expected: ${hit[1]}` };
  const blocking = /sql|xss|cross site scripting|command|execution|path traversal|file|crlf|redirect|backup|injection/i.test(category);
  // Anything else wapiti reports (header or CSP weaknesses included) needs a look: it blocks until triaged.
  return { tool, target, what: `${category}: ${info}`, blocking: blocking || /header|csp|content security/i.test(category) };
}

function writeReport() {
  mkdirSync(reportDir, { recursive: true });
  const blocking = findings.filter((f) => f.blocking);
  const lines = [
    `# Security scan, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    "",
    `Tools run: ${ran.join("; ")}. Each bounded to ${SCAN_SECONDS} s, against 127.0.0.1 only, on a disposable database.`,
    "",
    `**${blocking.length === 0 ? "PASS" : "FAIL"}**: ${blocking.length} blocking finding(s).`,
    "",
    "| Tool | Target | Finding | Blocking | Note |",
    "|---|---|---|---|---|",
    ...findings.map(
      (f) =>
        `| ${f.tool} | ${f.target.replace(/\|/g, "\\|")} | ${f.what.replace(/\|/g, "\\|").slice(0, 160)} | ${f.blocking ? "yes" : "no"} | ${(f.note ?? "").replace(/\|/g, "\\|").replace(/\n/g, " ").slice(0, 240)} |`,
    ),
    "",
    'sqlmap targets with no finding answered "do not appear to be injectable".',
  ];
  const file = path.join(reportDir, "security-scan.md");
  writeFileSync(file, `${lines.join("\n")}\n`);
  console.log(`\n${lines.join("\n")}\n\nReport: ${path.relative(root, file)}`);
  process.exit(blocking.length ? 1 : 0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(2);
});
