import { describe, expect, it } from "vitest";
import { figure, mergeMarkdown, mergePartial, renderMarkdown, type Results } from "./figures";

const run = (at: string, load: number, figures: Results["figures"], detail: Record<string, unknown> = {}): Results => ({
  at,
  mode: "full",
  durationSeconds: 600,
  machine: { cpus: 2, cpuModel: "test", memoryGb: 8, node: "v20", postgres: "18", loadAverageAtStart: [load, load, load] },
  notes: ["the full run's note"],
  figures,
  detail,
});

describe("a partial run merged into the full run's results (--only … --merge)", () => {
  const full = run(
    "2026-12-06T04:00:00Z",
    0.2,
    [
      figure({ group: "Engine and PDF", name: "engine-assessments-per-second", value: 30000, unit: "/s", better: "higher", target: 10000 }),
      figure({ group: "Engine and PDF", name: "pdf-ms", value: 1814, unit: "ms", better: "lower", limit: 257, target: 771 }),
      figure({ group: "Browser", name: "exam-keystroke-ms", value: 5, unit: "ms", better: "lower", target: 16 }),
    ],
    { engine: { n: 1 }, pdf: { old: true } },
  );
  const partial = run("2026-12-06T19:00:00Z", 11.5, [
    figure({ group: "Engine and PDF", name: "pdf-ms", value: 218, unit: "ms", better: "lower", limit: 162, target: 486 }),
    figure({ group: "Engine and PDF", name: "pdf-first-ms", value: 850, unit: "ms", better: "lower", limit: 227, target: 681 }),
  ]);
  partial.detail = { pdf: { new: true } };

  it("replaces the same figures, adds new ones to their group, keeps the rest, and says when and at what load", () => {
    const m = mergePartial(full, partial, ["pdf"]);
    expect(m.figures.map((f) => f.name)).toEqual(["engine-assessments-per-second", "pdf-ms", "pdf-first-ms", "exam-keystroke-ms"]);
    expect(m.figures[1]).toMatchObject({ value: 218, limit: 162, met: true });
    expect(m.figures[2]).toMatchObject({ value: 850, met: false });
    expect(m.detail).toEqual({ engine: { n: 1 }, pdf: { new: true } });
    expect(m.at).toBe(full.at);
    expect(m.notes[0]).toBe("the full run's note");
    expect(m.notes[1]).toContain(
      "`pdf-ms`, `pdf-first-ms` come from a later partial run (`npm run bench -- --only pdf --merge`, finished 2026-12-06T19:00:00Z, load average at its start 11.50",
    );
    // Merging again replaces that note rather than adding a second.
    expect(mergePartial(m, partial, ["pdf"]).notes).toHaveLength(2);
  });

  it("rewrites results.md's figures and notes and keeps the full run's detail sections", () => {
    const md = renderMarkdown(full, [{ title: "Write path runs", body: "the runs table" }]);
    const merged = mergeMarkdown(md, mergePartial(full, partial, ["pdf"]));
    expect(merged).toContain("| `pdf-ms` | 218 ms | 162 |");
    expect(merged).toContain("| `pdf-first-ms` | 850 ms |");
    expect(merged).not.toContain("1,814 ms");
    expect(merged).toContain("Targets: 3 met, 1 missed (pdf-first-ms).");
    expect(merged.match(/## Write path runs\n\nthe runs table/g)).toHaveLength(1);
    expect(merged.indexOf("## Notes")).toBeLessThan(merged.indexOf("## Write path runs"));
  });
});
