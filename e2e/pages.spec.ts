import { expect, expectAccessible, signIn, test } from "./fixtures";

test("health answers ok after a real database round trip", async ({ request }) => {
  const r = await request.get("/api/health");
  expect(r.status()).toBe(200);
  expect(await r.json()).toEqual({ status: "ok", db: "ok" });
});

test("unknown routes and records give the not-found page, never a stack trace", async ({ page, clinician }) => {
  const r = await page.goto("/no-such-page");
  expect(r?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
  await signIn(page, clinician);
  for (const path of [
    "/visits/00000000-0000-4000-8000-000000000000",
    "/visits/not-a-uuid/exam",
    "/patients/00000000-0000-4000-8000-000000000000",
    "/visits/00000000-0000-4000-8000-000000000000/print",
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText(/at .*\.js:\d+|Error:/);
  }
});

test("pages with health data are never cached and carry a nonce-based CSP", async ({ page, clinician, request }) => {
  await signIn(page, clinician);
  const res = await page.goto("/patients");
  const h = res!.headers();
  expect(h["cache-control"]).toContain("no-store");
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["x-powered-by"]).toBeUndefined();
  const other = await request.get("/login");
  expect(other.headers()["content-security-policy"]).not.toBe(h["content-security-policy"]);
});
