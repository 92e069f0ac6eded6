import { clinicianActor, examData, followUpIntakeAnswers, patientThroughInvite } from "../prisma/factories";
import { expect, expectAccessible, intakeAnswers, patientWithVisit, pdfPages, signIn, test, type Clinician } from "./fixtures";

const DOB = "1990-04-27";
const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** A runner seen three times: the initial visit eight weeks ago, follow-ups four weeks ago and today, each
 * with its intake and a finalized exam; today's follow-up summary signed. */
async function threeVisits(c: Clinician) {
  const { createPatient } = await import("../lib/data/patients");
  const { startVisit } = await import("../lib/data/visits");
  const { submitIntake } = await import("../lib/data/intake-answers");
  const { saveExam, finalizeExam } = await import("../lib/data/exams");
  const { finalizeSummary } = await import("../lib/data/summaries");
  const actor = await clinicianActor({ id: c.userId }, c.clinicId);
  const patient = await createPatient(actor, { firstName: "Trend", lastName: `Runner${Date.now()}`, dateOfBirth: DOB, sex: "FEMALE", email: "", phone: "" });
  const visits: string[] = [];
  const steps = [
    { date: ago(56), left: 150, right: 210, intake: intakeAnswers({ pain: { now: 4, worstWeek: 7 }, running: { weeklyKm: { thisWeek: 8 } } }) },
    {
      date: ago(28),
      left: 172,
      right: 210,
      intake: followUpIntakeAnswers({
        pain: { now: 2, worstWeek: 4 },
        running: { weeklyKm: { thisWeek: 15 } },
        questionnaires: { akps: [1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0] },
      }),
    },
    { date: ago(0), left: 198, right: 212, intake: followUpIntakeAnswers({ pain: { now: 1, worstWeek: 2 }, running: { weeklyKm: { thisWeek: 24 } } }) },
  ];
  for (const [i, s] of steps.entries()) {
    const v = await startVisit(actor, { patientId: patient.id, kind: i === 0 ? "INITIAL" : "FOLLOW_UP", date: s.date });
    if (!v.ok) throw new Error("visit not started");
    const sent = await submitIntake(await patientThroughInvite(v.token, DOB), s.intake, `trend-${v.visitId}`);
    if (!sent.ok) throw new Error(`intake refused: ${JSON.stringify(sent)}`);
    await saveExam(actor, v.visitId, examData(s.left, s.right, 62), null);
    if (!(await finalizeExam(actor, v.visitId, 1)).ok) throw new Error("exam not finalized");
    visits.push(v.visitId);
  }
  if (!(await finalizeSummary(actor, visits[2]!)).ok) throw new Error("summary not signed");
  return { patientId: patient.id, visits };
}

test.use({ viewport: { width: 1024, height: 900 } });

test("trends across visits: the patient page, the follow-up's summary and its clinician print and PDF show the charts", async ({
  page,
  clinician,
  request,
}) => {
  // Three visits made through the data layer and a PDF rendered: minutes when the machine is busy.
  test.setTimeout(300_000);
  const { patientId, visits } = await threeVisits(clinician);
  await signIn(page, clinician);

  await page.goto(`/patients/${patientId}`);
  const section = page.getByRole("region", { name: "Trends across visits" });
  await expect(section).toBeVisible();
  await expect(section.getByText(/^3 visits, from/)).toBeVisible();
  // Symmetry per muscle group: hip abduction 71% → 82% → 93% (weaker ÷ stronger), in the chart's words.
  const symmetry = section.getByRole("img", { name: /Strength symmetry/ });
  await expect(symmetry).toBeVisible();
  await expect(symmetry).toHaveAccessibleName(/Hip abduction 71%.*Hip abduction 82%.*Hip abduction 93%/);
  await expect(section.getByRole("img", { name: "Hip abduction: best force, N/kg" })).toHaveAccessibleName(/Left 2\.42 N\/kg, Right 3\.39 N\/kg/);
  // Kujala 82 → 93: the last change (+11) reaches the MCID of 10 and is marked; LEFS has its own chart.
  const kujala = section.getByRole("img", { name: /^Kujala/ });
  await expect(kujala).toHaveAccessibleName(/93 \(\+11 since the visit before, meaningful\)/);
  await expect(
    section.getByText("A ringed point changed by 10 points or more since the visit before: the minimal clinically important difference (Crossley 2004)."),
  ).toBeVisible();
  await expect(section.getByRole("img", { name: /^LEFS/ })).toBeVisible();
  await expect(section.getByRole("img", { name: /^Knee pain at intake/ })).toHaveAccessibleName(/Now 4\/10, Worst, past week 7\/10/);
  await expect(section.getByRole("img", { name: /^Distance run/ })).toHaveAccessibleName(/Distance 8 km.*Distance 15 km.*Distance 24 km/);
  // The text alternative: the same figures as a table.
  await section.getByText("Strength symmetry (weaker ÷ stronger): the figures").click();
  await expect(section.getByRole("cell", { name: "93%" }).first()).toBeVisible();
  await expectAccessible(page);

  // The follow-up's summary: the trend up to this visit.
  await page.goto(`/visits/${visits[2]}/summary`);
  await expect(page.getByRole("region", { name: "Trends across visits" }).getByText(/^3 visits, up to this one/)).toBeVisible();

  // The clinician's printed version carries the charts; the patient's take-home sheet does not.
  await page.goto(`/visits/${visits[2]}/print?version=clinician`);
  const printed = page.getByRole("region", { name: "Trends across visits" });
  await expect(printed.getByRole("img", { name: /Strength symmetry/ })).toBeVisible();
  await expect(printed.getByRole("img", { name: /^Kujala/ })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/visits/${visits[2]}/print`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Trends across visits" })).toHaveCount(0);

  const pdf = await request.get(`/visits/${visits[2]}/print/pdf?version=clinician&paper=letter`, {
    headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ") },
  });
  expect(pdf.status()).toBe(200);
  const text = (await pdfPages(await pdf.body())).join(" ");
  expect(text).toContain("Trends across visits");
  expect(text).toContain("Strength symmetry (weaker ÷ stronger)");
  expect(text).toMatch(/Kujala \(AKPS, 0–100, higher is better\)/);

  // With one visit the page says what will appear.
  const one = await patientWithVisit(clinician, { intake: intakeAnswers(), exam: { left: 150, right: 210 } });
  await page.goto(`/patients/${one.patient.id}`);
  await expect(
    page
      .getByRole("region", { name: "Trends across visits" })
      .getByText(/^One visit with data so far \(.*\)\. From the second visit with a finalized exam or a submitted intake, this shows strength symmetry/),
  ).toBeVisible();
});

test("the trends read at a phone's width without sideways scrolling", async ({ page, clinician }) => {
  const { patientId } = await threeVisits(clinician);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, clinician);
  await page.goto(`/patients/${patientId}`);
  await expect(page.getByRole("region", { name: "Trends across visits" }).getByRole("img", { name: /Strength symmetry/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
