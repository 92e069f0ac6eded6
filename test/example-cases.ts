// The example cases (examples/cases, docs/case-format.md) as the engine's input and output, for the tests that
// render or check them: one reader, so every test runs a case the way `npm run assess` does.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { caseSchema } from "../lib/assessment/case-schema";
import { assess, type AssessmentInput } from "../lib/assessment/engine";
import { resolveSettings } from "../lib/assessment/settings";
import type { Assessment } from "../lib/assessment/types";

export const CASES_DIR = path.resolve(import.meta.dirname, "..", "examples", "cases");
export const CASE_FILES = readdirSync(CASES_DIR).filter((f) => f.endsWith(".json"));

/** A case file's engine input; `settings` are merged over the case's own (a clinic's choices). */
export function caseInput(file: string, settings: Record<string, unknown> = {}): AssessmentInput {
  const c = caseSchema.parse(JSON.parse(readFileSync(path.join(CASES_DIR, file), "utf8")));
  return {
    intake: c.intake ?? null,
    exam: c.exam ?? null,
    previousVisits: (c.previousVisits ?? []) as AssessmentInput["previousVisits"],
    settings: resolveSettings({ ...(c.settings ?? {}), ...settings }),
    patient: c.patient ?? {},
    visitDate: c.visitDate ?? null,
  };
}

/** A case file through the engine, as `npm run assess` runs it. */
export function runCase(file: string, settings: Record<string, unknown> = {}): Assessment {
  return assess(caseInput(file, settings));
}
