// The few UI steps the security specs drive. The intake and exam forms are being rebuilt (issues 3 and 4):
// when their labels change, this is the one file to update.
import type { Page } from "@playwright/test";

export async function passDateOfBirth(page: Page, dob: string) {
  const [y, m, d] = dob.split("-");
  await page.getByLabel("Day").fill(String(Number(d)));
  await page.getByLabel("Month").fill(String(Number(m)));
  await page.getByLabel("Year").fill(y!);
  await page.getByRole("button", { name: "Continue" }).click();
}

export async function fillAndSubmitIntake(page: Page) {
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
  await page.getByLabel("Kilometres run this week").fill("30");
  await page.getByLabel("Kilometres run in a week, four weeks ago").fill("20");
  await group("Do you often run downhill, or on banked or sloping roads?").getByRole("radio", { name: "No" }).check();
  await page.getByRole("button", { name: "Send my answers" }).click();
}

export async function fillAndSaveExam(page: Page, left: number, right: number) {
  await page.getByLabel("Body mass (kg)").fill("62");
  await page.getByLabel("Left (N)").fill(String(left));
  await page.getByLabel("Right (N)").fill(String(right));
  await page.getByRole("button", { name: "Save exam" }).click();
}
