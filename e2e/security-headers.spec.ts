// Browser safety: headers on every kind of page, invite links that give up their token at once and then
// answer 410, and no health data, token or secret in URLs, browser storage or the server's log.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, intakeAnswers, newPage, patientWithVisit, signIn, test } from "./fixtures";
import { fillAndSubmitIntake, passDateOfBirth } from "./security/ui";
import { newClient, owner } from "./security/world";

test("every kind of page sends the security headers, and pages with health data are never stored", async ({ page, clinician, baseURL }) => {
  const { visitId, token } = await patientWithVisit(clinician, { intake: intakeAnswers(), exam: { left: 150, right: 200 } });
  const { finalizeSummary } = await import("../lib/data/summaries");
  const { clinicianActor } = await import("../prisma/factories");
  await finalizeSummary(await clinicianActor({ id: clinician.userId }, clinician.clinicId), visitId);
  await signIn(page, clinician);
  const anon = await newClient(baseURL!);
  const pages = ["/patients", `/visits/${visitId}`, `/visits/${visitId}/exam`, `/visits/${visitId}/summary`, `/visits/${visitId}/print`, "/account"];
  const nonces = new Set<string>();
  for (const p of [...pages, "/login"]) {
    const res = await page.request.get(p, { maxRedirects: 0 });
    const h = res.headers();
    const csp = h["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, p).toBeTruthy();
    nonces.add(nonce!);
    expect(csp, p).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(csp, p).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]) expect(csp, p).toContain(d);
    expect(h["x-content-type-options"], p).toBe("nosniff");
    expect(h["referrer-policy"], p).toBe("no-referrer");
    expect(h["x-frame-options"], p).toBe("DENY");
    // The tests run `next start` in production mode: HSTS is sent (browsers ignore it over plain HTTP).
    expect(h["strict-transport-security"], p).toBe("max-age=63072000; includeSubDomains");
    expect(h["cache-control"], p).toMatch(/no-store/);
    expect(h["x-powered-by"], p).toBeUndefined();
    // The page's own scripts all carry the nonce.
    const html = await res.text();
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag, p).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(pages.length + 1);
  // The patient's pages and the invite link too.
  const invite = await anon.get(`/i/${token}`, { maxRedirects: 0 });
  expect(invite.headers()["referrer-policy"]).toBe("no-referrer");
  expect(invite.headers()["cache-control"]).toContain("no-store");
  const intake = await anon.get("/intake");
  expect(intake.headers()["cache-control"]).toContain("no-store");
  expect(intake.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("an invite link swaps its token for a cookie, then answers 410 once submitted, expired or withdrawn, and bad ones are limited", async ({
  browser,
  clinician,
  baseURL,
}) => {
  const a = await patientWithVisit(clinician, { dob: "1981-05-06" });
  const ctx = await newClient(baseURL!);
  const first = await ctx.get(`/i/${a.token}`, { maxRedirects: 0 });
  expect(first.status()).toBe(303);
  expect(first.headers()["location"]).toMatch(/\/intake$/);
  expect(first.headers()["location"]).not.toContain(a.token);
  const setCookie = first.headers()["set-cookie"] ?? "";
  expect(setCookie).toMatch(/stride_intake=/);
  expect(setCookie).toMatch(/HttpOnly/i);
  expect(setCookie).toMatch(/SameSite=lax/i);
  expect(setCookie).not.toContain(a.token);

  // In a browser: no token in the address, the history or the referrer of the next page.
  const page = await newPage(browser, { width: 390, height: 800 });
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  await page.goto(`/i/${a.token}`);
  expect(page.url()).toMatch(/\/intake$/);
  expect(await page.evaluate(() => document.referrer)).toBe("");
  expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(2);
  await passDateOfBirth(page, a.dob);
  await fillAndSubmitIntake(page, { token: a.token, dob: a.dob, fullName: `${a.firstName} Tester` });
  await expect(page.getByRole("heading", { name: "Thank you, your answers have been sent" })).toBeVisible();
  expect(urls.filter((u) => u.includes(a.token))).toHaveLength(1); // only the link itself

  const gone = await ctx.get(`/i/${a.token}`, { maxRedirects: 0 });
  expect(gone.status()).toBe(410);
  expect(await gone.text()).toContain("Your answers have been sent");
  const expired = await patientWithVisit(clinician);
  await owner(`UPDATE "IntakeInvite" SET "expiresAt" = now() - interval '1 minute' WHERE "visitId" = $1`, [expired.visitId]);
  const e = await ctx.get(`/i/${expired.token}`, { maxRedirects: 0 });
  expect(e.status()).toBe(410);
  expect(await e.text()).toContain("This link has expired");
  const revoked = await patientWithVisit(clinician);
  await owner(`UPDATE "IntakeInvite" SET "revokedAt" = now() WHERE "visitId" = $1`, [revoked.visitId]);
  const r = await ctx.get(`/i/${revoked.token}`, { maxRedirects: 0 });
  expect(r.status()).toBe(410);
  expect(await r.text()).toContain("This link has been withdrawn");

  // Made-up tokens from one address: after 20 bad links in 15 minutes, even a good link waits.
  const scanner = await newClient(baseURL!);
  for (let i = 0; i < 20; i++) expect((await scanner.get(`/i/${"A".repeat(40)}${i}`, { maxRedirects: 0 })).status()).toBe(404);
  const good = await patientWithVisit(clinician);
  const limited = await scanner.get(`/i/${good.token}`, { maxRedirects: 0 });
  expect(limited.status()).toBe(429);
  expect(await limited.text()).toContain("Please wait a few minutes");
  expect((await (await newClient(baseURL!)).get(`/i/${good.token}`, { maxRedirects: 0 })).status()).toBe(303);
  await page.close();
});

test("wrong dates of birth are limited per address across links", async ({ clinician, baseURL, browser }) => {
  const ip = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip }, viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  // Two links, five wrong dates each (each link's own limit), then a third link from the same address.
  for (let n = 0; n < 2; n++) {
    const p = await patientWithVisit(clinician, { dob: "1990-01-01" });
    await page.goto(`/i/${p.token}`);
    for (let i = 0; i < 5; i++) await passDateOfBirth(page, "1991-02-02");
    await expect(page.getByRole("heading", { name: "Too many tries" })).toBeVisible();
  }
  const third = await patientWithVisit(clinician, { dob: "1990-01-01" });
  await page.goto(`/i/${third.token}`);
  await passDateOfBirth(page, "1990-01-01");
  await expect(page.getByText("too many wrong dates of birth from this connection")).toBeVisible();
  // Another address is unaffected.
  const other = await newPage(browser, { width: 390, height: 800 });
  await other.goto(`/i/${third.token}`);
  await passDateOfBirth(other, "1990-01-01");
  await expect(other.getByRole("heading", { name: "Before your visit" })).toBeVisible();
  await context.close();
  void baseURL;
});

test("no health data, token, cookie or secret in URLs, browser storage, the server's log or the built assets", async ({ browser, clinician }) => {
  const sentinelName = `Sentinelia${Date.now().toString(36)}`;
  const dob = "1966-06-16";
  const p = await patientWithVisit(clinician, { dob, firstName: sentinelName });
  const patientPage = await newPage(browser, { width: 390, height: 800 });
  const urls: string[] = [];
  patientPage.on("request", (r) => urls.push(r.url()));
  await patientPage.goto(`/i/${p.token}`);
  await passDateOfBirth(patientPage, dob);
  await expect(patientPage.getByText(`Hello ${sentinelName}.`)).toBeVisible();
  const intakeCookie = (await patientPage.context().cookies()).find((c) => c.name === "stride_intake")!.value;

  const clinicPage = await newPage(browser);
  clinicPage.on("request", (r) => urls.push(r.url()));
  await signIn(clinicPage, clinician);
  // A search by the date of birth and by the name: sent in the request body, never in the URL.
  for (const query of [dob, sentinelName]) {
    await clinicPage.getByLabel("Find a patient").fill(query);
    await clinicPage.getByRole("button", { name: "Search" }).click();
    await expect(clinicPage.getByRole("search").getByRole("link", { name: new RegExp(sentinelName) })).toBeVisible();
  }
  expect(new URL(clinicPage.url()).pathname + new URL(clinicPage.url()).search).toBe("/patients");
  await clinicPage.goto(`/patients/${p.patient.id}`);
  await expect(clinicPage.getByRole("heading", { name: new RegExp(sentinelName) })).toBeVisible();
  await clinicPage.goto(`/visits/${p.visitId}`);
  const sessionCookie = (await clinicPage.context().cookies()).find((c) => c.name === "next-auth.session-token")!.value;

  const secret = process.env.NEXTAUTH_SECRET!;
  expect(secret.length).toBeGreaterThanOrEqual(32);
  const sentinels = { name: sentinelName, dob, token: p.token, intakeCookie, sessionCookie, secret };

  // URLs: after the exchange the token appears only in the link itself; names, dates of birth (searches
  // included) and cookies never.
  for (const [k, v] of Object.entries(sentinels)) {
    const hits = urls.filter((u) => u.includes(v) || u.includes(encodeURIComponent(v)));
    expect(hits.length, `${k} in URLs`).toBe(k === "token" ? 1 : 0);
  }

  // Browser storage of both sides.
  for (const pg of [patientPage, clinicPage]) {
    const dump = await pg.evaluate(async () => {
      const out: string[] = [];
      for (const s of [localStorage, sessionStorage]) for (let i = 0; i < s.length; i++) out.push(`${s.key(i)}=${s.getItem(s.key(i)!)}`);
      const dbs = (await indexedDB.databases?.()) ?? [];
      out.push(`indexedDB:${dbs.map((d) => d.name).join(",")}`);
      return out.join("\n");
    });
    for (const [k, v] of Object.entries(sentinels)) expect(dump.includes(v), `${k} in browser storage`).toBe(false);
    expect(dump).toBe("indexedDB:");
  }

  // The server's log of this whole run so far.
  const log = readFileSync(process.env.E2E_APP_LOG!, "utf8");
  expect(log.length).toBeGreaterThan(0);
  for (const [k, v] of Object.entries(sentinels)) expect(log.includes(v), `${k} in the server log`).toBe(false);

  // The secret is not in anything the browser can download.
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? files(path.join(dir, f)) : [path.join(dir, f)]));
  const staticDir = path.join(process.cwd(), ".next", "static");
  for (const f of files(staticDir)) expect(readFileSync(f, "utf8").includes(secret), f).toBe(false);
  await patientPage.close();
  await clinicPage.close();
});
