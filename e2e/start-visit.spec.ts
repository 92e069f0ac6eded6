import { expect, expectAccessible, newPage, signIn, test } from "./fixtures";

test("a clinician creates a patient, starts a visit and gets the intake link once; a new link withdraws the first", async ({ page, clinician, browser }) => {
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
  // The notice is said once: the address drops its marker, so a reload does not say it again.
  await expect(page).not.toHaveURL(/created=/);
  await expect(page.getByText("No visits yet.")).toBeVisible();

  await page.getByRole("button", { name: "Start visit and create intake link" }).click();
  const link = page.getByLabel("Intake link");
  await expect(link).toHaveValue(/\/i\/[A-Za-z0-9_-]{43}$/);
  // The visits list shows the new visit at once, without a reload (and the link stays on screen).
  const visits = page.getByRole("region", { name: "Visits" });
  await expect(visits.getByRole("row", { name: /Initial/ })).toContainText("Invited");
  await expect(page.getByText("No visits yet.")).toHaveCount(0);
  await expect(link).toHaveValue(/\/i\/[A-Za-z0-9_-]{43}$/);
  const firstLink = await link.inputValue();
  await expect(page.getByText("It is shown only now")).toBeVisible();
  // The expiry is a time in the clinic's zone (UTC for this clinic), never a bare date.
  await expect(page.getByText(/It works until \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC and stops/)).toBeVisible();
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByRole("heading", { name: "Ngozi Okafor" })).toBeVisible();
  await expect(page.getByText("Patient created.")).toHaveCount(0);

  // The worklist shows the visit as invited.
  await page.getByRole("link", { name: "Worklist" }).click();
  const row = page.getByRole("row", { name: /Ngozi Okafor/ });
  await expect(row).toContainText("Invited");

  // The link is not shown again anywhere.
  await row.getByRole("link", { name: "Ngozi Okafor" }).click();
  await expect(page.getByText(/\/i\/[A-Za-z0-9_-]{43}/)).toHaveCount(0);

  // The patient lost the message: a new link replaces the first, which then says it was withdrawn.
  // (the worklist row opened the visit page)
  await page.getByRole("button", { name: "Make a new intake link" }).click();
  const fresh = page.getByLabel("Intake link");
  await expect(fresh).toHaveValue(/\/i\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText("New link made.")).toBeVisible();
  await expectAccessible(page);
  const patient = await newPage(browser, { width: 360, height: 740 });
  const old = await patient.goto(firstLink.replace(/^https?:\/\/[^/]+/, ""));
  expect(old?.status()).toBe(410);
  await expect(patient.getByRole("heading", { name: "This link has been withdrawn" })).toBeVisible();
  const now = await patient.goto((await fresh.inputValue()).replace(/^https?:\/\/[^/]+/, ""));
  expect(now?.status()).toBe(200);
  await expect(patient.getByLabel("Day")).toBeVisible();
  await patient.close();
});
