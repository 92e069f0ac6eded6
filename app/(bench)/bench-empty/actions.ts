"use server";

// The write-path benchmark's framework ceiling (bench/write-path.ts): a server action that takes
// the same body as the real saves (the framework decodes its arguments before calling it) and returns an
// answer of the same shape, doing nothing else: no session, no validation, no database. It answers only
// when the server was started with STRIDE_BENCH=1 (the benchmark's own server); anywhere else it refuses.
export type BenchEmptyResult = { ok: true; version: number; savedAt: string } | { ok: false };

export async function benchEmptyAction(...args: unknown[]): Promise<BenchEmptyResult> {
  if (process.env.STRIDE_BENCH !== "1" || args.length === 0) return { ok: false };
  return { ok: true, version: 1, savedAt: new Date().toISOString() };
}
