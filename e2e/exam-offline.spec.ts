import { clinicianActor } from "../prisma/factories";
import { expect, expectAccessible, patientWithVisit, signIn, test } from "./fixtures";

// Never lose a clinician's work: with the network gone the entries stay on screen, the status says they are
// not saved, leaving asks first, and the save goes through by itself when the network is back. Signed out
// mid-exam, the screen stays put and says so.
test("the exam survives a lost connection and a lost session without losing what was typed", async ({ browser, clinician }) => {
  const { visitId } = await patientWithVisit(clinician);
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await signIn(page, clinician);
  await page.goto(`/visits/${visitId}/exam`);
  await page.getByLabel("Body mass (kg)").fill("61");
  await expect(page.getByText("All changes saved (version 1")).toBeVisible({ timeout: 15_000 });

  await context.setOffline(true);
  await page.getByLabel("Hip abduction, left, trial 1").fill("166");
  await expect(page.getByText(/Not saved: the server could not be reached\. Retrying in \d+ s; your entries are still here\./)).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByLabel("Hip abduction, left, trial 1")).toHaveValue("166");
  await expectAccessible(page);

  // Closing the tab now asks first.
  let asked = false;
  page.once("dialog", (d) => {
    asked = d.type() === "beforeunload";
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toBe(true);
  expect(page.isClosed()).toBe(false);

  // Back online: the retry saves it without anyone pressing anything.
  await context.setOffline(false);
  await expect(page.getByText("All changes saved (version 2")).toBeVisible({ timeout: 30_000 });
  const { getExam } = await import("../lib/data/exams");
  const actor = await clinicianActor({ id: clinician.userId }, clinician.clinicId);
  expect((await getExam(actor, visitId))!.data.strength.hipAbduction?.left?.trialsN?.[0]).toBe(166);

  // Signed out (here: signing out in another tab of the same browser): the exam stays on screen and says so.
  const other = await context.newPage();
  await other.goto("/patients");
  await other.getByRole("button", { name: "Sign out" }).click();
  await other.waitForURL(/\/login/);
  await page.getByLabel("Hip abduction, right, trial 1").fill("201");
  await expect(page.getByText(/Not saved: you have been signed out\. Sign in again in a new tab, then save here/)).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(new RegExp(`/visits/${visitId}/exam$`));
  await signIn(other, clinician);
  await page.getByRole("button", { name: "Save now" }).click();
  await expect(page.getByText("All changes saved (version 3")).toBeVisible({ timeout: 15_000 });
  expect((await getExam(actor, visitId))!.data.strength.hipAbduction?.right?.trialsN?.[0]).toBe(201);
  await context.close();
});
