// Shared fixtures for the journeys: each test makes its own clinic, clinician and patients through the
// app's data layer (on the same freshly migrated database the server uses), then drives the UI.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { clinicianActor, createClinicianAndClinic, examData, intakeAnswers, patientThroughInvite, uniqueSuffix } from "../prisma/factories";
import type { IntakeAnswers } from "../lib/assessment/intake-schema";

export interface Clinician {
  email: string;
  password: string;
  clinicId: string;
  userId: string;
  clinicName: string;
}

export const test = base.extend<{ clinician: Clinician }>({
  clinician: async ({}, use) => {
    const clinicName = `Clinic ${uniqueSuffix()}`;
    const { clinic, user, password } = await createClinicianAndClinic({ clinicName });
    await use({ email: user.email, password, clinicId: clinic.id, userId: user.id, clinicName });
  },
});

export { expect };

/** A page in a context of its own (a second clinician, another browser); axe needs a real context. */
export async function newPage(browser: Browser, viewport = { width: 1024, height: 768 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

export async function signIn(page: Page, c: Pick<Clinician, "email" | "password">) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(c.email);
  await page.getByLabel("Password").fill(c.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/patients");
}

/** Zero WCAG 2.2 AA violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  // Next streams a page's metadata: just after a client-side navigation or a server action's re-render the
  // <title> can still be on its way, and axe would report a page without one. Wait for it to be shown.
  await expect(page).toHaveTitle(/\S/);
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

export { pdfPages } from "../test/pdf-pages";

/** A patient with a started visit; optionally the intake submitted and the exam recorded, made directly. */
export async function patientWithVisit(
  c: Clinician,
  opts: {
    dob?: string;
    intake?: IntakeAnswers | null;
    exam?: { left: number; right: number; mass?: number } | null;
    firstName?: string;
    locale?: "es" | "en-US" | "en-GB";
  } = {},
) {
  const { createPatient } = await import("../lib/data/patients");
  const { startVisit } = await import("../lib/data/visits");
  const { submitIntake } = await import("../lib/data/intake-answers");
  const { saveExam } = await import("../lib/data/exams");
  const actor = await clinicianActor({ id: c.userId }, c.clinicId);
  const dob = opts.dob ?? "1990-04-27";
  const firstName = opts.firstName ?? `Pat${uniqueSuffix()}`;
  const patient = await createPatient(actor, {
    firstName,
    lastName: "Tester",
    dateOfBirth: dob,
    sex: "FEMALE",
    email: "",
    phone: "",
    ...(opts.locale ? { locale: opts.locale } : {}),
  });
  const today = new Date().toISOString().slice(0, 10);
  const visit = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: today });
  if (!visit.ok) throw new Error("visit not started");
  if (opts.intake) await submitIntake(await patientThroughInvite(visit.token, dob), opts.intake, `e2e-${visit.visitId}`);
  if (opts.exam) await saveExam(actor, visit.visitId, examData(opts.exam.left, opts.exam.right, opts.exam.mass ?? 62), null);
  return { patient, visitId: visit.visitId, token: visit.token, dob, firstName };
}

export { intakeAnswers };

/** A new two-factor admin of the clinic, signed in on a browser page of its own (at /admin). */
export async function signInAsNewAdmin(browser: Browser, clinicId: string): Promise<Page> {
  const { totpCode, newTotpSecret } = await import("../lib/auth/totp");
  const { createUser } = await import("../lib/data/users");
  const { fakeIp } = await import("./security/world");
  const secret = newTotpSecret();
  const email = `admin-${uniqueSuffix()}@example.com`;
  const password = `adm-${uniqueSuffix()}-${uniqueSuffix()}`;
  await createUser({ clinicId, email, name: "Ada Min", password, role: "ADMIN", totpSecret: secret });
  const admin = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": fakeIp() } })).newPage();
  await admin.goto("/login");
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Password").fill(password);
  await admin.getByRole("button", { name: "Sign in" }).click();
  await admin.getByLabel("6-digit code").fill(totpCode(secret));
  await admin.getByRole("button", { name: "Verify and sign in" }).click();
  await admin.waitForURL("**/admin");
  return admin;
}
