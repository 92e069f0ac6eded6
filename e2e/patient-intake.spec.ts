import { expect, expectAccessible, newPage, patientWithVisit, signIn, test } from "./fixtures";
import { answer, expectSaved, expectStep, group, next, phone } from "./intake-helpers";
import { weeksFromToday } from "../lib/assessment/intake-sample";

test.use(phone);

// Answers to the §4.1 / §4.2 questionnaires (option index per item): AKPS 82, LEFS 61.
const AKPS = [1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0];
const LEFS = [4, 2, 4, 4, 4, 2, 4, 4, 3, 4, 4, 3, 3, 4, 2, 2, 1, 1, 2, 4];

test("a patient fills every step on a phone, with checks on each step, and sends; the link then closes and the clinician sees it all", async ({
  page,
  clinician,
  browser,
}) => {
  test.setTimeout(180_000);
  const { token, dob, visitId, firstName } = await patientWithVisit(clinician, { dob: "1985-07-02" });

  const res = await page.goto(`/i/${token}`);
  // The token is exchanged for a cookie and leaves the address bar at once.
  expect(page.url()).toMatch(/\/intake$/);
  expect(page.url()).not.toContain(token);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  // No health data before the date-of-birth check, not even the patient's name.
  await expect(page.getByText(firstName)).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel("Day").fill("3");
  await page.getByLabel("Month").fill("7");
  await page.getByLabel("Year").fill("1985");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("That date of birth does not match our records. You can try 4 more times.")).toBeVisible();
  const [y, m, d] = dob.split("-");
  await page.getByLabel("Day").fill(d!);
  await page.getByLabel("Month").fill(m!);
  await page.getByLabel("Year").fill(y!);
  await page.getByRole("button", { name: "Continue" }).click();

  // 1. About you. Moving on with nothing answered: each problem is named, listed and announced.
  await expectStep(page, "About you");
  await expect(page.getByText(`Hello ${firstName}.`)).toBeVisible();
  await expect(page.getByText("Step 1 of 7: About you")).toBeVisible();
  await expectAccessible(page);
  await next(page);
  const summary = page.locator("#error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("2 answers need attention");
  await expect(summary.getByRole("link", { name: `Is your name ${firstName} Tester? Please choose one answer.` })).toBeVisible();
  await expect(group(page, "Sex").getByText("Sex: please choose one answer.")).toBeVisible();
  await expectAccessible(page);
  // A summary link to a group of radios puts the keyboard on the group's first option, not the page top.
  await summary.getByRole("link", { name: /^Sex: please choose one answer/ }).click();
  await expect(group(page, "Sex").getByRole("radio").first()).toBeFocused();
  await answer(page, `Is your name ${firstName} Tester?`, "No");
  // A fixed answer loses its message (and its line in the summary) at once, not at the next "Next".
  await expect(page.getByText(`Is your name ${firstName} Tester? Please choose one answer.`)).toHaveCount(0);
  await expect(summary).toContainText("1 answer needs attention");
  await page.getByLabel("Your full name, as you would like us to write it").fill(`${firstName} Tester-Smith`);
  await answer(page, "Sex", "Female");
  await page.getByLabel("Height (cm)").fill("168");
  await page.getByLabel("Weight (kg)").fill("61");
  await page.getByLabel("Your job or main daily activity").fill("Teacher");
  await answer(page, "During the day, are you mostly… (optional)", "Sitting");
  // An optional answer can be taken back.
  const activity = group(page, "During the day, are you mostly… (optional)");
  await activity.getByRole("button", { name: "Clear this answer" }).click();
  await expect(activity.getByRole("radio", { checked: true })).toHaveCount(0);
  await expect(activity.getByRole("radio").first()).toBeFocused();
  await answer(page, "During the day, are you mostly… (optional)", "Standing or walking");
  await next(page);

  // 2. Running, in miles: stored in km, shown converted when the patient switches unit, range in miles.
  await expectStep(page, "Your running");
  await expect(page.getByText("Step 2 of 7: Your running")).toBeVisible();
  await expectAccessible(page);
  await answer(page, "Show distances in", "Miles");
  await page.getByLabel("How many years have you been running? (optional)").fill("6");
  await page.getByLabel("How many times a week do you run now?").fill("4");
  await expect(page.getByLabel("How many times a week do you run now?")).toHaveAttribute("inputmode", "numeric");
  await page.getByLabel("Distance run this week").fill("20");
  await expect(page.getByLabel("Distance run this week")).toHaveAttribute("inputmode", "decimal");
  await page.getByLabel("Distance run last week").fill("300");
  await page.getByLabel("Distance run 4 weeks ago").fill("12.5");
  await next(page);
  await expect(page.getByText("Distance run last week (miles): enter a number from 0 to 186.4.").first()).toBeVisible();
  await page.getByLabel("Distance run last week").fill("18");
  await answer(page, "Show distances in", "Kilometers");
  await expect(page.getByLabel("Distance run this week")).toHaveValue("32.2");
  await expect(page.getByLabel("Distance run 4 weeks ago")).toHaveValue("20.1");
  await answer(page, "Show distances in", "Miles");
  await expect(page.getByLabel("Distance run this week")).toHaveValue("20");
  await page.getByLabel("Weekly distance when your running went best in the last year").fill("30");
  await page.getByLabel("Your longest run in the last month").fill("10");
  await group(page, "Your usual easy pace (per mile) (optional)").getByLabel("Minutes").fill("8");
  await group(page, "Your usual easy pace (per mile) (optional)").getByLabel("Seconds").fill("30");
  await group(page, "Where do you usually run?").getByRole("checkbox", { name: "Road" }).check();
  await group(page, "Where do you usually run?").getByRole("checkbox", { name: "Trail" }).check();
  await answer(page, "How often do you run downhill?", "Often");
  await answer(page, "How often do you run on roads that slope to one side (banked or cambered)?", "Sometimes");
  await page.getByLabel("Which running shoes do you wear? (optional)").fill("Road trainers");
  await page.getByLabel("How many months old are they? (optional)").fill("8");
  await page.getByLabel("Your cadence (steps per minute), if you know it (optional)").fill("166");
  await group(page, "In the last 2 months, did you change any of these?").getByRole("checkbox", { name: "Ran further" }).check();
  await answer(page, "What is your running goal?", "A race or event");
  await page.getByLabel("Name of the race or event (optional)").fill("City half marathon");
  await page.getByLabel("Date of the race or event").fill(weeksFromToday(19));
  await expectAccessible(page);
  await next(page);

  // 3. The knee: the drawing can be tapped, and every area is a real checkbox too.
  await expectStep(page, "Your knee");
  await expectAccessible(page);
  await answer(page, "Which knee hurts?", "Both");
  const left = group(page, "Where does your left knee hurt?");
  await left.locator('ellipse[data-area="around-kneecap"]').click();
  await expect(left.getByRole("checkbox", { name: "Around or behind the kneecap" })).toBeChecked();
  await group(page, "Where does your right knee hurt?").getByRole("checkbox", { name: "Below the kneecap" }).check();
  await page.getByLabel("How many weeks ago did the pain start?").fill("6");
  await answer(page, "Did it start suddenly or slowly?", "Slowly, over time");
  for (const t of ["Running", "Running downhill", "Going down stairs"])
    await group(page, "What brings the pain on?").getByRole("checkbox", { name: t, exact: true }).check();
  await answer(page, "When you run, do you feel a sharp pain each time your foot lands?", "Yes");
  await answer(page, "When does the pain start during a run?", "After 10 to 30 minutes");
  await answer(page, "After a run, how long does the pain last?", "1 to 24 hours");
  await answer(page, "Does resting make it better?", "Yes");
  await group(page, "What have you tried so far?").getByRole("checkbox", { name: "Ice" }).check();
  await expect(page.getByLabel("What else have you tried? (optional)")).toHaveCount(0);
  await group(page, "What have you tried so far?").getByRole("checkbox", { name: "Something else" }).check();
  await page.getByLabel("What else have you tried? (optional)").fill("Foam roller");
  await expectAccessible(page);
  await next(page);

  // 4. Pain scores.
  await expectStep(page, "Pain");
  await expectAccessible(page);
  for (const [q, v] of [
    ["Pain right now", "3"],
    ["Worst pain in the past week", "6"],
    ["Pain during a run", "5"],
    ["Pain the morning after a run", "3"],
  ] as const)
    await answer(page, q, v);
  await next(page);

  // 5. Safety: all answered no; the missed-periods question is asked of a female patient.
  await expectStep(page, "Safety");
  await expectAccessible(page);
  for (const g of await page.getByRole("group").all()) await g.getByRole("radio", { name: "No", exact: true }).check();
  await expect(group(page, "In the last few months, have you missed periods or have they stopped?")).toBeVisible();
  await expect(page.locator("main").getByRole("alert")).toHaveCount(0);
  await next(page);

  // 6. Questionnaires, each with its source.
  await expectStep(page, "Questionnaires");
  await expect(page.getByText(/Source: Kujala UM et al\./)).toBeVisible();
  await expect(page.getByText(/Source: Binkley JM et al\./)).toBeVisible();
  await expectAccessible(page);
  const akps = page.locator("section[aria-labelledby=q-akps] fieldset");
  const lefs = page.locator("section[aria-labelledby=q-lefs] fieldset");
  await expect(akps).toHaveCount(13);
  await expect(lefs).toHaveCount(20);
  // Moving on with nothing answered lists the first few problems, not 33 at once; each field shows its own.
  await next(page);
  await expect(summary.getByRole("link")).toHaveCount(5);
  await expect(summary).toContainText(/and \d+ more further down this step\./);
  for (const [i, option] of AKPS.entries()) await akps.nth(i).getByRole("radio").nth(option).check();
  for (const [i, rating] of LEFS.entries()) await lefs.nth(i).getByRole("radio").nth(rating).check();
  await expectSaved(page);
  await next(page);

  // 7. Consent: the clinic's statement, agreement and the typed name as signature.
  await expectStep(page, "Consent");
  await expect(page.getByText("I agree that the clinic may use them")).toBeVisible();
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByText("I agree to the statement above: please tick the box.").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: "I agree to the statement above" }).check();
  // One letter is not a signature: the message says what is wanted.
  await page.getByLabel("Type your full name to sign").fill("J");
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByText("To sign, please type your full name (the name you would sign with).").first()).toBeVisible();
  await page.getByLabel("Type your full name to sign").fill(`${firstName} Tester`);
  await page.getByRole("button", { name: "Send my answers" }).click();

  await expect(page.getByRole("heading", { name: "Thank you, your answers have been sent" })).toBeVisible();
  // After sending, focus is on the thank-you heading, not lost at the top of the page.
  await expect(page.getByRole("heading", { name: "Thank you, your answers have been sent" })).toBeFocused();
  await expect(page.getByRole("heading", { name: "Please get medical help" })).toHaveCount(0);
  await expectAccessible(page);
  // Read-only afterwards: reloading shows the thank-you, not the answers.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Thank you, your answers have been sent" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send my answers" })).toHaveCount(0);

  // The link no longer opens the answers: a clear 410 page that says nothing about whose link it was.
  const again = await newPage(browser, { width: 360, height: 740 });
  const gone = await again.goto(`/i/${token}`);
  expect(gone?.status()).toBe(410);
  await expect(again.getByRole("heading", { name: "Your answers have been sent" })).toBeVisible();
  await expect(again.getByText(firstName)).toHaveCount(0);
  await again.close();

  // The clinician sees the answers grouped, the scores, the distance change and the drawing.
  const clinic = await newPage(browser);
  await signIn(clinic, clinician);
  await clinic.goto(`/visits/${visitId}`);
  await expect(clinic.getByText("No safety concerns reported")).toBeVisible();
  await expect(clinic.getByRole("row", { name: /Kujala AKPS 82\/100 No earlier score/ })).toBeVisible();
  await expect(clinic.getByRole("row", { name: /LEFS 61\/80/ })).toBeVisible();
  await expect(clinic.getByText("32.2 km (20 mi)")).toBeVisible();
  await expect(clinic.getByText("Four weeks: 4 weeks ago → this week")).toBeVisible();
  await expect(clinic.getByText(/^\+60% \(above the clinic's 30% limit/)).toBeVisible();
  await expect(clinic.getByRole("img", { name: "Left knee: Around or behind the kneecap" })).toBeVisible();
  await expect(clinic.getByRole("img", { name: "Right knee: Below the kneecap" })).toBeVisible();
  await expect(clinic.getByText(`Patient corrects it to: ${firstName} Tester-Smith`)).toBeVisible();
  await expect(clinic.getByText("Ice, Something else (Foam roller)")).toBeVisible();
  await expect(clinic.getByText("5:17 per km (8:30 per mile)")).toBeVisible();
  await expect(clinic.getByText(`Consent signed by “${firstName} Tester”`)).toBeVisible();
  await expectAccessible(clinic);
  await clinic.close();
});

test("a wrong, made-up invite link gets a clear page and no hint of whose it is", async ({ page }) => {
  const res = await page.goto("/i/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  const noSession = await page.goto("/intake");
  expect(noSession?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Please open the link from your clinic" })).toBeVisible();
});
