// The few UI steps the security specs drive: when the intake or exam forms' labels change, this is the one
// file to update.
import { expect, type Page } from "@playwright/test";
import { sampleIntake } from "../../lib/assessment/intake-sample";
import { draftAs } from "../intake-helpers";

export async function passDateOfBirth(page: Page, dob: string) {
  const [y, m, d] = dob.split("-");
  await page.getByLabel("Day").fill(String(Number(d)));
  await page.getByLabel("Month").fill(String(Number(m)));
  await page.getByLabel("Year").fill(y!);
  await page.getByRole("button", { name: "Continue" }).click();
}

/**
 * A complete intake sent from the page, the quick way: the earlier steps arrive as a saved draft (as if
 * filled on another device, which resuming supports), then the patient signs the consent and sends.
 */
export async function fillAndSubmitIntake(page: Page, p: { token: string; dob: string; fullName: string }) {
  const { consent: _consent, ...answers } = sampleIntake();
  // The date-of-birth check (when the page has just sent it) must land before the reload, or the reload
  // cancels it and the page asks again.
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeHidden({ timeout: 15_000 });
  await draftAs(p.token, p.dob, answers, "consent");
  await page.reload();
  await page.getByRole("checkbox", { name: "I agree to the statement above" }).check();
  await page.getByLabel("Type your full name to sign").fill(p.fullName);
  await page.getByRole("button", { name: "Send my answers" }).click();
}

/** The request that sends the intake (autosaves never carry the consent statement). */
export const isIntakeSend = (postData: string | null) => (postData ?? "").includes("I confirm that the answers I gave");

export async function fillAndSaveExam(page: Page, left: number, right: number) {
  await page.getByLabel("Body mass (kg)").fill("62");
  await page.getByLabel("Hip abduction, left, trial 1").fill(String(left));
  await page.getByLabel("Hip abduction, right, trial 1").fill(String(right));
  await page.getByLabel("Hip abduction, right, trial 1").blur();
}
