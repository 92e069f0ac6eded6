// Between visits: the clinician signs a summary; the patient opens "My plan" on a phone and checks in after
// each run; the traffic light moves the plan (green → next, amber → repeat, red twice → paused) and the
// clinic sees the alert on the worklist. A check-in made offline is sent once the phone is back online and
// counted once. Every wait is for a visible state.
import type { Browser, Page } from "@playwright/test";
import { clinicianActor } from "../prisma/factories";
import { expect, expectAccessible, intakeAnswers, patientWithVisit, signIn, test } from "./fixtures";
import { fakeIp, owner } from "./security/world";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, extraHTTPHeaders: { "x-forwarded-for": fakeIp() } });
  return context.newPage();
}

/** A patient whose summary is signed (through the data layer), and the token of their My plan link. */
async function signedPatient(clinician: Parameters<typeof patientWithVisit>[0], locale?: "es") {
  const p = await patientWithVisit(clinician, { intake: intakeAnswers(), exam: { left: 150, right: 210 } });
  if (locale) await owner(`UPDATE "Patient" SET locale = $2 WHERE id = $1`, [p.patient.id, locale]);
  const { finalizeSummary } = await import("../lib/data/summaries");
  const { getPlanLink } = await import("../lib/data/plan");
  const actor = await clinicianActor({ id: clinician.userId }, clinician.clinicId);
  expect((await finalizeSummary(actor, p.visitId)).ok).toBe(true);
  return { p, token: (await getPlanLink(actor, p.patient.id))!.token! };
}

async function openPlan(page: Page, link: string, dob: string) {
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  const [y, m, d] = dob.split("-");
  await page.getByLabel("Day").fill(String(Number(d)));
  await page.getByLabel("Month").fill(String(Number(m)));
  await page.getByLabel("Year").fill(y!);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "My plan", level: 1 })).toBeVisible();
}

async function checkInRun(page: Page, pain: number) {
  const form = page.getByRole("region", { name: "Check in" });
  // The radio covers its chip (the whole chip is the target), so the radio itself is what is tapped.
  await form.getByRole("group", { name: "Did you do the run?" }).getByRole("radio", { name: "Yes", exact: true }).check();
  await form.getByLabel("Distance run (km)").fill("2");
  await form
    .getByRole("group", { name: /Pain in the knee during the run/ })
    .getByRole("radio", { name: String(pain), exact: true })
    .check();
  await form
    .getByRole("group", { name: /Within an hour/ })
    .getByRole("radio", { name: "Yes", exact: true })
    .check();
  await form.getByRole("group", { name: "Did you do your exercises today?" }).getByRole("radio", { name: "Yes, all" }).check();
  await form.getByRole("button", { name: "Send check-in" }).click();
}

