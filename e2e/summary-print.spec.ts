import { readFile } from "node:fs/promises";
import { expect, expectAccessible, intakeAnswers, patientWithVisit, signIn, test } from "./fixtures";

async function pdfText(buffer: Buffer): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "));
  }
  return pages.join("\n").replace(/\s+/g, " ");
}

test("the summary explains each line, the clinician finalizes it, and the print view renders to a PDF with the plan", async ({ page, clinician }) => {
  const { visitId, firstName } = await patientWithVisit(clinician, {
    intake: intakeAnswers({ running: { weeklyKm: { thisWeek: 40, fourWeeksAgo: 25 }, downhill: "often", bankedRoads: "never" } }),
    exam: { left: 150, right: 210 },
  });
  await signIn(page, clinician);
  await page.goto(`/visits/${visitId}/summary`);
  await expect(page.getByRole("heading", { name: "Summary and plan" })).toBeVisible();
  // Findings computed by the engine: symmetry (weaker ÷ stronger) and the weekly distance change.
  await expect(page.getByText("71%, left weaker")).toBeVisible();
  await expect(page.getByText("25 → 40 km (+60%)")).toBeVisible();
  await expect(page.getByText(/Hip abduction asymmetry: left weaker/)).toBeVisible();
  // Each plan line with its reason.
  await expect(page.getByText(/avoid downhill running and banked or cambered roads/)).toBeVisible();
  await expect(page.getByText(/Because: Runs downhill often/)).toBeVisible();
  await expect(page.getByText(/no more than 10% more each week/)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Finalize and sign" }).click();
  await expect(page.getByText(/Finalized by Alex Morgan/)).toBeVisible();
  await page.getByRole("link", { name: "Open the print view" }).click();
  await expect(page).toHaveURL(new RegExp(`/visits/${visitId}/print$`));
  await expect(page.getByRole("heading", { name: "Your visit summary" })).toBeVisible();
  await expectAccessible(page);

  // Print media: no navigation chrome.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Back to the summary" })).toBeHidden();

  for (const format of ["Letter", "A4"] as const) {
    const path = test.info().outputPath(`summary-${format}.pdf`);
    await page.pdf({ path, format, printBackground: true });
    const text = await pdfText(await readFile(path));
    expect(text).toContain(clinician.clinicName);
    expect(text).toContain(`${firstName} Tester`);
    expect(text).toContain("Your visit summary");
    expect(text).toContain("clamshells");
    expect(text).toContain("avoid downhill running");
    expect(text).not.toContain("Back to the summary");
    expect(text).not.toContain("Sign out");
  }
});

test("a refer summary prints the physician advice and no running plan", async ({ page, clinician }) => {
  const { visitId } = await patientWithVisit(clinician, { intake: intakeAnswers({ safety: { nightOrRestPain: true } }), exam: { left: 200, right: 205 } });
  await signIn(page, clinician);
  await page.goto(`/visits/${visitId}/summary`);
  await expect(page.getByRole("heading", { name: "Refer: see a physician" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Plan", exact: true })).toHaveCount(0);
  await expect(page.getByText(/weekly distance/i)).toHaveCount(0);
  await page.getByRole("button", { name: "Finalize and sign" }).click();
  await page.getByRole("link", { name: "Open the print view" }).click();
  const path = test.info().outputPath("refer.pdf");
  await page.pdf({ path, format: "Letter" });
  const text = await pdfText(await readFile(path));
  expect(text).toContain("see a physician");
  expect(text).not.toMatch(/Running while it settles|weekly distance by no more/);
});
