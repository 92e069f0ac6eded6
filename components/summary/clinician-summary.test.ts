// The clinician's version of the summary in the clinic's language: every example case in Spanish has no
// English left outside what is marked lang="en", and a miles runner's target is said in miles.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { assess } from "@/lib/assessment/engine";
import { CASE_FILES, caseInput, runCase } from "@/test/example-cases";
import { englishIn, SPANISH_ALLOWED } from "@/test/english-words";
import { ClinicianSummary } from "./clinician-summary";

const text = (html: string) =>
  html
    .replace(/<span lang="en">[^<]*<\/span>/g, " ")
    .replace(/<[^>]+>/g, "\n")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

const render = (a: ReturnType<typeof runCase>, locale: "en-US" | "es") => text(renderToStaticMarkup(createElement(ClinicianSummary, { a, locale })));

describe("the clinician's summary", () => {
  it.each(CASE_FILES)("%s: in Spanish, with no English sentence left", (file) => {
    const a = runCase(file);
    const html = renderToStaticMarkup(createElement(ClinicianSummary, { a, locale: "es" }));
    // Nothing falls back to the stored English in the example cases.
    expect(html).not.toContain('lang="en"');
    expect(englishIn(text(html), [...SPANISH_ALLOWED, "Step-down", "LEFS", "AKPS", "Kujala", "Nm/kg", "N/kg", "City half marathon"])).toEqual([]);
  });

  it("says a miles runner's target in miles, with the km beside it", () => {
    const input = caseInput("01-pfp-asymmetry-ramp.json");
    const km = assess(input);
    const mi = assess({ ...input, intake: { ...input.intake!, running: { ...input.intake!.running, distanceUnit: "mi" } } });
    expect(mi.returnToRun?.unit).toBe("mi");
    expect(render(km, "en-US")).toMatch(/Target \d+(\.\d)? km a week/);
    expect(render(mi, "en-US")).toMatch(/Target \d+(\.\d)? mi \(\d+(\.\d)? km\) a week/);
    expect(render(mi, "es")).toMatch(/Objetivo: \d+(,\d)? mi \(\d+(,\d)? km\) a la semana/);
  });
});
