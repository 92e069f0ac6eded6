// npm run bench: speed and scale against the limits of this machine. Writes bench/results.json
// and bench/results.md.
//   npm run bench                   the full run (100,000 patients; 20-second load runs)
//   npm run bench -- --quick        a smaller run: 10,000 patients, 5-second load runs (under ten minutes)
//   npm run bench -- --only write   one part (page-weight, write, audit, read, backup, engine, pdf, keystroke,
//                                   lighthouse) or several (--only audit,backup); results files are written
//                                   only by a run of every part. audit, backup and engine need no build.
//   npm run bench -- --only pdf --merge   a partial run whose figures replace the same figures in
//                                   bench/results.json and results.md (a note says when and at what load)
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfNeeded } from "../scripts/lib/build.ts";
import { figure, mergeMarkdown, mergePartial, renderMarkdown, REQUIRED_FIGURES, type Figure, type Results } from "./figures.ts";
import { measurePageWeight, kb } from "./page-weight.ts";
import { startBenchDatabase, startBenchWorld, type BenchDatabase, type BenchWorld } from "./setup.ts";
import { AUDIT_CLINICS, measureAuditChains } from "./audit-chains.ts";
import { measureBackup } from "./backup.ts";
import { CONCURRENCY, measureWritePath } from "./write-path.ts";
import type { LoadRun } from "./load.ts";
import { measureReadPath, type ReadPathResult } from "./read-path.ts";
import { measureEngine, measurePdf } from "./engine-pdf.ts";
import { measureLighthouse, type LighthouseRun } from "./lighthouse.ts";
import { measureKeystroke } from "./keystroke.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onlyIdx = args.indexOf("--only");
const only = onlyIdx >= 0 ? new Set(args[onlyIdx + 1]!.split(",")) : null;
const merge = args.includes("--merge");
const wants = (part: string) => !only || only.has(part);
/** Parts that time PostgreSQL or this process alone: run by themselves, they need no build and no app. */
const WITHOUT_APP = new Set(["audit", "backup", "engine"]);
const needsApp = !only || [...only].some((p) => !WITHOUT_APP.has(p));

const began = Date.now();
const log = (s: string) => console.log(`[bench ${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${s}`);

const figures: Figure[] = [];
const notes: string[] = [];
const detail: Record<string, unknown> = {};
const sections: { title: string; body: string }[] = [];

function pageWeight() {
  const PW = "Page weight (first-load JavaScript, gzip -9, KB of 1000 bytes)";
  const r = measurePageWeight(path.join(root, ".next"), ["/intake", "/plan", "/visits/[visitId]/exam", "/visits/[visitId]/summary", "/visits/[visitId]/print"]);
  const floor = kb(r.baseline.firstLoad.gzipBytes);
  const over = (route: string) => r.routes.find((x) => x.route === route)!;
  const targets: Record<string, { name: string; target: number | null; what: string }> = {
    "/intake": { name: "intake-js-over-floor-kb", target: 40, what: "the patient's intake" },
    "/plan": { name: "plan-js-over-floor-kb", target: 25, what: "the patient's My plan page with the check-in" },
    "/visits/[visitId]/exam": { name: "exam-js-over-floor-kb", target: 80, what: "the clinician's exam form" },
    "/visits/[visitId]/summary": { name: "summary-js-over-floor-kb", target: 40, what: "the summary review" },
    "/visits/[visitId]/print": { name: "print-js-over-floor-kb", target: 0, what: "the printed summary" },
  };
  for (const [route, t] of Object.entries(targets)) {
    const w = over(route);
    figures.push(
      figure({
        group: PW,
        name: t.name,
        value: w.overBaselineKb,
        unit: "KB",
        limit: floor,
        target: t.target,
        better: "lower",
        note: `${t.what}: ${kb(w.firstLoad.gzipBytes)} KB first load, over the empty page's ${floor} KB (the limit: the framework's floor)${w.later.files.length ? `; ${kb(w.later.gzipBytes)} KB more fetched later` : ""}`,
      }),
    );
  }
  figures.push(
    figure({
      group: PW,
      name: "floor-js-kb",
      value: floor,
      unit: "KB",
      better: "lower",
      note: "an empty page of the same build (/bench-empty): Next.js and React, which every route loads",
    }),
  );
  detail.pageWeight = {
    buildId: r.buildId,
    floorKb: floor,
    routes: r.routes.map((x) => ({ route: x.route, firstLoadKb: kb(x.firstLoad.gzipBytes), overFloorKb: x.overBaselineKb, laterKb: kb(x.later.gzipBytes) })),
  };
}

