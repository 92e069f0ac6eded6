// The authorization matrix (security-requirements §3 class 1, §4.1, §4.2): every route and every
// server action in the build, as every principal, against the policy table in e2e/security/policy.ts.
// Routes and actions are read from the build's own manifests, so a page or action added later without a
// policy entry fails here.
import { expect, test } from "@playwright/test";
import { ACTIONS, ROUTES, useQuery, type Expect } from "./security/policy";
import { builtActions, builtRoutes, callAction, makeWorld, owner, PRINCIPALS, sentinelsIn, type World } from "./security/world";

test.describe.configure({ mode: "serial", timeout: 180_000 });

let w: World;
test.beforeAll(async ({ baseURL }) => {
  useQuery(owner);
  w = await makeWorld(baseURL!);
});
test.afterAll(async () => {
  for (const ctx of Object.values(w?.http ?? {})) await ctx.dispose();
});

test("every route and server action in the build has a policy entry", () => {
  const routes = builtRoutes();
  const actions = builtActions();
  expect(routes.length).toBeGreaterThan(20);
  expect(actions.length).toBeGreaterThan(10);
  expect(
    routes.filter((r) => !ROUTES[r]),
    "routes with no entry in e2e/security/policy.ts ROUTES",
  ).toEqual([]);
  expect(
    actions.filter((a) => !ACTIONS[a.key]).map((a) => a.key),
    "server actions with no entry in e2e/security/policy.ts ACTIONS",
  ).toEqual([]);
  // And no stale entries that would hide a renamed route.
  expect(
    Object.keys(ROUTES).filter((r) => !routes.includes(r)),
    "policy entries for routes the build no longer has",
  ).toEqual([]);
});

function check(e: Expect, r: { status: number; location: string | null; body: string }, seen: string[], label: string) {
  if (e.status === "login") {
    expect(r.status, label).toBe(307);
    expect(new URL(r.location ?? "", w.baseURL).pathname, label).toBe("/login");
  } else if (e.status === "redirect") {
    expect([303, 307, 308], label).toContain(r.status);
    expect(new URL(r.location ?? "", w.baseURL).pathname, label).toBe(e.to);
  } else {
    expect(r.status, label).toBe(e.status);
  }
  const allowed = e.status === 200 ? (e.see ?? []) : [];
  if (e.status === 200) for (const s of allowed) expect(seen, `${label} must show ${s}`).toContain(s);
  expect(
    seen.filter((s) => !allowed.includes(s)),
    `${label}: data it must not see`,
  ).toEqual([]);
}

test("each route answers each principal as the policy says, with nobody else's data", async () => {
  let cells = 0;
  for (const route of builtRoutes()) {
    const policy = ROUTES[route]!;
    for (const who of PRINCIPALS) {
      const res = await w.http[who].get(policy.path(w), { maxRedirects: 0 });
      const body = await res.text();
      check(
        policy.expect[who],
        { status: res.status(), location: res.headers()["location"] ?? null, body },
        sentinelsIn(w, body, policy.path(w)),
        `${who} GET ${route}`,
      );
      if (res.status() === 200 && policy.expect[who].status === 200 && route !== "/icon.svg" && !route.startsWith("/api/")) {
        expect(res.headers()["cache-control"], `${who} GET ${route}`).toContain("no-store");
      }
      cells++;
    }
  }
  expect(cells).toBe(builtRoutes().length * PRINCIPALS.length);
});

test("an admin of one clinic gets nothing of another clinic's accounts", async () => {
  const res = await w.http.admin.get(`/admin/users/${w.users.clinician2.id}`, { maxRedirects: 0 });
  expect(res.status()).toBe(404);
  expect(sentinelsIn(w, await res.text())).toEqual([]);
});

test("each server action refuses every principal it is not for, and changes nothing of the victim's", async () => {
  let calls = 0;
  for (const action of builtActions()) {
    const policy = ACTIONS[action.key]!;
    for (const who of PRINCIPALS) {
      if (policy.allowed.includes(who)) continue;
      const before = await policy.probe(w);
      const r = await callAction(w.http[who], w, policy.page(w), action.id, policy.args(w));
      const label = `${who} → ${action.key} (HTTP ${r.status})`;
      expect(await policy.probe(w), `${label} changed the victim's records`).toBe(before);
      if (!policy.ownOnly?.includes(who)) expect(r.text, `${label} reported success`).not.toMatch(/"ok":true/);
      expect(
        sentinelsIn(w, r.text).filter((s) => !(who === "patientB" && s.startsWith("B."))),
        `${label} leaked`,
      ).toEqual([]);
      calls++;
    }
  }
  expect(calls).toBeGreaterThan(50);
});

