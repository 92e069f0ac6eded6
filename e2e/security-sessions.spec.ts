// Sign-in limits, automatic logoff, two-factor sign-in and forced password changes, through the browser.
import { expect, expectAccessible, newPage, patientWithVisit, signIn, test } from "./fixtures";
import { fakeIp, newClient, owner, signInHttp } from "./security/world";
import { createClinicianAndClinic, uniqueSuffix } from "../prisma/factories";

test("failed sign-ins: the 11th in 15 minutes gets HTTP 429 from the credentials endpoint, and the form says to wait", async ({
  browser,
  clinician,
  baseURL,
}) => {
  // From ten addresses (one address alone would meet its growing delays first: e2e/sign-in-throttle.spec.ts).
  for (let i = 0; i < 10; i++) {
    const r = await signInHttp(await newClient(baseURL!), clinician.email, `wrong-password-${i}`);
    expect(r.status(), `attempt ${i + 1}`).toBe(401);
  }
  const limited = await signInHttp(await newClient(baseURL!), clinician.email, clinician.password);
  expect(limited.status()).toBe(429);
  // Until the oldest of the ten failures is 15 minutes old.
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect(Number(limited.headers()["retry-after"])).toBeLessThanOrEqual(900);
  expect(new URL(((await limited.json()) as { url: string }).url).searchParams.get("error")).toBe("rate-limited");

  // Per account: the right password from another address and a real browser is refused too, with a clear message.
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": fakeIp() } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(clinician.email);
  await page.getByLabel("Password").fill(clinician.password);
  const answer = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: "Sign in" }).click();
  expect((await answer).status()).toBe(429);
  await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toHaveText(
    "Too many sign-in attempts. Please wait a few minutes (at most 15) and try again.",
  );
  await expectAccessible(page);
  await context.close();

  // Per address: ten failures on made-up accounts, then a real account from that address is refused, and the
  // same account from elsewhere is not.
  const other = await createClinicianAndClinic();
  const attacker = await newClient(baseURL!);
  for (let i = 0; i < 10; i++) await signInHttp(attacker, `nobody-${uniqueSuffix()}@example.com`, "guess-guess-guess");
  expect((await signInHttp(attacker, other.user.email, other.password)).status()).toBe(429);
  expect((await signInHttp(await newClient(baseURL!), other.user.email, other.password)).status()).toBe(200);
  // The counters are rows in PostgreSQL, so every app instance sees them.
  const rows = await owner<{ n: number }>(`SELECT count(*)::int AS n FROM "RateLimitHit" WHERE bucket = $1`, [`signin:account:${clinician.email}`]);
  expect(rows[0]!.n).toBe(10);
});

test("after the idle timeout the screen warns, then clears the health data and signs out on the server", async ({ browser, clinician, baseURL }) => {
  const { visitId, firstName } = await patientWithVisit(clinician);
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": fakeIp() } });
  const page = await context.newPage();
  await page.clock.install();
  await signIn(page, clinician);
  await page.goto(`/visits/${visitId}`);
  await expect(page.getByText(firstName).first()).toBeVisible();
  // The server's HTML shows the name before the guard's clock starts; jumping the clock before then skips it.
  await expect(page.locator("html[data-idle-guard=on]")).toHaveCount(1);
  const cookie = (await context.cookies()).find((c) => c.name === "next-auth.session-token")!;

  await page.clock.fastForward("13:01");
  const dialog = page.getByRole("alertdialog", { name: "Still there?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Stay signed in" })).toBeFocused();
  await expectAccessible(page);
  // Staying resets the clock; then, left alone, the page is cleared at 15 minutes.
  await dialog.getByRole("button", { name: "Stay signed in" }).click();
  await expect(dialog).toBeHidden();
  await page.clock.fastForward("15:01");
  await page.waitForURL(/\/login\?reason=idle$/);
  await expect(page.getByText("You were signed out after a period without activity")).toBeVisible();
  await expect(page.getByText(firstName)).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(firstName);

  // The old cookie is refused by the server, not just forgotten by the page.
  const replay = await (await newClient(baseURL!)).get(`/visits/${visitId}`, { headers: { cookie: `${cookie.name}=${cookie.value}` }, maxRedirects: 0 });
  expect(replay.status()).toBe(307);
  expect(replay.headers()["location"]).toBe("/login");
  await context.close();
});

