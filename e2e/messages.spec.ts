// The messages journey through a real SMTP server on loopback (scripts/e2e.ts starts it and passes its
// outbox): the invite email's link opens the intake, the confirmation arrives after submit, and after
// signing the summary email's link shows the take-home summary behind the date-of-birth check.
import { expect, expectAccessible, signInAsNewAdmin, intakeAnswers, signIn, test } from "./fixtures";
import { asOwner, draftAs, phone } from "./intake-helpers";
import { clinicianActor, fullExam, uniqueSuffix } from "../prisma/factories";

interface Mail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

async function mailTo(address: string): Promise<Mail[]> {
  const r = await fetch(`${process.env.E2E_OUTBOX_URL}messages.json`);
  return ((await r.json()) as Mail[]).filter((m) => m.to.includes(address));
}

/** The mail to `address` whose subject matches, once it has arrived. */
async function waitForMail(address: string, subject: RegExp): Promise<Mail> {
  await expect.poll(async () => (await mailTo(address)).filter((m) => subject.test(m.subject)).length, { timeout: 30_000 }).toBeGreaterThan(0);
  return (await mailTo(address)).find((m) => subject.test(m.subject))!;
}

const linkIn = (m: Mail) => /https?:\/\/\S+\/i\/[A-Za-z0-9_-]{43}/.exec(m.text)![0];

test.use({ viewport: { width: 1280, height: 900 } });
// Each journey spans three browsers (clinic, patient, admin or summary reader) and waits for real mail.
test.describe.configure({ timeout: 120_000 });

