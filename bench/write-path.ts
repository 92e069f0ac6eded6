// Write path: intake autosave and exam save at 1, 8 and 32 concurrent clients, against their
// two limits measured in the same run on the same machine:
//   (a) the framework's ceiling: the empty server action (app/(bench)/bench-empty/actions.ts) in the same
//       build, posted the same body at the same concurrency: what Next.js costs before any of our code runs;
//   (b) the database's limit: the same rows (the draft or exam update and its audit event, through the
//       hash-chain trigger) written by plain `pg` clients in a loop at the same concurrency.
// Every connection is its own patient or visit with its own session and version, so optimistic concurrency
// is exercised honestly: each save is based on the version the previous one returned.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import { fullExam, greenRunCheckIn } from "../prisma/factories.ts";
import { INTAKE_SCHEMA_VERSION } from "../lib/assessment/intake-schema.ts";
import { EXAM_SCHEMA_VERSION } from "../lib/assessment/exam-schema.ts";
import { withClient } from "../scripts/lib/db-setup.ts";
import { actionId, actionRequest, draftBody, outcomeOf, TARGETS } from "../scripts/faults/targets.ts";
import { postmasterPid, withCpu } from "./cpu.ts";
import { httpLoad, mergeRuns, pgLoad, type LoadRun } from "./load.ts";
import { newVisit, planPatient, signedInClinician, verifiedPatient, type BenchWorld } from "./setup.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const CONCURRENCY = [1, 8, 32] as const;

interface DraftSlot {
  cookie: string;
  visitId: string;
  patientId: string;
  rowId: string;
  intakeSessionId: string;
  inviteId: string;
  version: number;
  n: number;
}

export interface ExamSlot {
  cookie: string;
  visitId: string;
  patientId: string;
  examId: string;
  version: number;
  n: number;
  /** The visit's clinic and the clinician saving (the audit row's clinic, hence its hash chain). */
  clinicId: string;
  userId: string;
}

// The same rows as an exam save, straight from pg: the update with its version check, then the audit event
// (last, as the app writes it: its chain head's lock is held until commit; one chain per clinic, ADR 0030).
export const AUDIT_INSERT = `INSERT INTO "AuditEvent" ("actorType", "actorId", "clinicId", "patientId", action, "recordType", "recordId", outcome, details, ip, "userAgent") VALUES ($1, $2, $3, $4, 'update', $5, $6, 'ok', $7, '127.0.0.1', 'bench')`;

export async function pgExamSave(c: pg.Client, e: ExamSlot, n: number): Promise<boolean> {
  await c.query("BEGIN");
  const u = await c.query(
    `UPDATE "Exam" SET data = $1, version = version + 1, "updatedById" = $2, "schemaVersion" = $3, "updatedAt" = now() WHERE id = $4 AND version = $5 AND state = 'DRAFT'`,
    [JSON.stringify(examSaveBody(n)), e.userId, EXAM_SCHEMA_VERSION, e.examId, e.version],
  );
  await c.query(AUDIT_INSERT, ["user", e.userId, e.clinicId, e.patientId, "Exam", e.examId, JSON.stringify({ revision: 1, version: e.version + 1 })]);
  await c.query("COMMIT");
  if (u.rowCount !== 1) return false;
  e.version++;
  return true;
}

/** A complete exam as autosave sends it (every section filled), one trial changing from save to save. */
export function examSaveBody(n: number) {
  const e = fullExam();
  const abd = e.strength!.hipAbduction!;
  return { ...e, strength: { ...e.strength, hipAbduction: { ...abd, left: { trialsN: [140 + (n % 20), 150, 147] } } } };
}

export interface WritePathResult {
  runs: LoadRun[];
  /** Each kind's time at each concurrency was split into this many interleaved slices. */
  rounds: number;
  /** What the rows look like (bytes of the JSON each save stores). */
  bodyBytes: { draft: number; exam: number; checkIn: number };
}

interface CheckInSlot {
  cookie: string;
  patientId: string;
  /** Unused (check-ins are inserts, not versioned updates); here for the shared load helpers. */
  version: number;
  n: number;
}

