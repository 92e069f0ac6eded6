import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// Field encryption for free text a patient or clinician types, and for TOTP secrets (docs/decisions/
// 0029-field-encryption.md). AES-256-GCM with a fresh 96-bit IV per value; the key comes from FIELD_KEYS,
// never from the database, so a copy of the database (or a backup) alone reads nothing.
//
// Stored form, all ASCII so it fits a text column and a JSON string:
//   enc:v1:<kid>:<iv>:<ciphertext+tag>   a text value
//   enc:j1:<kid>:<iv>:<ciphertext+tag>   a JSON value (a whole sub-document sealed as one)
// iv and ciphertext are base64url. The prefix up to the key id is the GCM additional data, so a value
// cannot be relabelled with another key id or type without failing its tag.
//
// FIELD_KEYS is a keyring: "k2:<key>,k1:<key>", the first the current key (every new value), the others
// older keys still needed to read values written before a rotation (npm run keys:rotate moves them).
// A key is 32 bytes written as base64, base64url or 64 hex digits.

export const FIELD_KEYS_VAR = "FIELD_KEYS";
const KID = /^[A-Za-z0-9_-]{1,16}$/;
const TEXT = "enc:v1:";
const JSON_TAG = "enc:j1:";

export interface Keyring {
  current: string;
  keys: ReadonlyMap<string, Buffer>;
}

/** A problem with the keys or a stored value, worded for an operator; never carries plain text or key bytes. */
export class FieldCryptoError extends Error {
  override name = "FieldCryptoError";
}

function decodeKey(raw: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, "hex");
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(raw)) return null;
  const b = Buffer.from(raw.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return b.length === 32 ? b : null;
}

/** Parse a keyring; throws a plain message naming the variable (and the entry) when it is not usable. */
export function parseKeyring(raw: string | undefined, name = FIELD_KEYS_VAR): Keyring {
  const hint = `make one with: echo "k1:$(openssl rand -base64 32)"`;
  if (!raw || !raw.trim()) throw new FieldCryptoError(`${name} is not set: it holds the keys for encrypted notes and two-factor secrets (${hint}).`);
  const keys = new Map<string, Buffer>();
  let current = "";
  for (const [i, entry] of raw
    .split(",")
    .map((e) => e.trim())
    .entries()) {
    const sep = entry.indexOf(":");
    const kid = sep > 0 ? entry.slice(0, sep) : "";
    if (!KID.test(kid)) throw new FieldCryptoError(`${name}: entry ${i + 1} must be <key id>:<key>, the id 1 to 16 letters, digits, - or _ (${hint}).`);
    const key = decodeKey(entry.slice(sep + 1));
    if (!key) throw new FieldCryptoError(`${name}: key "${kid}" must be 32 bytes, written as base64 or 64 hex digits (${hint}).`);
    if (keys.has(kid)) throw new FieldCryptoError(`${name}: key id "${kid}" appears twice.`);
    keys.set(kid, key);
    if (i === 0) current = kid;
  }
  return { current, keys };
}

/** A new random keyring of one key, for the demo and test runs. */
export function newKeyring(kid = "k1"): string {
  return `${kid}:${randomBytes(32).toString("base64")}`;
}

let cached: { raw: string | undefined; ring: Keyring } | undefined;

/** The keyring from FIELD_KEYS (parsed again if the variable changed, as the tests do). */
export function keyring(): Keyring {
  const raw = process.env[FIELD_KEYS_VAR];
  if (cached && cached.raw === raw) return cached.ring;
  const ring = parseKeyring(raw);
  cached = { raw, ring };
  return ring;
}

function seal(prefix: string, plain: string, ring: Keyring): string {
  const kid = ring.current;
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", ring.keys.get(kid)!, iv);
  c.setAAD(Buffer.from(`${prefix}${kid}:`));
  const ct = Buffer.concat([c.update(plain, "utf8"), c.final(), c.getAuthTag()]);
  return `${prefix}${kid}:${iv.toString("base64url")}:${ct.toString("base64url")}`;
}

function open(prefix: string, stored: string, ring: Keyring): string {
  const parts = stored.slice(prefix.length).split(":");
  const [kid, ivText, ctText] = parts;
  if (parts.length !== 3 || !kid || !ivText || !ctText) throw new FieldCryptoError("An encrypted value is malformed; it was changed outside the app.");
  const key = ring.keys.get(kid);
  if (!key)
    throw new FieldCryptoError(
      `A value is encrypted with key id "${kid}", which ${FIELD_KEYS_VAR} does not hold: add that key to ${FIELD_KEYS_VAR} (after the current one).`,
    );
  const iv = Buffer.from(ivText, "base64url");
  const body = Buffer.from(ctText, "base64url");
  if (iv.length !== 12 || body.length < 16) throw new FieldCryptoError("An encrypted value is malformed; it was changed outside the app.");
  try {
    const d = createDecipheriv("aes-256-gcm", key, iv);
    d.setAAD(Buffer.from(`${prefix}${kid}:`));
    d.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([d.update(body.subarray(0, body.length - 16)), d.final()]).toString("utf8");
  } catch {
    throw new FieldCryptoError(
      `A value encrypted with key id "${kid}" does not open with ${FIELD_KEYS_VAR}'s key "${kid}": the key is wrong, or the value was changed outside the app.`,
    );
  }
}

