import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes from the CSPRNG, base64url (ASVS 11.5.1: at least 128 bits, never a UUID). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are stored only as their SHA-256, so a database leak does not leak usable links. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
