// npm run --silent assess -- <case.json>
// Runs the clinical engine on a case file (docs/case-format.md) and prints only its output as JSON.
// Invalid input: a clear message on stderr and exit code 2.
import { readFileSync } from "node:fs";
import { assess } from "../lib/assessment/engine.ts";
import { caseSchema } from "../lib/assessment/case-schema.ts";
import { resolveSettings } from "../lib/assessment/settings.ts";
import { clinicErrors, formatIssue } from "../lib/forms/messages.ts";

function fail(message: string): never {
  process.stderr.write(`assess: ${message}\n`);
  process.exit(2);
}

const file = process.argv[2];
if (!file || process.argv.length > 3) fail("usage: npm run --silent assess -- <case.json>");
let raw: string;
try {
  raw = readFileSync(file, "utf8");
} catch (e) {
  fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
}
let json: unknown;
try {
  json = JSON.parse(raw);
} catch (e) {
  fail(`${file} is not valid JSON: ${(e as Error).message}`);
}
const parsed = caseSchema.safeParse(json);
if (!parsed.success) {
  const lines = parsed.error.issues.slice(0, 20).map((i) => {
    const path = i.path.map(String).join(".") || "the case";
    if (i.code === "unrecognized_keys") return `  ${path}: unknown field(s) ${i.keys.join(", ")}`;
    if (i.code === "invalid_type" && i.message === "Invalid input") return `  ${path}: expected ${i.expected}`;
    return `  ${formatIssue(i.message, path, clinicErrors)}`;
  });
  fail(`${file} is not a valid case (docs/case-format.md):\n${lines.join("\n")}`);
}
const c = parsed.data;
const result = assess({
  intake: c.intake ?? null,
  exam: c.exam ?? null,
  previousVisits: c.previousVisits ?? [],
  settings: resolveSettings(c.settings ?? {}),
  patient: c.patient ?? {},
  visitDate: c.visitDate ?? null,
});
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
