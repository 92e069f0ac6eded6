// Start the production build (`next start`) against a given database, for the e2e tests and benchmarks.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./embedded-pg.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface AppServer {
  url: string;
  port: number;
  process: ChildProcess;
  logs: string[];
  stop(): Promise<void>;
  /** SIGKILL the server and anything it spawned (fault tests: a crash in the middle of a save). */
  crash(): Promise<void>;
}

export async function startAppServer(opts: {
  databaseUrl: string;
  port?: number;
  env?: Record<string, string>;
  logPrefix?: string;
  logFile?: string;
  detached?: boolean;
  /** Node options for the server process itself (profiling: ["--cpu-prof", "--cpu-prof-dir=..."]). */
  nodeArgs?: string[];
}): Promise<AppServer> {
  const port = opts.port ?? (await freePort());
  const url = `http://localhost:${port}`;
  const logs: string[] = [];
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), next, "start", "-p", String(port)], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: opts.databaseUrl,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      // One keyring per run, kept in this process too: a second instance, and the test's own reads of the
      // database through lib/data, use the same keys.
      FIELD_KEYS: (process.env.FIELD_KEYS ??= `k1:${randomBytes(32).toString("base64")}`),
      NEXTAUTH_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      // The tests, fault runs and benchmarks play the proxy: they give each simulated client its own
      // address in X-Forwarded-For, which the app reads only from a trusted hop (lib/auth/client-address.ts).
      TRUSTED_PROXIES: process.env.TRUSTED_PROXIES ?? "127.0.0.1/32,::1/128",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Fault tests: its own process group, so crash() kills the server and any worker it forks at once.
    detached: !!opts.detached,
  });
  // Everything the server prints, also appended to a file when asked (the sentinel test greps it).
  const collect = (chunk: Buffer) => {
    if (opts.logFile) appendFileSync(opts.logFile, chunk);
    for (const line of chunk.toString().split("\n")) if (line.trim()) logs.push(line);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${logs.join("\n")}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port,
    process: child,
    logs,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
    async crash() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      if (opts.detached) process.kill(-child.pid!, "SIGKILL");
      else child.kill("SIGKILL");
      await exited;
    },
  };
}

export function nextBuild(): void {
  const r = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("next build failed");
}
