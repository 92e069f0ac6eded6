import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TARGETS } from "./targets";

// The fault tests, the benchmarks and the security scan find server actions only through TARGETS. A moved
// or renamed action fails here, in the unit tests, instead of crashing a scan nobody runs.
describe("every server action the scripts drive is where TARGETS says", () => {
  it.each(Object.entries(TARGETS))("%s", (_name, t) => {
    const source = readFileSync(t.file, "utf8");
    expect(source.startsWith('"use server"')).toBe(true);
    expect(source).toMatch(new RegExp(`export async function ${t.export}\\(`));
  });
});
