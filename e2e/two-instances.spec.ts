import type { Page } from "@playwright/test";
import { sampleIntake } from "../lib/assessment/intake-sample";
import { startAppServer, type AppServer } from "../scripts/lib/app-server";
import { expect, expectAccessible, patientWithVisit, signIn, test } from "./fixtures";
import { answer, asOwner, expectSaved, expectStep, next, phone } from "./intake-helpers";
import { fakeIp, newClient } from "./security/world";

// Issue 7, past one machine: the app runs as identical instances behind a load balancer over one
// PostgreSQL. A second `next start` of the same build serves the same database on another port, and one
// journey alternates between the two: nothing about a session, a rate limit, a draft or an exam may live in
// one instance's memory. (Both answer on localhost, so the browser sends the same cookies to both, as it
// would to one address in front of them.)

let second: AppServer;
test.beforeAll(async () => {
  test.setTimeout(90_000);
  second = await startAppServer({ databaseUrl: process.env.DATABASE_URL!, env: { NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET! } });
});
test.afterAll(async () => {
  await second?.stop();
});

/** The same path on the first instance (the suite's server) or the second. */
const on = (page: Page, instance: "A" | "B", path: string) => page.goto(instance === "A" ? path : `${second.url}${path}`);

test("a journey alternating between two instances over one database: sign-in, intake autosave and submit, exam save, summary, print and PDF", async ({
  page,
  clinician,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  expect(second.url).not.toBe(baseURL);

  // Signed in on A; the session works on B (it is a database row, not process memory).
  await signIn(page, clinician);
  await on(page, "B", "/patients");
  await expect(page.getByRole("heading", { name: "Worklist" })).toBeVisible();
  const { visitId, token, dob, firstName } = await patientWithVisit(clinician, { dob: "1983-03-14" });

  // The patient: the link opened on A, the date of birth checked on B, answers autosaved on B, the page
  // reloaded on A where the draft resumes, the next step autosaved on A.
  const { defaultBrowserType: _type, channel: _channel, ...phoneContext } = phone;
  const phonePage = await (await browser.newContext({ ...phoneContext, baseURL })).newPage();
  await phonePage.goto(`/i/${token}`);
  await expect(phonePage.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  await on(phonePage, "B", "/intake");
  const [y, m, d] = dob.split("-");
  await phonePage.getByLabel("Day").fill(d!);
  await phonePage.getByLabel("Month").fill(m!);
  await phonePage.getByLabel("Year").fill(y!);
  await phonePage.getByRole("button", { name: "Continue" }).click();
  await expectStep(phonePage, "About you");
  await answer(phonePage, `Is your name ${firstName} Tester?`, "Yes");
  await answer(phonePage, "Sex", "Female");
  await phonePage.getByLabel("Height (cm)").fill("166");
  await expectSaved(phonePage);
  await on(phonePage, "A", "/intake");
  await expectStep(phonePage, "About you");
  await expect(phonePage.getByLabel("Height (cm)")).toHaveValue("166");
  await phonePage.getByLabel("Weight (kg)").fill("58");
  await phonePage.getByLabel("Your job or main daily activity").fill("Nurse");
  await next(phonePage);
  await expectStep(phonePage, "Your running");
  await phonePage.getByLabel("How many times a week do you run now?").fill("4");
  // Wait for the row itself (the status still says "saved" from the step change until the next save starts).
  type Draft = { version: number; resumeStep: string; answers: { about: { heightCm: number; bodyMassKg: number }; running?: { runsPerWeek?: number } } };
  const readDraft = async () =>
    (await asOwner<Draft>(`SELECT version, "resumeStep", answers FROM "IntakeResponse" WHERE "visitId" = $1 AND state = 'DRAFT'`, [visitId]))[0]!;
  await expect.poll(async () => (await readDraft()).answers.running?.runsPerWeek, { timeout: 15_000 }).toBe(4);
  await expectSaved(phonePage);
  const draft = await readDraft();
  expect(draft.answers.about).toMatchObject({ heightCm: 166, bodyMassKg: 58 });
  expect(draft.resumeStep).toBe("running");

  // The rest of the answers as if typed on another device (the draft moves on from the version the two
  // instances made), then sent from B.
  const { saveIntakeDraft } = await import("../lib/data/intake-answers");
  const { getIntakeSession } = await import("../lib/data/intake-link");
  const cookie = (await phonePage.context().cookies()).find((c) => c.name === "stride_intake")!;
  const session = await getIntakeSession(cookie.value);
  if (!session.ok) throw new Error("no intake session");
  const { consent: _consent, ...answers } = sampleIntake({ about: { heightCm: 166, bodyMassKg: 58, occupation: "Nurse" } });
  expect(await saveIntakeDraft(session.actor, answers, draft.version, "consent")).toMatchObject({ ok: true });
  await on(phonePage, "B", "/intake");
  await expectStep(phonePage, "Consent");
  await phonePage.getByRole("checkbox", { name: "I agree to the statement above" }).check();
  await phonePage.getByLabel("Type your full name to sign").fill(`${firstName} Tester`);
  await phonePage.getByRole("button", { name: "Send my answers" }).click();
  await expect(phonePage.getByRole("heading", { name: "Thank you, your answers have been sent" })).toBeVisible();
  // The link is closed on both.
  for (const instance of ["A", "B"] as const) {
    await on(phonePage, instance, `/i/${token}`);
    await expect(phonePage.getByRole("heading", { name: "Your answers have been sent" })).toBeVisible();
  }
  await phonePage.context().close();

  // The clinician: the exam saved on A (version 1), opened on B with what A saved, changed and saved on B
  // (version 2, based on 1: optimistic concurrency across instances), and read back on A.
  await on(page, "A", `/visits/${visitId}/exam`);
  await page.getByLabel("Body mass (kg)").fill("58");
  await page.getByLabel("Hip abduction, left, trial 1").fill("140");
  await page.getByLabel("Hip abduction, right, trial 1").fill("196");
  await expect(page.getByText(/All changes saved \(version 1/)).toBeVisible({ timeout: 15_000 });
  await on(page, "B", `/visits/${visitId}/exam`);
  await expect(page.getByLabel("Hip abduction, left, trial 1")).toHaveValue("140");
  await page.getByLabel("Hip abduction, left, trial 1").fill("142");
  await expect(page.getByText(/All changes saved \(version 2/)).toBeVisible({ timeout: 15_000 });
  await on(page, "A", `/visits/${visitId}/exam`);
  await expect(page.getByLabel("Hip abduction, left, trial 1")).toHaveValue("142");

  // The summary reviewed and finalized on B, printed on A.
  await on(page, "B", `/visits/${visitId}/summary`);
  await expect(page.getByRole("heading", { name: "Summary and plan" })).toBeVisible();
  await page.getByRole("button", { name: "Finalize and sign" }).click();
  await page.getByRole("button", { name: "Confirm: sign the plan" }).click();
  await expect(page.getByText(/^Finalized by Alex Morgan/)).toBeVisible();
  await on(page, "A", `/visits/${visitId}/print`);
  await expect(page.getByRole("heading", { name: "Your visit summary" })).toBeVisible();
  await expect(page.getByText(`${firstName} Tester`).first()).toBeVisible();
  await expectAccessible(page);
  // "Download PDF" from B: its renderer's token (an HMAC on the shared secret) holds on any instance.
  const pdf = await page.request.get(`${second.url}/visits/${visitId}/print/pdf`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Signing out on B ends the session on A at once.
  await on(page, "B", "/patients");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/login**");
  await on(page, "A", "/patients");
  await expect(page).toHaveURL(/\/login/);
});

test("sign-in limits count attempts on both instances together", async ({ clinician, baseURL }) => {
  // One account guessed from ten addresses (so the per-address delays never start): five wrong passwords on
  // each instance reach the account's ceiling of ten, so the right password from a new browser is refused
  // on either; the counters live in PostgreSQL.
  const a = await newClient(baseURL!);
  const b = await newClient(second.url);
  const attempt = async (ctx: typeof a, password: string) => {
    const headers = { "x-forwarded-for": fakeIp() };
    const { csrfToken } = (await (await ctx.get("/api/auth/csrf", { headers })).json()) as { csrfToken: string };
    const r = await ctx.post("/api/auth/callback/credentials", {
      headers,
      form: { csrfToken, email: clinician.email, password, totp: "", json: "true", callbackUrl: "/" },
      maxRedirects: 0,
    });
    return ((await r.json()) as { url: string }).url;
  };
  for (let i = 0; i < 5; i++) {
    expect(await attempt(a, "wrong password, attempt A")).toContain("error=CredentialsSignin");
    expect(await attempt(b, "wrong password, attempt B")).toContain("error=CredentialsSignin");
  }
  expect(await attempt(a, clinician.password)).toContain("error=rate-limited");
  expect(await attempt(b, clinician.password)).toContain("error=rate-limited");
  const hits = await asOwner<{ n: number }>(`SELECT count(*)::int AS n FROM "RateLimitHit" WHERE bucket = $1`, [
    `signin:account:${clinician.email.toLowerCase()}`,
  ]);
  expect(hits[0]!.n).toBe(10);
  for (const ctx of [a, b]) await ctx.dispose();
});
