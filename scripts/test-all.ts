// npm test: every suite, in order, with one total at the end.
//   type check (tsc --noEmit)      counts as one check
//   lint (ESLint, Next.js rules)   counts as one check
//   format (Prettier --check)      counts as one check
//   unit (Vitest)                  each test
//   integration (Vitest, real PostgreSQL, freshly migrated)  each test
//   end-to-end (Playwright, Chromium, next build && next start)  each test
// The last line is "N passed, N failed" (CI reads it).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runE2E, type SuiteResult } from "./e2e.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function check(label: string, cmd: string, args: string[]): SuiteResult {
  console.log(`\n=== ${label}: ${path.basename(cmd)} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  return r.status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

function vitest(project: string): SuiteResult {
  console.log(`\n=== ${project} tests (Vitest)`);
  const out = path.join(root, "test-results", `vitest-${project}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  rmSync(out, { force: true });
  const r = spawnSync(bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  if (!existsSync(out)) return { passed: 0, failed: 1, note: `vitest exited ${r.status} without results` };
  const j = JSON.parse(readFileSync(out, "utf8")) as { numPassedTests: number; numFailedTests: number; numFailedTestSuites: number };
  // A file that fails to load has no failed test but a failed suite: count it.
  const loadFailures = j.numFailedTests === 0 && j.numFailedTestSuites > 0 ? j.numFailedTestSuites : 0;
  return { passed: j.numPassedTests, failed: j.numFailedTests + loadFailures };
}

async function main() {
  const results: [string, SuiteResult][] = [];
  results.push(["type check", check("Type check", bin("tsc"), ["--noEmit"])]);
  results.push(["lint", check("Lint", bin("eslint"), ["--max-warnings=0", "."])]);
  results.push(["format", check("Format", bin("prettier"), ["--check", "--log-level", "warn", "."])]);
  results.push(["unit", vitest("unit")]);
  results.push(["integration", vitest("integration")]);
  console.log("\n=== end-to-end tests (Playwright)");
  try {
    results.push(["end-to-end", await runE2E()]);
  } catch (e) {
    console.error(e);
    results.push(["end-to-end", { passed: 0, failed: 1, note: "could not run" }]);
  }

  console.log("\n=== Summary");
  let passed = 0;
  let failed = 0;
  for (const [name, r] of results) {
    passed += r.passed;
    failed += r.failed;
    console.log(`  ${name.padEnd(12)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(4)} failed${r.note ? `  (${r.note})` : ""}`);
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

void main();