function writeFigures(runs: LoadRun[]) {
  const WP = "Write path (server actions over loopback HTTP; durable PostgreSQL)";
  const run = (kind: string, c: number) => runs.find((r) => r.kind === kind && r.connections === c)!;
  for (const c of CONCURRENCY) {
    const empty = run("empty-action (draft body)", c);
    const save = run("autosave", c);
    const rows = run("autosave rows via pg", c);
    const emptyE = run("empty-action (exam body)", c);
    const exam = run("exam-save", c);
    const rowsE = run("exam-save rows via pg", c);
    const emptyC = run("empty-action (check-in body)", c);
    const checkIn = run("check-in", c);
    const at8 = c === 8;
    figures.push(
      figure({
        group: WP,
        name: `autosave-throughput-ratio-${c}`,
        value: save.throughput / empty.throughput,
        unit: "×",
        limit: 1,
        target: at8 ? 0.6 : null,
        better: "higher",
        note: `intake autosave ${save.throughput}/s ÷ the empty action's ${empty.throughput}/s (same body, ${c} clients)`,
      }),
      figure({
        group: WP,
        name: `autosave-db-ratio-${c}`,
        value: save.throughput / rows.throughput,
        unit: "×",
        limit: 1,
        better: "higher",
        note: `intake autosave ${save.throughput}/s ÷ the same rows written by plain pg, ${rows.throughput}/s`,
      }),
      figure({
        group: WP,
        name: `autosave-p99-ms-${c}`,
        value: save.p99,
        unit: "ms",
        limit: empty.p99,
        target: at8 ? 100 : null,
        better: "lower",
        note: `p50 ${save.p50}, p95 ${save.p95}; the limit is the empty action's p99`,
      }),
      figure({
        group: WP,
        name: `exam-save-throughput-ratio-${c}`,
        value: exam.throughput / emptyE.throughput,
        unit: "×",
        limit: 1,
        target: at8 ? 0.6 : null,
        better: "higher",
        note: `exam save ${exam.throughput}/s ÷ the empty action's ${emptyE.throughput}/s (same body, ${c} clients)`,
      }),
      figure({
        group: WP,
        name: `exam-save-db-ratio-${c}`,
        value: exam.throughput / rowsE.throughput,
        unit: "×",
        limit: 1,
        better: "higher",
        note: `exam save ${exam.throughput}/s ÷ the same rows written by plain pg, ${rowsE.throughput}/s`,
      }),
      figure({
        group: WP,
        name: `exam-save-p99-ms-${c}`,
        value: exam.p99,
        unit: "ms",
        limit: emptyE.p99,
        target: at8 ? 100 : null,
        better: "lower",
        note: `p50 ${exam.p50}, p95 ${exam.p95}; the limit is the empty action's p99`,
      }),
      figure({
        group: WP,
        name: `check-in-throughput-ratio-${c}`,
        value: checkIn.throughput / emptyC.throughput,
        unit: "×",
        limit: 1,
        target: at8 ? 0.6 : null,
        better: "higher",
        note: `My plan check-in ${checkIn.throughput}/s (a new row, the plan's check-ins replayed through the traffic light, the alert kept current) ÷ the empty action's ${emptyC.throughput}/s (same body, ${c} clients)`,
      }),
      figure({
        group: WP,
        name: `check-in-p99-ms-${c}`,
        value: checkIn.p99,
        unit: "ms",
        limit: emptyC.p99,
        target: at8 ? 100 : null,
        better: "lower",
        note: `p50 ${checkIn.p50}, p95 ${checkIn.p95}; the limit is the empty action's p99`,
      }),
    );
  }
  const failed = runs.filter((r) => r.failed > 0);
  if (failed.length)
    notes.push(`Write path: failed requests in ${failed.map((r) => `${r.kind} c=${r.connections} (${r.failed}: ${r.failures.join("; ")})`).join(", ")}.`);
  detail.writePath = runs;
  sections.push({
    title: "Write path runs",
    body: [
      "| run | clients | ok/s | p50 ms | p95 ms | p99 ms | max ms | ok | failed |",
      "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
      ...runs.map((r) => `| ${r.kind} | ${r.connections} | ${r.throughput} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.ok} | ${r.failed} |`),
    ].join("\n"),
  });
}