/** True for a value this module wrote (text or JSON). */
export function isEncrypted(v: unknown): v is string {
  return typeof v === "string" && (v.startsWith(TEXT) || v.startsWith(JSON_TAG));
}

/** The key id an encrypted value was written with, or null for a plain (legacy) value. */
export function keyIdOf(v: unknown): string | null {
  if (!isEncrypted(v)) return null;
  return v.slice(TEXT.length).split(":")[0] ?? null;
}

export function encryptText(plain: string, ring: Keyring = keyring()): string {
  return seal(TEXT, plain, ring);
}

/** The plain text. A value without the prefix is a legacy plain value (written before encryption) and is
 * returned as it is; npm run keys:rotate encrypts those. */
export function decryptText(stored: string, ring: Keyring = keyring()): string {
  if (stored.startsWith(TEXT)) return open(TEXT, stored, ring);
  if (stored.startsWith(JSON_TAG)) throw new FieldCryptoError("An encrypted document was found where text was expected.");
  return stored;
}

export function encryptJson(value: unknown, ring: Keyring = keyring()): string {
  return seal(JSON_TAG, JSON.stringify(value), ring);
}

/** The JSON value; a value that is not an encrypted document is legacy plain JSON, returned as it is. */
export function decryptJson<T = unknown>(stored: unknown, ring: Keyring = keyring()): T {
  if (typeof stored === "string" && stored.startsWith(JSON_TAG)) return JSON.parse(open(JSON_TAG, stored, ring)) as T;
  return stored as T;
}

/** A path into a JSON document: object keys, "*" for every element of an array. */
export type FieldPath = readonly string[];

function mapAt(node: unknown, path: FieldPath, f: (s: string) => string): unknown {
  if (node === null || typeof node !== "object") return node;
  const [head, ...rest] = path;
  if (head === undefined) return node;
  if (head === "*") {
    if (!Array.isArray(node)) return node;
    return node.map((el) => (rest.length ? mapAt(el, rest, f) : typeof el === "string" ? f(el) : el));
  }
  if (Array.isArray(node) || !Object.prototype.hasOwnProperty.call(node, head)) return node;
  const obj = node as Record<string, unknown>;
  const child = obj[head];
  const next = rest.length ? mapAt(child, rest, f) : typeof child === "string" ? f(child) : child;
  return next === child ? node : { ...obj, [head]: next };
}

/** A copy of `doc` with the strings at `paths` encrypted (already encrypted ones kept). */
export function encryptPaths<T>(doc: T, paths: readonly FieldPath[], ring: Keyring = keyring()): T {
  let out: unknown = doc;
  for (const p of paths) out = mapAt(out, p, (s) => (isEncrypted(s) ? s : encryptText(s, ring)));
  return out as T;
}

/** A copy of `doc` with the strings at `paths` decrypted (plain legacy strings kept). */
export function decryptPaths<T>(doc: T, paths: readonly FieldPath[], ring: Keyring = keyring()): T {
  let out: unknown = doc;
  for (const p of paths) out = mapAt(out, p, (s) => decryptText(s, ring));
  return out as T;
}

/** Every encrypted value anywhere in a JSON document, opened (documents parsed): for checks and tools
 * that look at stored rows as a whole. */
export function decryptDeep(v: unknown, ring: Keyring = keyring()): unknown {
  if (typeof v === "string") {
    if (v.startsWith(JSON_TAG)) return decryptDeep(decryptJson(v, ring), ring);
    return decryptText(v, ring);
  }
  if (Array.isArray(v)) return v.map((x) => decryptDeep(x, ring));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decryptDeep(x, ring)]));
  return v;
}

/** Whether anything in a document (at the given paths, or a sealed whole) is plain or under an old key. */
export function needsRekey(v: unknown, paths: readonly FieldPath[] | "whole", ring: Keyring = keyring()): boolean {
  if (paths === "whole") return v !== null && v !== undefined && keyIdOf(v) !== ring.current;
  let stale = false;
  for (const p of paths)
    mapAt(v, p, (s) => {
      if (keyIdOf(s) !== ring.current) stale = true;
      return s;
    });
  return stale;
}

/** The document with every value at the paths (or the sealed whole) under the current key. */
export function rekey<T>(v: T, paths: readonly FieldPath[] | "whole", ring: Keyring = keyring()): T {
  if (paths === "whole") return (v === null || v === undefined ? v : encryptJson(decryptJson(v, ring), ring)) as T;
  let out: unknown = v;
  for (const p of paths) out = mapAt(out, p, (s) => (keyIdOf(s) === ring.current ? s : encryptText(decryptText(s, ring), ring)));
  return out as T;
}
