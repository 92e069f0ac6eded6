// Helpers for the patient intake journeys: a phone, the date-of-birth check, the step controls, a draft
// made through the app's own data layer (as if the patient had filled the earlier steps), and rows read
// straight from the database as the tables' owner.
import { devices, type Page } from "@playwright/test";
import pg from "pg";
import type { IntakeAnswers } from "../lib/assessment/intake-schema";
import type { DeepPartial } from "../lib/assessment/schema-builders";
import { expect } from "./fixtures";

/** A 360 px wide phone with touch, as most patients fill the intake. */
export const phone = { ...devices["Pixel 5"], viewport: { width: 360, height: 740 }, channel: undefined, defaultBrowserType: "chromium" as const };

export async function openLinkAndConfirm(page: Page, token: string, dob: string) {
  await page.goto(`/i/${token}`);
  const [y, m, d] = dob.split("-");
  await page.getByLabel("Day").fill(d!);
  await page.getByLabel("Month").fill(m!);
  await page.getByLabel("Year").fill(y!);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Before your visit" })).toBeVisible();
}

export const group = (page: Page, name: string | RegExp) => page.getByRole("group", { name, exact: typeof name === "string" });

export async function answer(page: Page, question: string | RegExp, option: string) {
  await group(page, question).getByRole("radio", { name: option, exact: true }).check();
}

export async function expectStep(page: Page, name: string) {
  await expect(page.getByRole("heading", { level: 2, name, exact: true })).toBeVisible();
}

export const next = (page: Page) => page.getByRole("button", { name: "Next", exact: true }).click();

/** Wait until autosave has stored what is on screen. */
export async function expectSaved(page: Page) {
  await expect(page.locator("[data-save-status]")).toHaveAttribute("data-save-status", "saved", { timeout: 15_000 });
}

/** Save a draft as the patient would have by filling the earlier steps (their own verified session). */
export async function draftAs(token: string, dob: string, answers: DeepPartial<IntakeAnswers>, step: string) {
  const { patientThroughInvite } = await import("../prisma/factories");
  const { saveIntakeDraft } = await import("../lib/data/intake-answers");
  const r = await saveIntakeDraft(await patientThroughInvite(token, dob), answers, null, step);
  if (!r.ok) throw new Error(`draft not saved: ${r.reason}`);
}

export async function asOwner<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: process.env.OWNER_DATABASE_URL });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}