test("sign a summary, open My plan on a phone, check in: green moves on, amber repeats, red twice alerts the clinic", async ({ page, browser, clinician }) => {
  test.setTimeout(180_000);
  const p = await patientWithVisit(clinician, { intake: intakeAnswers(), exam: { left: 150, right: 210 } });
  await signIn(page, clinician);
  await page.goto(`/visits/${p.visitId}/summary`);
  await page.getByRole("button", { name: "Finalize and sign" }).click();
  await page.getByRole("button", { name: "Confirm: sign the plan" }).click();
  await expect(page.getByText(/^Finalized by/)).toBeVisible();
  const link = await page.getByLabel(/My plan.*link/).inputValue();
  expect(link).toMatch(/\/i\/[A-Za-z0-9_-]{43}$/);
  // The same link on the visit page and on the patient's printed sheet.
  await page.goto(`/visits/${p.visitId}`);
  await expect(page.getByLabel(/My plan.*link/)).toHaveValue(link);
  await page.goto(`/visits/${p.visitId}/print`);
  await expect(page.getByText(link)).toBeVisible();

  const phonePage = await phone(browser);
  await openPlan(phonePage, link, p.dob);
  await expect(phonePage.getByText("Check in after your first run")).toBeVisible();
  await expect(phonePage.getByTestId("next-sessions").getByRole("listitem").first()).toBeVisible();
  await expect(phonePage.getByRole("heading", { name: "Your exercises" })).toBeVisible();
  await expect(phonePage.getByRole("list", { name: "The pain rule as a traffic light" })).toBeVisible();
  await expectAccessible(phonePage);

  // Green: the next session.
  await checkInRun(phonePage, 1);
  await expect(phonePage.getByRole("status").getByText("Thank you, your check-in is saved.")).toBeVisible();
  await expect(phonePage.getByTestId("last-step")).toContainText("Green");
  await expect(phonePage.getByTestId("last-step")).toContainText("move on to the next session");
  await expect(phonePage.getByText(/Runs done this week: 1 of \d+/)).toBeVisible();
  await expectAccessible(phonePage);

  // Amber: repeat it.
  await checkInRun(phonePage, 3);
  await expect(phonePage.getByTestId("last-step")).toContainText("Amber");
  await expect(phonePage.getByTestId("last-step")).toContainText("repeat this session");
  await expect(phonePage.getByTestId("last-step")).toContainText("Pain 3/10 during the run is above 2/10");

  // Red twice: running paused, the clinic alerted.
  await checkInRun(phonePage, 6);
  await expect(phonePage.getByTestId("last-step")).toContainText("rest a day, then go back one session");
  await checkInRun(phonePage, 7);
  await expect(phonePage.getByRole("alert").getByRole("heading", { name: "Running is paused" })).toBeVisible();
  await expectAccessible(phonePage);

  await page.goto("/patients");
  const between = page.getByRole("region", { name: "Between visits: needs attention" });
  await expect(between.getByRole("row", { name: new RegExp(p.firstName) })).toContainText("Red twice: running paused");
  await expectAccessible(page);
  await between.getByRole("link", { name: new RegExp(p.firstName) }).click();
  await expect(page.getByRole("img", { name: /Pain during runs/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Runs done against runs planned/ })).toBeVisible();
  await expect(page.getByText(/Adherence: 4 of \d+ runs done/)).toBeVisible();
  await expectAccessible(page);
});

test("an offline check-in is kept on the phone, sent once back online and counted once; discharge stops the link", async ({ page, browser, clinician }) => {
  test.setTimeout(180_000);
  const { p, token } = await signedPatient(clinician);

  const phonePage = await phone(browser);
  await openPlan(phonePage, `/i/${token}`, p.dob);
  await phonePage.context().setOffline(true);
  await checkInRun(phonePage, 1);
  await expect(phonePage.getByText("You are offline. Your check-in is kept on this phone")).toBeVisible();
  await expect(phonePage.getByText("1 check-in is waiting to be sent.")).toBeVisible();
  expect(await owner(`SELECT id FROM "CheckIn" WHERE "patientId" = $1`, [p.patient.id])).toHaveLength(0);

  await phonePage.context().setOffline(false);
  await expect(phonePage.getByText("Your check-in kept on this phone has now been sent.")).toBeVisible();
  await expect(phonePage.getByTestId("last-step")).toContainText("Green");
  // Opened again (the outbox is empty now): nothing is sent twice.
  await phonePage.reload();
  await expect(phonePage.getByRole("heading", { name: "Your last check-ins" })).toBeVisible();
  await expect(phonePage.getByText("waiting to be sent")).toHaveCount(0);
  expect(await owner(`SELECT id FROM "CheckIn" WHERE "patientId" = $1`, [p.patient.id])).toHaveLength(1);

  // Discharge from the patient page: the link stops with a plain page; the check-in stays.
  await signIn(page, clinician);
  await page.goto(`/patients/${p.patient.id}`);
  await page.getByText("Discharge the patient").click();
  await page.getByLabel("Reason").selectOption("goals-met");
  await page.getByRole("button", { name: "Discharge" }).click();
  await expect(page.getByRole("status").getByText(/Discharged\. The .My plan. link no longer works/)).toBeVisible();
  await expect(page.getByText(/Discharged on .* \(Goals met\)/)).toBeVisible();
  await phonePage.reload();
  await expect(phonePage.getByRole("heading", { name: "Your plan with the clinic has ended" })).toBeVisible();
  const fresh = await phone(browser);
  const res = await fresh.goto(`/i/${token}`);
  expect(res?.status()).toBe(410);
  await expect(fresh.getByRole("heading", { name: "Your plan with the clinic has ended" })).toBeVisible();
  expect(await owner(`SELECT id FROM "CheckIn" WHERE "patientId" = $1`, [p.patient.id])).toHaveLength(1);
});

