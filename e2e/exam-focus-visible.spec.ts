import type { Page } from "@playwright/test";
import { expect, patientWithVisit, signIn, test } from "./fixtures";

// WCAG 2.2 2.4.11 (Focus Not Obscured): tabbing through the whole exam, every focused field is on screen and
// not under the sticky save bar. axe cannot see this, so the sweep measures each Tab stop.

/** Where the focused control is drawn, and how much of it a fixed or sticky element it is not inside covers. */
function focusReport(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    // A chip's radio or a tick box may be drawn by its label: measure what the person sees.
    const input = el as HTMLInputElement;
    let r = el.getBoundingClientRect();
    if (r.width * r.height < 16 && input.labels?.[0]) r = input.labels[0].getBoundingClientRect();
    const name = el.getAttribute("aria-label") ?? (input.labels?.[0]?.textContent ?? el.textContent ?? el.tagName).trim().slice(0, 60);
    const inView = r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
    let covered = 0;
    for (const other of document.querySelectorAll<HTMLElement>("body *")) {
      const position = getComputedStyle(other).position;
      if ((position !== "fixed" && position !== "sticky") || other.contains(el)) continue;
      const o = other.getBoundingClientRect();
      // A sticky element in its normal place covers nothing; one stuck to the viewport's edge overlaps.
      const w = Math.min(r.right, o.right) - Math.max(r.left, o.left);
      const h = Math.min(r.bottom, o.bottom) - Math.max(r.top, o.top);
      if (w > 0 && h > 0) covered += w * h;
    }
    return { name, inView, covered, inForm: !!el.closest("form[aria-label=Exam]") };
  });
}

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
]) {
  test(`every Tab stop on the exam stays in view and clear of the save bar at ${viewport.width}×${viewport.height}`, async ({ browser, clinician }) => {
    test.setTimeout(180_000);
    const { visitId } = await patientWithVisit(clinician);
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signIn(page, clinician);
    await page.goto(`/visits/${visitId}/exam`);
    await expect(page.getByText("Nothing saved yet")).toBeVisible();
    await page.getByRole("heading", { name: "Exam", exact: true }).click();

    const hidden: string[] = [];
    let stops = 0;
    let leftForm = 0;
    for (let i = 0; i < 400 && leftForm < 3; i++) {
      await page.keyboard.press("Tab");
      const f = await focusReport(page);
      if (!f || !f.inForm) {
        if (stops > 0) leftForm++;
        continue;
      }
      stops++;
      if (!f.inView || f.covered > 0) hidden.push(`${f.name} (in view: ${f.inView}, covered px²: ${Math.round(f.covered)})`);
    }
    expect(stops, "the sweep reached the exam's fields").toBeGreaterThan(80);
    expect(hidden, "focused fields hidden or covered").toEqual([]);
    await context.close();
  });
}
