import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decryptDeep,
  decryptJson,
  decryptPaths,
  decryptText,
  encryptJson,
  encryptPaths,
  encryptText,
  FieldCryptoError,
  isEncrypted,
  keyIdOf,
  needsRekey,
  parseKeyring,
  rekey,
} from "./fields";
import { keyProblems, KEY_CHECK_TEXT } from "../data/field-key-check";

const k = (byte: number) => Buffer.alloc(32, byte).toString("base64");
const ring1 = parseKeyring(`k1:${k(1)}`);
const ring21 = parseKeyring(`k2:${k(2)},k1:${k(1)}`);

describe("the keyring (FIELD_KEYS)", () => {
  it("takes the first key as the current one and keeps the others for reading", () => {
    expect(ring21.current).toBe("k2");
    expect([...ring21.keys.keys()]).toEqual(["k2", "k1"]);
    expect(parseKeyring(`a_b-9:${Buffer.alloc(32, 7).toString("hex")}`).current).toBe("a_b-9");
    expect(parseKeyring(`k1:${Buffer.alloc(32, 7).toString("base64url")}`).keys.get("k1")).toEqual(Buffer.alloc(32, 7));
  });

  it.each([
    [undefined, /FIELD_KEYS is not set/],
    ["", /FIELD_KEYS is not set/],
    [k(1), /entry 1 must be <key id>:<key>/],
    [`k1:${Buffer.alloc(16, 1).toString("base64")}`, /key "k1" must be 32 bytes/],
    ["k1:not base64!", /key "k1" must be 32 bytes/],
    [`k1:${k(1)},k1:${k(2)}`, /key id "k1" appears twice/],
    [`bad id:${k(1)}`, /entry 1 must be/],
  ])("refuses %j with a plain message naming the variable", (raw, message) => {
    expect(() => parseKeyring(raw)).toThrow(FieldCryptoError);
    expect(() => parseKeyring(raw)).toThrow(message);
    // Never echoes a key.
    try {
      parseKeyring(raw);
    } catch (e) {
      expect((e as Error).message).not.toContain(k(1));
    }
  });
});

describe("text values", () => {
  it("round-trips any string, with a fresh IV each time (fast-check)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (s) => {
        const a = encryptText(s, ring21);
        const b = encryptText(s, ring21);
        expect(a).not.toBe(b);
        expect(a.startsWith("enc:v1:k2:")).toBe(true);
        expect(decryptText(a, ring21)).toBe(s);
        // Long enough that it cannot turn up in the base64 by chance.
        if (s.length >= 8) expect(a).not.toContain(s);
      }),
      { numRuns: 300 },
    );
  });

  it("reads values written with an older key still in the keyring", () => {
    const old = encryptText("Teacher", ring1);
    expect(keyIdOf(old)).toBe("k1");
    expect(decryptText(old, ring21)).toBe("Teacher");
  });

  it("passes a legacy plain value through (written before encryption)", () => {
    expect(decryptText("Nurse", ring1)).toBe("Nurse");
    expect(isEncrypted("Nurse")).toBe(false);
  });

  it("throws a plain error for an unknown key id, a wrong key, a changed value, a relabelled key id", () => {
    const v = encryptText("Peripatellar pain", ring21);
    expect(() => decryptText(v, ring1)).toThrow(/key id "k2", which FIELD_KEYS does not hold/);
    expect(() => decryptText(encryptText("x", ring1), parseKeyring(`k1:${k(9)}`))).toThrow(/does not open with FIELD_KEYS's key "k1"/);
    const flipped = v.slice(0, -2) + (v.at(-2) === "A" ? "B" : "A") + v.at(-1);
    expect(() => decryptText(flipped, ring21)).toThrow(FieldCryptoError);
    const sameKeyOtherId = parseKeyring(`k3:${k(2)},k2:${k(2)}`);
    expect(() => decryptText(v.replace("enc:v1:k2:", "enc:v1:k3:"), sameKeyOtherId)).toThrow(FieldCryptoError);
    expect(() => decryptText("enc:v1:k2:short", ring21)).toThrow(/malformed/);
  });
});

describe("JSON documents and paths", () => {
  const exam = {
    strength: { hipAbduction: { left: { trialsN: [150] } } },
    impression: "Right PFP after hills",
    list: [{ note: "a" }, { note: "b" }, { other: 1 }],
  };

  it("encrypts only the strings at the paths, leaving structure readable to SQL", () => {
    const sealed = encryptPaths(exam, [["impression"], ["list", "*", "note"], ["missing", "x"]], ring21);
    expect(sealed.strength).toEqual(exam.strength);
    expect(isEncrypted(sealed.impression)).toBe(true);
    expect(sealed.list.map((x) => isEncrypted((x as { note?: string }).note))).toEqual([true, true, false]);
    expect(JSON.stringify(sealed)).not.toContain("PFP");
    expect(decryptPaths(sealed, [["impression"], ["list", "*", "note"]], ring21)).toEqual(exam);
    // Sealing twice changes nothing already sealed.
    expect(encryptPaths(sealed, [["impression"]], ring21)).toEqual(sealed);
  });

  it("round-trips any JSON value sealed whole (fast-check)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const sealed = encryptJson(v, ring21);
        expect(sealed.startsWith("enc:j1:k2:")).toBe(true);
        expect(decryptJson(sealed, ring21)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 200 },
    );
    expect(decryptJson({ legacy: true }, ring21)).toEqual({ legacy: true });
  });

  it("re-keys plain and old-key values to the current key, and says what needs it", () => {
    const mixed = { impression: encryptText("old", ring1), list: [{ note: "plain" }, { note: encryptText("new", ring21) }] };
    const paths = [["impression"], ["list", "*", "note"]];
    expect(needsRekey(mixed, paths, ring21)).toBe(true);
    const moved = rekey(mixed, paths, ring21);
    expect(needsRekey(moved, paths, ring21)).toBe(false);
    expect(keyIdOf(moved.impression)).toBe("k2");
    expect(moved.list[1]!.note).toBe(mixed.list[1]!.note);
    expect(decryptDeep(moved, ring21)).toEqual({ impression: "old", list: [{ note: "plain" }, { note: "new" }] });
    const whole = encryptJson({ a: 1 }, ring1);
    expect(needsRekey(whole, "whole", ring21)).toBe(true);
    expect(needsRekey({ a: 1 }, "whole", ring21)).toBe(true);
    expect(keyIdOf(rekey(whole, "whole", ring21))).toBe("k2");
    expect(needsRekey(rekey({ a: 1 }, "whole", ring21), "whole", ring21)).toBe(false);
  });
});

describe("the start check against the database's key checks", () => {
  it("passes the right keys, names a wrong key and a missing key id", () => {
    const checks = [{ keyId: "k1", check: encryptText(KEY_CHECK_TEXT, ring1) }];
    expect(keyProblems(checks, ring21)).toEqual([]);
    expect(keyProblems(checks, parseKeyring(`k1:${k(5)}`))).toEqual([expect.stringMatching(/FIELD_KEYS's key "k1" is not the key/)]);
    expect(keyProblems(checks, parseKeyring(`k2:${k(2)}`))).toEqual([expect.stringMatching(/FIELD_KEYS has no key "k1"/)]);
  });
});
