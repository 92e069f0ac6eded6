// npm run bench:messages: what queueing an invite email costs the request that causes it, and how fast the
// queue sends to a loopback SMTP server.
//   1. "Start visit" (the server action) at 8 clients, for patients with an email on file (the invite is
//      queued in the same transaction: a Message row, the job, the sealed token, an audit row) and without,
//      in interleaved 5-second slices on the same server (its worker off, so sending does not weigh on it).
//      Target: p50 and p99 with the email at most 1.10 × without.
//   2. The queue's sends per second: a worker (graphile-worker, 4 at once, this process) drains what the
//      first part queued into a real SMTP server on loopback (smtp-server + mailparser, this process too).
// Prints the figures; MESSAGES_BENCH_SECONDS (default 5) sets each slice, MESSAGES_BENCH_ROUNDS (4) the slices.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { actionId, actionRequest, TARGETS } from "../scripts/faults/targets.ts";
import { MailCatcher } from "../scripts/lib/mail-catcher.ts";
import { withClient } from "../scripts/lib/db-setup.ts";
import { round } from "./figures.ts";
import { httpLoad, mergeRuns, type LoadRun } from "./load.ts";
import { signedInClinician, startBenchWorld } from "./setup.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = Number(process.env.MESSAGES_BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.MESSAGES_BENCH_ROUNDS ?? 4);
const CLIENTS = 8;
const log = (s: string) => console.log(`[bench:messages] ${s}`);

async function main() {
  const w = await startBenchWorld(log, { appEnv: { MESSAGE_WORKER: "off" } });
  try {
    const { clinicianActor, uniqueSuffix } = await import("../prisma/factories.ts");
    const { createPatient } = await import("../lib/data/patients.ts");
    const actor = await clinicianActor({ id: w.clinic.userId }, w.clinic.id);
    const clinician = await signedInClinician(w);
    const id = actionId(root, TARGETS.startVisit);
    const today = new Date().toISOString().slice(0, 10);
    const patients = async (withEmail: boolean) =>
      Promise.all(
        Array.from(
          { length: CLIENTS },
          async (_, i) =>
            (
              await createPatient(actor, {
                firstName: `Bench${i}`,
                lastName: "Mail",
                dateOfBirth: "1985-06-15",
                sex: "FEMALE",
                email: withEmail ? `bench-${i}-${uniqueSuffix()}@example.org` : "",
                phone: "",
              })
            ).id,
        ),
      );
    const slots = { email: await patients(true), none: await patients(false) };
    const runOnce = (kind: "email" | "none") =>
      httpLoad({
        kind: kind === "email" ? "start visit, invite email queued" : "start visit, no email",
        url: w.app.url,
        connections: CLIENTS,
        seconds: SECONDS,
        slots: [...slots[kind]],
        request: (patientId) => {
          const r = actionRequest(w.app.url, id, TARGETS.startVisit.page(patientId), [{ patientId, kind: "INITIAL", date: today }], clinician.cookie);
          return { method: "POST", path: TARGETS.startVisit.page(patientId), headers: r.init.headers, body: r.init.body };
        },
        accept: (_slot, status, body) => status === 200 && /"ok":true/.test(body),
      });
    log("warm-up");
    await runOnce("email");
    await runOnce("none");
    await withClient(w.ownerUrl, (c) => c.query(`DELETE FROM graphile_worker._private_jobs; UPDATE "Message" SET status = 'SKIPPED'`));
    const parts: Record<"email" | "none", LoadRun[]> = { email: [], none: [] };
    for (let r = 0; r < ROUNDS; r++) {
      for (const kind of r % 2 === 0 ? (["none", "email"] as const) : (["email", "none"] as const)) {
        const run = await runOnce(kind);
        parts[kind].push(run);
        log(`round ${r + 1} ${run.kind}: ${run.throughput}/s, p50 ${run.p50} ms, p99 ${run.p99} ms, failed ${run.failed}`);
      }
    }
    const email = mergeRuns(parts.email);
    const none = mergeRuns(parts.none);
    const queued = await withClient(
      w.ownerUrl,
      async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Message" WHERE status = 'QUEUED'`)).rows[0]!.n,
    );

    log(`draining ${queued} queued invites into a loopback SMTP server`);
    const catcher = await new MailCatcher().start();
    const { createMessageWorker } = await import("../lib/messages/worker.ts");
    const { smtpTransport } = await import("../lib/messages/transport.ts");
    const t0 = Date.now();
    const worker = await createMessageWorker({ connectionString: w.appUrl, transport: () => smtpTransport(catcher.url), concurrency: 4 });
    const target = Math.min(queued, 2000);
    await catcher.waitFor((m) => m.length >= target, 300_000);
    const sendSeconds = (Date.now() - t0) / 1000;
    await worker?.stop();
    await catcher.stop();

    const ratio = (a: number, b: number) => round(a / b, 3);
    console.log("\n=== Messages bench");
    console.log(`start visit at ${CLIENTS} clients, ${ROUNDS} × ${SECONDS} s each, interleaved:`);
    for (const r of [none, email]) console.log(`  ${r.kind}: ${r.throughput}/s, p50 ${r.p50} ms, p99 ${r.p99} ms, failed ${r.failed}`);
    const p50 = ratio(email.p50, none.p50);
    const p99 = ratio(email.p99, none.p99);
    console.log(`  with the email queued: p50 ${p50} ×, p99 ${p99} × (target ≤ 1.10 ×: ${p50 <= 1.1 && p99 <= 1.1 ? "met" : "not met"})`);
    console.log(
      `queue to loopback SMTP: ${target} sent in ${round(sendSeconds, 1)} s = ${round(target / sendSeconds, 1)} sends/s (4 at once; worker and SMTP server in one process)`,
    );
  } finally {
    await w.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
