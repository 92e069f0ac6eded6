// The English take-home sheet does not change when the summary renders from the catalog: every example
// case's patient summary, as text, against the sheet rendered by the engine's English before the catalog
// (test/patient-summary-en/*.txt). After a deliberate change to the English wording: `npx vitest run -u` on
// this file, and review the diff.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { caseSchema } from "@/lib/assessment/case-schema";
import { assess } from "@/lib/assessment/engine";
import { resolveSettings } from "@/lib/assessment/settings";
import { sheetText as text } from "@/test/sheet-text";
import { PatientSummary } from "./patient-summary";

const root = path.resolve(import.meta.dirname, "..", "..");
const CASES = readdirSync(path.join(root, "examples", "cases")).filter((f) => f.endsWith(".json"));
function runCase(file: string) {
  const c = caseSchema.parse(JSON.parse(readFileSync(path.join(root, "examples", "cases", file), "utf8")));
  return assess({
    intake: c.intake ?? null,
    exam: c.exam ?? null,
    previousVisits: (c.previousVisits ?? []) as never,
    settings: resolveSettings(c.settings ?? {}),
    patient: c.patient ?? {},
    visitDate: c.visitDate ?? null,
  });
}
describe("the English patient summary of every example case is the sheet printed before the catalog", () => {
  it.each(CASES)("%s", async (file) => {
    const html = renderToStaticMarkup(createElement(PatientSummary, { a: runCase(file), clinicPhone: "01234 567890" }));
    await expect(`${text(html)}\n`).toMatchFileSnapshot(path.join(root, "test", "patient-summary-en", file.replace(/\.json$/, ".txt")));
  });
});
