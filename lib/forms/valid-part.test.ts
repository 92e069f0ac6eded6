import { describe, expect, it } from "vitest";
import { examSchema } from "../assessment/exam-schema";
import { fingerprint, validPart } from "./valid-part";

const base = { strength: {} };

describe("validPart: autosave keeps everything valid", () => {
  it("keeps a valid exam whole", () => {
    const v = { bodyMassKg: 62, strength: { hipAbduction: { left: { trialsN: [150, null, 160] } } } };
    expect(validPart(examSchema, v, base)).toMatchObject({ data: v, leftOut: [] });
  });

  it("leaves out an impossible value and keeps the rest", () => {
    const v = { bodyMassKg: 0, heightCm: 170, strength: { hipAbduction: { left: { trialsN: [3000, 150] } } } };
    const r = validPart(examSchema, v, base);
    expect(r.leftOut.sort()).toEqual(["bodyMassKg", "strength.hipAbduction.left.trialsN.0"]);
    expect(r.data).toEqual({ heightCm: 170, strength: { hipAbduction: { left: { trialsN: [null, 150] } } } });
  });

  it("leaves out a number being typed (NaN) and a lever arm of 5 m", () => {
    const r = validPart(examSchema, { bodyMassKg: Number.NaN, strength: { hipExtension: { protocol: { leverArmM: 5, contraction: "break" } } } }, base);
    expect(r.leftOut.sort()).toEqual(["bodyMassKg", "strength.hipExtension.protocol.leverArmM"]);
    expect(r.data).toEqual({ strength: { hipExtension: { protocol: { contraction: "break" } } } });
  });

  it("holds back a group whose required answer is missing, until it is given", () => {
    const v = { strength: {}, functional: { singleLegSquat: { left: { kneeValgus: true } } }, impression: "x" };
    const r = validPart(examSchema, v, base);
    expect(r.leftOut).toEqual(["functional.singleLegSquat.left.rating"]);
    expect(r.data).toEqual({ strength: {}, impression: "x" });
  });

  it("gives the same fingerprint for the same content in any key order, and a new one for a change", () => {
    expect(fingerprint({ a: 1, b: { c: 2 } })).toBe(fingerprint({ b: { c: 2 }, a: 1 }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
    expect(fingerprint({ a: 1, b: null })).toBe(fingerprint({ a: 1 }));
  });
});
