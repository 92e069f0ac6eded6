import type { Page } from "@playwright/test";
import { expect, expectAccessible, patientWithVisit, signIn, test } from "./fixtures";

// The exam on a tablet, both ways up: nothing runs off the side, every target is large enough to tap, left
// and right sit side by side, the save status stays in view, and taps and the number pad enter values.
for (const viewport of [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
]) {
  test(`the exam works on a ${viewport.width}×${viewport.height} tablet`, async ({ browser, clinician }) => {
    const { visitId } = await patientWithVisit(clinician);
    const context = await browser.newContext({ viewport, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await signIn(page, clinician);
    await page.goto(`/visits/${visitId}/exam`);
    await expect(page.getByRole("heading", { name: "Exam", exact: true })).toBeVisible();

    expect(await horizontalOverflow(page), "no sideways scrolling").toBe(0);
    // Left and right side by side: the left column's first trial is left of the right column's, same row.
    const l = await page.getByLabel("Hip abduction, left, trial 1").boundingBox();
    const r = await page.getByLabel("Hip abduction, right, trial 1").boundingBox();
    expect(l!.x).toBeLessThan(r!.x);
    expect(Math.abs(l!.y - r!.y)).toBeLessThan(2);
    // Three trials on one row.
    const t3 = await page.getByLabel("Hip abduction, left, trial 3").boundingBox();
    expect(Math.abs(t3!.y - l!.y)).toBeLessThan(2);
    // Targets at least 44 px (WCAG 2.5.5), inputs and tapped answers alike.
    const small = await page.evaluate(
      () =>
        [...document.querySelectorAll("form[aria-label=Exam] :is(input:not([type=radio]):not([type=checkbox]), select, button, .choice span)")]
          .map((el) => el.getBoundingClientRect())
          .filter((b) => b.width > 0 && (b.height < 44 || b.width < 44)).length,
    );
    expect(small).toBe(0);

    // Taps and the number pad.
    await page.getByLabel("Hip abduction, left, trial 1").tap();
    await expect(page.getByLabel("Hip abduction, left, trial 1")).toHaveAttribute("inputmode", "decimal");
    await page.keyboard.type("150");
    await page.getByLabel("Hip abduction, right, trial 1").tap();
    await page.keyboard.type("210");
    await page.getByRole("group", { name: "Trendelenburg, left" }).getByRole("radio", { name: "Positive" }).tap();
    await expect(page.getByRole("group", { name: "Trendelenburg, left" }).getByRole("radio", { name: "Positive" })).toBeChecked();
    await expect(page.getByTestId("derived-hipAbduction").getByText(/Symmetry 71%, left weaker/)).toBeVisible();

    // The save status is in view wherever the clinician has scrolled.
    await page.getByRole("heading", { name: "Palpation and special tests" }).scrollIntoViewIfNeeded();
    await expect(page.getByText(/All changes saved \(version \d+/)).toBeInViewport({ timeout: 15_000 });
    expect(await horizontalOverflow(page)).toBe(0);
    await expectAccessible(page);
    await context.close();
  });
}

function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}