test("a session idle past the clinic's timeout on the server is refused on its next request", async ({ clinician, baseURL }) => {
  const ctx = await newClient(baseURL!);
  await signInHttp(ctx, clinician.email, clinician.password);
  expect((await ctx.get("/patients", { maxRedirects: 0 })).status()).toBe(200);
  await owner(`UPDATE "AuthSession" SET "lastSeenAt" = now() - interval '16 minutes' WHERE "userId" = $1`, [clinician.userId]);
  const r = await ctx.get("/patients", { maxRedirects: 0 });
  expect(r.status()).toBe(307);
  expect(r.headers()["location"]).toBe("/login");
});

test("an admin must set up two-factor sign-in at first sign-in, and then signs in with a code", async ({ browser }) => {
  const { totpCode } = await import("../lib/auth/totp");
  const { createUser } = await import("../lib/data/users");
  const { clinic } = await createClinicianAndClinic();
  const email = `admin-${uniqueSuffix()}@example.com`;
  const password = `adm-${uniqueSuffix()}-${uniqueSuffix()}`;
  await createUser({ clinicId: clinic.id, email, name: "Ada Min", password, role: "ADMIN" });

  const page = await newPage(browser);
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/account/two-factor");
  await expect(page.getByRole("heading", { name: "Set up two-factor sign-in" })).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await expectAccessible(page);
  // Nothing else opens until it is set up.
  await page.goto("/admin/users");
  await page.waitForURL("**/account/two-factor");

  const secret = (await page.locator("#totp-secret").innerText()).replace(/\s/g, "");
  await page.getByLabel("6-digit code").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText(/6-digit code is not right/)).toBeVisible();
  await page.getByLabel("6-digit code").fill(totpCode(secret));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await page.waitForURL("**/admin");

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("6-digit code")).toBeFocused();
  // The next step's code (the enrolment used this step's, and a code is good once).
  await page.getByLabel("6-digit code").fill(totpCode(secret, new Date(Date.now() + 30_000)));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await page.waitForURL("**/admin");
  await expect(page.getByRole("heading", { name: "Administration" })).toBeVisible();
});

test("a production server without NEXTAUTH_SECRET refuses to start, naming it", async () => {
  const { spawnSync } = await import("node:child_process");
  const { freePort } = await import("../scripts/lib/embedded-pg");
  const r = spawnSync("node_modules/.bin/next", ["start", "-p", String(await freePort())], {
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NODE_ENV: "production", NEXTAUTH_SECRET: "", DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" },
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("NEXTAUTH_SECRET: required in production");
});

test("a server with a missing, malformed or wrong FIELD_KEYS refuses to start, naming it", async () => {
  const { spawnSync } = await import("node:child_process");
  const { randomBytes } = await import("node:crypto");
  const { freePort } = await import("../scripts/lib/embedded-pg");
  const start = async (fieldKeys: string, databaseUrl = "postgresql://nobody@127.0.0.1:1/none") =>
    spawnSync("node_modules/.bin/next", ["start", "-p", String(await freePort())], {
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, NODE_ENV: "production", FIELD_KEYS: fieldKeys, DATABASE_URL: databaseUrl },
    });
  const missing = await start("");
  expect(missing.status).toBe(1);
  expect(missing.stderr).toContain("Configuration error:\n  FIELD_KEYS is not set");
  const short = await start(`k1:${randomBytes(16).toString("base64")}`);
  expect(short.status).toBe(1);
  expect(short.stderr).toContain('FIELD_KEYS: key "k1" must be 32 bytes');
  // The run's database holds values (and the key check) under the run's key "k1"; another key under that id
  // is wrong, and is caught before the server serves a page.
  const kid = process.env.FIELD_KEYS!.split(":")[0]!;
  const wrong = await start(`${kid}:${randomBytes(32).toString("base64")}`, process.env.DATABASE_URL!);
  expect(wrong.status).toBe(1);
  expect(wrong.stderr).toContain(`FIELD_KEYS's key "${kid}" is not the key this database's values under "${kid}" were encrypted with`);
  // Neither message shows a key.
  expect(wrong.stderr).not.toContain(process.env.FIELD_KEYS!.split(":")[1]!);
});
