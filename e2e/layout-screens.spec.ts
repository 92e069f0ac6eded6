import { clinicianActor } from "../prisma/factories";
import { expect, intakeAnswers, patientWithVisit, signIn, test } from "./fixtures";

// Layout at the widths clinics use (a phone, a tablet both ways up, a desktop): long badges wrap inside
// their panel, a value stays on one line with its unit, and the print toolbar lays out in its two rows.
// Each page is also kept as a screenshot in the test's output folder, to look at.
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
];

test("exam verdicts, derived values and the print toolbar fit at every width", async ({ browser, clinician }) => {
  test.setTimeout(120_000);
  // 100 N against 140 N: below 90% but within the 49 N measurement error, the longest verdict.
  const { visitId } = await patientWithVisit(clinician, { intake: intakeAnswers(), exam: { left: 100, right: 140 } });
  const { finalizeSummary } = await import("../lib/data/summaries");
  expect((await finalizeSummary(await clinicianActor({ id: clinician.userId }, clinician.clinicId), visitId)).ok).toBe(true);

  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, clinician);
    await page.goto(`/visits/${visitId}/exam`);
    const verdict = page.getByText("Possible asymmetry, within measurement error: retest").first();
    await expect(verdict).toBeVisible();
    await verdict.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await page.screenshot({ path: test.info().outputPath(`exam-${viewport.width}x${viewport.height}.png`) });
    // The badge ends inside the panel that holds it.
    const overrun = await verdict.evaluate((el) => {
      const panel = el.closest("p")!.parentElement!.getBoundingClientRect();
      return el.getBoundingClientRect().right - panel.right;
    });
    expect.soft(overrun, `verdict badge overruns its panel at ${viewport.width}`).toBeLessThanOrEqual(0);
    // "Best 100 N" is one line: the number and its unit never part.
    const best = page.locator("dl", { hasText: "Best" }).first();
    const lines = await best.evaluate((dl) =>
      [...dl.querySelectorAll("dd")].map((dd) => {
        const r = dd.getClientRects();
        return r.length;
      }),
    );
    expect
      .soft(
        lines.every((n) => n === 1),
        `derived values stay on one line at ${viewport.width}`,
      )
      .toBe(true);

    await page.goto(`/visits/${visitId}/print`);
    await expect(page.getByRole("heading", { name: "Your visit summary" })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`print-${viewport.width}x${viewport.height}.png`) });
    // The buttons sit on one row of their own, none pushed onto a line by itself.
    const tops = await page.locator("main .no-print .btn").evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    if (viewport.width >= 768) expect.soft(new Set(tops).size, `print buttons on one row at ${viewport.width}`).toBe(1);
    await context.close();
  }
});
