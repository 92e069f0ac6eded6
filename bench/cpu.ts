// Where the CPU goes during a load run: the app server, PostgreSQL (the postmaster and every backend) and
// this process (the load generator), read from Linux's /proc before and after. On a 2-core machine the three
// share the cores, so "requests per second" is mostly "CPU per request": this says whose.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function statOf(pid: number): { ppid: number; ticks: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null;
  }
}

/** CPU time (ms) used so far by a process and all its live descendants (and children already reaped). */
export function treeCpuMs(rootPid: number): number {
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    const s = statOf(Number(d));
    if (!s) continue;
    ticks.set(Number(d), s.ticks);
    children.set(s.ppid, [...(children.get(s.ppid) ?? []), Number(d)]);
  }
  let total = 0;
  const walk = (p: number) => {
    total += ticks.get(p) ?? 0;
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(rootPid);
  return (total * 1000) / TICKS_PER_SECOND;
}

export function selfCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export interface CpuSplit {
  /** CPU milliseconds per successful request, by process. */
  appMsPerOk: number;
  postgresMsPerOk: number;
  loadGeneratorMsPerOk: number;
}

/** Measure the CPU of the app server, PostgreSQL and this process across `fn`. */
export async function withCpu<T extends { ok: number }>(pids: { app: number | null; postgres: number }, fn: () => Promise<T>): Promise<T & { cpu: CpuSplit }> {
  const before = { app: pids.app ? treeCpuMs(pids.app) : 0, pg: treeCpuMs(pids.postgres), self: selfCpuMs() };
  const r = await fn();
  const after = { app: pids.app ? treeCpuMs(pids.app) : 0, pg: treeCpuMs(pids.postgres), self: selfCpuMs() };
  const per = (a: number, b: number) => Math.round(((a - b) / Math.max(1, r.ok)) * 100) / 100;
  return {
    ...r,
    cpu: { appMsPerOk: per(after.app, before.app), postgresMsPerOk: per(after.pg, before.pg), loadGeneratorMsPerOk: per(after.self, before.self) },
  };
}

/** The postmaster's pid from its data directory. */
export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(`${dataDir}/postmaster.pid`, "utf8").split("\n")[0]);
}
