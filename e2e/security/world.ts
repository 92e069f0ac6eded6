// A small world for the security specs: two clinics, their patients at known stages, and one HTTP client
// per principal (anonymous, patient A and B, a clinician of each clinic, a disabled clinician, an admin).
// Patients and users carry unique sentinel names, so a response can be searched for anyone's data.
import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { request, type APIRequestContext, type APIResponse } from "@playwright/test";
import { clinicianActor, createClinicianAndClinic, examData, intakeAnswers, patientThroughInvite, uniqueSuffix } from "../../prisma/factories";

export const PRINCIPALS = ["anonymous", "patientA", "patientB", "clinician1", "clinician2", "disabled", "admin"] as const;
export type Principal = (typeof PRINCIPALS)[number];

export interface PatientRecord {
  patientId: string;
  visitId: string;
  token: string;
  dob: string;
  /** Unique first and last names: the sentinels searched for in responses. */
  firstName: string;
  lastName: string;
}

export interface StaffRecord {
  id: string;
  email: string;
  password: string;
}

export interface World {
  baseURL: string;
  clinic1: string;
  clinic2: string;
  /** Clinic 1, invited, this browser passed the date-of-birth check, not submitted. */
  A: PatientRecord;
  /** Clinic 1: intake submitted, exam saved, summary finalized. */
  A2: PatientRecord;
  /** Clinic 1: intake submitted and exam saved; summary not finalized. */
  A3: PatientRecord;
  /** Clinic 2, invited, verified, not submitted. */
  B: PatientRecord;
  users: { clinician1: StaffRecord; clinician2: StaffRecord; disabled: StaffRecord; admin: StaffRecord & { totpSecret: string } };
  http: Record<Principal, APIRequestContext>;
  /** Every sentinel in the world, by the name a policy refers to. */
  sentinels: Record<string, string>;
}

/** A throwaway address per client: the app limits failures per address, and parallel specs must not
 * share one (the app trusts the nearest proxy's X-Forwarded-For entry; there is no proxy in tests). */
export const fakeIp = () => `10.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(1, 250)}`;

export async function owner<T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: process.env.OWNER_DATABASE_URL });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

export async function newClient(baseURL: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": fakeIp() } });
}

/** Sign in through next-auth's real endpoint, as the login form does. */
export async function signInHttp(ctx: APIRequestContext, email: string, password: string, totp = ""): Promise<APIResponse> {
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, totp, json: "true", callbackUrl: "/" }, maxRedirects: 0 });
}

/** Open an invite link in a client and pass the date-of-birth check for that client's session. */
async function patientClient(baseURL: string, p: PatientRecord): Promise<APIRequestContext> {
  const ctx = await newClient(baseURL);
  const r = await ctx.get(`/i/${p.token}`, { maxRedirects: 0 });
  if (r.status() !== 303) throw new Error(`invite answered ${r.status()}`);
  const cookie = (await ctx.storageState()).cookies.find((c) => c.name === "stride_intake");
  const { getIntakeSession, verifyDateOfBirth } = await import("../../lib/data/intake-link");
  const s = await getIntakeSession(cookie!.value);
  if (!s.ok) throw new Error("no intake session");
  await verifyDateOfBirth(s.actor, p.dob);
  return ctx;
}

const sentinelName = (tag: string) => ({ firstName: `Zq${tag}${uniqueSuffix()}`, lastName: `Xv${tag}${uniqueSuffix()}` });

async function patientAt(clinician: { id: string }, clinicId: string, tag: string, stage: "invited" | "examined" | "finalized"): Promise<PatientRecord> {
  const { createPatient } = await import("../../lib/data/patients");
  const { startVisit } = await import("../../lib/data/visits");
  const { submitIntake } = await import("../../lib/data/intake-answers");
  const { saveExam } = await import("../../lib/data/exams");
  const { finalizeSummary } = await import("../../lib/data/summaries");
  const actor = await clinicianActor(clinician, clinicId);
  const names = sentinelName(tag);
  const dob = `19${randomInt(50, 99)}-0${randomInt(1, 9)}-1${randomInt(0, 9)}`;
  const patient = await createPatient(actor, { ...names, dateOfBirth: dob, sex: "OTHER", email: "", phone: "" });
  const visit = await startVisit(actor, { patientId: patient.id, kind: "INITIAL", date: new Date().toISOString().slice(0, 10) });
  if (!visit.ok) throw new Error("no visit");
  if (stage !== "invited") {
    await submitIntake(await patientThroughInvite(visit.token, dob), intakeAnswers(), `sec-${visit.visitId}`);
    await saveExam(actor, visit.visitId, examData(150, 200), null);
    if (stage === "finalized") await finalizeSummary(actor, visit.visitId);
  }
  return { patientId: patient.id, visitId: visit.visitId, token: visit.token, dob, ...names };
}

