// The benchmark's world: a durable PostgreSQL (fsync, synchronous_commit and full_page_writes on, the
// server defaults; the test clusters turn fsync off, the benchmark must not), the committed migrations, the
// app's non-owner login role, and `next start` of the current build with STRIDE_BENCH=1 (which switches on
// the empty server action in app/(bench)/bench-empty). Everything runs on loopback on this machine.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startAppServer, type AppServer } from "../scripts/lib/app-server.ts";
import { createDatabase, ensureAppLogin, migrate, withClient, withCredentials } from "../scripts/lib/db-setup.ts";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "../scripts/lib/embedded-pg.ts";
import { HttpClient } from "../scripts/lib/http-client.ts";

/** The database half of the world: enough for the parts that measure PostgreSQL alone (audit, backup). */
export interface BenchDatabase {
  pg: RunningPostgres;
  ownerUrl: string;
  appUrl: string;
  postgresVersion: string;
  secret: string;
  /** A clinic with one clinician (the data layer's actor for fixtures). */
  clinic: { id: string; userId: string; email: string; password: string };
  stop(): Promise<void>;
}

export interface BenchWorld extends BenchDatabase {
  app: AppServer;
}

export async function startBenchWorld(
  log: (s: string) => void,
  opts: { appEnv?: Record<string, string>; appNodeArgs?: string[]; pgLog?: (line: string) => void } = {},
): Promise<BenchWorld> {
  return (await start(log, { ...opts, app: true })) as BenchWorld;
}

/** The durable PostgreSQL, migrated, with the app's login role and a clinic, but no app server (and so no
 * build): for the parts that time PostgreSQL alone. */
export async function startBenchDatabase(log: (s: string) => void): Promise<BenchDatabase> {
  return start(log, { app: false });
}

