// Page weight: the JavaScript a first load of each route fetches, gzip -9, in KB (1000 bytes), from a
// production build's own manifests, and the same for an empty page of that build (the
// budget for the intake is at most 40 KB over the empty page).
//
// Where Next.js 16.4 (Turbopack) records a route's first-load chunks:
//   .next/build-manifest.json            rootMainFiles: the framework and runtime chunks every page loads;
//                                        polyfillFiles: legacy polyfills (nomodule, old browsers only)
//   .next/server/app/<route>_client-reference-manifest.js
//                                        entryJSFiles: per segment of the route (root layout, error and
//                                        not-found boundaries, the page), the client chunks its HTML loads
//   .next/server/app/<route>/react-loadable-manifest.json
//                                        chunks behind next/dynamic: fetched later, when rendered
//   .next/app-path-routes-manifest.json  app path ("/(patient)/intake/page") to URL ("/intake")
// (The webpack-era .next/app-build-manifest.json no longer exists.)
//
//   npx tsx bench/page-weight.ts                      every page route, against /bench-empty
//   npx tsx bench/page-weight.ts /intake --json       one route, as JSON
//   npx tsx bench/page-weight.ts --next path/to/.next
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

export interface ChunkSet {
  files: string[];
  /** Uncompressed bytes. */
  bytes: number;
  /** gzip -9 bytes, each file compressed on its own (as a server sends them). */
  gzipBytes: number;
}

export interface RouteWeight {
  /** URL path ("/intake"). */
  route: string;
  /** App path ("/(patient)/intake/page"). */
  appPath: string;
  firstLoad: ChunkSet;
  /** Chunks behind next/dynamic that are not already in the first load: fetched when reached. */
  later: ChunkSet;
}

export interface PageWeightReport {
  buildId: string;
  baseline: RouteWeight;
  routes: (RouteWeight & { overBaselineKb: number })[];
  /** Legacy polyfills, loaded only by browsers without ES modules; in no route's figure. */
  polyfills: ChunkSet;
}

export const kb = (bytes: number) => Math.round(bytes / 100) / 10;

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

function chunkSet(nextDir: string, files: Iterable<string>): ChunkSet {
  const unique = [...new Set(files)].sort();
  let bytes = 0;
  let gzipBytes = 0;
  for (const f of unique) {
    const content = readFileSync(path.join(nextDir, f));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files: unique, bytes, gzipBytes };
}

/** "/_next/static/chunks/x.js" and "static/chunks/x.js" name the same file in .next. */
const normal = (f: string) => f.replace(/^\/?_next\//, "").replace(/^\//, "");

/** The route's first-load JS files: the root main files plus every segment's entry chunks. */
export function firstLoadFiles(nextDir: string, appPath: string): string[] {
  const build = readJson<{ rootMainFiles: string[] }>(path.join(nextDir, "build-manifest.json"));
  const manifestFile = path.join(nextDir, "server", "app", `${appPath}_client-reference-manifest.js`);
  if (!existsSync(manifestFile)) throw new Error(`No client reference manifest for ${appPath} (${manifestFile}). Is this a Next.js 16 production build?`);
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  vm.runInNewContext(readFileSync(manifestFile, "utf8"), { globalThis: sandbox });
  const entry = sandbox.__RSC_MANIFEST?.[appPath];
  if (!entry?.entryJSFiles) throw new Error(`The manifest for ${appPath} lists no entry JS files.`);
  return [...build.rootMainFiles, ...Object.values(entry.entryJSFiles).flat()].map(normal).filter((f) => f.endsWith(".js"));
}

/** Chunks the route loads through next/dynamic (react-loadable-manifest). */
export function dynamicFiles(nextDir: string, appPath: string): string[] {
  const file = path.join(nextDir, "server", "app", appPath, "react-loadable-manifest.json");
  if (!existsSync(file)) return [];
  const m = readJson<Record<string, { files: string[] }>>(file);
  return Object.values(m)
    .flatMap((x) => x.files)
    .map(normal)
    .filter((f) => f.endsWith(".js"));
}

export function routeWeight(nextDir: string, appPath: string, route: string): RouteWeight {
  const first = firstLoadFiles(nextDir, appPath);
  const later = dynamicFiles(nextDir, appPath).filter((f) => !first.includes(f));
  return { route, appPath, firstLoad: chunkSet(nextDir, first), later: chunkSet(nextDir, later) };
}

/** Every page route of the build (URL path to app path). */
export function pageRoutes(nextDir: string): Map<string, string> {
  const m = readJson<Record<string, string>>(path.join(nextDir, "app-path-routes-manifest.json"));
  return new Map(
    Object.entries(m)
      .filter(([appPath]) => appPath.endsWith("/page") && !appPath.startsWith("/_"))
      .map(([appPath, url]) => [url, appPath]),
  );
}

export function measurePageWeight(nextDir: string, routes?: string[], baselineRoute = "/bench-empty"): PageWeightReport {
  const all = pageRoutes(nextDir);
  const appPathOf = (route: string) => {
    const p = all.get(route);
    if (!p) throw new Error(`No page route ${route} in this build (known: ${[...all.keys()].join(", ")}).`);
    return p;
  };
  const baseline = routeWeight(nextDir, appPathOf(baselineRoute), baselineRoute);
  const wanted = routes?.length ? routes : [...all.keys()].filter((r) => r !== baselineRoute).sort();
  const build = readJson<{ polyfillFiles: string[] }>(path.join(nextDir, "build-manifest.json"));
  return {
    buildId: readFileSync(path.join(nextDir, "BUILD_ID"), "utf8").trim(),
    baseline,
    routes: wanted.map((r) => {
      const w = routeWeight(nextDir, appPathOf(r), r);
      return { ...w, overBaselineKb: kb(w.firstLoad.gzipBytes - baseline.firstLoad.gzipBytes) };
    }),
    polyfills: chunkSet(nextDir, build.polyfillFiles.map(normal)),
  };
}

export function formatReport(r: PageWeightReport): string {
  const lines = [
    `Page weight, build ${r.buildId}: first-load JavaScript, gzip -9, KB (1000 bytes)`,
    `Empty page (${r.baseline.route}): ${kb(r.baseline.firstLoad.gzipBytes)} KB in ${r.baseline.firstLoad.files.length} files; legacy polyfills (old browsers only) ${kb(r.polyfills.gzipBytes)} KB more`,
    "",
    "route                          first load   over empty   loaded later (next/dynamic)",
  ];
  for (const w of r.routes) {
    lines.push(
      `${w.route.padEnd(30)} ${`${kb(w.firstLoad.gzipBytes)} KB`.padStart(10)}   ${`${w.overBaselineKb >= 0 ? "+" : ""}${w.overBaselineKb} KB`.padStart(10)}   ${w.later.files.length ? `${kb(w.later.gzipBytes)} KB in ${w.later.files.length} chunks` : "–"}`,
    );
  }
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const nextIdx = args.indexOf("--next");
  const nextDir = path.resolve(nextIdx >= 0 ? args[nextIdx + 1]! : ".next");
  const json = args.includes("--json");
  const routes = args.filter((a, i) => a.startsWith("/") && args[i - 1] !== "--next");
  if (!existsSync(path.join(nextDir, "BUILD_ID"))) {
    console.error(`No production build in ${nextDir}: run npm run build first.`);
    process.exit(1);
  }
  const report = measurePageWeight(nextDir, routes);
  console.log(json ? JSON.stringify(report, null, 2) : formatReport(report));
}
