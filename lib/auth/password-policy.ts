import "server-only";
// The 49,233 most common passwords seen in public breach corpora, ordered by frequency, as shipped by
// zxcvbn-ts (MIT, maintained) for its own strength estimator. Read on the server only: it never reaches a
// browser. docs/decisions/0009-password-policy.md says why this list and not another.
import commonPasswords from "@zxcvbn-ts/language-common/src/passwords.json" with { type: "json" };
import { PASSWORD_MAX, PASSWORD_MIN } from "../forms/password-schema";

const COMMON = new Set((commonPasswords as string[]).map((p) => p.toLowerCase()));

export type PasswordProblem = "too-short" | "too-long" | "common" | "personal";

export const passwordProblemText: Record<PasswordProblem, string> = {
  "too-short": `New password must be at least ${PASSWORD_MIN} characters.`,
  "too-long": `New password can be at most ${PASSWORD_MAX} characters.`,
  common:
    "New password is on a list of common or breached passwords. Choose another: three or four unrelated words make a long password that is easy to remember.",
  personal: "New password must not contain your name, your email address or the name of this service.",
};

/** Repeats of one short chunk ("abcabcabc…", "passwordpassword"). */
function isRepetition(s: string): boolean {
  for (let len = 1; len <= s.length / 2; len++) {
    if (s.length % len === 0 && s.slice(0, len).repeat(s.length / len) === s) return true;
  }
  return false;
}

/** Runs of the same step ("123456789012345", "abcdefghijklmno") wrap around digits. */
function isSequence(s: string): boolean {
  if (s.length < 4) return false;
  const d = s.charCodeAt(1) - s.charCodeAt(0);
  if (Math.abs(d) !== 1) return false;
  for (let i = 2; i < s.length; i++) {
    const step = s.charCodeAt(i) - s.charCodeAt(i - 1);
    const wrap = /\d/.test(s[i]!) && Math.abs(step) === 9;
    if (step !== d && !wrap) return false;
  }
  return true;
}

/**
 * Why a new password is refused, or null. Length (NIST SP 800-63B-4, ASVS 6.2.1) and a check against common
 * and breached passwords (ASVS 6.2.4, 6.2.12), including the ways people stretch one to a length rule
 * (a common password with digits or symbols added, one repeated), and context words (ASVS 6.2.11). No
 * composition rules (ASVS 6.2.5).
 */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): PasswordProblem | null {
  if (password.length < PASSWORD_MIN) return "too-short";
  if (password.length > PASSWORD_MAX) return "too-long";
  const lower = password.toLowerCase();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, "");
  const compact = lower.replace(/[\s\W_]+/g, "");
  const halves = compact.length % 2 === 0 ? [compact.slice(0, compact.length / 2), compact.slice(compact.length / 2)] : [];
  if (
    COMMON.has(lower) ||
    COMMON.has(compact) ||
    (core.length >= 4 && COMMON.has(core)) ||
    isRepetition(compact) ||
    isSequence(compact) ||
    (halves.length === 2 && halves.every((h) => COMMON.has(h)))
  ) {
    return "common";
  }
  const words = ["stride", ...(context.email ? [context.email.toLowerCase().split("@")[0]!] : []), ...(context.name ?? "").toLowerCase().split(/\s+/)];
  if (words.some((w) => w.length >= 4 && compact.includes(w.replace(/[\s\W_]+/g, "")))) return "personal";
  return null;
}