test("the follow-up questions: the clinician asks, the patient answers them from My plan on a phone, and the clinic sees them", async ({
  page,
  browser,
  clinician,
}) => {
  test.setTimeout(180_000);
  const { p, token } = await signedPatient(clinician);

  // Before the date the plan set, My plan only says when they will come.
  const phonePage = await phone(browser);
  await openPlan(phonePage, `/i/${token}`, p.dob);
  await expect(phonePage.getByTestId("follow-up")).toContainText("we will ask you a few questions");
  await expect(phonePage.getByRole("button", { name: "Answer the follow-up questions" })).toHaveCount(0);

  // The clinician asks for them now (the patient has no email address: the page says so).
  await signIn(page, clinician);
  await page.goto(`/patients/${p.patient.id}`);
  await expect(page.getByRole("heading", { name: "Follow-up questions" })).toBeVisible();
  await page.getByRole("button", { name: "Ask for the follow-up questions now" }).click();
  await expect(page.getByRole("status").getByText(/Asked: My plan offers the follow-up questions now.*no email address/)).toBeVisible();
  await expectAccessible(page);

  await phonePage.reload();
  await expect(phonePage.getByRole("heading", { name: "Before your follow-up visit" })).toBeVisible();
  await expect(phonePage.getByText("Your clinic has asked for these now.")).toBeVisible();
  await expectAccessible(phonePage);
  await phonePage.getByRole("button", { name: "Answer the follow-up questions" }).click();
  // The follow-up visit's own short form, with no second date-of-birth check.
  await expect(phonePage.getByText(/A few questions before your follow-up visit/)).toBeVisible();
  await expect(phonePage.getByRole("heading", { level: 2, name: "Your running", exact: true })).toBeVisible();

  // The earlier steps as the patient would have filled them (through the data layer, with this browser's
  // own session), then the last step in the browser.
  const [s] = await owner<{ intakeSessionId: string; inviteId: string; visitId: string; clinicId: string }>(
    `SELECT s.id AS "intakeSessionId", i.id AS "inviteId", v.id AS "visitId", v."clinicId" FROM "IntakeSession" s JOIN "IntakeInvite" i ON i.id = s."inviteId" JOIN "Visit" v ON v.id = i."visitId"
      WHERE v."patientId" = $1 AND v.kind = 'FOLLOW_UP' ORDER BY s."createdAt" DESC LIMIT 1`,
    [p.patient.id],
  );
  const { saveIntakeDraft } = await import("../lib/data/intake-answers");
  const { mintActor } = await import("../lib/data/actor-mint");
  const { running, knee, pain, safety, questionnaires } = intakeAnswers({ pain: { now: 2 } });
  const answers = {
    running: { distanceUnit: running.distanceUnit, weeklyKm: running.weeklyKm, runsPerWeek: running.runsPerWeek },
    knee: { side: knee.side, areas: knee.areas },
    pain,
    safety,
    questionnaires,
  };
  const saved = await saveIntakeDraft(mintActor({ kind: "patient", patientId: p.patient.id, ...s! }), answers, null, "consent");
  expect(saved.ok).toBe(true);
  await phonePage.reload();
  await expect(phonePage.getByRole("heading", { level: 2, name: "Consent", exact: true })).toBeVisible();
  await phonePage.getByRole("checkbox", { name: "I agree to the statement above" }).check();
  await phonePage.getByLabel("Type your full name to sign").fill(`${p.firstName} Tester`);
  await phonePage.getByRole("button", { name: "Send my answers" }).click();
  await expect(phonePage.getByRole("heading", { name: "Thank you, your answers have been sent" })).toBeVisible();
  await expect(phonePage.getByText(/at your follow-up visit we will test the strength of your hips again/)).toBeVisible();
  await expectAccessible(phonePage);

  // Back to My plan without the date of birth again; the questions are marked as answered.
  await phonePage.getByRole("button", { name: "Back to My plan" }).click();
  await expect(phonePage.getByRole("heading", { name: "My plan", level: 1 })).toBeVisible();
  await expect(phonePage.getByTestId("follow-up")).toContainText("your clinic has your follow-up answers");
  await expect(phonePage.getByRole("button", { name: "Answer the follow-up questions" })).toHaveCount(0);

  // The clinic: the answers are the follow-up visit's intake, scored.
  const [r] = await owner<{ state: string; akpsScore: number | null; lefsScore: number | null; painNow: number | null }>(
    `SELECT r.state::text, r."akpsScore", r."lefsScore", r."painNow" FROM "IntakeResponse" r JOIN "Visit" v ON v.id = r."visitId" WHERE v."patientId" = $1 AND v.kind = 'FOLLOW_UP'`,
    [p.patient.id],
  );
  expect(r).toMatchObject({ state: "FINAL", painNow: 2 });
  expect(r!.akpsScore).not.toBeNull();
  expect(r!.lefsScore).not.toBeNull();
  await page.goto(`/patients/${p.patient.id}`);
  await expect(page.getByText("Answered: they are the intake of the follow-up visit.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Visits" }).getByRole("row", { name: /Follow-up/ })).toBeVisible();
});

