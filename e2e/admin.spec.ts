// An administrator's journey: accounts (create, first sign-in with a forced password change, role change,
// disable), clinic settings with their conventions, and the audit trail filtered for a patient.
import { expect, expectAccessible, signInAsNewAdmin, newPage, patientWithVisit, signIn, test } from "./fixtures";
import { uniqueSuffix } from "../prisma/factories";

test("an admin adds a clinician, who must choose a password; disabling them ends their session at once", async ({ browser, clinician }) => {
  const admin = await signInAsNewAdmin(browser, clinician.clinicId);
  await expectAccessible(admin);

  // Admins do not open clinical records.
  const worklist = await admin.goto("/patients");
  expect(worklist?.status()).toBe(403);
  await expect(admin.getByRole("heading", { name: "Not available to your account" })).toBeVisible();

  await admin.goto("/admin/users");
  await expect(admin.getByRole("cell", { name: clinician.email })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByRole("link", { name: "Add an account" }).click();
  await admin.getByRole("button", { name: "Create account" }).click();
  await expect(admin.getByText("Name is required.")).toBeVisible();
  const newEmail = `nia-${uniqueSuffix()}@example.com`;
  await admin.getByLabel("Name").fill("Nia New");
  await admin.getByLabel("Email").fill(clinician.email);
  await admin.getByRole("button", { name: "Create account" }).click();
  await expect(admin.getByText("An account with this email already exists.")).toBeVisible();
  await admin.getByLabel("Email").fill(newEmail);
  await admin.getByRole("button", { name: "Create account" }).click();
  const oneTime = await admin.getByLabel("One-time password").inputValue();
  expect(oneTime.length).toBeGreaterThanOrEqual(20);
  await expectAccessible(admin);

  // The new clinician signs in with it and must choose a password first.
  const nia = await newPage(browser);
  await nia.goto("/login");
  await nia.getByLabel("Email").fill(newEmail);
  await nia.getByLabel("Password").fill(oneTime);
  await nia.getByRole("button", { name: "Sign in" }).click();
  await nia.waitForURL("**/account/password");
  await expect(nia.getByText("Choose your own before you continue")).toBeVisible();
  await expectAccessible(nia);
  await nia.getByLabel("Current password").fill(oneTime);
  await nia.getByLabel("New password", { exact: true }).fill("short");
  await nia.getByLabel("New password again").fill("short");
  await nia.getByRole("button", { name: "Change password" }).click();
  await expect(nia.getByText("New password must be at least 15 characters.")).toBeVisible();
  await nia.getByLabel("New password", { exact: true }).fill("qwertyuiop123456");
  await nia.getByLabel("New password again").fill("qwertyuiop123456");
  await nia.getByRole("button", { name: "Change password" }).click();
  await expect(nia.getByText(/on a list of common or breached passwords/)).toBeVisible();
  await nia.getByLabel("New password", { exact: true }).fill("copper kettle morning drizzle");
  await nia.getByLabel("New password again").fill("copper kettle morning drizzle");
  await nia.getByRole("button", { name: "Change password" }).click();
  await nia.waitForURL("**/patients");
  await expect(nia.getByRole("heading", { name: "Worklist" })).toBeVisible();

  // The admin disables the account: Nia's very next click goes to sign-in.
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: "Nia New" }).click();
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "Disable account" }).click();
  await expect(admin.getByText("Account disabled.")).toBeVisible();
  await nia.getByRole("link", { name: "New patient" }).first().click();
  await nia.waitForURL(/\/login/);
  await admin.getByRole("button", { name: "Enable account" }).click();
  await expect(admin.getByText("Account enabled.")).toBeVisible();
  // A role change takes effect on the next request too: the (now) admin no longer opens the worklist.
  await signIn(nia, { email: newEmail, password: "copper kettle morning drizzle" });
  await admin.getByRole("button", { name: "Make administrator" }).click();
  await expect(admin.getByText("Now an administrator.")).toBeVisible();
  await nia.reload();
  await nia.waitForURL(/\/login/);
});

