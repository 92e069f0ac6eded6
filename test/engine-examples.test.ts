// The example cases (examples/cases, inputs only) run through the same path as `npm run assess`, checked
// two ways: the clinically meaningful expectations below, and a golden copy of the whole output
// (test/golden) that catches any unintended change. After an intended ruleset change, regenerate the
// golden files with UPDATE_GOLDEN=1 npm run test:unit and review the diff.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const casesDir = path.join(root, "examples", "cases");
const goldenDir = path.join(root, "test", "golden");

function runCli(file: string): { stdout: string; status: number; stderr: string } {
  try {
    const stdout = execFileSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/assess.ts", file], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { stdout, status: 0, stderr: "" };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; status: number };
    return { stdout: err.stdout, status: err.status, stderr: err.stderr };
  }
}

const EXPECT: Record<
  string,
  {
    status: string;
    classification: string;
    flags: string[];
    notFlags?: string[];
    onHold?: boolean;
    start?: string;
    firstWeekKm?: number;
    noCalendar?: boolean;
    byTime?: boolean;
  }
> = {
  "01-pfp-asymmetry-ramp": { status: "plan", classification: "pfp-likely", flags: ["strength.asymmetry.hipAbduction", "load.ramp"] },
  "02-itbs-camber": {
    status: "plan",
    classification: "itbs-likely",
    flags: ["strength.possible-asymmetry.hipAbduction"],
    notFlags: ["strength.asymmetry.hipAbduction"],
  },
  "03-quadriceps-tendinopathy": { status: "plan", classification: "tendinopathy-consider", flags: ["classification.tendinopathy-confirm"], onHold: true },
  "04-refer-calf-swelling": { status: "refer", classification: "pfp-likely", flags: ["red.dvt"], notFlags: ["load.ramp"] },
  "05-refer-bone-stress": { status: "refer", classification: "pfp-likely", flags: ["red.bone-stress"] },
  "06-incomplete-no-exam": { status: "incomplete", classification: "pfp-likely", flags: ["load.ramp"] },
  "07-giving-way-on-hold": { status: "plan", classification: "unclear", flags: ["soft.instability"], onHold: true },
  "08-bilateral-weakness-follow-up": {
    status: "plan",
    classification: "pfp-likely",
    flags: ["strength.bilateral-weakness.hipAbduction", "strength.change-within-error.hipAbduction"],
  },
  "09-missing-strength-data": {
    status: "plan",
    classification: "pfp-likely",
    flags: ["missing.strength.hipAbduction", "untested.strength.hipExternalRotation", "strength.mmt-only.gluteusMedius"],
  },
  "10-refer-septic-emergency": { status: "refer", classification: "pfp-likely", flags: ["red.septic-arthritis"] },
  // §6.5's rows, the steady creep, a new runner, a race too soon, a low-volume runner built by time.
  "11-green-high-mileage-late-pain": {
    status: "plan",
    classification: "pfp-likely",
    flags: [],
    notFlags: ["load.ramp"],
    start: "keep-continuous",
    firstWeekKm: 98,
  },
  "12-amber-steady-creep": { status: "plan", classification: "pfp-likely", flags: ["load.ramp"], start: "reduced-continuous", firstWeekKm: 18 },
  "13-red-no-screen": { status: "plan", classification: "pfp-likely", flags: ["load.ramp"], start: "walk-run", noCalendar: true },
  "14-stopped-screen-passed": { status: "plan", classification: "pfp-likely", flags: [], notFlags: ["load.ramp"], start: "walk-run", firstWeekKm: 4.8 },
  "15-novice-bmi-over-30": { status: "plan", classification: "pfp-likely", flags: ["rtr.novice"], notFlags: ["load.ramp"], start: "walk-run", byTime: true },
  "16-goal-race-too-soon": { status: "plan", classification: "pfp-likely", flags: ["rtr.goal-race"], start: "reduced-continuous", firstWeekKm: 20 },
  "17-green-low-mileage-by-time": { status: "plan", classification: "pfp-likely", flags: [], start: "keep-continuous", byTime: true },
  "21-low-energy-steady": {
    status: "plan",
    classification: "pfp-likely",
    flags: ["soft.low-energy"],
    notFlags: ["red.bone-stress", "load.ramp"],
    onHold: true,
  },
  "22-refer-ottawa": { status: "refer", classification: "pfp-likely", flags: ["red.ottawa"] },
  "23-refer-acute-knee-locked": { status: "refer", classification: "pfp-likely", flags: ["red.acute-knee"] },
  "24-refer-femoral-neck": { status: "refer", classification: "pfp-likely", flags: ["red.femoral-neck"] },
  "25-refer-scfe": { status: "refer", classification: "pfp-likely", flags: ["red.scfe"] },
  "26-refer-serious-constant-pain": { status: "refer", classification: "pfp-likely", flags: ["red.serious-pathology"] },
  "27-pfp-sitting-pain-settled": {
    status: "plan",
    classification: "pfp-likely",
    flags: ["strength.asymmetry.hipAbduction"],
    notFlags: ["red.serious-pathology"],
    onHold: false,
  },
};

