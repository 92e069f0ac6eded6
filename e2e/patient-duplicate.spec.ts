// A patient typed in twice: the form shows the one the clinic has and asks, instead of a silent second
// record; and finding a patient keeps the name out of the address.
import { clinicianActor } from "../prisma/factories";
import { expect, expectAccessible, signIn, test } from "./fixtures";

test("creating a patient with an existing name and date of birth shows the match and asks; search keeps the name out of the URL", async ({
  page,
  clinician,
}) => {
  const { createPatient } = await import("../lib/data/patients");
  const lastName = `Dupli${Date.now().toString(36)}`;
  const existing = await createPatient(await clinicianActor({ id: clinician.userId }, clinician.clinicId), {
    firstName: "Maren",
    lastName,
    dateOfBirth: "1979-08-14",
    sex: "FEMALE",
    email: "",
    phone: "",
  });
  await signIn(page, clinician);

  // Search: the result is on the page, the address is still /patients.
  await page.getByLabel("Find a patient").fill(lastName);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("search").getByRole("link", { name: `${lastName}, Maren` })).toBeVisible();
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/patients");

  await page.goto("/patients/new");
  await page.getByLabel("First name").fill("maren");
  await page.getByLabel("Last name").fill(lastName);
  await page.getByLabel("Date of birth").fill("1979-08-14");
  await page.getByRole("button", { name: "Create patient" }).click();
  const ask = page.getByRole("alert").filter({ hasText: "already has a patient with this name and date of birth" });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole("link", { name: `Open Maren ${lastName}, born 14 Aug 1979` })).toHaveAttribute("href", `/patients/${existing.id}`);
  await expectAccessible(page);

  // It is someone else: created on purpose.
  await ask.getByRole("button", { name: "Create a new patient anyway" }).click();
  await page.waitForURL(/\/patients\/[0-9a-f-]{36}\?created=1$/);
  expect(page.url()).not.toContain(existing.id);
});
