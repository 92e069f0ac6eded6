// Sign-in throttling that stops guessing without locking out the owner (docs/security.md, "Sign-in
// throttling"): someone who knows a clinician's email fills the account's ceiling from many addresses; the
// clinician still signs in from the browser they used before, a new browser is held, and an admin can lift it.
import { expect, expectAccessible, signIn, signInAsNewAdmin, test } from "./fixtures";
import { fakeIp, newClient, signInHttp } from "./security/world";

test("guessing from many addresses cannot lock the owner out of their usual browser; an admin can unblock a new one", async ({
  browser,
  clinician,
  baseURL,
}) => {
  // Three browsers, an admin's two-factor sign-in and a dozen password hashes on a shared machine.
  test.setTimeout(180_000);
  // The owner's usual browser: a successful sign-in leaves the signed known-device cookie.
  const usual = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": fakeIp() } });
  const page = await usual.newPage();
  await signIn(page, clinician);
  const device = (await usual.cookies()).find((c) => c.name === "stride-device");
  expect(device?.httpOnly).toBe(true);
  expect(device?.sameSite).toBe("Lax");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();

  // The attacker: ten wrong passwords, each from a new address; the eleventh guess is not even tried.
  for (let i = 0; i < 10; i++) expect((await signInHttp(await newClient(baseURL!), clinician.email, `guess-${i}-wrong-password`)).status()).toBe(401);
  expect((await signInHttp(await newClient(baseURL!), clinician.email, `guess-10-wrong-password`)).status()).toBe(429);

  // The owner, from the usual browser: signed in.
  await signIn(page, clinician);
  await expect(page.getByRole("heading", { name: "Worklist" })).toBeVisible();

  // The same password from a browser this account has never used waits.
  const fresh = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": fakeIp() } });
  const other = await fresh.newPage();
  await other.goto("/login");
  await other.getByLabel("Email").fill(clinician.email);
  await other.getByLabel("Password").fill(clinician.password);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByRole("alert").filter({ hasText: "Too many" })).toBeVisible();

  // An admin unblocks the account; the new browser signs in.
  const admin = await signInAsNewAdmin(browser, clinician.clinicId);
  await admin.goto(`/admin/users/${clinician.userId}`);
  await admin.getByRole("button", { name: "Unblock sign-in" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Sign-in unblocked" })).toBeVisible();
  await expectAccessible(admin);
  await other.getByRole("button", { name: "Sign in" }).click();
  await other.waitForURL("**/patients");
  await expect(other.getByRole("heading", { name: "Worklist" })).toBeVisible();
});
