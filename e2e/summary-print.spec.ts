import pg from "pg";
import { expect, expectAccessible, intakeAnswers, patientWithVisit, signIn, test } from "./fixtures";

async function pdfText(buffer: Buffer | Uint8Array): Promise<{ text: string; pages: number }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "));
  }
  return { text: pages.join("\n").replace(/\s+/g, " "), pages: doc.numPages };
}

async function auditActions(recordType: string, visitId: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: process.env.OWNER_DATABASE_URL });
  await c.connect();
  try {
    const r = await c.query<{ action: string }>(
      `SELECT action FROM "AuditEvent" WHERE "recordType" = $1 AND "recordId" IN (SELECT id::text FROM "Summary" WHERE "visitId" = $2) ORDER BY seq`,
      [recordType, visitId],
    );
    return r.rows.map((x) => x.action);
  } finally {
    await c.end();
  }
}

/** The signed summary's stored columns, as text, read as the tables' owner. */
async function storedSummaryText(visitId: string): Promise<string> {
  const c = new pg.Client({ connectionString: process.env.OWNER_DATABASE_URL });
  await c.connect();
  try {
    const r = await c.query<{ t: string }>(`SELECT content::text || ' ' || generated::text AS t FROM "Summary" WHERE "visitId" = $1 AND state = 'FINAL'`, [
      visitId,
    ]);
    return r.rows.map((x) => x.t).join("\n");
  } finally {
    await c.end();
  }
}