test("an allowed principal's call does change the records (the probes can see a change)", async () => {
  const start = builtActions().find((a) => a.key.endsWith("#startVisitAction"))!;
  const policy = ACTIONS[start.key]!;
  const before = await policy.probe(w);
  const r = await callAction(w.http.clinician1, w, policy.page(w), start.id, policy.args(w));
  expect(r.text).toMatch(/"ok":true/);
  expect(await policy.probe(w)).not.toBe(before);
});

test("a cross-site POST to a server action is refused (Origin check), even with a valid session", async () => {
  const start = builtActions().find((a) => a.key.endsWith("#startVisitAction"))!;
  const policy = ACTIONS[start.key]!;
  const before = await policy.probe(w);
  for (const origin of ["http://evil.example", "null"]) {
    const r = await callAction(w.http.clinician1, w, policy.page(w), start.id, policy.args(w), origin);
    expect(r.text, origin).not.toMatch(/"ok":true/);
  }
  expect(await policy.probe(w)).toBe(before);
});

// CVE-2025-29927 (x-middleware-subrequest skipped middleware) and the May-2026 proxy bypasses through
// `.rsc` and segment-prefetch addresses: each variant hits a real protected route as someone who may not
// see it. The same variant as the allowed principal is the control: where it serves data, the probe must
// get none; where it 404s for everyone, the variant is not served at all (a 404 alone proves nothing).
const VARIANTS: { name: string; suffix?: string; headers?: Record<string, string> }[] = [
  { name: "x-middleware-subrequest (middleware)", headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" } },
  { name: "x-middleware-subrequest (proxy)", headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" } },
  {
    name: "x-middleware-subrequest (src/middleware)",
    headers: { "x-middleware-subrequest": "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware" },
  },
  { name: "RSC header", headers: { RSC: "1" } },
  { name: "prefetch", headers: { RSC: "1", "Next-Router-Prefetch": "1" } },
  { name: "segment prefetch", headers: { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-Segment-Prefetch": "/_tree" } },
  { name: "?_rsc=", suffix: "?_rsc=bypass" },
  { name: ".rsc", suffix: ".rsc" },
  { name: ".segments prefetch", suffix: ".segments/_tree.segment.rsc", headers: { RSC: "1", "Next-Router-Prefetch": "1" } },
];

test("middleware-bypass probes on real protected routes get no data", async () => {
  const targets = Object.entries(ROUTES).filter(([, p]) => Object.values(p.expect).some((e) => e.status === 200 && (e.see?.length ?? 0) > 0));
  let meaningful = 0;
  const notServed: string[] = [];
  for (const [, policy] of targets) {
    const allowedWho = PRINCIPALS.filter((p) => policy.expect[p].status === 200 && ((policy.expect[p] as { see?: string[] }).see?.length ?? 0) > 0);
    for (const v of VARIANTS) {
      const [pathname, query] = policy.path(w).split("?");
      const url = v.suffix?.startsWith("?") ? `${pathname}${v.suffix}${query ? `&${query}` : ""}` : `${pathname}${v.suffix ?? ""}${query ? `?${query}` : ""}`;
      // Next answers an RSC request without its cache-busting parameter with a redirect to the address that
      // has it: follow redirects, so each variant is seen through to what it finally serves.
      const control = await w.http[allowedWho[0]!].get(url, { headers: v.headers, maxRedirects: 3 });
      const controlData = sentinelsIn(w, await control.text(), url).length > 0;
      for (const who of PRINCIPALS) {
        if (allowedWho.includes(who)) continue;
        const res = await w.http[who].get(url, { headers: v.headers, maxRedirects: 3 });
        const body = await res.text();
        const label = `${who} ${v.name} ${url} → ${res.status()}`;
        const allowedToSee = policy.expect[who].status === 200 ? ((policy.expect[who] as { see?: string[] }).see ?? []) : [];
        expect(
          sentinelsIn(w, body, url).filter((s) => !allowedToSee.includes(s)),
          label,
        ).toEqual([]);
        // A 404 is a pass only where the app itself answers this principal 404 (another clinic's record), or
        // where the allowed principal gets no data from the same address either (the variant is unknown).
        if (res.status() === 404 && policy.expect[who].status !== 404) expect(controlData, `${label}: 404 while the allowed principal gets data`).toBe(false);
      }
      if (controlData) meaningful++;
      else notServed.push(`${v.name} ${url}: ${control.status()} ${control.headers()["location"] ?? ""}`);
    }
  }
  test.info().annotations.push({ type: "variants not serving the page even to its allowed user", description: notServed.join("\n") });
  console.log(`bypass probes: ${meaningful} route×variant pairs serve data to the allowed user; not served:\n  ${notServed.join("\n  ")}`);
  // Most variants must really serve the page to someone allowed, or the probes prove little.
  expect(meaningful).toBeGreaterThan(targets.length * 3);
});