export async function makeWorld(baseURL: string): Promise<World> {
  const { createUser } = await import("../../lib/data/users");
  const { newTotpSecret, totpCode } = await import("../../lib/auth/totp");
  const c1 = await createClinicianAndClinic({ email: `c1-${uniqueSuffix()}@example.com` });
  const c2 = await createClinicianAndClinic({ email: `c2-${uniqueSuffix()}@example.com` });
  const disabledPw = `pw-${uniqueSuffix()}-${uniqueSuffix()}`;
  const disabled = await createUser({
    clinicId: c1.clinic.id,
    email: `off-${uniqueSuffix()}@example.com`,
    name: "Dee Sabled",
    password: disabledPw,
    role: "CLINICIAN",
  });
  const adminPw = `pw-${uniqueSuffix()}-${uniqueSuffix()}`;
  const totpSecret = newTotpSecret();
  const admin = await createUser({
    clinicId: c1.clinic.id,
    email: `admin-${uniqueSuffix()}@example.com`,
    name: "Ada Min",
    password: adminPw,
    role: "ADMIN",
    totpSecret,
  });

  const A = await patientAt(c1.user, c1.clinic.id, "a", "invited");
  const A2 = await patientAt(c1.user, c1.clinic.id, "aa", "finalized");
  const A3 = await patientAt(c1.user, c1.clinic.id, "aaa", "examined");
  const B = await patientAt(c2.user, c2.clinic.id, "b", "invited");

  const staff = async (email: string, password: string, totp = "") => {
    const ctx = await newClient(baseURL);
    const r = await signInHttp(ctx, email, password, totp);
    if (r.status() !== 200 || !(await ctx.storageState()).cookies.some((c) => c.name.endsWith("next-auth.session-token"))) {
      throw new Error(`sign-in of ${email} failed: ${r.status()} ${await r.text()}`);
    }
    return ctx;
  };
  const http: Record<Principal, APIRequestContext> = {
    anonymous: await newClient(baseURL),
    patientA: await patientClient(baseURL, A),
    patientB: await patientClient(baseURL, B),
    clinician1: await staff(c1.user.email, c1.password),
    clinician2: await staff(c2.user.email, c2.password),
    disabled: await staff(disabled.email, disabledPw),
    admin: await staff(admin.email, adminPw, totpCode(totpSecret)),
  };
  // Disabled after signing in: the cookie it holds must stop working on the very next request.
  await owner(`UPDATE "User" SET disabled = true WHERE id = $1`, [disabled.id]);

  const sentinels: Record<string, string> = {};
  for (const [k, p] of Object.entries({ A, A2, A3, B })) {
    sentinels[`${k}.firstName`] = p.firstName;
    sentinels[`${k}.lastName`] = p.lastName;
  }
  sentinels["clinician1.email"] = c1.user.email;
  sentinels["clinician2.email"] = c2.user.email;
  return {
    baseURL,
    clinic1: c1.clinic.id,
    clinic2: c2.clinic.id,
    A,
    A2,
    A3,
    B,
    users: {
      clinician1: { id: c1.user.id, email: c1.user.email, password: c1.password },
      clinician2: { id: c2.user.id, email: c2.user.email, password: c2.password },
      disabled: { id: disabled.id, email: disabled.email, password: disabledPw },
      admin: { id: admin.id, email: admin.email, password: adminPw, totpSecret },
    },
    http,
    sentinels,
  };
}

/** Which sentinels a body contains, by name (leaving out any the request's own address carries: a page
 * may echo its URL, which is not a leak of the record). */
export function sentinelsIn(w: World, body: string, requested = ""): string[] {
  return Object.entries(w.sentinels)
    .filter(([, v]) => body.includes(v) && !requested.includes(v))
    .map(([k]) => k);
}

const buildDir = path.join(process.cwd(), ".next", "server");

/** Every app route in the build under test, as its URL pattern ("/visits/[visitId]/exam"). */
export function builtRoutes(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(buildDir, "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  return [...new Set(Object.keys(manifest).map(routePattern))].sort();
}

/** "/(clinic)/visits/[visitId]/page" → "/visits/[visitId]". */
export function routePattern(entry: string): string {
  const p = entry
    .replace(/\/(page|route)$/, "")
    .split("/")
    .filter((seg) => !/^\(.*\)$/.test(seg))
    .join("/");
  return p === "" ? "/" : p;
}

export interface BuiltAction {
  id: string;
  /** "app/(clinic)/patients/actions.ts#startVisitAction" */
  key: string;
  /** Routes whose pages can receive it. */
  routes: string[];
}

/** Every server action in the build under test. */
export function builtActions(): BuiltAction[] {
  const manifest = JSON.parse(readFileSync(path.join(buildDir, "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => ({
    id,
    key: `${a.filename ?? "?"}#${a.exportedName ?? "?"}`,
    routes: Object.keys(a.workers).map((w) => routePattern(`/${w.replace(/^app\//, "")}`)),
  }));
}

/** Call a server action as the browser does (same-origin POST with the Next-Action header). */
export async function callAction(ctx: APIRequestContext, w: World, pagePath: string, actionId: string, args: unknown[], origin = w.baseURL) {
  const post = () =>
    ctx.post(pagePath, {
      headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: origin },
      data: JSON.stringify(args),
      maxRedirects: 0,
    });
  // A kept-alive socket the server closed just as this request went out (its idle timeout, under a busy
  // machine) resets before any byte of the request is read: sent again once on a fresh socket. Anything
  // else that fails is a failure.
  const r = await post().catch((e: Error) => {
    if (/ECONNRESET|socket hang up/.test(e.message)) return post();
    throw e;
  });
  return { status: r.status(), text: await r.text(), location: r.headers()["location"] ?? r.headers()["x-action-redirect"] ?? null };
}
