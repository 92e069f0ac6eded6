import { expect, expectAccessible, signIn, test } from "./fixtures";

test("a clinician creates a patient, starts a visit and gets the intake link once", async ({ page, clinician }) => {
  await signIn(page, clinician);
  await page.getByRole("link", { name: "New patient" }).first().click();
  await expect(page.getByRole("heading", { name: "New patient" })).toBeVisible();
  await expectAccessible(page);

  // Bad input: each field says what is wrong, and nothing typed is lost.
  await page.getByLabel("Last name").fill("Okafor");
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(page.getByText("First name is required.")).toBeVisible();
  await expect(page.getByText("Date of birth must be a real date (year, month, day).")).toBeVisible();
  await expect(page.getByLabel("Last name")).toHaveValue("Okafor");

  await page.getByLabel("First name").fill("Ngozi");
  await page.getByLabel("Date of birth").fill("1988-02-29");
  await page.getByRole("radio", { name: "Female" }).check();
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(page.getByRole("heading", { name: "Ngozi Okafor" })).toBeVisible();
  await expect(page.getByText("Patient created.")).toBeVisible();

  await page.getByRole("button", { name: "Start visit and create intake link" }).click();
  const link = page.getByLabel("Intake link");
  await expect(link).toHaveValue(/\/i\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText("It is shown only now")).toBeVisible();
  // The expiry is a time in the clinic's zone (UTC for this clinic), never a bare date.
  await expect(page.getByText(/It works until \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC and stops/)).toBeVisible();
  await expectAccessible(page);

  // The worklist shows the visit as invited.
  await page.getByRole("link", { name: "Worklist" }).click();
  const row = page.getByRole("row", { name: /Ngozi Okafor/ });
  await expect(row).toContainText("Invited");

  // The link is not shown again anywhere.
  await row.getByRole("link", { name: "Ngozi Okafor" }).click();
  await expect(page.getByText(/\/i\/[A-Za-z0-9_-]{43}/)).toHaveCount(0);
});
