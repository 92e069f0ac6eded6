// Two load generators with one result shape: HTTP through autocannon (on loopback, in this process), and
// plain `pg` clients in a loop. Both keep one slot (a patient's draft, a visit's exam, with its own session
// and version) per connection, so every request is a real save, never an optimistic-concurrency conflict.
import autocannon from "autocannon";
import pg from "pg";
import { percentile, round } from "./figures.ts";

export interface LoadRun {
  kind: string;
  connections: number;
  seconds: number;
  /** Answers that did what was asked (a save acknowledged with its new version). */
  ok: number;
  /** Anything else: refusals, conflicts, errors, timeouts. */
  failed: number;
  /** ok per second. */
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  failures: string[];
  /** CPU per successful request, by process (bench/cpu.ts), when measured. */
  cpu?: { appMsPerOk: number; postgresMsPerOk: number; loadGeneratorMsPerOk: number };
  /** The timed latencies themselves, for mergeRuns; dropped from the merged run (not written to results). */
  latencies?: number[];
}

/**
 * Several slices of one kind of run (the write path interleaves its kinds in rounds, so that whatever else
 * the machine is doing falls on the app and its limits alike) as one run: counts and seconds added,
 * percentiles over every slice's latencies, CPU per request weighted by each slice's answers.
 */
export function mergeRuns(parts: LoadRun[]): LoadRun {
  const first = parts[0]!;
  const latencies = parts.flatMap((p) => p.latencies ?? []);
  const seconds = parts.reduce((a, p) => a + p.seconds, 0);
  const ok = parts.reduce((a, p) => a + p.ok, 0);
  const merged = summarize(
    first.kind,
    first.connections,
    seconds,
    latencies,
    parts.reduce((a, p) => a + p.failed, 0),
    parts.flatMap((p) => p.failures),
  );
  const withCpu = parts.filter((p) => p.cpu && p.ok > 0);
  const weighted = (k: keyof NonNullable<LoadRun["cpu"]>) =>
    round(
      withCpu.reduce((a, p) => a + p.cpu![k] * p.ok, 0) /
        Math.max(
          1,
          withCpu.reduce((a, p) => a + p.ok, 0),
        ),
    );
  const { latencies: _drop, ...run } = merged;
  return {
    ...run,
    ok,
    throughput: round(ok / seconds),
    ...(withCpu.length
      ? { cpu: { appMsPerOk: weighted("appMsPerOk"), postgresMsPerOk: weighted("postgresMsPerOk"), loadGeneratorMsPerOk: weighted("loadGeneratorMsPerOk") } }
      : {}),
  };
}

export function summarize(kind: string, connections: number, seconds: number, latencies: number[], failed: number, failures: string[]): LoadRun {
  return {
    kind,
    connections,
    seconds: round(seconds),
    ok: latencies.length,
    failed,
    throughput: round(latencies.length / seconds),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(Math.max(...latencies)),
    failures: [...new Set(failures)].slice(0, 5),
    latencies,
  };
}

export interface HttpRequestSpec {
  method: "POST" | "GET";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * autocannon with `connections` connections for `seconds`. Each request takes a free slot and gives it
 * back with its answer; `request` builds the request for a slot, `accept` reads the answer (true: it did
 * what was asked) and may update the slot. Latency is timed per request from the moment it is built.
 */
export async function httpLoad<S>(opts: {
  kind: string;
  url: string;
  connections: number;
  seconds: number;
  slots: S[];
  request: (slot: S) => HttpRequestSpec;
  accept: (slot: S, status: number, body: string) => boolean;
}): Promise<LoadRun> {
  if (opts.slots.length < opts.connections) throw new Error(`${opts.kind}: ${opts.slots.length} slots for ${opts.connections} connections`);
  const free = [...opts.slots];
  const latencies: number[] = [];
  const failures: string[] = [];
  let failed = 0;
  // Each connection's first request is built before its socket connects: not timed.
  let started = false;
  let untimed = 0;
  const began = process.hrtime.bigint();
  const run = autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (req, ctx) => {
          const slot = free.shift();
          if (slot === undefined) throw new Error(`${opts.kind}: no free slot`);
          ctx.slot = slot;
          ctx.t = started ? process.hrtime.bigint() : null;
          const spec = opts.request(slot);
          return { ...req, method: spec.method, path: spec.path, headers: spec.headers, body: spec.body };
        },
        onResponse: (status, body, ctx) => {
          const slot = ctx.slot as S;
          if (opts.accept(slot, status, body)) {
            if (ctx.t !== null) latencies.push(Number(process.hrtime.bigint() - (ctx.t as bigint)) / 1e6);
            else untimed++;
          } else {
            failed++;
            failures.push(`${status} ${body.replace(/\s+/g, " ").slice(0, 160)}`);
          }
          free.push(slot);
        },
      },
    ],
  });
  run.on("start", () => {
    started = true;
  });
  const result = await run;
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  failed += result.errors + result.timeouts;
  if (result.errors || result.timeouts) failures.push(`${result.errors} transport errors, ${result.timeouts} timeouts`);
  const r = summarize(opts.kind, opts.connections, Math.min(seconds, opts.seconds + 1), latencies, failed, failures);
  return { ...r, ok: r.ok + untimed, throughput: round((r.ok + untimed) / r.seconds) };
}

/**
 * `connections` plain pg clients, each looping over its own slot for `seconds`: the database's own limit
 * for the same rows, with no framework in between.
 */
export async function pgLoad<S>(opts: {
  kind: string;
  databaseUrl: string;
  connections: number;
  seconds: number;
  slots: S[];
  transaction: (client: pg.Client, slot: S, n: number) => Promise<boolean>;
}): Promise<LoadRun> {
  const clients = await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      const c = new pg.Client({ connectionString: opts.databaseUrl });
      await c.connect();
      return c;
    }),
  );
  const latencies: number[] = [];
  const failures: string[] = [];
  let failed = 0;
  const began = Date.now();
  const deadline = began + opts.seconds * 1000;
  try {
    await Promise.all(
      clients.map(async (c, i) => {
        let n = 0;
        while (Date.now() < deadline) {
          const t = process.hrtime.bigint();
          try {
            if (await opts.transaction(c, opts.slots[i]!, n++)) latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
            else failed++;
          } catch (e) {
            failed++;
            failures.push(e instanceof Error ? e.message : String(e));
            await c.query("ROLLBACK").catch(() => {});
          }
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
  }
  return summarize(opts.kind, opts.connections, (Date.now() - began) / 1000, latencies, failed, failures);
}