function auditChainFigures(r: Awaited<ReturnType<typeof measureAuditChains>>) {
  const AC = "Audited writes across clinics (plain pg, durable PostgreSQL; a hash chain per clinic, ADR 0030)";
  const one = r.runs.find((x) => x.connections === 1)!;
  const spread = r.runs.find((x) => x.connections === AUDIT_CLINICS && x.kind.includes(`${AUDIT_CLINICS} clinics`))!;
  const same = r.runs.find((x) => x.connections === AUDIT_CLINICS && x.kind.includes("1 clinic"))!;
  figures.push(
    figure({
      group: AC,
      name: "audited-writes-8-clinics-ratio",
      value: spread.throughput / one.throughput,
      unit: "×",
      limit: AUDIT_CLINICS,
      target: 3,
      better: "higher",
      note: `an exam save's rows (update + audit event) at ${AUDIT_CLINICS} clients over ${AUDIT_CLINICS} clinics, ${spread.throughput}/s (p99 ${spread.p99} ms), ÷ 1 client, ${one.throughput}/s (p99 ${one.p99} ms)${r.walSyncsPerCommit !== null ? `; ${r.walSyncsPerCommit} WAL fsyncs per commit at ${AUDIT_CLINICS} clinics (below 1: commits shared a flush)` : ""}`,
    }),
    figure({
      group: AC,
      name: "audited-writes-8-one-clinic-ratio",
      value: same.throughput / one.throughput,
      unit: "×",
      limit: AUDIT_CLINICS,
      better: "higher",
      note: `the same at ${AUDIT_CLINICS} clients in one clinic, ${same.throughput}/s (p99 ${same.p99} ms): they share that clinic's chain head, as every audited write in the database did before`,
    }),
  );
  detail.auditChains = r;
  sections.push({
    title: "Audited writes across clinics",
    body: [
      "| run | clients | ok/s | p50 ms | p95 ms | p99 ms | pg CPU ms/ok | load CPU ms/ok | failed |",
      "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
      ...r.runs.map(
        (x) =>
          `| ${x.kind} | ${x.connections} | ${x.throughput} | ${x.p50} | ${x.p95} | ${x.p99} | ${x.cpu?.postgresMsPerOk ?? ""} | ${x.cpu?.loadGeneratorMsPerOk ?? ""} | ${x.failed} |`,
      ),
    ].join("\n"),
  });
}

function backupFigures(r: Awaited<ReturnType<typeof measureBackup>>) {
  const BK = "Backup and restore (scripts/lib/backup.ts, ADR 0020)";
  const tag = `${r.patients >= 1000 ? Math.floor(r.patients / 1000) : r.patients}k`;
  const what = `the whole database: ${r.patients.toLocaleString("en-US")} patients, ${r.visits.toLocaleString("en-US")} visits, ${r.rows.toLocaleString("en-US")} rows in ${r.tables} tables (${r.auditEvents.toLocaleString("en-US")} audit events)`;
  figures.push(
    figure({ group: BK, name: `backup-mb-${tag}`, value: r.backupBytes / 1e6, unit: "MB", better: "lower", note: `${what}, compressed and encrypted` }),
    figure({
      group: BK,
      name: `backup-seconds-${tag}`,
      value: r.backupSeconds,
      unit: "s",
      better: "lower",
      note: `npm run backup's work on ${what}, on a quiet database`,
    }),
    figure({
      group: BK,
      name: `restore-seconds-${tag}`,
      value: r.restoreSeconds,
      unit: "s",
      better: "lower",
      note: `into a new migrated database (migrating it took ${r.migrateSeconds} s more), every table's count and content hash checked before commit; the audit chains verified after`,
    }),
  );
  detail.backup = r;
}

