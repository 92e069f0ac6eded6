import { expect, expectAccessible, newPage, patientWithVisit, test } from "./fixtures";
import { answer, expectSaved, expectStep, next, openLinkAndConfirm, phone } from "./intake-helpers";

test.use(phone);

test("a patient leaves midway and resumes where they left off in another browser, after its own date-of-birth check", async ({ page, clinician, browser }) => {
  test.setTimeout(120_000);
  const { token, dob, firstName } = await patientWithVisit(clinician, { dob: "1979-11-02" });
  await openLinkAndConfirm(page, token, dob);
  await answer(page, `Is your name ${firstName} Tester?`, "Yes");
  await answer(page, "Sex", "Male");
  await next(page);
  await expectStep(page, "Your running");
  await page.getByLabel("How many times a week do you run now?").fill("3");
  await page.getByLabel("Distance run this week").fill("25");
  // Saved to the server a moment after typing stops (never in the browser's storage).
  await expect(page.getByText(/^Saved/)).toBeVisible({ timeout: 15_000 });
  await expectSaved(page);
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);

  // The connection drops while typing: the page says so and keeps trying; back online, it saves.
  await page.context().setOffline(true);
  await page.getByLabel("Distance run 4 weeks ago").fill("20");
  await expect(page.locator("[data-save-status]")).toHaveText(/^Not saved, retrying/, { timeout: 15_000 });
  await expect(page.getByRole("status").filter({ hasText: "Not saved, retrying" })).toHaveCount(1);
  await page.context().setOffline(false);
  await expectSaved(page);
  await page.context().close();

  // Another device: the link needs the date of birth again, then opens the running step as it was left.
  const laptop = await newPage(browser, { width: 360, height: 740 });
  await laptop.goto(`/i/${token}`);
  await expect(laptop.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  await expect(laptop.getByText(firstName)).toHaveCount(0);
  await openLinkAndConfirm(laptop, token, dob);
  await expectStep(laptop, "Your running");
  await expect(laptop.getByText("Step 2 of 7: Your running")).toBeVisible();
  await expect(laptop.getByLabel("How many times a week do you run now?")).toHaveValue("3");
  await expect(laptop.getByLabel("Distance run this week")).toHaveValue("25");
  await expect(laptop.getByLabel("Distance run 4 weeks ago")).toHaveValue("20");
  await expectAccessible(laptop);
  // The earlier step kept its answers too.
  await laptop.getByRole("button", { name: "About you" }).click();
  await expectStep(laptop, "About you");
  await expect(laptop.getByRole("group", { name: "Sex", exact: true }).getByRole("radio", { name: "Male", exact: true })).toBeChecked();
  await laptop.close();
});