test("the invite, the confirmation and the summary link arrive by email and each link works", async ({ page, clinician, browser }) => {
  const { createPatient } = await import("../lib/data/patients");
  const actor = await clinicianActor({ id: clinician.userId }, clinician.clinicId);
  const email = `runner-${uniqueSuffix()}@example.org`;
  const dob = "1992-06-15";
  const patient = await createPatient(actor, { firstName: "Robin", lastName: "Mailer", dateOfBirth: dob, sex: "FEMALE", email, phone: "" });

  // The clinician starts the visit: the invite is queued with it and sent.
  await signIn(page, clinician);
  await page.goto(`/patients/${patient.id}`);
  await page.getByRole("button", { name: "Start visit and create intake link" }).click();
  await expect(page.getByLabel("Intake link")).toHaveValue(/\/i\//);
  const invite = await waitForMail(email, /a few questions before your visit/);
  expect(invite.subject).toContain(clinician.clinicName);
  expect(invite.text).toMatch(/\/o\/[0-9a-f-]{36}\./);

  // The patient opens the emailed link on a phone; the saved draft resumes at consent.
  const link = linkIn(invite);
  const token = link.split("/i/")[1]!;
  await draftAs(token, dob, intakeAnswers(), "consent");
  const ctx = await browser.newContext({ ...phone });
  const patientPage = await ctx.newPage();
  await patientPage.goto(link);
  const [y, m, d] = dob.split("-");
  await patientPage.getByLabel("Day").fill(d!);
  await patientPage.getByLabel("Month").fill(m!);
  await patientPage.getByLabel("Year").fill(y!);
  await patientPage.getByRole("button", { name: "Continue" }).click();
  await expect(patientPage.getByRole("heading", { level: 2, name: "Consent", exact: true })).toBeVisible();
  await patientPage.getByRole("checkbox", { name: "I agree to the statement above" }).check();
  await patientPage.getByLabel("Type your full name to sign").fill("Robin Mailer");
  await patientPage.getByRole("button", { name: "Send my answers" }).click();
  await expect(patientPage.getByRole("heading", { name: "Thank you, your answers have been sent" })).toBeVisible();
  const received = await waitForMail(email, /we have your answers/);
  expect(received.text).not.toMatch(/knee pain|diagnos|weak/i);
  await ctx.close();

  // Exam and signing (made through the data layer; their own journeys drive the UI).
  const vid = (await asOwner<{ visitId: string }>(`SELECT "visitId"::text AS "visitId" FROM "Message" WHERE recipient = $1 LIMIT 1`, [email]))[0]!.visitId;
  const { saveExam, finalizeExam, getExam } = await import("../lib/data/exams");
  const { finalizeSummary } = await import("../lib/data/summaries");
  await saveExam(actor, vid, fullExam(), null);
  expect((await finalizeExam(actor, vid, (await getExam(actor, vid))!.version)).ok).toBe(true);
  expect((await finalizeSummary(actor, vid)).ok).toBe(true);

  // The visit page lists the messages and their delivery.
  await page.goto(`/visits/${vid}`);
  const messages = page.getByRole("list", { name: "Messages to the patient" });
  await expect(messages.getByRole("listitem").filter({ hasText: "Intake invitation" })).toContainText("Sent");
  await expect(messages.getByRole("listitem").filter({ hasText: "Confirmation that the answers arrived" })).toContainText("Sent");
  await expectAccessible(page);

  // The summary email: its link asks for the date of birth, then shows the take-home summary.
  const summary = await waitForMail(email, /your visit summary/);
  expect(summary.text).not.toMatch(/patellofemoral|diagnos|weak/i);
  const reader = await browser.newContext({ ...phone });
  const summaryPage = await reader.newPage();
  await summaryPage.goto(linkIn(summary));
  await summaryPage.getByLabel("Day").fill(d!);
  await summaryPage.getByLabel("Month").fill(m!);
  await summaryPage.getByLabel("Year").fill(y!);
  await summaryPage.getByRole("button", { name: "Continue" }).click();
  await expect(summaryPage.getByRole("heading", { level: 1, name: "Your visit summary" })).toBeVisible();
  await expect(summaryPage.getByRole("button", { name: "Print" })).toBeVisible();
  await expectAccessible(summaryPage);
  await reader.close();

  await page.reload();
  await expect(page.getByRole("list", { name: "Messages to the patient" }).getByRole("listitem").filter({ hasText: "Visit summary link" })).toContainText(
    "Sent",
  );
});

test("a message that failed shows on the worklist and the visit page, the admin retries it from the dead-letter list, and the patient opts out by keyboard", async ({
  page,
  clinician,
  browser,
}) => {
  const { createPatient } = await import("../lib/data/patients");
  const { startVisit } = await import("../lib/data/visits");
  const { optOutToken } = await import("../lib/messages/seal");
  const actor = await clinicianActor({ id: clinician.userId }, clinician.clinicId);
  const email = `bounce-${uniqueSuffix()}@example.org`;
  const patient = await createPatient(actor, { firstName: "Sam", lastName: "Bounce", dateOfBirth: "1990-01-02", sex: "MALE", email, phone: "" });
  const today = new Date().toISOString().slice(0, 10);
  const v = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: today });
  if (!v.ok) throw new Error("no visit");
  await waitForMail(email, /a few questions/);
  // As the queue leaves a message it gave up on (the mail server refused it after every retry).
  const [msg] = await asOwner<{ id: string }>(
    `UPDATE "Message" SET status = 'FAILED', "lastError" = 'The mail server answered 550', attempts = 10 WHERE "visitId" = $1 RETURNING id`,
    [v.visitId],
  );

  await signIn(page, clinician);
  await expect(page.getByRole("row", { name: /Sam Bounce/ }).getByText("Email not delivered")).toBeVisible();
  await page.getByRole("link", { name: "Sam Bounce" }).click();
  await expect(page.getByRole("list", { name: "Messages to the patient" }).getByRole("listitem")).toContainText("Failed: The mail server answered 550");
  await expectAccessible(page);

  const admin = await signInAsNewAdmin(browser, clinician.clinicId);
  await admin.getByRole("link", { name: "Undelivered messages" }).click();
  await expect(admin.getByRole("heading", { name: "Undelivered messages" })).toBeVisible();
  await expect(admin.getByRole("cell", { name: email, exact: true })).toBeVisible();
  await expectAccessible(admin);
  const before = (await mailTo(email)).length;
  await admin.getByRole("button", { name: `Try the intake invitation to ${email} again` }).click();
  await expect(admin.getByRole("cell", { name: email, exact: true })).toHaveCount(0);
  await expect.poll(async () => (await mailTo(email)).length, { timeout: 30_000 }).toBe(before + 1);
  const resent = (await mailTo(email)).at(-1)!;
  expect(resent.messageId).toBe(`<${msg!.id}@stride.invalid>`);

  // The opt-out link: opening it changes nothing; the button (reached by keyboard) does.
  const patientPage = await (await browser.newContext({ ...phone })).newPage();
  await patientPage.goto(`/o/${optOutToken(patient.id)}`);
  await expect(patientPage.getByRole("heading", { name: "Stop emails from the clinic" })).toBeVisible();
  await expectAccessible(patientPage);
  expect((await asOwner<{ emailOptOut: boolean }>(`SELECT "emailOptOut" FROM "Patient" WHERE id = $1`, [patient.id]))[0]!.emailOptOut).toBe(false);
  await patientPage.getByRole("button", { name: "Stop emails" }).focus();
  await patientPage.keyboard.press("Enter");
  await expect(patientPage.getByRole("heading", { name: "No more emails" })).toBeVisible();
  expect((await asOwner<{ emailOptOut: boolean }>(`SELECT "emailOptOut" FROM "Patient" WHERE id = $1`, [patient.id]))[0]!.emailOptOut).toBe(true);
  await page.reload();
  await expect(page.getByText("The patient asked for no email")).toBeVisible();
});