function readFigures(r: ReadPathResult) {
  const RP = "Read path at scale (lib/data functions, one clinic)";
  const largest = Math.max(...r.sizes.map((s) => s.patients));
  const smallest = Math.min(...r.sizes.map((s) => s.patients));
  const tag = largest >= 100_000 ? `${largest / 1000}k` : `${largest / 1000}k`;
  const what = {
    worklist: "the worklist (last 14 days and next 7)",
    search: "patient search (surname, first name, both, or date of birth)",
    history: "a patient's visit history",
    everything: "a patient's FHIR R4 $everything Bundle (four visits) with its audit event",
    "patient-page":
      "the patient page's data (the patient, visits, between-visits progress over 52 weeks of check-ins, plan link, trends across four visits; audited)",
  };
  for (const q of ["worklist", "search", "history", "everything", "patient-page"] as const) {
    const at = (n: number) => r.timings.find((t) => t.query === q && t.patients === n)!;
    const big = at(largest);
    const small = at(smallest);
    figures.push(
      figure({
        group: RP,
        name: `${q}-p95-ms-${tag}`,
        value: big.p95,
        unit: "ms",
        limit: small.p95,
        target: q === "everything" ? 100 : 50,
        better: "lower",
        note: `${what[q]} with ${largest.toLocaleString("en-US")} patients (p50 ${big.p50}, p99 ${big.p99}); the limit is the same call at ${smallest.toLocaleString("en-US")} patients, so the ratio is the growth over ${largest / smallest}× the records`,
      }),
    );
  }
  const stepwise = r.timings.find((t) => t.query === "patient-page-stepwise" && t.patients === largest);
  const page = r.timings.find((t) => t.query === "patient-page" && t.patients === largest);
  if (stepwise && page)
    figures.push(
      figure({
        group: RP,
        name: `patient-page-prisma-path-p95-ms-${tag}`,
        value: stepwise.p95,
        unit: "ms",
        limit: page.p95,
        better: "lower",
        note: `the same page's data through the step-by-step Prisma functions (the path before ADR 0037: about 28 statements against 8), timed in turns with it (p50 ${stepwise.p50} against ${page.p50}); the limit is the page as it is`,
      }),
    );
  if (r.bulk) {
    figures.push(
      figure({
        group: RP,
        name: `fhir-bulk-export-patients-per-second-${tag}`,
        value: r.bulk.patientsPerSecond,
        unit: "/s",
        better: "higher",
        note: `the whole clinic (${r.bulk.patients.toLocaleString("en-US")} patients, ${r.bulk.resources.toLocaleString("en-US")} resources) as FHIR Bulk Data NDJSON in ${r.bulk.seconds} s, streamed 200 patients at a time`,
      }),
      figure({
        group: RP,
        name: `fhir-bulk-export-peak-rss-mb-${tag}`,
        value: r.bulk.peakRssMb,
        unit: "MB",
        limit: r.bulk.peakRssBeforeMb,
        better: "lower",
        note: "the bench process's peak resident memory after the bulk export; the limit is its peak before the export",
      }),
    );
  }
  const bad = r.plans.filter((p) => p.seqScansOnLargeTables.length);
  figures.push(
    figure({
      group: RP,
      name: "read-plans-with-seq-scans",
      value: bad.length,
      unit: "plans",
      target: 0,
      better: "lower",
      note: `of ${r.plans.length} statements the read functions sent at ${largest.toLocaleString("en-US")} patients (EXPLAIN ANALYZE below)${bad.length ? `: ${bad.map((p) => `${p.function} on ${p.seqScansOnLargeTables.join(", ")}`).join("; ")}` : ""}`,
    }),
  );
  detail.readPath = r;
  const sizes = r.sizes.map((s) => s.patients);
  sections.push({
    title: "Read path: p95 by clinic size",
    body: [
      `Seeded with bench/seed-scale.sql: ${r.sizes.map((s) => `${s.patients.toLocaleString("en-US")} patients and ${s.visits.toLocaleString("en-US")} visits (${s.seedSeconds} s)`).join("; ")}.`,
      "",
      `| call | ${sizes.map((n) => `${n.toLocaleString("en-US")} patients`).join(" | ")} |`,
      `|---|${sizes.map(() => "--:").join("|")}|`,
      ...(["worklist", "search", "history", "patient-page"] as const).map(
        (q) =>
          `| ${q} p95 ms (p50) | ${sizes
            .map((n) => {
              const t = r.timings.find((x) => x.query === q && x.patients === n)!;
              return `${t.p95} (${t.p50})`;
            })
            .join(" | ")} |`,
      ),
    ].join("\n"),
  });
  sections.push({
    title: "Read path: the SQL the functions sent, and its plan (EXPLAIN ANALYZE, BUFFERS)",
    body: r.plans.map((p) => `### ${p.function}: ${p.example}\n\n\`\`\`sql\n${p.sql}\n\`\`\`\n\n\`\`\`\n${p.plan}\n\`\`\``).join("\n\n"),
  });
}

