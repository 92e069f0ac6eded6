import { describe, expect, it } from "vitest";
import { mergeRuns, summarize } from "./load";

describe("mergeRuns", () => {
  it("adds counts and seconds, takes percentiles over every slice, weights CPU by answers, and drops the samples", () => {
    const a = { ...summarize("save", 8, 5, [1, 2, 3, 4], 1, ["409 conflict"]), cpu: { appMsPerOk: 2, postgresMsPerOk: 1, loadGeneratorMsPerOk: 0.2 } };
    const b = {
      ...summarize(
        "save",
        8,
        5,
        Array.from({ length: 96 }, (_, i) => 10 + i),
        0,
        [],
      ),
      cpu: { appMsPerOk: 4, postgresMsPerOk: 1, loadGeneratorMsPerOk: 0.2 },
    };
    const m = mergeRuns([a, b]);
    expect(m).toMatchObject({ kind: "save", connections: 8, seconds: 10, ok: 100, failed: 1, throughput: 10, max: 105, failures: ["409 conflict"] });
    expect(m.p50).toBe(55); // the 50th of 100 samples (1..4, then 10..105)
    expect(m.p99).toBe(104);
    expect(m.cpu!.appMsPerOk).toBeCloseTo((2 * 4 + 4 * 96) / 100, 2);
    expect(m).not.toHaveProperty("latencies");
  });
});
