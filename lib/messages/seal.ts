// Secrets the queue needs later, kept sealed: an invite token (only its hash is the key to the link; the
// sealed copy lets a reminder sent days later carry the same link) and the opt-out links' signatures.
// Keys are derived from NEXTAUTH_SECRET, so a copy of the database alone opens nothing.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

function secret(): string {
  const s = process.env.NEXTAUTH_SECRET;
  if (s && s.length >= 32) return s;
  if (process.env.NODE_ENV === "production") throw new Error("Configuration error:\n  NEXTAUTH_SECRET: required in production");
  // Development and the unit tests only; the production check above and in instrumentation.ts stop a server.
  return "stride-development-only-secret-not-for-production";
}

function key(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret(), "stride-messages", purpose, 32));
}

/** AES-256-GCM: iv.tag.ciphertext, base64url. */
export function seal(plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", key("seal"), iv);
  const ct = Buffer.concat([c.update(plain, "utf8"), c.final()]);
  return [iv, c.getAuthTag(), ct].map((b) => b.toString("base64url")).join(".");
}

/** The plain text, or null when the value was not sealed with this deployment's key. */
export function unseal(sealed: string): string | null {
  const [iv, tag, ct] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
  if (!iv || !tag || !ct) return null;
  try {
    const d = createDecipheriv("aes-256-gcm", key("seal"), iv);
    d.setAuthTag(tag);
    return Buffer.concat([d.update(ct), d.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** The opt-out link's token for a patient: their id and a signature, so nobody can opt someone else out. */
export function optOutToken(patientId: string): string {
  return `${patientId}.${createHmac("sha256", key("opt-out")).update(patientId).digest("base64url").slice(0, 32)}`;
}

/** The patient id an opt-out token was made for, or null. */
export function readOptOutToken(token: string): string | null {
  const [id, sig] = token.split(".");
  if (!id || !sig || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const expected = optOutToken(id).split(".")[1]!;
  const a = Buffer.from(sig);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b) ? id : null;
}