function lighthouseFigures(runs: LighthouseRun[]) {
  const LH = "Browser (Lighthouse, mobile profile)";
  const of = (page: LighthouseRun["page"]) => runs.find((r) => r.page === page)!;
  const note = (r: LighthouseRun) =>
    `${r.url}: ${Object.entries(r.metrics)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}; Lighthouse ${r.lighthouseVersion}, simulated slow 4G and 4× CPU slowdown`;
  const intake = of("intake");
  const print = of("print");
  const plan = of("plan");
  figures.push(
    figure({
      group: LH,
      name: "lighthouse-intake-performance",
      value: intake.performance,
      unit: "points",
      limit: 100,
      target: 95,
      better: "higher",
      note: note(intake),
    }),
    figure({
      group: LH,
      name: "lighthouse-intake-accessibility",
      value: intake.accessibility,
      unit: "points",
      limit: 100,
      target: 100,
      better: "higher",
      note: `${intake.url}, a verified patient's session`,
    }),
    figure({
      group: LH,
      name: "lighthouse-plan-performance",
      value: plan.performance,
      unit: "points",
      limit: 100,
      target: 95,
      better: "higher",
      note: note(plan),
    }),
    figure({
      group: LH,
      name: "lighthouse-plan-accessibility",
      value: plan.accessibility,
      unit: "points",
      limit: 100,
      target: 100,
      better: "higher",
      note: `${plan.url}, a verified patient's session on the plan link (My plan with the check-in)`,
    }),
    figure({
      group: LH,
      name: "lighthouse-print-performance",
      value: print.performance,
      unit: "points",
      limit: 100,
      target: 95,
      better: "higher",
      note: note(print),
    }),
    figure({
      group: LH,
      name: "lighthouse-print-accessibility",
      value: print.accessibility,
      unit: "points",
      limit: 100,
      target: 100,
      better: "higher",
      note: `${print.url}, a clinician's session`,
    }),
  );
  detail.lighthouse = runs;
  const lost = runs.flatMap((r) => r.failing.map((f) => `| ${r.page} | ${f.title} (\`${f.id}\`) | ${f.score} | ${f.displayValue ?? ""} |`));
  sections.push({
    title: "Lighthouse: audits that lost points",
    body: lost.length ? ["| page | audit | score | value |", "|---|---|--:|---|", ...lost].join("\n") : "None.",
  });
}