/** A check-in after a green run, as the phone sends it; each with its own key (a new row every time). */
export function checkInBody(slot: { patientId: string; n: number }) {
  return greenRunCheckIn({ key: `bench-${slot.patientId.slice(0, 8)}-${slot.n}-${Math.random().toString(36).slice(2, 10)}` });
}

export async function measureWritePath(
  w: BenchWorld,
  opts: { seconds: number; rounds: number; warmupSeconds: number; log: (s: string) => void },
): Promise<WritePathResult> {
  const { log } = opts;
  const max = Math.max(...CONCURRENCY);
  const ids = {
    draft: actionId(root, TARGETS.saveDraft),
    exam: actionId(root, TARGETS.saveExam),
    empty: actionId(root, TARGETS.benchEmpty),
    checkIn: actionId(root, TARGETS.saveCheckIn),
  };
  const url = w.app.url;
  const owner = <T extends pg.QueryResultRow>(sql: string, params: unknown[]) => withClient(w.ownerUrl, async (c) => (await c.query<T>(sql, params)).rows);

  log(`making ${max} verified patients and ${max} visits, each with its own session`);
  const drafts: DraftSlot[] = [];
  for (let i = 0; i < max; i++) {
    const p = await verifiedPatient(w, i);
    drafts.push({ cookie: p.client.cookie, visitId: p.visitId, patientId: p.patientId, rowId: "", intakeSessionId: "", inviteId: "", version: 0, n: 0 });
  }
  const exams: ExamSlot[] = [];
  for (let i = 0; i < max; i++) {
    const v = await newVisit(w, i);
    const c = await signedInClinician(w);
    exams.push({ cookie: c.cookie, visitId: v.visitId, patientId: v.patientId, examId: "", version: 0, n: 0, clinicId: w.clinic.id, userId: w.clinic.userId });
  }
  log(`making ${max} patients with a signed plan, each with its own verified My plan session`);
  const checkIns: CheckInSlot[] = [];
  for (let i = 0; i < max; i++) {
    const p = await planPatient(w, i);
    checkIns.push({ cookie: p.client.cookie, patientId: p.patientId, version: 0, n: 0 });
  }
  // The first save of each creates the row (version 1); every measured save is an update of it.
  const post = async (id: string, page: string, args: unknown[], cookie: string) => {
    const { url: u, init } = actionRequest(url, id, page, args, cookie);
    const r = await fetch(u, init);
    return outcomeOf(r.status, await r.text());
  };
  for (const d of drafts) {
    const o = await post(ids.draft, TARGETS.saveDraft.page(), [draftBody(0), null, "pain"], d.cookie);
    if (!o.ok || o.version !== 1) throw new Error(`first autosave: ${JSON.stringify(o)}`);
  }
  for (const e of exams) {
    const o = await post(ids.exam, TARGETS.saveExam.page(e.visitId), [e.visitId, examSaveBody(0), null], e.cookie);
    if (!o.ok || o.version !== 1) throw new Error(`first exam save: ${JSON.stringify(o)}`);
  }
  const draftRows = await owner<{ id: string; visitId: string; sid: string; iid: string }>(
    `SELECT r.id, r."visitId", s.id AS sid, s."inviteId" AS iid FROM "IntakeResponse" r JOIN "IntakeInvite" i ON i."visitId" = r."visitId" JOIN "IntakeSession" s ON s."inviteId" = i.id WHERE r."visitId" = ANY($1::uuid[])`,
    [drafts.map((d) => d.visitId)],
  );
  for (const d of drafts) {
    const r = draftRows.find((x) => x.visitId === d.visitId)!;
    Object.assign(d, { rowId: r.id, intakeSessionId: r.sid, inviteId: r.iid, version: 1 });
  }
  const examRows = await owner<{ id: string; visitId: string }>(`SELECT id, "visitId" FROM "Exam" WHERE "visitId" = ANY($1::uuid[])`, [
    exams.map((e) => e.visitId),
  ]);
  for (const e of exams) Object.assign(e, { examId: examRows.find((x) => x.visitId === e.visitId)!.id, version: 1 });

  /**
   * Between runs, the versions in the database: the load tool stops listening at its deadline, and the
   * saves still in flight then land a moment later unseen. Read until two reads agree.
   */
  const resync = async () => {
    const read = async () => {
      const dv = await owner<{ id: string; version: number }>(`SELECT id, version FROM "IntakeResponse" WHERE id = ANY($1::uuid[]) ORDER BY id`, [
        drafts.map((d) => d.rowId),
      ]);
      const ev = await owner<{ id: string; version: number }>(`SELECT id, version FROM "Exam" WHERE id = ANY($1::uuid[]) ORDER BY id`, [
        exams.map((e) => e.examId),
      ]);
      return { dv, ev, key: JSON.stringify([dv, ev]) };
    };
    let last = await read();
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 300));
      const now = await read();
      if (now.key === last.key) break;
      last = now;
    }
    for (const d of drafts) d.version = last.dv.find((x) => x.id === d.rowId)!.version;
    for (const e of exams) e.version = last.ev.find((x) => x.id === e.examId)!.version;
  };

  /** A save is good when it answers the next version. A conflict (which a correct harness never causes)
   * counts as a failure, and the slot takes the version the server sent back, as the form would. */
  const saved = (slot: { version: number }, status: number, body: string) => {
    const o = outcomeOf(status, body);
    if (o.ok && o.version === slot.version + 1) {
      slot.version = o.version;
      return true;
    }
    const current = !o.ok && o.reason === "conflict" ? /"version":(\d+)/.exec(body) : null;
    if (current) slot.version = Number(current[1]);
    return false;
  };
  const emptyOk = (_: unknown, status: number, body: string) => outcomeOf(status, body).ok;
  // A check-in is good when it is stored as new (not a repeat) and the traffic light answered.
  const checkInOk = (_: unknown, status: number, body: string) => status === 200 && /"ok":true/.test(body) && /"repeated":false/.test(body);
  const checkInRequest = (s: CheckInSlot) => actionSpec(ids.checkIn, TARGETS.saveCheckIn.page(), [checkInBody({ patientId: s.patientId, n: ++s.n })], s.cookie);
  const emptyCheckInRequest = (s: CheckInSlot) =>
    actionSpec(ids.empty, TARGETS.benchEmpty.page(), [checkInBody({ patientId: s.patientId, n: ++s.n })], s.cookie);
  const draftRequest = (d: DraftSlot) => actionSpec(ids.draft, TARGETS.saveDraft.page(), [draftBody(++d.n), d.version, "pain"], d.cookie);
  const examRequest = (e: ExamSlot) => actionSpec(ids.exam, TARGETS.saveExam.page(e.visitId), [e.visitId, examSaveBody(++e.n), e.version], e.cookie);
  const emptyDraftRequest = (d: DraftSlot) => actionSpec(ids.empty, TARGETS.benchEmpty.page(), [draftBody(++d.n), d.version, "pain"], d.cookie);
  const emptyExamRequest = (e: ExamSlot) => actionSpec(ids.empty, TARGETS.benchEmpty.page(), [e.visitId, examSaveBody(++e.n), e.version], e.cookie);
  function actionSpec(id: string, page: string, args: unknown[], cookie: string) {
    const { init } = actionRequest(url, id, page, args, cookie);
    return { method: "POST" as const, path: page, headers: init.headers, body: init.body };
  }

  // The same rows, straight from pg (the exam's in pgExamSave above).
  const pgDraft = async (c: pg.Client, d: DraftSlot, n: number) => {
    await c.query("BEGIN");
    const u = await c.query(
      `UPDATE "IntakeResponse" SET answers = $1, "resumeStep" = 'pain', version = version + 1, "schemaVersion" = $2, "updatedAt" = now() WHERE id = $3 AND version = $4 AND state = 'DRAFT'`,
      [JSON.stringify(draftBody(n)), INTAKE_SCHEMA_VERSION, d.rowId, d.version],
    );
    await c.query(AUDIT_INSERT, [
      "patient",
      `invite:${d.inviteId}`,
      w.clinic.id,
      d.patientId,
      "IntakeResponse",
      d.rowId,
      JSON.stringify({ draft: true, version: d.version + 1 }),
    ]);
    await c.query("COMMIT");
    if (u.rowCount !== 1) return false;
    d.version++;
    return true;
  };

  const pids = { app: w.app.process.pid ?? null, postgres: postmasterPid(w.pg.dataDir) };
  const http = <S extends { version: number }>(
    kind: string,
    slots: S[],
    request: (s: S) => ReturnType<typeof actionSpec>,
    accept: (s: S, status: number, body: string) => boolean,
  ) => ({
    kind,
    warmup: async (connections: number) => {
      await resync();
      await httpLoad({ kind, url, connections, seconds: opts.warmupSeconds, slots, request, accept });
    },
    run: async (connections: number, seconds: number) => {
      await resync();
      return withCpu(pids, () => httpLoad({ kind, url, connections, seconds, slots, request, accept }));
    },
  });
  const db = <S>(kind: string, slots: S[], transaction: (c: pg.Client, s: S, n: number) => Promise<boolean>) => ({
    kind,
    warmup: null,
    run: async (connections: number, seconds: number) => {
      await resync();
      return withCpu(pids, () => pgLoad({ kind, databaseUrl: w.appUrl, connections, seconds, slots, transaction }));
    },
  });
  const kinds = [
    http("empty-action (draft body)", drafts, emptyDraftRequest, emptyOk),
    http("autosave", drafts, draftRequest, saved),
    db("autosave rows via pg", drafts, pgDraft),
    http("empty-action (exam body)", exams, emptyExamRequest, emptyOk),
    http("exam-save", exams, examRequest, saved),
    db("exam-save rows via pg", exams, pgExamSave),
    http("empty-action (check-in body)", checkIns, emptyCheckInRequest, emptyOk),
    http("check-in", checkIns, checkInRequest, checkInOk),
  ];

  // At each concurrency, the kinds take turns in rounds of a few seconds each (a save, then its empty
  // action, then its rows through pg, ...), so that other work on a shared machine, which comes and goes,
  // weighs on a save and on its limits alike; each kind's slices are then merged into one run.
  const rounds = Math.max(1, opts.rounds);
  const runs: LoadRun[] = [];
  for (const connections of CONCURRENCY) {
    const slices = new Map<string, LoadRun[]>(kinds.map((k) => [k.kind, []]));
    if (opts.warmupSeconds > 0) for (const k of kinds) await k.warmup?.(connections);
    for (let round = 0; round < rounds; round++) for (const k of kinds) slices.get(k.kind)!.push(await k.run(connections, opts.seconds / rounds));
    for (const k of kinds) {
      const r = mergeRuns(slices.get(k.kind)!);
      log(describeRun(r));
      runs.push(r);
    }
  }
  const order = (r: LoadRun) => kinds.findIndex((k) => k.kind === r.kind) * 1000 + r.connections;
  runs.sort((a, b) => order(a) - order(b));
  return {
    runs,
    rounds,
    bodyBytes: {
      draft: JSON.stringify(draftBody(1)).length,
      exam: JSON.stringify(examSaveBody(1)).length,
      checkIn: JSON.stringify(checkInBody({ patientId: "00000000", n: 1 })).length,
    },
  };
}

export function describeRun(r: LoadRun): string {
  const cpu = r.cpu ? `  cpu/ok: app ${r.cpu.appMsPerOk} pg ${r.cpu.postgresMsPerOk} load ${r.cpu.loadGeneratorMsPerOk} ms` : "";
  return `${r.kind.padEnd(28)} c=${String(r.connections).padStart(2)}  ${String(r.throughput).padStart(6)}/s  p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms  max ${r.max} ms  ok ${r.ok}  failed ${r.failed}${cpu}${r.failures.length ? `  (${r.failures.join(" | ")})` : ""}`;
}
