import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
// Browser: Lighthouse 12 (lighthouse@12.2.3; 13 needs Node 22) in Debian's Chromium, with its
// default mobile profile (a mid-range phone's screen, simulated slow 4G and a 4× slower CPU), scoring
// performance and accessibility of the patient's intake (a verified patient session: its cookie is sent), of
// My plan with its check-in (a verified plan-link session) and of the printed summary (a clinician's session).
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { findChromium } from "../lib/chromium.ts";
import { finalizedVisit } from "./engine-pdf.ts";
import { planPatient, signedInClinician, verifiedPatient, type BenchWorld } from "./setup.ts";

export interface LighthouseRun {
  page: "intake" | "plan" | "print";
  url: string;
  performance: number;
  accessibility: number;
  /** Core metrics as Lighthouse reports them (simulated mobile). */
  metrics: Record<string, string>;
  /** Audits that lost points (performance or accessibility), with Lighthouse's own title. */
  failing: { id: string; title: string; score: number | null; displayValue?: string }[];
  lighthouseVersion: string;
  benchmarkIndex: number | null;
}

/**
 * One Lighthouse run. Lighthouse 12.2 predates Debian's Chromium (156): now and then the trace it records
 * lacks the navigation start (NO_NAVSTART) and the run has no result; such a run is retried (up to three
 * tries), and each retry is logged. (Its "RootCauses" gatherer also fails on this Chromium's trace; that
 * only loses the layout-shift root causes and the LCP element's name, not a scored metric.)
 */
async function audit(port: number, t: { page: string; url: string; cookie: string }, log: (s: string) => void) {
  for (let attempt = 1; ; attempt++) {
    const r = await lighthouse(t.url, {
      port,
      output: "json",
      logLevel: "silent",
      onlyCategories: ["performance", "accessibility"],
      extraHeaders: { Cookie: t.cookie },
    });
    if (!r) throw new Error(`Lighthouse gave no result for ${t.page}`);
    const err = r.lhr.runtimeError;
    if (!err) return r.lhr;
    if (attempt >= 3) throw new Error(`Lighthouse could not load ${t.page} in ${attempt} tries: ${err.code} ${err.message}`);
    log(`lighthouse ${t.page}: ${err.code} (a trace without its navigation start), trying again`);
  }
}

export async function measureLighthouse(w: BenchWorld, opts: { runs: number; log: (s: string) => void }): Promise<LighthouseRun[]> {
  const chromePath = findChromium();
  if (!chromePath) throw new Error("Lighthouse needs Chromium: apt-get install -y chromium (or set CHROMIUM_PATH)");
  const patient = await verifiedPatient(w, 9001);
  const runner = await planPatient(w, 9002);
  const clinician = await signedInClinician(w);
  const { visitId } = await finalizedVisit(w);
  const targets = [
    { page: "intake" as const, url: `${w.app.url}/intake`, cookie: patient.client.cookie },
    { page: "plan" as const, url: `${w.app.url}/plan`, cookie: runner.client.cookie },
    { page: "print" as const, url: `${w.app.url}/visits/${visitId}/print`, cookie: clinician.cookie },
  ];
  const chrome = await launch({ chromePath, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  const results: LighthouseRun[] = [];
  try {
    for (const t of targets) {
      // Lighthouse's scores move a little from run to run; the median run of a few is reported.
      const runs: LighthouseRun[] = [];
      for (let i = 0; i < opts.runs; i++) {
        const lhr = await audit(chrome.port, t, opts.log);
        // LIGHTHOUSE_REPORTS=dir keeps each run's full report (long tasks, script boot-up) to read.
        const dir = process.env.LIGHTHOUSE_REPORTS;
        if (dir) {
          mkdirSync(dir, { recursive: true });
          writeFileSync(path.join(dir, `${t.page}-${i + 1}.json`), JSON.stringify(lhr));
        }
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        const metric = (id: string) => lhr.audits[id]?.displayValue ?? "";
        const failing = Object.values(lhr.categories)
          .flatMap((c) => c.auditRefs.filter((ref) => ref.weight > 0).map((ref) => lhr.audits[ref.id]!))
          .filter((a) => a.score !== null && a.score < 1)
          .map((a) => ({ id: a.id, title: a.title, score: a.score, displayValue: a.displayValue }));
        runs.push({
          page: t.page,
          url: t.url.replace(w.app.url, "").replace(visitId, "[visitId]"),
          performance: score("performance"),
          accessibility: score("accessibility"),
          metrics: {
            FCP: metric("first-contentful-paint"),
            LCP: metric("largest-contentful-paint"),
            TBT: metric("total-blocking-time"),
            CLS: metric("cumulative-layout-shift"),
            SI: metric("speed-index"),
          },
          failing,
          lighthouseVersion: lhr.lighthouseVersion,
          benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
        });
      }
      runs.sort((a, b) => a.performance - b.performance);
      const median = runs[Math.floor(runs.length / 2)]!;
      opts.log(
        `lighthouse ${t.page}: performance ${runs.map((r) => r.performance).join("/")} (median ${median.performance}), accessibility ${median.accessibility}; ${Object.entries(
          median.metrics,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(", ")}`,
      );
      results.push(median);
    }
  } finally {
    chrome.kill();
  }
  return results;
}
