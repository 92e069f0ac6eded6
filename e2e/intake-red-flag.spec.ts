import { sampleIntake } from "../lib/assessment/intake-sample";
import { expect, expectAccessible, newPage, patientWithVisit, signIn, test } from "./fixtures";
import { answer, draftAs, expectStep, next, openLinkAndConfirm, phone } from "./intake-helpers";

test.use(phone);

test("a swollen knee with fever shows 'get care today' at once and after sending, and reaches the clinician as a referral", async ({
  page,
  clinician,
  browser,
}) => {
  test.setTimeout(120_000);
  const { token, dob, visitId, firstName } = await patientWithVisit(clinician, { dob: "1992-02-11" });
  // The patient had filled the first four steps earlier (a draft on the server).
  const { safety: _safety, consent: _consent, ...earlier } = sampleIntake();
  await draftAs(token, dob, earlier, "safety");
  await openLinkAndConfirm(page, token, dob);
  await expectStep(page, "Safety");

  await answer(page, "Did the pain start with an injury, a twist or a fall?", "No");
  await answer(page, "Is your knee swollen?", "Yes");
  await answer(page, "Is your knee hot or red?", "No");
  await expect(page.locator("main").getByRole("alert")).toHaveCount(0);
  await answer(page, "Do you have a fever, or feel generally unwell?", "Yes");
  const urgent = page.locator("main").getByRole("alert").filter({ hasText: "Please get medical help" });
  await expect(urgent).toBeVisible();
  await expect(urgent).toContainText("can be a sign of an infection in the joint");
  await expect(urgent).toContainText("You can still finish and send your answers");
  await expectAccessible(page);
  for (const g of await page.getByRole("group").all()) {
    const no = g.getByRole("radio", { name: "No", exact: true });
    if (!(await g.getByRole("radio", { name: "Yes", exact: true }).isChecked())) await no.check();
  }
  // A "yes" never blocks: on through the (prefilled) questionnaires to consent and send.
  await next(page);
  await expectStep(page, "Questionnaires");
  await next(page);
  await expectStep(page, "Consent");
  await page.getByRole("checkbox", { name: "I agree to the statement above" }).check();
  await page.getByLabel("Type your full name to sign").fill(`${firstName} Tester`);
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("heading", { name: "Thank you, your answers have been sent" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Please get medical help" })).toBeVisible();
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Please get medical help" })).toBeVisible();

  const clinic = await newPage(browser);
  await signIn(clinic, clinician);
  await expect(clinic.getByRole("row", { name: new RegExp(firstName) })).toContainText("Red flag: review safety answers");
  await clinic.goto(`/visits/${visitId}`);
  const flags = clinic.getByRole("note");
  await expect(flags).toContainText("Safety answers to review");
  await expect(flags).toContainText("Refer: Hot, red or swollen knee with fever or feeling unwell (Swelling, Fever or feeling unwell)");
  await expectAccessible(clinic);
  await clinic.goto(`/visits/${visitId}/summary`);
  await expect(clinic.getByRole("heading", { name: "Refer: see a physician" })).toBeVisible();
  await clinic.close();
});
