import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { firstLoadFiles, formatReport, kb, measurePageWeight } from "./page-weight";

// A miniature Next.js 16 build output with the manifests the bench reads.
const dir = mkdtempSync(path.join(tmpdir(), "page-weight-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const chunk = (name: string, content: string) => {
  mkdirSync(path.join(dir, "static", "chunks"), { recursive: true });
  writeFileSync(path.join(dir, "static", "chunks", name), content);
  return gzipSync(Buffer.from(content), { level: 9 }).length;
};
const routeManifest = (appPath: string, entries: Record<string, string[]>) => {
  const file = path.join(dir, "server", "app", `${appPath}_client-reference-manifest.js`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(appPath)}] = ${JSON.stringify({ clientModules: {}, entryJSFiles: entries })};\n`,
  );
};

const runtime = chunk("runtime.js", "r".repeat(5000) + "runtime");
const react = chunk("react.js", "function react(){}".repeat(300));
const layout = chunk("layout.js", "layout();".repeat(200));
const form = chunk("form.js", "useForm({resolver})".repeat(400));
const step = chunk("step.js", "step()".repeat(100));
chunk("polyfill.js", "polyfill".repeat(100));

writeFileSync(path.join(dir, "BUILD_ID"), "test-build\n");
writeFileSync(
  path.join(dir, "build-manifest.json"),
  JSON.stringify({ rootMainFiles: ["static/chunks/runtime.js", "static/chunks/react.js"], polyfillFiles: ["static/chunks/polyfill.js"] }),
);
writeFileSync(
  path.join(dir, "app-path-routes-manifest.json"),
  JSON.stringify({ "/(bench)/bench-empty/page": "/bench-empty", "/(patient)/intake/page": "/intake", "/api/health/route": "/api/health" }),
);
routeManifest("/(bench)/bench-empty/page", {
  "[project]/app/layout": ["static/chunks/layout.js"],
  "[project]/app/(bench)/bench-empty/page": ["static/chunks/layout.js"],
});
routeManifest("/(patient)/intake/page", {
  "[project]/app/layout": ["static/chunks/layout.js"],
  "[project]/app/(patient)/intake/page": ["/_next/static/chunks/layout.js", "/_next/static/chunks/form.js", "/_next/static/chunks/page.css"],
});
mkdirSync(path.join(dir, "server", "app", "(patient)", "intake", "page"), { recursive: true });
writeFileSync(
  path.join(dir, "server", "app", "(patient)", "intake", "page", "react-loadable-manifest.json"),
  JSON.stringify({ 1: { id: 1, files: ["static/chunks/step.js"] }, 2: { id: 2, files: ["static/chunks/form.js"] } }),
);

describe("page weight from the build manifests", () => {
  it("counts the root main files and every segment's entry chunks once, JavaScript only", () => {
    expect(firstLoadFiles(dir, "/(patient)/intake/page").sort()).toEqual(
      ["static/chunks/form.js", "static/chunks/layout.js", "static/chunks/layout.js", "static/chunks/react.js", "static/chunks/runtime.js"].sort(),
    );
  });

  it("reports gzip -9 sizes per route, the empty page, the difference and the chunks loaded later", () => {
    const r = measurePageWeight(dir);
    expect(r.buildId).toBe("test-build");
    expect(r.baseline.firstLoad.gzipBytes).toBe(runtime + react + layout);
    expect(r.routes.map((x) => x.route)).toEqual(["/intake"]);
    const intake = r.routes[0]!;
    expect(intake.firstLoad.gzipBytes).toBe(runtime + react + layout + form);
    expect(intake.overBaselineKb).toBe(kb(form));
    // form.js is behind next/dynamic too but already loaded: only step.js comes later.
    expect(intake.later).toMatchObject({ files: ["static/chunks/step.js"], gzipBytes: step });
    expect(formatReport(r)).toMatch(/\/intake\s+[\d.]+ KB\s+\+[\d.]+ KB\s+[\d.]+ KB in 1 chunks/);
  });

  it("names an unknown route", () => {
    expect(() => measurePageWeight(dir, ["/nope"])).toThrow("No page route /nope in this build");
  });
});
