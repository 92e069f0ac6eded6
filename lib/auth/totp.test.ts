import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, otpauthUri, totpCode, totpStep, verifyTotp } from "./totp";

// RFC 6238 appendix B: the SHA-1 secret is the ASCII "12345678901234567890"; 8-digit codes there, the last
// six digits are the 6-digit code.
const RFC_SECRET = base32Encode(Buffer.from("12345678901234567890", "ascii"));

describe("TOTP (RFC 6238)", () => {
  it.each([
    [59, "94287082"],
    [1111111109, "07081804"],
    [1111111111, "14050471"],
    [1234567890, "89005924"],
    [2000000000, "69279037"],
    [20000000000, "65353130"],
  ])("gives the RFC's code at t=%i", (t, expected) => {
    expect(totpCode(RFC_SECRET, new Date(t * 1000))).toBe(expected.slice(-6));
  });

  it("matches RFC 4226 appendix D's HOTP values", () => {
    const key = Buffer.from("12345678901234567890", "ascii");
    expect([0, 1, 2, 9].map((c) => hotp(key, c))).toEqual(["755224", "287082", "359152", "520489"]);
  });

  it("round-trips base32", () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Decode("mzxw 6ytb oi").toString()).toBe("foobar");
  });

  it("accepts the current code and one step either side, and nothing older or made up", () => {
    const now = new Date(1_700_000_000_000);
    const step = totpStep(now);
    const at = (s: number) => totpCode(RFC_SECRET, new Date(s * 30_000));
    expect(verifyTotp(RFC_SECRET, at(step), null, now)).toBe(step);
    expect(verifyTotp(RFC_SECRET, at(step - 1), null, now)).toBe(step - 1);
    expect(verifyTotp(RFC_SECRET, at(step + 1), null, now)).toBe(step + 1);
    expect(verifyTotp(RFC_SECRET, at(step - 2), null, now)).toBeNull();
    expect(verifyTotp(RFC_SECRET, "12345", null, now)).toBeNull();
    expect(verifyTotp(RFC_SECRET, "abcdef", null, now)).toBeNull();
  });

  it("refuses a code already used (replay), and accepts spaces in a typed code", () => {
    const now = new Date(1_700_000_000_000);
    const code = totpCode(RFC_SECRET, now);
    const step = verifyTotp(RFC_SECRET, code, null, now)!;
    expect(verifyTotp(RFC_SECRET, code, step, now)).toBeNull();
    expect(verifyTotp(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, step - 1, now)).toBe(step);
  });

  it("builds an otpauth address apps understand", () => {
    expect(otpauthUri("ABC", "ana@clinic.example")).toBe(
      "otpauth://totp/Stride%3Aana%40clinic.example?secret=ABC&issuer=Stride&algorithm=SHA1&digits=6&period=30",
    );
  });
});
