import { expect, expectAccessible, signIn, test } from "./fixtures";

test("a clinician signs in, a wrong password gets a generic error, and signing out ends the session on the server", async ({
  page,
  clinician,
  context,
  request,
}) => {
  await page.goto("/patients");
  await expect(page).toHaveURL(/\/login$/);
  await expectAccessible(page);

  await page.getByLabel("Email").fill(clinician.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The email or password is not right. Please try again.")).toBeVisible();

  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The email or password is not right. Please try again.")).toBeVisible();

  await signIn(page, clinician);
  await expect(page.getByRole("heading", { name: "Worklist" })).toBeVisible();
  await expectAccessible(page);

  const cookie = (await context.cookies()).find((c) => c.name === "next-auth.session-token");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?signed-out=1$/);
  await expect(page.getByText("You are signed out.")).toBeVisible();

  // Replaying the old cookie after sign-out gets nothing: the server ended the session.
  const replay = await request.get("/patients", { headers: { cookie: `next-auth.session-token=${cookie!.value}` }, maxRedirects: 0 });
  expect(replay.status()).toBe(307);
  expect(replay.headers()["location"]).toBe("/login");
});

test("the sign-in form validates before sending", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email is required.")).toBeVisible();
  await expect(page.getByText("Password is required.")).toBeVisible();
});
