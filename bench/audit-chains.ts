// Audited writes across clinics (ADR 0030): the exam save's rows (the update and its audit
// event) written by plain `pg` clients, the same transaction as the write path's "exam-save rows via pg",
//   - 1 client (one clinic),
//   - 8 clients spread over 8 clinics (one each): with a chain head per clinic they do not wait for each
//     other's commits,
//   - 8 clients in one clinic: they still share that clinic's chain head, as every write did before.
// The three take turns in slices, as the write path's kinds do, so that other work on a shared machine
// weighs on each alike. PostgreSQL alone: no app server, no build.
import { postmasterPid, withCpu } from "./cpu.ts";
import { mergeRuns, pgLoad, type LoadRun } from "./load.ts";
import type { BenchDatabase } from "./setup.ts";
import { examSaveBody, pgExamSave, type ExamSlot } from "./write-path.ts";

export const AUDIT_CLINICS = 8;

export interface AuditChainsResult {
  runs: LoadRun[];
  rounds: number;
  /** WAL fsyncs per commit the server counted during the 8-clinic runs (pg_stat_io): below 1, commits shared a flush. */
  walSyncsPerCommit: number | null;
}

async function examSlot(clinic: { id: string; userId: string }, n: number): Promise<ExamSlot> {
  const { clinicianActor } = await import("../prisma/factories.ts");
  const { createPatient } = await import("../lib/data/patients.ts");
  const { startVisit } = await import("../lib/data/visits.ts");
  const { saveExam } = await import("../lib/data/exams.ts");
  const actor = await clinicianActor({ id: clinic.userId }, clinic.id);
  const p = await createPatient(actor, { firstName: `Chain${n}`, lastName: "Runner", dateOfBirth: "1979-03-02", sex: "MALE", email: "", phone: "" });
  const v = await startVisit(actor, { patientId: p.id, kind: "INITIAL", date: new Date().toISOString().slice(0, 10) });
  if (!v.ok) throw new Error("no visit");
  // The first save makes the exam (version 1) through the data layer; every measured save updates it.
  const saved = await saveExam(actor, v.visitId, examSaveBody(0) as Parameters<typeof saveExam>[2], null);
  if (!saved.ok) throw new Error(`first exam save: ${JSON.stringify(saved)}`);
  const { withClient } = await import("../scripts/lib/db-setup.ts");
  const examId = await withClient(
    process.env.DATABASE_URL!,
    async (c) => (await c.query<{ id: string }>(`SELECT id FROM "Exam" WHERE "visitId" = $1`, [v.visitId])).rows[0]!.id,
  );
  return { cookie: "", visitId: v.visitId, patientId: p.id, examId, version: 1, n: 0, clinicId: clinic.id, userId: clinic.userId };
}

export async function measureAuditChains(w: BenchDatabase, opts: { seconds: number; rounds: number; log: (s: string) => void }): Promise<AuditChainsResult> {
  const { createClinicianAndClinic } = await import("../prisma/factories.ts");
  const { withClient } = await import("../scripts/lib/db-setup.ts");
  opts.log(`making ${AUDIT_CLINICS} clinics, one exam in each, and ${AUDIT_CLINICS} exams in the first`);
  const clinics = [{ id: w.clinic.id, userId: w.clinic.userId }];
  for (let i = 1; i < AUDIT_CLINICS; i++) {
    const { clinic, user } = await createClinicianAndClinic({ clinicName: `Chain Clinic ${i}` });
    clinics.push({ id: clinic.id, userId: user.id });
  }
  const spread: ExamSlot[] = [];
  for (const [i, c] of clinics.entries()) spread.push(await examSlot(c, i));
  const oneClinic: ExamSlot[] = [spread[0]!];
  for (let i = 1; i < AUDIT_CLINICS; i++) oneClinic.push(await examSlot(clinics[0]!, 100 + i));

  const pids = { app: null, postgres: postmasterPid(w.pg.dataDir) };
  const wal = () =>
    withClient(
      w.ownerUrl,
      async (c) =>
        (
          await c.query<{ syncs: string; commits: string }>(
            `SELECT (SELECT sum(fsyncs) FROM pg_stat_io WHERE object = 'wal')::text AS syncs, (SELECT sum(xact_commit) FROM pg_stat_database)::text AS commits`,
          )
        ).rows[0]!,
    );
  let spreadSyncs = 0;
  let spreadCommits = 0;
  const kinds: { kind: string; connections: number; slots: ExamSlot[] }[] = [
    { kind: "audited writes via pg, 1 clinic", connections: 1, slots: [spread[0]!] },
    { kind: `audited writes via pg, ${AUDIT_CLINICS} clinics`, connections: AUDIT_CLINICS, slots: spread },
    { kind: "audited writes via pg, 1 clinic", connections: AUDIT_CLINICS, slots: oneClinic },
  ];
  const slices = kinds.map(() => [] as LoadRun[]);
  const rounds = Math.max(1, opts.rounds);
  for (let round = 0; round < rounds; round++) {
    for (const [i, k] of kinds.entries()) {
      const before = i === 1 ? await wal().catch(() => null) : null;
      slices[i]!.push(
        await withCpu(pids, () =>
          pgLoad({ kind: k.kind, databaseUrl: w.appUrl, connections: k.connections, seconds: opts.seconds / rounds, slots: k.slots, transaction: pgExamSave }),
        ),
      );
      if (before) {
        const after = await wal();
        spreadSyncs += Number(after.syncs) - Number(before.syncs);
        spreadCommits += Number(after.commits) - Number(before.commits);
      }
    }
  }
  const runs = slices.map((s) => mergeRuns(s));
  for (const r of runs)
    opts.log(
      `${r.kind.padEnd(36)} c=${r.connections}  ${r.throughput}/s  p50 ${r.p50} ms  p99 ${r.p99} ms  ok ${r.ok}  failed ${r.failed}${r.cpu ? `  pg cpu ${r.cpu.postgresMsPerOk} ms/ok, load ${r.cpu.loadGeneratorMsPerOk} ms/ok` : ""}`,
    );
  return { runs, rounds, walSyncsPerCommit: spreadCommits > 0 ? Math.round((spreadSyncs / spreadCommits) * 1000) / 1000 : null };
}
