// The production build, rebuilt only when a source it depends on changed (the demo and the benchmarks).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A fingerprint of everything the production build depends on. */
export function sourceFingerprint(): string {
  const h = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name === "generated" || name === "node_modules" || name.endsWith(".test.ts")) continue;
        walk(path.join(p, name));
      }
    } else {
      h.update(path.relative(root, p));
      h.update(readFileSync(p));
    }
  };
  for (const p of ["app", "components", "lib", "public", "proxy.ts", "next.config.js", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"])
    walk(path.join(root, p));
  return h.digest("hex");
}

/** `next build` unless .next holds a build of exactly these sources. Returns whether it built. */
export function buildIfNeeded(say: (s: string) => void = console.log): boolean {
  const stamp = path.join(root, ".next", "stride-build-fingerprint");
  const fp = sourceFingerprint();
  if (existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fp) {
    say("Using the existing production build.");
    return false;
  }
  say("Building the app (about a minute the first time)…");
  const r = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("next build failed (see above)");
  writeFileSync(stamp, fp);
  return true;
}
