import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
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

  it("no script or benchmark names an action file of its own (the security scan once did, and crashed)", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
      );
    const own = [...files("scripts"), ...files("bench")]
      .filter((f) => !f.endsWith(path.join("faults", "targets.ts")) && !f.endsWith(".test.ts"))
      .filter((f) => /file:\s*["'`]app\//.test(readFileSync(f, "utf8")));
    expect(own).toEqual([]);
  });
});
