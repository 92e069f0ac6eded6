import { sampleIntake } from "../lib/assessment/intake-sample";
import { expect, patientWithVisit, test } from "./fixtures";
import { asOwner, draftAs, expectStep, openLinkAndConfirm, phone } from "./intake-helpers";

test.use(phone);

test("a double tap and replays of the send request make exactly one submission", async ({ page, clinician }) => {
  test.setTimeout(120_000);
  const { token, dob, visitId, firstName } = await patientWithVisit(clinician, { dob: "1988-08-08" });
  const { consent: _consent, ...answers } = sampleIntake();
  await draftAs(token, dob, answers, "consent");
  await openLinkAndConfirm(page, token, dob);
  await expectStep(page, "Consent");
  await page.getByRole("checkbox", { name: "I agree to the statement above" }).check();
  await page.getByLabel("Type your full name to sign").fill(`${firstName} Tester`);

  // A slow network: the first send is held for a moment while the patient taps again.
  let held = false;
  await page.route("**/intake", async (route) => {
    if (route.request().method() === "POST" && !held) {
      held = true;
      await new Promise((r) => setTimeout(r, 1500));
    }
    await route.continue();
  });
  // The send carries the consent statement the patient read (autosaves never do).
  const sent = page.waitForRequest(
    (r) => r.method() === "POST" && !!r.headers()["next-action"] && (r.postData() ?? "").includes("I confirm that the answers I gave"),
  );
  const send = page.getByRole("button", { name: /Send my answers|Sending/ });
  await send.dblclick();
  await send.click({ force: true }).catch(() => {});
  const request = await sent;
  await expect(page.getByRole("heading", { name: "Thank you, your answers have been sent" })).toBeVisible();

  // A retry after a lost response: the same request again, twice, with the browser's cookie.
  const headers = { ...request.headers() };
  delete headers["content-length"];
  for (let i = 0; i < 2; i++) {
    const replay = await page.request.post(request.url(), { headers, data: request.postDataBuffer()! });
    expect(replay.status()).toBe(200);
  }

  const rows = await asOwner<{ state: string; submissionKey: string | null }>(`SELECT state, "submissionKey" FROM "IntakeResponse" WHERE "visitId" = $1`, [
    visitId,
  ]);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.state).toBe("FINAL");
  const submits = await asOwner(
    `SELECT 1 FROM "AuditEvent" WHERE action = 'submit' AND "recordType" = 'IntakeResponse' AND "recordId" = (SELECT id::text FROM "IntakeResponse" WHERE "visitId" = $1)`,
    [visitId],
  );
  expect(submits).toHaveLength(1);
});
