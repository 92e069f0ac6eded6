import { sampleIntake } from "../lib/assessment/intake-sample";
import { expect, expectAccessible, newPage, patientWithVisit, signIn, test } from "./fixtures";
import { answer, asOwner, expectStep, openLinkAndConfirm } from "./intake-helpers";

test("the clinician reopens a sent intake for corrections: a new link, the earlier answers kept, and the corrected ones replace them", async ({
  page,
  clinician,
  browser,
}) => {
  test.setTimeout(120_000);
  const { visitId, dob, firstName } = await patientWithVisit(clinician, { dob: "1975-03-30", intake: sampleIntake({ pain: { now: 3 } }) });
  await signIn(page, clinician);
  await page.goto(`/visits/${visitId}`);
  await page.getByRole("button", { name: "Reopen for corrections" }).click();
  const link = page.getByLabel("Intake link");
  await expect(link).toHaveValue(/\/i\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText("Reopened for corrections.")).toBeVisible();
  await expectAccessible(page);
  const token = new URL(await link.inputValue()).pathname.split("/").pop()!;
  await page.reload();
  await expect(page.getByText("Reopened for corrections: waiting for the patient.")).toBeVisible();
  await expect(page.getByLabel("Intake link")).toHaveCount(0);

  const patient = await newPage(browser, { width: 360, height: 740 });
  await openLinkAndConfirm(patient, token, dob);
  await expect(patient.getByText("Your clinic asked you to check your answers again.")).toBeVisible();
  await expectStep(patient, "About you");
  // Prefilled with what was sent; the patient goes to the pain step and corrects it.
  // One step at a time: a click that lands while the previous step is still checking would be lost.
  for (const step of ["Your running", "Your knee", "Pain"]) {
    await patient.getByRole("button", { name: "Next", exact: true }).click();
    await expectStep(patient, step);
  }
  await expect(patient.getByRole("group", { name: "Pain right now", exact: true }).getByRole("radio", { name: "3", exact: true })).toBeChecked();
  await answer(patient, "Pain right now", "5");
  for (const step of ["Safety", "Questionnaires", "Consent"]) {
    await patient.getByRole("button", { name: "Next", exact: true }).click();
    await expectStep(patient, step);
  }
  // Consent is given again for the corrected answers.
  await expect(patient.getByRole("checkbox", { name: "I agree to the statement above" })).not.toBeChecked();
  await patient.getByRole("checkbox", { name: "I agree to the statement above" }).check();
  await patient.getByLabel("Type your full name to sign").fill(`${firstName} Tester`);
  await patient.getByRole("button", { name: "Send my answers" }).click();
  await expect(patient.getByRole("heading", { name: "Thank you, your answers have been sent" })).toBeVisible();
  await patient.close();

  await page.reload();
  await expect(page.getByText(/revision 2 \(corrects revision 1 of .*, kept\)/)).toBeVisible();
  const rows = await asOwner<{ revision: number; state: string; painNow: number }>(
    `SELECT revision, state, "painNow" FROM "IntakeResponse" WHERE "visitId" = $1 ORDER BY revision`,
    [visitId],
  );
  expect(rows).toEqual([
    { revision: 1, state: "SUPERSEDED", painNow: 3 },
    { revision: 2, state: "FINAL", painNow: 5 },
  ]);
});
