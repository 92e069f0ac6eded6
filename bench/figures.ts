// The shape of bench/results.json and its readable twin bench/results.md.
//
// Every figure is reported beside the limit it is compared against (the same machine's physical or
// framework limit, measured in the same run) and the ratio value / limit, so a reader sees how close to
// the limit the app is. `target` is the issue's goal; `met` compares value with target in the direction
// `better` says. Figures with no physical limit carry `limit: null, ratio: null`; figures with no goal
// carry `target: null, met: null`.

export type Better = "lower" | "higher";

export interface Figure {
  name: string;
  value: number;
  unit: string;
  limit: number | null;
  ratio: number | null;
  target: number | null;
  better: Better;
  met: boolean | null;
  /** What the value and the limit are, in words (results.md shows it). */
  note?: string;
  /** Which part of the run measured it (page weight, write path, ...). */
  group: string;
}

export interface FigureInput {
  name: string;
  value: number;
  unit: string;
  better: Better;
  limit?: number | null;
  target?: number | null;
  note?: string;
  group: string;
}

/** Round to a few significant digits for the report (the measurements are not more precise than that). */
export function round(n: number, digits = 3): number {
  if (!Number.isFinite(n) || n === 0) return n;
  const scale = 10 ** Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(n))));
  return Math.round(n * scale) / scale;
}

export function figure(f: FigureInput): Figure {
  const limit = f.limit ?? null;
  const target = f.target ?? null;
  const ratio = limit === null || limit === 0 ? null : round(f.value / limit);
  const met = target === null ? null : f.better === "lower" ? f.value <= target : f.value >= target;
  return {
    name: f.name,
    value: round(f.value),
    unit: f.unit,
    limit: limit === null ? null : round(limit),
    ratio,
    target,
    better: f.better,
    met,
    note: f.note,
    group: f.group,
  };
}

export interface Results {
  /** ISO time the run finished. */
  at: string;
  mode: "full" | "quick";
  durationSeconds: number;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; postgres: string; loadAverageAtStart: number[] };
  notes: string[];
  figures: Figure[];
  /** Supporting detail: per-run load numbers, query plans, the scale series (results.md renders parts). */
  detail: Record<string, unknown>;
}

const fmt = (n: number | null) => (n === null ? "–" : Number.isInteger(n) ? n.toLocaleString("en-US") : String(n));

/** results.md: the figures table first (grouped), then the notes and whatever detail sections are given. */
export function renderMarkdown(r: Results, sections: { title: string; body: string }[] = []): string {
  const lines: string[] = [
    "# Benchmark results",
    "",
    `\`npm run bench${r.mode === "quick" ? " -- --quick" : ""}\`, finished ${r.at} in ${Math.round(r.durationSeconds / 60)} min. Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGb} GB, Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}; load average at the start ${r.machine.loadAverageAtStart.map((x) => x.toFixed(2)).join(", ")}.`,
    "",
    "**Absolute times depend on the machine** (and on whatever else runs on it): compare each figure with its limit, which was measured on the same machine in the same run. The ratio is value ÷ limit.",
    "",
  ];
  const met = r.figures.filter((f) => f.met === true).length;
  const missed = r.figures.filter((f) => f.met === false);
  lines.push(`Targets: ${met} met, ${missed.length} missed${missed.length ? ` (${missed.map((f) => f.name).join(", ")})` : ""}.`, "");
  const groups = [...new Set(r.figures.map((f) => f.group))];
  for (const g of groups) {
    lines.push(`## ${g}`, "", "| figure | value | limit | ratio | target | met | what |", "|---|---:|---:|---:|---:|:-:|---|");
    for (const f of r.figures.filter((x) => x.group === g)) {
      const target = f.target === null ? "–" : `${f.better === "lower" ? "≤" : "≥"} ${fmt(f.target)}`;
      const mark = f.met === null ? "" : f.met ? "yes" : "**no**";
      lines.push(`| \`${f.name}\` | ${fmt(f.value)} ${f.unit} | ${fmt(f.limit)} | ${fmt(f.ratio)} | ${target} | ${mark} | ${f.note ?? ""} |`);
    }
    lines.push("");
  }
  if (r.notes.length) {
    lines.push("## Notes", "");
    for (const n of r.notes) lines.push(`- ${n}`);
    lines.push("");
  }
  for (const s of sections) lines.push(`## ${s.title}`, "", s.body.trimEnd(), "");
  return lines.join("\n");
}

/** Percentiles of a list of samples (nearest rank), for latencies measured by the bench itself. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** The figure names the benchmark must produce in results.json. */
export const REQUIRED_FIGURES = [
  "intake-js-over-floor-kb",
  "print-js-over-floor-kb",
  "autosave-throughput-ratio-8",
  "autosave-db-ratio-8",
  "autosave-p99-ms-8",
  "exam-save-throughput-ratio-8",
  "audited-writes-8-clinics-ratio",
  "worklist-p95-ms-100k",
  "search-p95-ms-100k",
  "history-p95-ms-100k",
  "backup-mb-100k",
  "backup-seconds-100k",
  "restore-seconds-100k",
  "engine-assessments-per-second",
  "pdf-ms",
  "pdf-first-ms",
  "lighthouse-intake-performance",
  "lighthouse-intake-accessibility",
  "lighthouse-print-accessibility",
  "lighthouse-plan-performance",
  "lighthouse-plan-accessibility",
  // Issue 13 (between visits).
  "plan-js-over-floor-kb",
  "check-in-throughput-ratio-8",
  "check-in-p99-ms-8",
  "patient-page-p95-ms-100k",
] as const;

/**
 * A partial run (`--only … --merge`) folded into the last full run's results: each of its figures replaces
 * the figure of the same name (or joins its group), its detail replaces the same keys, and a note says which
 * figures came from which run, when, and at what load. Everything else stays the full run's.
 */
export function mergePartial(full: Results, partial: Results, parts: string[]): Results {
  const figures = [...full.figures];
  for (const f of partial.figures) {
    const same = figures.findIndex((x) => x.name === f.name);
    if (same >= 0) {
      figures[same] = f;
      continue;
    }
    const lastOfGroup = figures.map((x) => x.group).lastIndexOf(f.group);
    figures.splice(lastOfGroup >= 0 ? lastOfGroup + 1 : figures.length, 0, f);
  }
  const names = partial.figures.map((f) => `\`${f.name}\``).join(", ");
  const load = partial.machine.loadAverageAtStart.map((x) => x.toFixed(2)).join(", ");
  const lead = `${names} come from a later partial run`;
  const notes = [
    // A note from an earlier merge of the same figures is replaced, not kept beside this one.
    ...full.notes.filter((n) => !n.startsWith(lead)),
    `${names} come from a later partial run (\`npm run bench -- --only ${parts.join(",")}${partial.mode === "quick" ? " --quick" : ""} --merge\`, finished ${partial.at}, load average at its start ${load}), not from the full run above.`,
  ];
  return { ...full, notes, figures, detail: { ...full.detail, ...partial.detail } };
}

/** results.md for merged results: the new figures and notes, then the full run's own detail sections as
 * they were (everything after its notes). */
export function mergeMarkdown(previousMd: string, merged: Results): string {
  const head = renderMarkdown(merged, []);
  const notesAt = previousMd.indexOf("\n## Notes\n");
  const nextSection = notesAt >= 0 ? previousMd.indexOf("\n## ", notesAt + 1) : -1;
  return nextSection >= 0 ? `${head.trimEnd()}\n\n${previousMd.slice(nextSection + 1)}` : head;
}