test("an admin changes clinic settings (conventions shown with their defaults) and reads a patient's audit trail", async ({ browser, clinician }) => {
  const { totpCode, newTotpSecret } = await import("../lib/auth/totp");
  const { createUser } = await import("../lib/data/users");
  const secret = newTotpSecret();
  const email = `admin-${uniqueSuffix()}@example.com`;
  const password = `adm-${uniqueSuffix()}-${uniqueSuffix()}`;
  await createUser({ clinicId: clinician.clinicId, email, name: "Ada Min", password, role: "ADMIN", totpSecret: secret });
  const { firstName, visitId } = await patientWithVisit(clinician, { firstName: `Audra${uniqueSuffix()}` });
  const c = await newPage(browser);
  await signIn(c, clinician);
  await c.goto(`/visits/${visitId}`);

  const admin = await newPage(browser);
  await admin.goto("/login");
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Password").fill(password);
  await admin.getByRole("button", { name: "Sign in" }).click();
  await admin.getByLabel("6-digit code").fill(totpCode(secret));
  await admin.getByRole("button", { name: "Verify and sign in" }).click();
  await admin.waitForURL("**/admin");

  await admin.getByRole("link", { name: "Clinic settings" }).first().click();
  await expect(admin.getByText("A convention, not a fixed rule (clinical reference §2.3). Default: 90.")).toBeVisible();
  await expectAccessible(admin);
  await admin.getByLabel("Sign out after inactivity (minutes)").fill("45");
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByText("Sign out after inactivity (minutes) must be a whole number from 5 to 30.")).toBeVisible();
  await admin.getByLabel("Sign out after inactivity (minutes)").fill("10");
  // A decimal comma is a decimal, as in the exam and the intake.
  await admin.getByLabel("Progress by minutes below (km a week)").fill("7,5");
  await admin.getByLabel("Clinicians must use two-factor sign-in").check();
  // The clinic's standard dynamometry protocol, which new exams start from, and its time zone (UTC until
  // set): every time shown from now on is in it, with its abbreviation.
  await admin.getByLabel("Hip abduction: Position").selectOption("supine-short-lever");
  await admin.getByLabel("Hip abduction: Test").selectOption("make");
  await admin.getByLabel("Hip abduction: Belt-stabilised").uncheck();
  await expect(admin.getByLabel("Time zone")).toHaveValue("UTC");
  await admin.getByLabel("Time zone").selectOption("America/Toronto");
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByText("Settings saved.")).toBeVisible();
  await admin.reload();
  await expect(admin.getByLabel("Time zone")).toHaveValue("America/Toronto");
  await expect(admin.getByLabel("Progress by minutes below (km a week)")).toHaveValue("7.5");
  await expect(admin.getByLabel("Hip abduction: Position")).toHaveValue("supine-short-lever");
  await expect(admin.getByLabel("Hip abduction: Test")).toHaveValue("make");
  await expect(admin.getByLabel("Hip abduction: Belt-stabilised")).not.toBeChecked();
  await expect(admin.getByLabel("Hip extension: Test")).toHaveValue("break");
  // Clinicians of the clinic must now set up two-factor sign-in before anything else.
  await c.goto("/patients");
  await c.waitForURL("**/account/two-factor");

  await admin.getByRole("link", { name: "Audit trail" }).first().click();
  await admin.getByLabel("Patient").fill(firstName);
  await admin.getByLabel("Order").selectOption("oldest");
  await admin.getByRole("button", { name: "Show events" }).click();
  const rows = admin.getByRole("row");
  await expect(rows.nth(1)).toContainText("create");
  await expect(rows.nth(1)).toContainText(firstName);
  await expect(rows.nth(1)).toContainText(/\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} E[SD]T/);
  await expect(admin.getByRole("cell", { name: "view" }).first()).toBeVisible();
  await expectAccessible(admin);
  await admin.getByLabel("From").fill("2999-01-01");
  await admin.getByRole("button", { name: "Show events" }).click();
  await expect(admin.getByText("No events match these filters.")).toBeVisible();
});
