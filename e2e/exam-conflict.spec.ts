import { clinicianActor } from "../prisma/factories";
import { expect, expectAccessible, newPage, patientWithVisit, signIn, test } from "./fixtures";

// Two clinicians edit one exam at once (optimistic concurrency): the second save is refused, shows what
// changed, and is resolved field by field; nothing is silently overwritten.
test("a conflict between two browsers is shown and resolved field by field", async ({ browser, clinician }) => {
  const { visitId } = await patientWithVisit(clinician);
  const a = await newPage(browser);
  const b = await newPage(browser);
  await signIn(a, clinician);
  await signIn(b, clinician);
  await a.goto(`/visits/${visitId}/exam`);
  await b.goto(`/visits/${visitId}/exam`);
  await expect(b.getByText("Nothing saved yet")).toBeVisible();

  // A saves first.
  await a.getByLabel("Body mass (kg)").fill("62");
  await a.getByLabel("Hip abduction, left, trial 1").fill("150");
  await expect(a.getByText("All changes saved (version 1")).toBeVisible({ timeout: 15_000 });

  // B, still on the empty exam, changes the same trial differently and another field A did not touch.
  await b.getByLabel("Hip abduction, left, trial 1").fill("155");
  await b.getByLabel("Hip abduction, right, trial 1").fill("200");
  const panel = b.getByRole("alert").filter({ hasText: "while you were editing it" });
  await expect(panel.getByRole("heading", { name: /Not saved: Alex Morgan saved this exam while you were editing it \(version 1/ })).toBeVisible({
    timeout: 15_000,
  });
  await expect(panel.getByText("Body mass (kg): (blank) → 62 kg")).toBeVisible();
  await expect(panel.getByText("Hip abduction, right, trial 1 (N): (blank) → 200 N")).toBeVisible();
  const row = panel.getByRole("row", { name: /Hip abduction, left, trial 1 \(N\)/ });
  await expect(row.getByRole("radio", { name: "Yours: 155 N" })).toBeChecked();
  await expect(b.getByText("Not saved: see the message at the top of the exam.")).toBeVisible();
  // B's entries are still on screen.
  await expect(b.getByLabel("Hip abduction, left, trial 1")).toHaveValue("155");
  await expectAccessible(b);

  // Field by field: theirs for the trial both changed; their body mass and B's right trial both kept.
  await row.getByRole("radio", { name: "Theirs: 150 N" }).check();
  await panel.getByRole("button", { name: "Save the merge" }).click();
  await expect(b.getByText("All changes saved (version 2")).toBeVisible({ timeout: 15_000 });
  await expect(b.getByLabel("Hip abduction, left, trial 1")).toHaveValue("150");
  await expect(b.getByLabel("Body mass (kg)")).toHaveValue("62");
  await expect(b.getByLabel("Hip abduction, right, trial 1")).toHaveValue("200");

  const { getExam } = await import("../lib/data/exams");
  const actor = await clinicianActor({ id: clinician.userId }, clinician.clinicId);
  const merged = await getExam(actor, visitId);
  expect(merged!.version).toBe(2);
  expect(merged!.data.bodyMassKg).toBe(62);
  expect(merged!.data.strength.hipAbduction?.left?.trialsN?.[0]).toBe(150);
  expect(merged!.data.strength.hipAbduction?.right?.trialsN?.[0]).toBe(200);

  // A, still on version 1, saves again: refused in turn; taking theirs loads B's merge.
  await a.getByLabel("Height (cm)").fill("170");
  const panelA = a.getByRole("alert").filter({ hasText: "while you were editing it" });
  await expect(panelA.getByText("Hip abduction, right, trial 1 (N): (blank) → 200 N")).toBeVisible({ timeout: 15_000 });
  await expect(panelA.getByText("Height (cm): (blank) → 170 cm")).toBeVisible();
  await panelA.getByRole("button", { name: "Take theirs" }).click();
  await expect(a.getByLabel("Hip abduction, right, trial 1")).toHaveValue("200");
  await expect(a.getByLabel("Height (cm)")).toHaveValue("");
  await expect(a.getByText("All changes saved (version 2")).toBeVisible();
  expect((await getExam(actor, visitId))!.version).toBe(2);
});
