import { devices } from "@playwright/test";
import { expect, expectAccessible, newPage, patientWithVisit, signIn, test } from "./fixtures";

test.use({ ...devices["Pixel 5"], viewport: { width: 360, height: 740 }, channel: undefined, defaultBrowserType: "chromium" });

test("a patient opens the link on a phone, confirms their date of birth, answers and submits; the link then stops working", async ({ page, clinician, browser }) => {
  const { token, dob, visitId, firstName } = await patientWithVisit(clinician, { dob: "1985-07-02" });

  const res = await page.goto(`/i/${token}`);
  // The token is exchanged for a cookie and leaves the address bar at once.
  expect(page.url()).toMatch(/\/intake$/);
  expect(page.url()).not.toContain(token);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  // No health data before the date-of-birth check, not even the patient's name.
  await expect(page.getByText(firstName)).toHaveCount(0);
  await expectAccessible(page);

  await page.getByLabel("Day").fill("3");
  await page.getByLabel("Month").fill("7");
  await page.getByLabel("Year").fill("1985");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("That date of birth does not match our records. You can try 4 more time(s).")).toBeVisible();

  const [y, m, d] = dob.split("-");
  await page.getByLabel("Day").fill(d!);
  await page.getByLabel("Month").fill(m!);
  await page.getByLabel("Year").fill(y!);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Before your visit" })).toBeVisible();
  await expect(page.getByText(`Hello ${firstName}.`)).toBeVisible();
  await expectAccessible(page);

  // Submitting with nothing answered: each question says what is needed.
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByText("Which knee hurts? Please choose one answer.")).toBeVisible();
  await expect(page.getByText("Kilometres run this week: please answer this question.")).toBeVisible();
  await expectAccessible(page);

  const group = (name: string) => page.getByRole("group", { name });
  await group("Which knee hurts?").getByRole("radio", { name: "Right" }).check();
  await group("Pain right now").getByRole("radio", { name: "3", exact: true }).check();
  await group("Worst pain in the past week").getByRole("radio", { name: "6", exact: true }).check();
  for (const q of [
    "Did the pain start with an injury or a fall?",
    "Is your knee hot, red or swollen, and do you have a fever or feel unwell?",
    "Is your calf swollen, red or tender?",
    "Does the pain wake you at night or continue when you rest?",
    "Does your knee give way or feel unstable?",
  ]) {
    await group(q).getByRole("radio", { name: "No" }).check();
  }
  await page.getByLabel("Kilometres run this week").fill("400");
  await page.getByLabel("Kilometres run in a week, four weeks ago").fill("20");
  await group("Do you often run downhill, or on banked or sloping roads?").getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByText("Kilometres run this week: enter a number from 0 to 300.")).toBeVisible();
  await page.getByLabel("Kilometres run this week").fill("32");
  await page.getByRole("button", { name: "Send my answers" }).click();

  await expect(page.getByRole("heading", { name: "Thank you, your answers have been sent" })).toBeVisible();
  await expectAccessible(page);

  // The link no longer opens the answers: a clear 410 page that says nothing about whose link it was.
  const again = await newPage(browser, { width: 360, height: 740 });
  const gone = await again.goto(`/i/${token}`);
  expect(gone?.status()).toBe(410);
  await expect(again.getByRole("heading", { name: "Your answers have been sent" })).toBeVisible();
  await expect(again.getByText(firstName)).toHaveCount(0);
  await again.close();

  // The clinician sees the answers on the visit.
  const clinicPage = await newPage(browser);
  await signIn(clinicPage, clinician);
  await clinicPage.goto(`/visits/${visitId}`);
  await expect(clinicPage.getByText("No safety concerns reported")).toBeVisible();
  await expect(clinicPage.getByText("+60%")).toBeVisible();
  await clinicPage.close();
});

test("a wrong, made-up invite link gets a clear page and no hint of whose it is", async ({ page }) => {
  const res = await page.goto("/i/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  const noSession = await page.goto("/intake");
  expect(noSession?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Please open the link from your clinic" })).toBeVisible();
});