/** No content wider than the paper (Letter 8.5 in, A4 210 mm, minus margins) when printed. */
async function expectFitsWidth(page: import("@playwright/test").Page) {
  await page.emulateMedia({ media: "print" });
  for (const widthPx of [Math.round((8.5 - 0.94) * 96), Math.round(((210 - 24) / 25.4) * 96)]) {
    await page.setViewportSize({ width: widthPx, height: 1000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `overflow at ${widthPx}px`).toBeLessThanOrEqual(0);
  }
  await page.emulateMedia({ media: null });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.use({ viewport: { width: 1280, height: 900 } });

test("the clinician reviews, edits and finalizes the plan; the patient and clinician versions print and download as PDF", async ({
  page,
  clinician,
  request,
}) => {
  test.setTimeout(150_000);
  const { visitId, firstName } = await patientWithVisit(clinician, {
    intake: intakeAnswers({ running: { weeklyKm: { thisWeek: 40, lastWeek: 30, fourWeeksAgo: 25 }, downhill: "often", bankedRoads: "never" } }),
    exam: { left: 150, right: 210 },
  });
  await signIn(page, clinician);
  await page.goto(`/visits/${visitId}/summary`);
  await expect(page.getByRole("heading", { name: "Summary and plan" })).toBeVisible();
  // Findings beside the plan: symmetry (weaker ÷ stronger), the weaker side and the flags.
  await expect(page.getByRole("cell", { name: /^71%, left weaker/ })).toBeVisible();
  await expect(page.getByText(/Hip abduction asymmetry: left weaker/)).toBeVisible();
  await expect(page.getByText(/Recent jump in weekly distance/)).toBeVisible();
  await expectAccessible(page);

  // Reasons on demand.
  const firstExercise = page.getByRole("listitem").filter({ has: page.getByRole("button", { name: /^Remove Side-lying leg raise$/ }) });
  await firstExercise.getByText("Why this exercise").click();
  await expect(firstExercise.getByText(/Combined hip- and knee-targeted exercise/)).toBeVisible();
  // Each drafted point says which rule wrote it; only points the clinician adds say they wrote them.
  await expect(page.getByText("Why this point")).toHaveCount(await page.getByRole("textbox", { name: /^Point \d+$/ }).count());
  await expect(page.getByText("Written by the clinician.")).toHaveCount(0);

  // Edit: drop one exercise, change a dose, add one from the library, move it first, reword a point,
  // start at walk-run phase 3, add a note.
  await page.getByRole("button", { name: "Remove Sit to stand" }).click();
  // Focus stays in the list (on a neighbour's Remove), not at the top of the page.
  await expect(page.locator(":focus")).toHaveAccessibleName(/^Remove /);
  await page.getByLabel("Sets").first().fill("4");
  await page.getByLabel("Add from the library").selectOption("side-plank");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  // Up to the top, one place at a time: focus stays on "Move up" while it can move again.
  const up = page.getByRole("button", { name: "Move Side plank up" });
  // Side plank was added last: as many places up as there are other exercises in the list.
  const exerciseList = page.getByRole("group", { name: "Exercises" }).getByRole("list").first();
  const places = (await exerciseList.locator(":scope > li").count()) - 1;
  expect(places).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < places; i++) {
    await up.click();
    await expect(up).toBeFocused();
  }
  await up.click();
  // At the top "Move up" is disabled: focus moves to the same exercise's "Move down".
  await expect(up).toBeDisabled();
  await expect(page.getByRole("button", { name: "Move Side plank down" })).toBeFocused();
  // The stretches are the same list: removing one keeps focus in it (a neighbour's Remove, or the library).
  const stretchGroup = page.getByRole("group", { name: "Stretches" });
  await page.getByLabel("Add a stretch from the library").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Add stretch" }).click();
  await stretchGroup
    .getByRole("list")
    .first()
    .locator(":scope > li")
    .last()
    .getByRole("button", { name: /^Remove / })
    .click();
  await expect(stretchGroup.locator(":focus")).toHaveCount(1);
  await page.getByRole("textbox", { name: "Point 1" }).fill("Your kneecap joint is irritated by more running than it was ready for.");
  await page.getByRole("radio", { name: "Walk-run phase", exact: true }).check();
  await page.getByLabel("Phase (1–6)").selectOption("3");
  await page.getByLabel("Notes for the summary (printed)").fill("Bring your running shoes next time.");
  // A dose out of range is refused with the field and the range, and nothing is lost.
  await page.getByLabel("Days a week").first().fill("9");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Days a week must be a whole number from 1 to 7.")).toBeVisible();
  await page.getByLabel("Days a week").first().fill("3");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Saved. The preview below shows the changes.")).toBeVisible();

  const preview = page.getByRole("region", { name: /What the patient will take home/ });
  await expect(preview.getByRole("heading", { name: "Side plank" })).toBeVisible();
  await expect(preview.getByRole("heading", { name: "Sit to stand" })).toHaveCount(0);
  await expect(preview.getByText("Your kneecap joint is irritated by more running than it was ready for.")).toBeVisible();
  await expect(preview.getByText(/walk-run phase 3/)).toBeVisible();
  await expect(preview.getByText("Bring your running shoes next time.")).toBeVisible();

  await page.getByRole("button", { name: "Finalize and sign" }).click();
  // Signing asks first and shows what is being signed; nothing is signed until it is confirmed.
  const confirm = page.getByRole("group", { name: "Sign this plan?" });
  await expect(confirm).toContainText("Start of running");
  await expect(confirm).toContainText("Walk-run phase 3");
  await expect(confirm).toContainText(/Exercises\s*\d+/);
  await expect(confirm.getByRole("button", { name: "Confirm: sign the plan" })).toBeFocused();
  await expectAccessible(page);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("button", { name: "Amend the summary" })).toHaveCount(0);
  await page.getByRole("button", { name: "Finalize and sign" }).click();
  await page.getByRole("button", { name: "Confirm: sign the plan" }).click();
  // Signed times are in the clinic's zone, with it named (this test clinic: UTC).
  await expect(page.getByText(/^Finalized by Alex Morgan on \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC /)).toBeVisible();
  await expect(page.getByRole("button", { name: "Amend the summary" })).toBeVisible();

  // The patient version.
  await page.getByRole("link", { name: "Print for the patient" }).click();
  await expect(page.getByRole("heading", { name: "Your visit summary" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Drawing: Side plank" })).toBeVisible();
  await expect(page.getByRole("list", { name: "The pain rule as a traffic light" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Running calendar/ })).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await expectFitsWidth(page);
  for (const format of ["Letter", "A4"] as const) {
    const { text, pages } = await pdfText(await page.pdf({ format, printBackground: true, path: test.info().outputPath(`patient-${format}.pdf`) }));
    expect(text).toContain(clinician.clinicName);
    expect(text).toContain(`${firstName} Tester`);
    expect(text).toContain("Side plank");
    expect(text).toContain("2 holds of 30 seconds on each side");
    expect(text).toContain("Bring your running shoes next time.");
    expect(text).not.toContain("Back to the summary");
    // Issue 5: the patient version fits one or two pages.
    expect(pages, `${format} pages`).toBeLessThanOrEqual(2);
  }

  // The clinician version: findings table and left/right strength chart.
  await page.getByRole("link", { name: "Clinician version" }).click();
  await expect(page.getByRole("heading", { name: "Visit summary: clinician version" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Hip abduction: left 150 N, right 210 N; symmetry 71%, left weaker/ })).toBeVisible();
  await expectAccessible(page);
  await expectFitsWidth(page);

  // "Download PDF" renders the same page on the server.
  const signedPdf: Record<string, Buffer> = {};
  for (const paper of ["letter", "a4"]) {
    const res = await request.get(`/visits/${visitId}/print/pdf?version=patient&paper=${paper}`, {
      headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ") },
    });
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    signedPdf[paper] = await res.body();
    const { text } = await pdfText(signedPdf[paper]);
    expect(text).toContain("Your visit summary");
    expect(text).toContain("Side plank");
    expect(text).toContain("Bring your running shoes next time.");
  }
  // The note prints, and is stored only encrypted (ADR 0029): the database's superuser reads ciphertext.
  expect(await storedSummaryText(visitId)).not.toContain("Bring your running shoes");
  expect(await storedSummaryText(visitId)).toMatch(/^"enc:j1:/);
  const actions = await auditActions("Summary", visitId);
  expect(actions.filter((a) => a === "print").length).toBeGreaterThanOrEqual(2);
  expect(actions.filter((a) => a === "pdf-download")).toHaveLength(2);
  expect(actions).toContain("finalize");

  // Amending makes a new version; the signed one stays on record.
  await page.goto(`/visits/${visitId}/summary`);
  await page.getByRole("button", { name: "Amend the summary" }).click();
  await expect(page.getByText(/Version 1 was finalized/)).toBeVisible();
  await page.getByLabel("Notes for the summary (printed)").fill("Amended: see you in two weeks.");
  await page.getByRole("button", { name: "Finalize and sign" }).click();
  await page.getByRole("button", { name: "Confirm: sign the plan" }).click();
  await expect(page.getByText(/^Finalized by Alex Morgan/)).toBeVisible();
  await page.goto(`/visits/${visitId}/print`);
  await expect(page.getByText("Amended: see you in two weeks.")).toBeVisible();
  await expect(page.getByText(/version 2 · signed \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC by/)).toBeVisible();

  // "Download PDF" after the amendment holds the amendment, never the signed version's PDF (finished PDFs are
  // kept by the exact print page, ADR 0038); downloading the unchanged page again gives the same file.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const amended = await request.get(`/visits/${visitId}/print/pdf?version=patient&paper=letter`, { headers: { cookie } });
  expect(amended.status()).toBe(200);
  const amendedPdf = await amended.body();
  expect(amendedPdf.equals(signedPdf.letter!)).toBe(false);
  const amendedText = (await pdfText(amendedPdf)).text;
  expect(amendedText).toContain("Amended: see you in two weeks.");
  expect(amendedText).not.toContain("Bring your running shoes next time.");
  const again = await request.get(`/visits/${visitId}/print/pdf?version=patient&paper=letter`, { headers: { cookie } });
  expect(again.status()).toBe(200);
  expect((await again.body()).equals(amendedPdf)).toBe(true);
  // Each download is audited, cached or not: the download, then the print page's render.
  const after = await auditActions("Summary", visitId);
  expect(after.filter((a) => a === "pdf-download")).toHaveLength(4);
  expect(after.filter((a) => a === "pdf-render")).toHaveLength(4);
});

test("a refer summary says to see a physician and holds no running plan anywhere, on screen, in print or in the PDF", async ({ page, clinician, request }) => {
  const { visitId } = await patientWithVisit(clinician, { intake: intakeAnswers({ safety: { nightWakes: true } }), exam: { left: 200, right: 205 } });
  await signIn(page, clinician);
  await page.goto(`/visits/${visitId}/summary`);
  await expect(page.getByRole("heading", { name: "Refer: see a physician" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Return to running" })).toHaveCount(0);
  await expect(page.locator("main")).not.toContainText(/\bkm\b|walk-run|traffic light/i);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Finalize and sign" }).click();
  await expect(page.getByRole("group", { name: "Sign this plan?" })).toContainText("Refer to a physician");
  await page.getByRole("button", { name: "Confirm: sign the plan" }).click();
  await page.getByRole("link", { name: "Print for the patient" }).click();
  await expect(page.getByRole("heading", { name: "Please see a doctor" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(/\bkm\b|walk-run|Getting back to running/i);
  await expectAccessible(page);
  const printed = await pdfText(await page.pdf({ format: "Letter" }));
  expect(printed.text).toContain("Please see a doctor");
  expect(printed.text).not.toMatch(/\bkm\b|walk-run|Getting back to running/);
  const res = await request.get(`/visits/${visitId}/print/pdf?version=patient&paper=a4`, {
    headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ") },
  });
  expect(res.status()).toBe(200);
  const downloaded = await pdfText(await res.body());
  expect(downloaded.text).toContain("Please see a doctor");
  expect(downloaded.text).not.toMatch(/\bkm\b|walk-run|Getting back to running/);
});

test("the PDF route needs a signed-in clinician of the same clinic", async ({ request, clinician, browser }) => {
  const { visitId } = await patientWithVisit(clinician, { intake: intakeAnswers(), exam: { left: 200, right: 205 } });
  const { clinicianActor } = await import("../prisma/factories");
  const { finalizeSummary } = await import("../lib/data/summaries");
  expect((await finalizeSummary(await clinicianActor({ id: clinician.userId }, clinician.clinicId), visitId)).ok).toBe(true);
  const anonymous = await request.get(`/visits/${visitId}/print/pdf`, { maxRedirects: 0 });
  expect([303, 307]).toContain(anonymous.status());
  const { createClinicianAndClinic } = await import("../prisma/factories");
  const other = await createClinicianAndClinic();
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, { email: other.user.email, password: other.password });
  const res = await page.request.get(`/visits/${visitId}/print/pdf`);
  expect(res.status()).toBe(404);
  await ctx.close();
});
