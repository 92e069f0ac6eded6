// The "known device" cookie (OWASP Authentication Cheat Sheet, device cookies; NIST SP 800-63B §5.2.2):
// set after a successful sign-in, it names the account and a random device id, signed with a key derived
// from NEXTAUTH_SECRET. A sign-in that carries a valid one for the same account is not held by the
// per-account ceiling that a password-guesser fills from other addresses (lib/data/users.ts); its failures
// count under the device instead. It opens nothing by itself: the password (and code) are still checked.
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

export const DEVICE_COOKIE_DAYS = 180;

/** Over HTTPS the __Host- prefix (Secure, path /, no Domain); plain HTTP on loopback cannot carry it. */
export function deviceCookieName(secure: boolean): string {
  return secure ? "__Host-stride-device" : "stride-device";
}

function key(): Buffer {
  const s = process.env.NEXTAUTH_SECRET;
  if (!s || s.length < 32) {
    if (process.env.NODE_ENV === "production") throw new Error("Configuration error:\n  NEXTAUTH_SECRET: required in production");
  }
  return Buffer.from(hkdfSync("sha256", s && s.length >= 32 ? s : "stride-development-only-secret-not-for-production", "stride-device", "known-device", 32));
}

const mac = (payload: string) => createHmac("sha256", key()).update(payload).digest("base64url");

/** A new cookie value for this account (a fresh device id, or the one the browser already had). */
export function deviceToken(userId: string, deviceId: string = randomBytes(12).toString("base64url"), now = new Date()): string {
  const payload = `${userId}.${deviceId}.${Math.floor(now.getTime() / 1000)}`;
  return `${payload}.${mac(payload)}`;
}

/** The account and device a cookie value names, or null if it was not made here, is malformed or too old. */
export function readDeviceToken(value: string | null | undefined, now = new Date()): { userId: string; deviceId: string } | null {
  if (!value || value.length > 200) return null;
  const parts = value.split(".");
  if (parts.length !== 4) return null;
  const [userId, deviceId, issued, sig] = parts as [string, string, string, string];
  const expected = Buffer.from(mac(`${userId}.${deviceId}.${issued}`));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const age = now.getTime() / 1000 - Number(issued);
  if (!Number.isFinite(age) || age < -300 || age > DEVICE_COOKIE_DAYS * 86400) return null;
  return { userId, deviceId };
}

/** The cookie's value from a Cookie header. */
export function deviceCookieFrom(cookieHeader: string | null | undefined, secure: boolean): string | null {
  const name = deviceCookieName(secure);
  for (const part of (cookieHeader ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return null;
}
