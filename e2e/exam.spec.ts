import { expect, expectAccessible, intakeAnswers, newPage, patientWithVisit, signIn, test } from "./fixtures";

test("the clinician sees the answers, records the exam, and a stale save is refused with a clear message", async ({ browser, clinician }) => {
  const { visitId } = await patientWithVisit(clinician, { intake: intakeAnswers({ running: { weeklyKm: { thisWeek: 40, fourWeeksAgo: 25 } } }) });

  const a = await newPage(browser);
  await signIn(a, clinician);
  await a.goto(`/visits/${visitId}`);
  await expect(a.getByText("No safety concerns reported")).toBeVisible();
  await expect(a.getByText("+60%")).toBeVisible();
  await expectAccessible(a);
  await a.getByRole("link", { name: "Record the exam" }).click();
  await expect(a.getByRole("heading", { name: "Exam" })).toBeVisible();

  // Impossible values are refused with the field and the allowed range.
  await a.getByLabel("Body mass (kg)").fill("0");
  await a.getByLabel("Left (N)").fill("3000");
  await a.getByRole("button", { name: "Save exam" }).click();
  await expect(a.getByText("Body mass (kg) must be a number from 20 to 300.")).toBeVisible();
  await expect(a.getByText("Hip abduction, left (N) must be a number from 0 to 1000.")).toBeVisible();

  await a.getByLabel("Body mass (kg)").fill("62");
  await a.getByLabel("Left (N)").fill("150");
  await a.getByLabel("Right (N)").fill("210");
  // Derived live, before any save: symmetry and the weaker side.
  await expect(a.getByText("71%")).toBeVisible();
  await expect(a.getByText(/left weaker/)).toBeVisible();
  await a.getByRole("button", { name: "Save exam" }).click();
  await expect(a.getByText("Saved (version 1).")).toBeVisible();
  await expectAccessible(a);

  // A colleague opens the same exam, then the first clinician saves again.
  const b = await newPage(browser);
  await signIn(b, clinician);
  await b.goto(`/visits/${visitId}/exam`);
  await expect(b.getByLabel("Left (N)")).toHaveValue("150");
  await a.getByLabel("Left (N)").fill("155");
  await a.getByRole("button", { name: "Save exam" }).click();
  await expect(a.getByText("Saved (version 2).")).toBeVisible();

  // The colleague's save is based on version 1: refused, nothing overwritten, their entry kept on screen.
  await b.getByLabel("Right (N)").fill("199");
  await b.getByRole("button", { name: "Save exam" }).click();
  await expect(b.getByText("Not saved: someone else saved this exam first")).toBeVisible();
  await expect(b.getByLabel("Right (N)")).toHaveValue("199");
  await expectAccessible(b);

  const c = await newPage(browser);
  await signIn(c, clinician);
  await c.goto(`/visits/${visitId}/exam`);
  await expect(c.getByLabel("Left (N)")).toHaveValue("155");
  await expect(c.getByLabel("Right (N)")).toHaveValue("210");

  // Taking theirs loads the saved version; saving then works.
  await b.getByRole("button", { name: "Take theirs" }).click();
  await expect(b.getByLabel("Left (N)")).toHaveValue("155");
  await b.getByRole("button", { name: "Save exam" }).click();
  await expect(b.getByText("Saved (version 3).")).toBeVisible();
});
