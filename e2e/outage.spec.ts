import { expect, signIn, test } from "./fixtures";
import { killCluster, restartCluster } from "../scripts/lib/embedded-pg";

// Runs alone, after the other journeys: it stops the database under the running app.
const dataDir = process.env.E2E_PG_DATA_DIR;
const port = Number(process.env.E2E_PG_PORT);

test("when the database goes away, health answers 503 within 3 s and pages say so; the app recovers on its own", async ({ page, clinician, request }) => {
  test.skip(!dataDir, "needs the embedded test database (TEST_DATABASE_URL points at a server this test cannot stop)");
  await signIn(page, clinician);
  await killCluster(dataDir!);
  try {
    const started = Date.now();
    const r = await request.get("/api/health", { timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r.status()).toBe(503);
    expect(await r.json()).toEqual({ status: "error", db: "unreachable" });

    await page.goto("/patients");
    await expect(page.getByRole("heading", { name: "Something went wrong on our side" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText(/ECONNREFUSED|at .*\.js:\d+/);
  } finally {
    await restartCluster(dataDir!, port, true);
  }
  await expect.poll(async () => (await request.get("/api/health")).status(), { timeout: 15_000 }).toBe(200);
  await page.goto("/patients");
  await expect(page.getByRole("heading", { name: "Worklist" })).toBeVisible();
});