async function main() {
  const loadAverageAtStart = os.loadavg();
  if (needsApp) buildIfNeeded((s) => log(s));
  if (wants("page-weight")) pageWeight();
  let world: BenchWorld | null = null;
  let base: BenchDatabase | null = null;
  try {
    if (needsApp) base = world = await startBenchWorld(log);
    else base = await startBenchDatabase(log);
    if (wants("write")) {
      if (!world) throw new Error("the write path needs the app");
      const seconds = quick ? 5 : 20;
      const rounds = quick ? 1 : 4;
      log(`write path: ${seconds} s per run${rounds > 1 ? `, in ${rounds} interleaved slices of ${seconds / rounds} s` : ""}`);
      const r = await measureWritePath(world, { seconds, rounds, warmupSeconds: quick ? 1 : 3, log });
      writeFigures(r.runs);
      if (rounds > 1)
        notes.push(
          `Write path: at each concurrency the six kinds of run took turns, ${rounds} slices of ${seconds / rounds} s each, merged per kind, so that other work on the machine weighs on a save and on its two limits alike.`,
        );
    }
    if (wants("audit")) {
      const seconds = quick ? 6 : 24;
      const rounds = quick ? 2 : 4;
      log(`audited writes across clinics: ${seconds} s per run, in ${rounds} interleaved slices`);
      auditChainFigures(await measureAuditChains(base, { seconds, rounds, log }));
    }
    if (wants("read")) {
      if (!world) throw new Error("the read path needs the app");
      const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
      log(`read path: ${sizes.map((n) => n.toLocaleString("en-US")).join(", ")} patients`);
      readFigures(await measureReadPath(world, { sizes, samples: quick ? 200 : 400, log }));
    }
    if (wants("backup")) {
      const patients = quick ? 10_000 : 100_000;
      log(`backup and restore: ${patients.toLocaleString("en-US")} patients`);
      backupFigures(await measureBackup(base, { patients, log }));
    }
    if (wants("engine")) {
      const EP = "Engine and PDF";
      const e = measureEngine(quick ? 3 : 10);
      log(
        `engine: ${e.perSecond.toLocaleString("en-US")} assessments/s over ${e.cases} example cases (${e.assessments.toLocaleString("en-US")} in ${e.seconds} s, one thread)`,
      );
      figures.push(
        figure({
          group: EP,
          name: "engine-assessments-per-second",
          value: e.perSecond,
          unit: "/s",
          target: 10_000,
          better: "higher",
          note: `lib/assessment/engine.ts over the ${e.cases} example cases, one thread (one core), ${e.assessments.toLocaleString("en-US")} assessments in ${e.seconds} s`,
        }),
      );
      detail.engine = e;
    }
    if (wants("pdf")) {
      if (!world) throw new Error("the PDF part needs the app");
      const EP = "Engine and PDF";
      const p = await measurePdf(world, quick ? 5 : 15);
      log(
        `pdf: again p50 ${p.pdfP50} ms (p95 ${p.pdfP95}), the print page alone p50 ${p.printPageP50} ms; a newly signed summary's first p50 ${p.firstP50} ms (p95 ${p.firstP95}), its print page p50 ${p.firstPrintPageP50} ms; Chromium's start ${p.coldMs} ms; ${p.pdfBytes} bytes`,
      );
      figures.push(
        // Target: at most 3 × the print page the PDF renders (the page, then Chromium's layout and PDF writing).
        figure({
          group: EP,
          name: "pdf-ms",
          value: p.pdfP50,
          unit: "ms",
          limit: p.printPageP50,
          target: Math.round(3 * p.printPageP50),
          better: "lower",
          note: `"Download PDF" of a finalized summary (/visits/[id]/print/pdf, Letter), downloaded again, warm, median of ${p.samples} (p95 ${p.pdfP95}; the first, starting Chromium, ${p.coldMs} ms); the PDF of an unchanged print page comes from the renderer's cache (ADR 0038), so this is the route, the print page it fetches and a hash; the limit is the print page, fetched alone; the target is 3 × that limit`,
        }),
        // The same target for what the cache cannot hide: each newly signed summary is printed.
        figure({
          group: EP,
          name: "pdf-first-ms",
          value: p.firstP50,
          unit: "ms",
          limit: p.firstPrintPageP50,
          target: Math.round(3 * p.firstPrintPageP50),
          better: "lower",
          note: `the first "Download PDF" of each of ${p.firstSamples} newly signed summaries (Letter), Chromium warm, median (p95 ${p.firstP95}): the print page fetched and printed by Chromium every time; the limit is the print page of the same visits, fetched alone; the target is 3 × that limit`,
        }),
      );
      detail.pdf = p;
    }
    if (wants("keystroke")) {
      if (!world) throw new Error("the keystroke part needs the app");
      const k = await measureKeystroke(world);
      log(`keystroke: median ${k.medianMs} ms, 90th percentile ${k.p90Ms} ms over ${k.samples} keystrokes in the full exam`);
      figures.push(
        // Target: one 60 Hz frame, so a tablet four times slower still answers well within 100 ms.
        figure({
          group: "Browser",
          name: "exam-keystroke-ms",
          value: k.medianMs,
          unit: "ms",
          target: 16,
          better: "lower",
          note: `one keystroke in a trial's force field of the full exam, from the input event to the page laid out again (React's update, derived values, chart, layout), median of ${k.samples} in Chromium (90th percentile ${k.p90Ms} ms); the target is one 60 Hz frame`,
        }),
      );
      detail.keystroke = k;
    }
    if (wants("lighthouse")) {
      if (!world) throw new Error("the Lighthouse part needs the app");
      lighthouseFigures(await measureLighthouse(world, { runs: quick ? 1 : 3, log }));
    }
    const cores = os.cpus().length;
    notes.unshift(
      `Absolute numbers depend on the machine and on what else runs on it. This one has ${cores} cores, shared: the load average was ${loadAverageAtStart[0]!.toFixed(2)} when the run started, and other people's builds and test runs may have overlapped it, which lowers throughput and raises tail latency of the app and of its limits alike (the ratios move less than the absolute values).`,
    );
    if (!only) {
      const missing = REQUIRED_FIGURES.filter((n) => !figures.some((f) => f.name === n));
      if (missing.length)
        notes.push(
          `Not in this run (${quick ? "the quick run seeds 10,000 patients, so its read-path figures end in -10k" : "a part failed"}): ${missing.join(", ")}.`,
        );
    }
    const results: Results = {
      at: new Date().toISOString(),
      mode: quick ? "quick" : "full",
      durationSeconds: Math.round((Date.now() - began) / 1000),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? "?",
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        postgres: base.postgresVersion,
        loadAverageAtStart,
      },
      notes,
      figures,
      detail,
    };
    const md = renderMarkdown(results, sections);
    const jsonPath = path.join(root, "bench", "results.json");
    const mdPath = path.join(root, "bench", "results.md");
    if (only && merge && existsSync(jsonPath) && existsSync(mdPath)) {
      console.log(md);
      const merged = mergePartial(JSON.parse(readFileSync(jsonPath, "utf8")) as Results, results, [...only]);
      writeFileSync(jsonPath, `${JSON.stringify(merged, null, 2)}\n`);
      writeFileSync(mdPath, mergeMarkdown(readFileSync(mdPath, "utf8"), merged));
      log(`a partial run (--only ${[...only].join(",")} --merge): its figures replaced the same ones in bench/results.json and results.md`);
    } else if (only) {
      console.log(md);
      log("a partial run (--only): bench/results.json and results.md left as they were (--merge writes its figures into them)");
    } else {
      writeFileSync(path.join(root, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
      writeFileSync(path.join(root, "bench", "results.md"), md);
      log("wrote bench/results.json and bench/results.md");
    }
  } finally {
    const { db } = await import("../lib/db.ts").catch(() => ({ db: null }));
    await db?.()
      .$disconnect()
      .catch(() => {});
    await base?.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
