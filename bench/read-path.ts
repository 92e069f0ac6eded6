// Read path at scale: one clinic grown to 1,000, 10,000 and 100,000 patients (four visits
// each, over ten years) by bench/seed-scale.sql; at each size the worklist, patient search (by name and by
// date of birth) and a patient's visit history through the real lib/data functions, timed in this process
// (each call as the page makes it, its audit event included). At the largest size the SQL those functions
// actually sent is captured at the pg driver and run again under EXPLAIN ANALYZE, and the plans are checked
// for sequential scans of the large tables.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { withClient } from "../scripts/lib/db-setup.ts";
import { percentile, round } from "./figures.ts";
import type { BenchWorld } from "./setup.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const LARGE_TABLES = ["Patient", "Visit", "AuditEvent", "IntakeResponse", "Exam"];

export interface QueryTiming {
  query: "worklist" | "search" | "history" | "everything" | "patient-page" | "patient-page-stepwise";
  patients: number;
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface CapturedPlan {
  function: string;
  example: string;
  sql: string;
  plan: string;
  seqScansOnLargeTables: string[];
}

/** The whole clinic written as FHIR Bulk Data NDJSON at the largest size, in this process. */
export interface BulkExportTiming {
  patients: number;
  seconds: number;
  patientsPerSecond: number;
  resources: number;
  /** The bench process's peak resident memory after the export, and before it (MB). */
  peakRssMb: number;
  peakRssBeforeMb: number;
}

export interface ReadPathResult {
  sizes: { patients: number; visits: number; seedSeconds: number }[];
  bulk?: BulkExportTiming;
  timings: QueryTiming[];
  plans: CapturedPlan[];
}

/** What the SQL driver was asked to run, while `capturing` is on (Prisma and lib/db's sql() alike). */
function captureQueries() {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const captured: { text: string; values: unknown[] }[] = [];
  let on = false;
  proto.query = function (this: unknown, ...args: unknown[]) {
    if (on) {
      const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
      if (typeof config === "string") captured.push({ text: config, values: Array.isArray(values) ? values : [] });
      else if (config && typeof config.text === "string") captured.push({ text: config.text, values: config.values ?? [] });
    }
    return original.apply(this, args);
  };
  return {
    async during<T>(fn: () => Promise<T>): Promise<{ result: T; queries: { text: string; values: unknown[] }[] }> {
      captured.length = 0;
      on = true;
      try {
        const result = await fn();
        return { result, queries: [...captured] };
      } finally {
        on = false;
      }
    },
    restore() {
      proto.query = original;
    },
  };
}

/** Long parameter and id lists shortened, so a plan stays readable ("$1, …, $200", "{… 200 ids}"). */
export function compactPlanText(text: string): string {
  return text
    .replace(/\$(\d+)(?:,\s*\$\d+){8,},\s*\$(\d+)/g, (_, a: string, b: string) => `$${a}, …, $${b}`)
    .replace(/\{([0-9a-f-]{36})(?:,[0-9a-f-]{36}){4,}\}/g, (m) => `{… ${m.split(",").length} ids}`);
}

const isRead = (sql: string) => /^\s*(SELECT|WITH)\b/i.test(sql) && !/\b(INSERT|UPDATE|DELETE)\b/i.test(sql);

export async function measureReadPath(w: BenchWorld, opts: { sizes: number[]; samples: number; log: (s: string) => void }): Promise<ReadPathResult> {
  const { log } = opts;
  const { createClinicianAndClinic, clinicianActor } = await import("../prisma/factories.ts");
  const { listWorklist, listPatientVisits } = await import("../lib/data/visits.ts");
  const { searchPatients } = await import("../lib/data/patients.ts");
  const { exportPatientEverything } = await import("../lib/data/fhir-export.ts");
  const { exportClinicNdjson } = await import("../lib/data/fhir-bulk.ts");
  const { getPatient, getPatientStepwise } = await import("../lib/data/patients.ts");
  const { getClinicTimeZone } = await import("../lib/data/clinics.ts");
  const { getPatientProgress, getPatientProgressStepwise, getPlanLink, getPlanLinkStepwise } = await import("../lib/data/plan.ts");
  const { getVisitTrends, getVisitTrendsStepwise } = await import("../lib/data/trends.ts");
  const { clinic, user } = await createClinicianAndClinic({ clinicName: "Scale Clinic" });
  const actor = await clinicianActor(user, clinic.id);
  const today = new Date().toISOString().slice(0, 10);
  const seedSql = readFileSync(path.join(here, "seed-scale.sql"), "utf8");
  const meta = { ip: "127.0.0.1", userAgent: "bench", requestId: null };

  const result: ReadPathResult = { sizes: [], timings: [], plans: [] };
  let seeded = 0;
  let pagePatient = "";
  // The patient page's data, as the page loads it: the patient (audited), then its visits, the clinic's
  // time zone, the between-visits progress (52 weeks of check-ins replayed), the plan link and the trends.
  const patientPage = async () => {
    const p = await getPatient(actor, pagePatient, meta);
    if (!p) throw new Error("bench: the page patient is missing");
    await Promise.all([
      listPatientVisits(actor, p.id),
      getClinicTimeZone(actor),
      getPatientProgress(actor, p.id, meta),
      getPlanLink(actor, p.id, meta),
      getVisitTrends(actor, p.id, meta),
    ]);
  };
  // The same page through the step-by-step Prisma functions (the path before ADR 0037), for comparison.
  const patientPageStepwise = async () => {
    const p = await getPatientStepwise(actor, pagePatient, meta);
    if (!p) throw new Error("bench: the page patient is missing");
    await Promise.all([
      listPatientVisits(actor, p.id),
      getClinicTimeZone(actor),
      getPatientProgressStepwise(actor, p.id, meta),
      getPlanLinkStepwise(actor, p.id, meta),
      getVisitTrendsStepwise(actor, p.id, meta),
    ]);
  };
  for (const size of opts.sizes) {
    const t0 = Date.now();
    await withClient(w.ownerUrl, async (c) => {
      await c.query(`CREATE TEMP TABLE seed_params AS SELECT $1::uuid AS clinic, $2::uuid AS user_id, $3::int AS from_n, $4::int AS to_n, $5::date AS today`, [
        clinic.id,
        user.id,
        seeded,
        size,
        today,
      ]);
      await c.query(seedSql);
      await c.query(`ANALYZE "Patient"; ANALYZE "Visit"`);
    });
    const seedSeconds = round((Date.now() - t0) / 1000);
    if (seeded === 0) pagePatient = await seedPagePatient(w, actor, clinic.id, log);
    seeded = size;
    const visits = await withClient(
      w.ownerUrl,
      async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Visit" WHERE "clinicId" = $1`, [clinic.id])).rows[0]!.n,
    );
    result.sizes.push({ patients: size, visits, seedSeconds });
    log(`seeded ${size.toLocaleString("en-US")} patients, ${visits.toLocaleString("en-US")} visits (${seedSeconds} s)`);

    // What a clinician types: a surname or its first letters, a first name's first letters, both names, or
    // a date of birth; and patients to open, all drawn from the rows just made.
    const sample = await withClient(
      w.ownerUrl,
      async (c) =>
        (
          await c.query<{ id: string; firstName: string; lastName: string; dob: string }>(
            `SELECT id, "firstName", "lastName", to_char("dateOfBirth", 'YYYY-MM-DD') AS dob FROM "Patient" WHERE "clinicId" = $1 ORDER BY random() LIMIT $2`,
            [clinic.id, opts.samples],
          )
        ).rows,
    );
    const searches = sample.map((p, i) => {
      switch (i % 5) {
        case 0:
          return p.lastName.slice(0, 3).toLowerCase();
        case 1:
          return p.lastName;
        case 2:
          return `${p.firstName} ${p.lastName}`;
        case 3:
          return p.firstName.slice(0, 2);
        default:
          return p.dob;
      }
    });
    const record = (query: QueryTiming["query"], ms: number[]) => {
      const timing: QueryTiming = {
        query,
        patients: size,
        samples: ms.length,
        p50: round(percentile(ms, 50)),
        p95: round(percentile(ms, 95)),
        p99: round(percentile(ms, 99)),
        max: round(Math.max(...ms)),
      };
      log(`  ${query.padEnd(9)} at ${size.toLocaleString("en-US").padStart(7)} patients: p50 ${timing.p50} ms, p95 ${timing.p95} ms, p99 ${timing.p99} ms`);
      result.timings.push(timing);
    };
    const time = async (query: QueryTiming["query"], fn: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < Math.min(20, opts.samples); i++) await fn(i);
      const ms: number[] = [];
      for (let i = 0; i < opts.samples; i++) {
        const t = process.hrtime.bigint();
        await fn(i);
        ms.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      record(query, ms);
    };
    await time("worklist", () => listWorklist(actor, today, meta));
    await time("search", (i) => searchPatients(actor, searches[i % searches.length]!, meta));
    await time("history", (i) => listPatientVisits(actor, sample[i % sample.length]!.id));
    // A patient's FHIR $everything as the API route builds it (the Bundle and its audit event).
    await time("everything", (i) => exportPatientEverything(actor, sample[i % sample.length]!.id, "http://localhost:3000", meta));
    // The page and its stepwise version take turns, so a busy spell weighs on both alike.
    {
      for (let i = 0; i < Math.min(20, opts.samples); i++) await patientPage().then(patientPageStepwise);
      const one: number[] = [];
      const stepwise: number[] = [];
      for (let i = 0; i < opts.samples; i++)
        for (const [fn, ms] of [
          [patientPage, one],
          [patientPageStepwise, stepwise],
        ] as const) {
          const t = process.hrtime.bigint();
          await fn();
          ms.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
      record("patient-page", one);
      record("patient-page-stepwise", stepwise);
    }
  }

  // The whole clinic as NDJSON at the largest size: rate and the process's peak memory (maxRSS is a
  // high-water mark, so the figure before the export says how much of it the export itself added).
  {
    const out = mkdtempSync(path.join(tmpdir(), "stride-bench-ndjson-"));
    const before = process.resourceUsage().maxRSS / 1024;
    const t0 = performance.now();
    const r = await exportClinicNdjson(clinic.id, out, "http://localhost:3000");
    const seconds = (performance.now() - t0) / 1000;
    result.bulk = {
      patients: r.patients,
      seconds: round(seconds),
      patientsPerSecond: Math.round(r.patients / seconds),
      resources: Object.values(r.counts).reduce((a, b) => a + b, 0),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      peakRssBeforeMb: Math.round(before),
    };
    rmSync(out, { recursive: true, force: true });
    log(
      `  bulk FHIR export: ${r.patients.toLocaleString("en-US")} patients in ${round(seconds)} s (${result.bulk.patientsPerSecond}/s), peak RSS ${result.bulk.peakRssMb} MB (${result.bulk.peakRssBeforeMb} MB before)`,
    );
  }

  // The plans, at the largest size, of what each function sent.
  const capture = captureQueries();
  try {
    const p = (
      await withClient(
        w.ownerUrl,
        async (c) =>
          (
            await c.query<{ id: string; firstName: string; lastName: string; dob: string }>(
              `SELECT id, "firstName", "lastName", to_char("dateOfBirth", 'YYYY-MM-DD') AS dob FROM "Patient" WHERE "clinicId" = $1 AND "lastName" = 'Smith' LIMIT 1`,
              [clinic.id],
            )
          ).rows,
      )
    )[0]!;
    const calls: [string, string, () => Promise<unknown>][] = [
      ["listWorklist", `today (${today})`, () => listWorklist(actor, today, meta)],
      ["searchPatients", `"smi" (a surname's start)`, () => searchPatients(actor, "smi", meta)],
      ["searchPatients", `"${p.firstName} ${p.lastName}" (two words)`, () => searchPatients(actor, `${p.firstName} ${p.lastName}`, meta)],
      ["searchPatients", `"${p.dob}" (a date of birth)`, () => searchPatients(actor, p.dob, meta)],
      ["listPatientVisits", "a patient with four visits", () => listPatientVisits(actor, p.id)],
      ["getPatientProgress", "52 weeks of check-ins", () => getPatientProgress(actor, pagePatient, meta)],
      ["getVisitTrends", "four visits with intakes and finalized exams", () => getVisitTrends(actor, pagePatient, meta)],
    ];
    for (const [fn, example, call] of calls) {
      const { queries } = await capture.during(call);
      for (const q of queries.filter((x) => isRead(x.text))) {
        const plan = await withClient(w.ownerUrl, async (c) =>
          (await c.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.text}`, q.values)).rows.map((r) => r["QUERY PLAN"]).join("\n"),
        );
        const seq = LARGE_TABLES.filter((t) => new RegExp(`Seq Scan on "?${t}"?\\b`).test(plan));
        result.plans.push({ function: fn, example, sql: compactPlanText(q.text), plan: compactPlanText(plan), seqScansOnLargeTables: seq });
      }
    }
  } finally {
    capture.restore();
  }
  return result;
}

/**
 * One runner among the seeded patients as the patient page sees a year of care: four visits (each with its
 * intake and a finalized exam), the first one's summary signed a year ago, and 52 weeks of check-ins against
 * it (three runs and an exercise day a week). Made through the data layer, then moved back in time in SQL.
 */
async function seedPagePatient(
  w: BenchWorld,
  actor: import("../lib/data/actors.ts").ClinicianActor,
  clinicId: string,
  log: (s: string) => void,
): Promise<string> {
  const { examData, followUpIntakeAnswers, intakeAnswers, patientThroughInvite } = await import("../prisma/factories.ts");
  const { createPatient } = await import("../lib/data/patients.ts");
  const { startVisit } = await import("../lib/data/visits.ts");
  const { submitIntake } = await import("../lib/data/intake-answers.ts");
  const { finalizeExam, saveExam } = await import("../lib/data/exams.ts");
  const { finalizeSummary } = await import("../lib/data/summaries.ts");
  const dob = "1987-04-12";
  const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
  const patient = await createPatient(actor, { firstName: "Yara", lastName: "Yearlong", dateOfBirth: dob, sex: "FEMALE", email: "", phone: "" });
  const visits: string[] = [];
  for (const [i, ago] of [364, 250, 130, 20].entries()) {
    const v = await startVisit(actor, { patientId: patient.id, kind: i === 0 ? "INITIAL" : "FOLLOW_UP", date: day(ago) });
    if (!v.ok) throw new Error("bench: visit not started");
    const answers = i === 0 ? intakeAnswers() : followUpIntakeAnswers({ running: { weeklyKm: { thisWeek: 10 + 8 * i } } });
    const sent = await submitIntake(await patientThroughInvite(v.token, dob), answers, `bench-page-${v.visitId}`);
    if (!sent.ok) throw new Error("bench: intake refused");
    await saveExam(actor, v.visitId, examData(150 + 15 * i, 210), null);
    await finalizeExam(actor, v.visitId, 1);
    visits.push(v.visitId);
  }
  const signed = await finalizeSummary(actor, visits[0]!);
  if (!signed.ok) throw new Error("bench: summary not signed");
  await withClient(w.ownerUrl, async (c) => {
    await c.query(`UPDATE "Summary" SET "finalizedAt" = now() - interval '364 days' WHERE id = $1`, [signed.summaryId]);
    await c.query(`UPDATE "Patient" SET "planStartedAt" = now() - interval '364 days' WHERE id = $1`, [patient.id]);
    await c.query(
      `INSERT INTO "CheckIn" (id, "clinicId", "patientId", "summaryId", "inviteId", key, "bodyHash", date, kind, done, km, minutes, "painDuring", "settledWithinHour", "worseNextMorning", exercises, "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1, $2, $3, i.id, gen_random_uuid()::text, md5(d::text), (current_date - 364 + d), CASE WHEN d % 7 = 3 THEN 'exercise' ELSE 'run' END, true,
              CASE WHEN d % 7 = 3 THEN NULL ELSE 3 + (d / 60) END, NULL, CASE WHEN d % 7 = 3 THEN NULL ELSE d % 3 END, true, false, 'yes', now(), now()
         FROM generate_series(0, 363) AS d
         JOIN LATERAL (SELECT id FROM "IntakeInvite" WHERE "visitId" = $4 AND purpose = 'plan' LIMIT 1) i ON true
        WHERE d % 7 IN (0, 2, 3, 5)`,
      [clinicId, patient.id, signed.summaryId, visits[0]],
    );
  });
  const n = await withClient(
    w.ownerUrl,
    async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "CheckIn" WHERE "patientId" = $1`, [patient.id])).rows[0]!.n,
  );
  log(`  the page patient: 4 visits, ${n} check-ins over 52 weeks`);
  return patient.id;
}
