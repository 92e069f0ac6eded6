import "server-only";
import { z } from "zod";
import { parseKeyring } from "./crypto/fields";

// Every environment variable the app reads, parsed once; a bad or missing value stops the server with a
// message naming it (README, Configuration, lists the same variables).
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: point it at PostgreSQL, or start the app with npm run demo." })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters (openssl rand -base64 32)").optional(),
  NEXTAUTH_URL: z.url().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Keys for encrypted free text and TOTP secrets: "k2:<base64 32 bytes>,k1:<...>", the first current
   * (lib/crypto/fields.ts). Checked here and at server start (instrumentation.ts). */
  FIELD_KEYS: z
    .string({ error: "FIELD_KEYS is not set: it holds the keys for encrypted notes and two-factor secrets (docs/operations.md, Field encryption keys)." })
    .check((ctx) => {
      try {
        parseKeyring(ctx.value);
      } catch (e) {
        ctx.issues.push({ code: "custom", message: (e as Error).message, input: ctx.value });
      }
    }),
  /** Chromium used to render "Download PDF"; found on its own when unset. */
  CHROMIUM_PATH: z.string().optional(),
  /** Test-only fault injection: wait this long inside a save's transaction before it commits. */
  FAULT_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Configuration error:\n${lines.join("\n")}`);
  }
  if (parsed.data.NODE_ENV === "production" && !parsed.data.NEXTAUTH_SECRET) {
    throw new Error("Configuration error:\n  NEXTAUTH_SECRET: required in production (openssl rand -base64 32)");
  }
  if (parsed.data.FAULT_DELAY_MS > 0 && parsed.data.NODE_ENV === "production" && process.env.STRIDE_FAULT_TESTS !== "1") {
    throw new Error("Configuration error:\n  FAULT_DELAY_MS is for fault tests only (set STRIDE_FAULT_TESTS=1 with it)");
  }
  cached = parsed.data;
  return cached;
}