const cases = readdirSync(casesDir)
  .filter((f) => f.endsWith(".json"))
  .sort();

describe("example cases through `npm run assess`", () => {
  it("cover every status and every classification", () => {
    const seen = Object.values(EXPECT);
    expect(new Set(seen.map((e) => e.status))).toEqual(new Set(["plan", "refer", "incomplete"]));
    expect(new Set(seen.map((e) => e.classification))).toEqual(new Set(["pfp-likely", "itbs-likely", "tendinopathy-consider", "unclear"]));
    expect(cases.map((c) => c.replace(/\.json$/, ""))).toEqual(Object.keys(EXPECT).sort());
  });

  it.each(cases)(
    "%s",
    (file) => {
      const name = file.replace(/\.json$/, "");
      const r = runCli(path.join("examples", "cases", file));
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout);
      const e = EXPECT[name]!;
      expect(out.status).toBe(e.status);
      expect(out.classification.code).toBe(e.classification);
      const codes = out.flags.map((f: { code: string }) => f.code);
      for (const c of e.flags) expect(codes).toContain(c);
      for (const c of e.notFlags ?? []) expect(codes).not.toContain(c);
      if (out.status === "refer") {
        expect(out.plan).toBeNull();
        expect(out.returnToRun).toBeNull();
        expect(r.stdout).not.toMatch(/\bkm\b|walk-run/);
      }
      if (e.onHold !== undefined) expect(out.plan.runningOnHold).toBe(e.onHold);
      if (e.onHold) expect(out.returnToRun.calendar).toEqual([]);
      if (e.start) expect(out.returnToRun.start.mode).toBe(e.start);
      if (e.firstWeekKm !== undefined) expect(out.returnToRun.calendar[0].weeklyKm).toBe(e.firstWeekKm);
      if (e.noCalendar) expect(out.returnToRun.calendar).toEqual([]);
      if (e.byTime) expect(out.returnToRun.progression.basis).toBe("time");

      const golden = path.join(goldenDir, file);
      // A new case needs its golden written on purpose (UPDATE_GOLDEN=1) and read by a person, never silently.
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, r.stdout);
      expect(existsSync(golden), `${golden} is missing: run UPDATE_GOLDEN=1 and read it before committing`).toBe(true);
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(golden, "utf8")));
      // Each case starts a process (npm run assess): generous on a busy 2-core machine.
    },
    30_000,
  );
});

describe("invalid input", () => {
  it.each([
    ["a pain score of 15", { intake: { pain: { now: 15 } } }, /intake\.pain\.now must be a whole number from 0 to 10/],
    ["an unknown key", { intakes: {} }, /the case: unknown field\(s\) intakes/],
    ["a negative force", { exam: { strength: { hipAbduction: { left: { trialsN: [-5] } } } } }, /trialsN\.0 must be a number from 0 to 1000/],
  ])(
    "is refused with a clear message and exit code 2: %s",
    (_n, body, message) => {
      const file = path.join(root, "test-results", `bad-case-${Math.random().toString(36).slice(2)}.json`);
      execFileSync("mkdir", ["-p", path.dirname(file)]);
      writeFileSync(file, JSON.stringify(body));
      const r = runCli(file);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(message);
    },
    30_000,
  );
  it("refuses a file that is not JSON", () => {
    const file = path.join(root, "test-results", "not-json.json");
    writeFileSync(file, "{ nope");
    const r = runCli(file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
  }, 30_000);
});