test("My plan in Spanish: the plan, the check-in and the traffic light's decision in the patient's language", async ({ browser, clinician }) => {
  test.setTimeout(180_000);
  const { p, token } = await signedPatient(clinician, "es");

  const page = await phone(browser);
  await page.goto(`/i/${token}`);
  await expect(page.getByRole("heading", { name: "Confirme que es usted" })).toBeVisible();
  const [y, m, d] = p.dob.split("-");
  await page.getByLabel("Día").fill(String(Number(d)));
  await page.getByLabel("Mes").fill(String(Number(m)));
  await page.getByLabel("Año").fill(y!);
  await page.getByRole("button", { name: "Continuar" }).click();
  await expect(page.getByRole("heading", { name: "Mi plan", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sus ejercicios" })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("region", { name: "Registrar" });
  await form.getByRole("group", { name: "¿Hizo la carrera?" }).getByRole("radio", { name: "Sí", exact: true }).check();
  await form.getByLabel("Distancia (km)").fill("2");
  await form
    .getByRole("group", { name: /Dolor de rodilla durante la carrera/ })
    .getByRole("radio", { name: "1", exact: true })
    .check();
  await form
    .getByRole("group", { name: /En menos de una hora/ })
    .getByRole("radio", { name: "Sí", exact: true })
    .check();
  await form.getByRole("group", { name: "¿Hizo hoy sus ejercicios?" }).getByRole("radio", { name: "Sí, todos" }).check();
  await form.getByRole("button", { name: "Enviar registro" }).click();
  await expect(form.getByRole("status")).toContainText("Verde: pase a la siguiente sesión.");
  await expect(form.getByRole("status")).toContainText("Un dolor de 1/10 durante la carrera es 2/10 o menos");
  await page.reload();
  await expect(page.getByTestId("last-step")).toContainText("Verde: pase a la siguiente sesión.");
  // The decision, the next runs and the rest of the page: no English sentence left.
  const text = await page.locator("main").innerText();
  const english = text.split(/\n+/).filter((line) => /\b(the|your|you|run|runs|pain|session|next|week|walk|minutes|easy|and|with)\b/i.test(line));
  expect(english).toEqual([]);
  await expectAccessible(page);
});
