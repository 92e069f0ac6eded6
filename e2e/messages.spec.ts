// The messages journey through a real SMTP server on loopback (scripts/e2e.ts starts it and passes its
// outbox): the invite email's link opens the intake, the confirmation arrives after submit, and after
// signing the summary email's link shows the take-home summary behind the date-of-birth check.
import { expect, expectAccessible, intakeAnswers, signIn, test } from "./fixtures";
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
  await expect(page.getByRole("list", { name: "Messages to the patient" }).getByRole("listitem").filter({ hasText: "Visit summary link" })).toContainText("Sent");
});
