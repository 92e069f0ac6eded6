import { expect, expectAccessible, patientWithVisit, test } from "./fixtures";
import { answer, asOwner, draftAs, group, phone } from "./intake-helpers";

test.use(phone);

test("a patient picks Spanish on the first screen and fills the intake in Spanish; the choice is saved on their record", async ({ page, clinician }) => {
  test.setTimeout(120_000);
  const { patient, token, dob, firstName } = await patientWithVisit(clinician, { dob: "1989-02-17" });

  await page.goto(`/i/${token}`);
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  await page.getByLabel("Language").selectOption("es");
  await page.getByRole("button", { name: "Change language" }).click();

  // The date-of-birth check in Spanish, plurals by count.
  await expect(page.getByRole("heading", { name: "Confirme que es usted" })).toBeVisible();
  await expect(page.locator(".patient")).toHaveAttribute("lang", "es");
  await expectAccessible(page);
  // Not written to the record before the check passes.
  expect(await asOwner(`SELECT locale FROM "Patient" WHERE id = $1`, [patient.id])).toEqual([{ locale: "en-US" }]);
  await page.getByLabel("Día").fill("3");
  await page.getByLabel("Mes").fill("7");
  await page.getByLabel("Año").fill("1985");
  await page.getByRole("button", { name: "Continuar" }).click();
  await expect(page.getByText("Esa fecha de nacimiento no coincide con nuestros datos. Le quedan 4 intentos más.")).toBeVisible();
  const [y, m, d] = dob.split("-");
  await page.getByLabel("Día").fill(d!);
  await page.getByLabel("Mes").fill(m!);
  await page.getByLabel("Año").fill(y!);
  await page.getByRole("button", { name: "Continuar" }).click();

  // Step 1 in Spanish; errors named in Spanish.
  await expect(page.getByRole("heading", { level: 2, name: "Sobre usted", exact: true })).toBeVisible();
  await expect(page.getByText(`Hola, ${firstName}.`)).toBeVisible();
  await expect(page.getByText("Paso 1 de 7: Sobre usted")).toBeVisible();
  expect(await asOwner(`SELECT locale FROM "Patient" WHERE id = $1`, [patient.id])).toEqual([{ locale: "es" }]);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Siguiente", exact: true }).click();
  await expect(page.locator("#error-summary")).toContainText("2 respuestas necesitan atención");
  await expect(group(page, "Sexo").getByText("Sexo: elija una respuesta.")).toBeVisible();
  await expectAccessible(page);
  await answer(page, `¿Se llama ${firstName} Tester?`, "Sí");
  await answer(page, "Sexo", "Mujer");
  await page.getByRole("button", { name: "Siguiente", exact: true }).click();

  // Step 2: distances in the patient's unit, named in Spanish.
  await expect(page.getByRole("heading", { level: 2, name: "Su forma de correr", exact: true })).toBeVisible();
  await answer(page, "Mostrar las distancias en", "Millas");
  await page.getByLabel("Distancia corrida la semana pasada").fill("300");
  await page.getByRole("button", { name: "Siguiente", exact: true }).click();
  await expect(page.getByText("Distancia corrida la semana pasada (millas): escriba un número entre 0 y 186,4.").first()).toBeVisible();
  await expectAccessible(page);
});

test("in Spanish, the questionnaires without a validated Spanish text are shown in English, marked and explained", async ({ page, clinician }) => {
  const { patient, token, dob } = await patientWithVisit(clinician, { dob: "1989-02-17" });
  await asOwner(`UPDATE "Patient" SET locale = 'es' WHERE id = $1`, [patient.id]);
  await draftAs(token, dob, {}, "questionnaires");
  await page.goto(`/i/${token}`);
  const [y, m, d] = dob.split("-");
  await page.getByLabel("Día").fill(d!);
  await page.getByLabel("Mes").fill(m!);
  await page.getByLabel("Año").fill(y!);
  await page.getByRole("button", { name: "Continuar" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Cuestionarios", exact: true })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("Este cuestionario se muestra en inglés");
  await expect(page.locator('section[lang="en"]').first()).toContainText("Do you limp?");
  await expectAccessible(page);
});
