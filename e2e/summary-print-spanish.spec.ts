import { clinicianActor, examData, patientThroughInvite, uniqueSuffix } from "../prisma/factories";
import { expect, expectAccessible, intakeAnswers, pdfPages, signIn, test } from "./fixtures";

// A patient who reads Spanish takes home a Spanish sheet: on the print page, in the downloaded PDF (page
// margins too), while the clinician's version of the same summary stays English like every clinician page.

test.use({ viewport: { width: 1280, height: 900 } });

test("a Spanish-speaking patient's signed summary prints and downloads in Spanish; the clinician version stays English", async ({
  page,
  clinician,
  request,
}) => {
  test.setTimeout(120_000);
  const { createPatient } = await import("../lib/data/patients");
  const { startVisit } = await import("../lib/data/visits");
  const { submitIntake } = await import("../lib/data/intake-answers");
  const { saveExam } = await import("../lib/data/exams");
  const { finalizeSummary } = await import("../lib/data/summaries");
  const actor = await clinicianActor({ id: clinician.userId }, clinician.clinicId);
  const dob = "1988-05-22";
  const firstName = `Carmen${uniqueSuffix()}`;
  const patient = await createPatient(actor, { firstName, lastName: "Ruiz", dateOfBirth: dob, sex: "FEMALE", email: "", phone: "", locale: "es" });
  const visit = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: new Date().toISOString().slice(0, 10) });
  if (!visit.ok) throw new Error("visit not started");
  const intake = intakeAnswers({ running: { weeklyKm: { thisWeek: 40, lastWeek: 30, fourWeeksAgo: 25 }, downhill: "often", bankedRoads: "never" } });
  expect((await submitIntake(await patientThroughInvite(visit.token, dob), intake, `e2e-${visit.visitId}`)).ok).toBe(true);
  expect((await saveExam(actor, visit.visitId, examData(150, 210, 62), null)).ok).toBe(true);
  expect((await finalizeSummary(actor, visit.visitId)).ok).toBe(true);

  await signIn(page, clinician);
  await page.goto(`/visits/${visit.visitId}/print`);
  await expect(page.getByRole("heading", { name: "Resumen de su visita" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Qué le pasa" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sus ejercicios" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Volver a correr" })).toBeVisible();
  await expect(page.getByRole("list", { name: "La regla del dolor como un semáforo" }).getByText("Verde:")).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Pare y llame a la clínica/ })).toBeVisible();
  await expect(page.getByText("Busque atención médica enseguida")).toBeVisible();
  await expect(page.locator('[lang="es"]').first()).toBeVisible();
  await expectAccessible(page);

  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const res = await request.get(`/visits/${visit.visitId}/print/pdf?version=patient&paper=a4`, { headers: { cookie } });
  expect(res.status()).toBe(200);
  const pages = await pdfPages(await res.body());
  pages.forEach((text, i) => expect(text, `page ${i + 1} numbered in Spanish`).toContain(`Página ${i + 1} de ${pages.length}`));
  const all = pages.join(" ");
  expect(all).toContain("Resumen de su visita");
  expect(all).toContain("Volver a correr");
  expect(all).not.toContain("Your visit summary");
  expect(all).not.toContain("Getting back to running");
  test.info().annotations.push({ type: "pages", description: `Spanish sheet, A4: ${pages.length} pages` });

  await page.goto(`/visits/${visit.visitId}/print?version=clinician`);
  await expect(page.getByRole("heading", { name: "Visit summary: clinician version" })).toBeVisible();
  await expect(page.getByText("Resumen de su visita")).toHaveCount(0);
});
