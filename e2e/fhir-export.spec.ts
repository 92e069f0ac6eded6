// An admin makes an API token, another system pulls a patient's FHIR Bundle with it, the admin revokes it
// and the next call gets 401; the token never reaches another clinic's patient; a clinician downloads the
// same Bundle from the patient page.
import { readFileSync } from "node:fs";
import { expect, expectAccessible, signInAsNewAdmin, newPage, patientWithVisit, signIn, intakeAnswers, test } from "./fixtures";
import { fakeIp } from "./security/world";
import { clinicianActor, createClinicianAndClinic } from "../prisma/factories";

test("an admin's API token exports a patient's Bundle until it is revoked; then 401", async ({ browser, clinician, playwright, baseURL }) => {
  // Three people's worth of journey (a signed visit, an admin, a clinician) on a shared two-core machine.
  test.setTimeout(180_000);
  const { finalizeExam, getExam } = await import("../lib/data/exams");
  const { finalizeSummary } = await import("../lib/data/summaries");

  // A signed visit in the admin's clinic, and a patient of another clinic.
  const { patient, visitId, firstName } = await patientWithVisit(clinician, { intake: intakeAnswers(), exam: { left: 150, right: 210 } });
  const actor = await clinicianActor({ id: clinician.userId }, clinician.clinicId);
  const exam = await getExam(actor, visitId);
  expect((await finalizeExam(actor, visitId, exam!.version)).ok).toBe(true);
  expect((await finalizeSummary(actor, visitId)).ok).toBe(true);
  const other = await createClinicianAndClinic();
  const stranger = await patientWithVisit({
    ...clinician,
    userId: other.user.id,
    clinicId: other.clinic.id,
    email: other.user.email,
    password: other.password,
  });

  const admin = await signInAsNewAdmin(browser, clinician.clinicId);
  await admin.getByRole("link", { name: "API tokens" }).click();
  await expect(admin.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  await expectAccessible(admin);

  await admin.getByLabel("Name (which system holds it)").fill("x");
  await admin.getByRole("button", { name: "Make token" }).click();
  await expect(admin.locator("#name-error")).toBeVisible();
  await admin.getByLabel("Name (which system holds it)").fill("Main EHR");
  await admin.getByLabel("Expires in (days)").fill("30");
  await admin.getByRole("button", { name: "Make token" }).click();
  const token = await admin.getByLabel("API token").inputValue();
  expect(token).toMatch(/^stride_pat_/);
  await expect(admin.getByRole("cell", { name: "Main EHR", exact: true })).toBeVisible();
  await expectAccessible(admin);
  // Shown once: a reload shows the list, not the secret.
  await admin.reload();
  await expect(admin.getByRole("cell", { name: "Main EHR", exact: true })).toBeVisible();
  expect(await admin.content()).not.toContain(token);

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": fakeIp() } });
  const url = `/api/fhir/Patient/${patient.id}/$everything`;
  const res = await api.get(url, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/fhir+json");
  const bundle = await res.json();
  expect(bundle).toMatchObject({ resourceType: "Bundle", type: "searchset" });
  const types = new Set(bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType));
  for (const t of ["Patient", "Organization", "Practitioner", "Encounter", "QuestionnaireResponse", "Observation", "CarePlan", "DocumentReference"])
    expect(types.has(t)).toBe(true);
  expect(JSON.stringify(bundle)).toContain(firstName);

  // Another clinic's patient: not found, exactly like no patient at all.
  expect((await api.get(`/api/fhir/Patient/${stranger.patient.id}/$everything`, { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(404);
  expect((await api.get(url)).status()).toBe(401);
  expect((await api.get(url, { headers: { Authorization: `Bearer ${token}x` } })).status()).toBe(401);

  await admin.getByRole("button", { name: "Revoke Main EHR" }).click();
  await expect(admin.getByRole("cell", { name: "Revoked", exact: true })).toBeVisible();
  const after = await api.get(url, { headers: { Authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
  expect((await after.json()).resourceType).toBe("OperationOutcome");
  await api.dispose();

  // The clinician's own download from the patient page.
  const page = await newPage(browser);
  await signIn(page, clinician);
  await page.goto(`/patients/${patient.id}`);
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download (FHIR)" }).click()]);
  const file = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(file.resourceType).toBe("Bundle");
  expect(file.entry[0].resource).toMatchObject({ resourceType: "Patient", id: patient.id });
});