async function start(
  log: (s: string) => void,
  opts: { app: boolean; appEnv?: Record<string, string>; appNodeArgs?: string[]; pgLog?: (line: string) => void },
): Promise<BenchDatabase | BenchWorld> {
  const base = path.join(os.tmpdir(), `stride-bench-${process.pid}-${randomBytes(3).toString("hex")}`);
  mkdirSync(base, { recursive: true, mode: 0o755 });
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(base, "data"),
    password: randomBytes(18).toString("base64url"),
    port: await freePort(),
    fast: false,
    log: opts.pgLog,
  });
  let app: AppServer | null = null;
  const stop = async () => {
    await app?.stop().catch(() => {});
    await pg.stop().catch(() => {});
    rmSync(base, { recursive: true, force: true });
  };
  try {
    await createDatabase(pg.superuserUrl(), "stride_bench");
    const ownerUrl = pg.superuserUrl("stride_bench");
    migrate(ownerUrl, { quiet: true });
    const appPw = randomBytes(18).toString("base64url");
    await ensureAppLogin(ownerUrl, "stride_web", appPw);
    const appUrl = withCredentials(ownerUrl, "stride_web", appPw);
    const settings = await withClient(ownerUrl, async (c) => {
      const r = await c.query<{ name: string; setting: string }>(
        `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'server_version')`,
      );
      return Object.fromEntries(r.rows.map((x) => [x.name, x.setting]));
    });
    if (settings.fsync !== "on" || settings.synchronous_commit !== "on" || settings.full_page_writes !== "on") {
      throw new Error(`The benchmark needs durable PostgreSQL settings, got ${JSON.stringify(settings)}`);
    }
    log(`PostgreSQL ${settings.server_version} on port ${pg.port}, durable (fsync, synchronous_commit, full_page_writes on)`);
    const secret = randomBytes(32).toString("base64");
    // The bench process itself uses the app's data layer (lib/data) for fixtures and the read path.
    process.env.DATABASE_URL = appUrl;
    process.env.NEXTAUTH_SECRET = secret;
    process.env.FIELD_KEYS ??= `k1:${randomBytes(32).toString("base64")}`;
    if (opts.app) {
      app = await startAppServer({ databaseUrl: appUrl, env: { NEXTAUTH_SECRET: secret, STRIDE_BENCH: "1", ...opts.appEnv }, nodeArgs: opts.appNodeArgs });
      log(`next start on ${app.url}`);
    }
    const { createClinicianAndClinic } = await import("../prisma/factories.ts");
    const { clinic, user, password } = await createClinicianAndClinic({ clinicName: "Bench Clinic" });
    return {
      pg,
      ownerUrl,
      appUrl,
      ...(app ? { app } : {}),
      secret,
      postgresVersion: settings.server_version!,
      clinic: { id: clinic.id, userId: user.id, email: user.email, password },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** A clinician's browser: signed in over HTTP (its own server-side session). */
export async function signedInClinician(w: BenchWorld): Promise<HttpClient> {
  const c = new HttpClient(w.app.url);
  await c.signIn(w.clinic.email, w.clinic.password);
  return c;
}

/** A patient's phone: a new visit's invite link opened over HTTP and the date of birth confirmed. */
export async function verifiedPatient(w: BenchWorld, n: number): Promise<{ client: HttpClient; visitId: string; patientId: string }> {
  const { clinicianActor } = await import("../prisma/factories.ts");
  const { createPatient } = await import("../lib/data/patients.ts");
  const { startVisit } = await import("../lib/data/visits.ts");
  const { getIntakeSession, verifyDateOfBirth } = await import("../lib/data/intake-link.ts");
  const actor = await clinicianActor({ id: w.clinic.userId }, w.clinic.id);
  const p = await createPatient(actor, { firstName: `Bench${n}`, lastName: "Runner", dateOfBirth: "1985-06-15", sex: "FEMALE", email: "", phone: "" });
  const v = await startVisit(actor, { patientId: p.id, kind: "INITIAL", date: new Date().toISOString().slice(0, 10) });
  if (!v.ok) throw new Error("no visit");
  const client = new HttpClient(w.app.url);
  const r = await client.fetch(`/i/${v.token}`);
  if (r.status !== 303) throw new Error(`invite answered ${r.status}`);
  const s = await getIntakeSession(client.jar.get("stride_intake"));
  if (!s.ok) throw new Error("no intake session");
  const dob = await verifyDateOfBirth(s.actor, "1985-06-15");
  if (!dob.ok) throw new Error("date of birth refused");
  return { client, visitId: v.visitId, patientId: p.id };
}

/** A patient with a signed plan whose browser holds a verified "My plan" session (for check-ins). */
export async function planPatient(w: BenchWorld, n: number): Promise<{ client: HttpClient; patientId: string }> {
  const { clinicianActor, examData, intakeAnswers, patientThroughInvite } = await import("../prisma/factories.ts");
  const { createPatient } = await import("../lib/data/patients.ts");
  const { startVisit } = await import("../lib/data/visits.ts");
  const { getIntakeSession, verifyDateOfBirth } = await import("../lib/data/intake-link.ts");
  const { submitIntake } = await import("../lib/data/intake-answers.ts");
  const { saveExam } = await import("../lib/data/exams.ts");
  const { finalizeSummary } = await import("../lib/data/summaries.ts");
  const { getPlanLink } = await import("../lib/data/plan.ts");
  const actor = await clinicianActor({ id: w.clinic.userId }, w.clinic.id);
  const dob = "1987-09-21";
  const p = await createPatient(actor, { firstName: `Plan${n}`, lastName: "Runner", dateOfBirth: dob, sex: "FEMALE", email: "", phone: "" });
  const v = await startVisit(actor, { patientId: p.id, kind: "INITIAL", date: new Date().toISOString().slice(0, 10) });
  if (!v.ok) throw new Error("no visit");
  if (!(await submitIntake(await patientThroughInvite(v.token, dob), intakeAnswers(), `bench-plan-${v.visitId}`)).ok) throw new Error("intake refused");
  if (!(await saveExam(actor, v.visitId, examData(150, 210), null)).ok) throw new Error("exam refused");
  if (!(await finalizeSummary(actor, v.visitId)).ok) throw new Error("summary not signed");
  const token = (await getPlanLink(actor, p.id))?.token;
  if (!token) throw new Error("no plan link");
  const client = new HttpClient(w.app.url);
  const r = await client.fetch(`/i/${token}`);
  if (r.status !== 303) throw new Error(`plan link answered ${r.status}`);
  const s = await getIntakeSession(client.jar.get("stride_intake"));
  if (!s.ok) throw new Error("no plan session");
  if (!(await verifyDateOfBirth(s.actor, dob)).ok) throw new Error("date of birth refused");
  return { client, patientId: p.id };
}

/** A visit of the bench clinic, ready for its exam. */
export async function newVisit(w: BenchWorld, n: number): Promise<{ visitId: string; patientId: string }> {
  const { clinicianActor } = await import("../prisma/factories.ts");
  const { createPatient } = await import("../lib/data/patients.ts");
  const { startVisit } = await import("../lib/data/visits.ts");
  const actor = await clinicianActor({ id: w.clinic.userId }, w.clinic.id);
  const p = await createPatient(actor, { firstName: `Exam${n}`, lastName: "Runner", dateOfBirth: "1979-03-02", sex: "MALE", email: "", phone: "" });
  const v = await startVisit(actor, { patientId: p.id, kind: "INITIAL", date: new Date().toISOString().slice(0, 10) });
  if (!v.ok) throw new Error("no visit");
  return { visitId: v.visitId, patientId: p.id };
}
