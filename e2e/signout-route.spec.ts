import { expect, signIn, test } from "./fixtures";

// next-auth has a sign-out of its own (POST /api/auth/signout, and the confirmation page at GET
// /api/auth/signout that posts there). It used to clear the cookie only: the old cookie still opened
// /patients. Now it ends the server session and audits it, like the app's sign-out button.
test("next-auth's own sign-out route ends the server session, audited; the old cookie no longer opens /patients", async ({
  page,
  clinician,
  context,
  request,
}) => {
  await signIn(page, clinician);
  await expect(page.getByRole("heading", { name: "Worklist" })).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name === "next-auth.session-token");
  expect(cookie).toBeDefined();

  // Without next-auth's CSRF token nothing happens (no sign-out a cross-site form could trigger).
  const forged = await request.post("/api/auth/signout", {
    form: { json: "true" },
    headers: { cookie: `next-auth.session-token=${cookie!.value}` },
    maxRedirects: 0,
  });
  expect(forged.headers()["set-cookie"] ?? "").not.toMatch(/next-auth\.session-token=;/);
  const stillIn = await request.get("/patients", { headers: { cookie: `next-auth.session-token=${cookie!.value}` }, maxRedirects: 0 });
  expect(stillIn.status()).toBe(200);

  // The route as next-auth's client calls it, with the browser's cookies.
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const out = await page.request.post("/api/auth/signout", { form: { csrfToken, json: "true" } });
  expect(out.status()).toBe(200);
  expect(out.headers()["set-cookie"]).toMatch(/next-auth\.session-token=;/);

  const replay = await request.get("/patients", { headers: { cookie: `next-auth.session-token=${cookie!.value}` }, maxRedirects: 0 });
  expect(replay.status()).toBe(307);
  expect(replay.headers()["location"]).toBe("/login");

  const { db } = await import("../lib/db");
  const rows = await db().auditEvent.findMany({ where: { action: "sign-out", recordId: clinician.userId }, select: { details: true } });
  expect(rows).toHaveLength(1);
  expect(rows[0]!.details).toMatchObject({ reason: "sign-out" });
});
