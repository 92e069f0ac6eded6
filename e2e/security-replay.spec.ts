// Server actions are public POST endpoints (security-requirements §4.1): a real request captured from the
// browser, replayed without a session, with another patient's session and with another clinic's clinician,
// changes nothing. The same replay with the right session reaches the data layer (the control).
import { expect, intakeAnswers, newPage, patientWithVisit, signIn, test } from "./fixtures";
import { fillAndSaveExam, fillAndSubmitIntake, isIntakeSend, passDateOfBirth } from "./security/ui";
import { newClient, owner, signInHttp } from "./security/world";
import { createClinicianAndClinic } from "../prisma/factories";
import type { APIRequestContext, Request } from "@playwright/test";

async function replay(ctx: APIRequestContext, req: Request) {
  const h = req.headers();
  const r = await ctx.post(req.url(), {
    headers: {
      "Next-Action": h["next-action"]!,
      "Content-Type": h["content-type"]!,
      Accept: h["accept"] ?? "text/x-component",
      Origin: new URL(req.url()).origin,
      ...(h["next-router-state-tree"] ? { "Next-Router-State-Tree": h["next-router-state-tree"] } : {}),
    },
    data: req.postData() ?? "",
    maxRedirects: 0,
  });
  return { status: r.status(), text: await r.text() };
}

test("a captured exam save, replayed by anyone else, changes nothing", async ({ browser, clinician, baseURL }) => {
  const { visitId } = await patientWithVisit(clinician, { intake: intakeAnswers() });
  const page = await newPage(browser);
  await signIn(page, clinician);
  await page.goto(`/visits/${visitId}/exam`);
  const captured = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await fillAndSaveExam(page, 150, 210);
  const req = await captured;
  await expect(page.getByText(/^All changes saved \(version \d+/)).toBeVisible();
  const examNow = () => owner<{ version: number; data: unknown }>(`SELECT version, data FROM "Exam" WHERE "visitId" = $1`, [visitId]);
  const before = JSON.stringify(await examNow());

  const other = await createClinicianAndClinic();
  const strangerCtx = await newClient(baseURL!);
  await signInHttp(strangerCtx, other.user.email, other.password);
  const otherPatient = await patientWithVisit({
    email: other.user.email,
    password: other.password,
    clinicId: other.clinic.id,
    userId: other.user.id,
    clinicName: "x",
  });
  const patientCtx = await newClient(baseURL!);
  await patientCtx.get(`/i/${otherPatient.token}`, { maxRedirects: 0 });

  for (const [who, ctx] of [
    ["no session", await newClient(baseURL!)],
    ["another clinic's clinician", strangerCtx],
    ["a patient's session", patientCtx],
  ] as const) {
    const r = await replay(ctx, req);
    expect(r.text, who).not.toMatch(/"ok":true|"conflict"/);
    expect(JSON.stringify(await examNow()), who).toBe(before);
  }
  const denied = await owner(`SELECT 1 FROM "AuditEvent" WHERE action = 'access-denied' AND "recordType" = 'Exam' AND "recordId" = $1 AND "actorId" = $2`, [
    visitId,
    other.user.id,
  ]);
  expect(denied).toHaveLength(1);

  // Control: the same bytes with the clinician's own session reach the data layer (a stale save: conflict).
  const ownCtx = await newClient(baseURL!);
  await signInHttp(ownCtx, clinician.email, clinician.password);
  const control = await replay(ownCtx, req);
  expect(control.text).toMatch(/"conflict"/);
  expect(JSON.stringify(await examNow())).toBe(before);

  // After signing out, the clinician's own old cookie replays nothing either.
  const cookie = (await page.context().cookies()).find((c) => c.name === "next-auth.session-token")!;
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
  const oldCookieCtx = await newClient(baseURL!);
  const afterSignOut = await oldCookieCtx.post(req.url(), {
    headers: {
      "Next-Action": req.headers()["next-action"]!,
      "Content-Type": req.headers()["content-type"]!,
      Origin: new URL(req.url()).origin,
      Cookie: `${cookie.name}=${cookie.value}`,
    },
    data: req.postData() ?? "",
    maxRedirects: 0,
  });
  expect(await afterSignOut.text()).not.toMatch(/"ok":true|"conflict"/);
  expect(JSON.stringify(await examNow())).toBe(before);
});

test("a captured intake submission, replayed without the patient's session or with another patient's, changes nothing", async ({
  browser,
  clinician,
  baseURL,
}) => {
  const a = await patientWithVisit(clinician, { dob: "1979-03-21" });
  const b = await patientWithVisit(clinician, { dob: "1988-08-08" });
  const page = await newPage(browser, { width: 390, height: 800 });
  await page.goto(`/i/${a.token}`);
  await passDateOfBirth(page, a.dob);
  const captured = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"] && isIntakeSend(r.postData()));
  await fillAndSubmitIntake(page, { token: a.token, dob: a.dob, fullName: `${a.firstName} Tester` });
  const req = await captured;
  await expect(page.getByRole("heading", { name: "Thank you, your answers have been sent" })).toBeVisible();

  const rows = () => owner<{ visitId: string }>(`SELECT "visitId" FROM "IntakeResponse" WHERE "visitId" = ANY($1::uuid[])`, [[a.visitId, b.visitId]]);
  expect(await rows()).toHaveLength(1);

  // Patient B's browser, past its own date-of-birth check.
  const bCtx = await newClient(baseURL!);
  await bCtx.get(`/i/${b.token}`, { maxRedirects: 0 });
  const { getIntakeSession, verifyDateOfBirth } = await import("../lib/data/intake-link");
  const bSession = await getIntakeSession((await bCtx.storageState()).cookies.find((c) => c.name === "stride_intake")!.value);
  if (!bSession.ok) throw new Error("no session for B");
  expect(await verifyDateOfBirth(bSession.actor, b.dob)).toEqual({ ok: true });
  const clinicianCtx = await newClient(baseURL!);
  await signInHttp(clinicianCtx, clinician.email, clinician.password);
  for (const [who, ctx] of [
    ["no session", await newClient(baseURL!)],
    ["another patient's session", bCtx],
    ["a clinician's session", clinicianCtx],
  ] as const) {
    const r = await replay(ctx, req);
    expect(r.text, who).not.toMatch(/"ok":true/);
    expect(await rows(), who).toHaveLength(1);
  }
  await page.close();
});
