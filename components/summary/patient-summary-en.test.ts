// The English take-home sheet does not change when the summary renders from the catalog: every example
// case's patient summary, as text, against the sheet rendered by the engine's English before the catalog
// (test/patient-summary-en/*.txt). After a deliberate change to the English wording: `npx vitest run -u` on
// this file, and review the diff.
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CASE_FILES as CASES, runCase } from "@/test/example-cases";
import { sheetText as text } from "@/test/sheet-text";
import { PatientSummary } from "./patient-summary";

const root = path.resolve(import.meta.dirname, "..", "..");
describe("the English patient summary of every example case is the sheet printed before the catalog", () => {
  it.each(CASES)("%s", async (file) => {
    const html = renderToStaticMarkup(createElement(PatientSummary, { a: runCase(file), clinicPhone: "01234 567890" }));
    await expect(`${text(html)}\n`).toMatchFileSnapshot(path.join(root, "test", "patient-summary-en", file.replace(/\.json$/, ".txt")));
  });
});

describe("the effort legend", () => {
  it.each(CASES)("%s: shows beside the calendar only when a session in it has an effort number", (file) => {
    const sheet = text(renderToStaticMarkup(createElement(PatientSummary, { a: runCase(file), clinicPhone: "01234 567890" })));
    const hasEffort = /effort \d\/10/.test(sheet);
    expect(sheet.includes("calendar effort numbers are how hard the run feels")).toBe(hasEffort);
  });
});
