import { describe, expect, it } from "vitest";
import { examSchema } from "../assessment/exam-schema";
import { intakeDraftSchema } from "../assessment/intake-schema";
import { fingerprint, validPart } from "./valid-part";

const exam = { base: { strength: {} }, compact: true };

describe("validPart: autosave keeps everything valid (the exam: answers only)", () => {
  it("keeps a valid exam whole", () => {
    const v = { bodyMassKg: 62, strength: { hipAbduction: { left: { trialsN: [150, null, 160] } } } };
    expect(validPart(examSchema, v, exam)).toMatchObject({ data: v, leftOut: [] });
  });

  it("leaves out an impossible value and keeps the rest", () => {
    const v = { bodyMassKg: 0, heightCm: 170, strength: { hipAbduction: { left: { trialsN: [3000, 150] } } } };
    const r = validPart(examSchema, v, exam);
    expect(r.leftOut.sort()).toEqual(["bodyMassKg", "strength.hipAbduction.left.trialsN.0"]);
    expect(r.data).toEqual({ heightCm: 170, strength: { hipAbduction: { left: { trialsN: [null, 150] } } } });
  });

  it("leaves out a number being typed (NaN) and a lever arm of 5 m", () => {
    const r = validPart(examSchema, { bodyMassKg: Number.NaN, strength: { hipExtension: { protocol: { leverArmM: 5, contraction: "break" } } } }, exam);
    expect(r.leftOut.sort()).toEqual(["bodyMassKg", "strength.hipExtension.protocol.leverArmM"]);
    expect(r.data).toEqual({ strength: { hipExtension: { protocol: { contraction: "break" } } } });
  });

  it("holds back a group whose required answer is missing, until it is given", () => {
    const v = { strength: {}, functional: { singleLegSquat: { left: { kneeValgus: true } } }, impression: "x" };
    const r = validPart(examSchema, v, exam);
    expect(r.leftOut).toEqual(["functional.singleLegSquat.left.rating"]);
    expect(r.data).toEqual({ strength: {}, impression: "x" });
    const given = validPart(examSchema, { ...v, functional: { singleLegSquat: { left: { kneeValgus: true, rating: "good" } } } }, exam);
    expect(given.leftOut).toEqual([]);
  });

  it("leaves blanks and empty groups out of the exam it stores", () => {
    const r = validPart(examSchema, { heightCm: 170, impression: "", strength: { hipAbduction: { left: { trialsN: [null, null, null] } } } }, exam);
    expect(r.data).toEqual({ heightCm: 170, strength: {} });
  });

  it("gives the same fingerprint for the same content in any key order, and a new one for a change", () => {
    expect(fingerprint({ a: 1, b: { c: 2 } })).toBe(fingerprint({ b: { c: 2 }, a: 1 }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
    expect(fingerprint({ a: 1, b: null })).toBe(fingerprint({ a: 1 }));
  });
});

describe("validPart on the intake draft (the form's shape kept)", () => {
  const draft = intakeDraftSchema("INITIAL");

  it("keeps valid answers and leaves out the ones still being fixed", () => {
    const r = validPart(draft, {
      about: { sex: "female", heightCm: 1700 },
      running: { weeklyKm: { thisWeek: 30, lastWeek: -2 } },
      consent: { agreed: false },
    });
    expect(r.data).toEqual({ about: { sex: "female" }, running: { weeklyKm: { thisWeek: 30 } }, consent: {} });
    expect(r.leftOut.sort()).toEqual(["about.heightCm", "consent.agreed", "running.weeklyKm.lastWeek"]);
  });

  it("blanks a bad questionnaire answer but keeps the others in place, and keeps empty lists", () => {
    expect(validPart(draft, { questionnaires: { lefs: [4, 9, 3] } }).data).toEqual({ questionnaires: { lefs: [4, null, 3] } });
    expect(validPart(draft, { running: { surfaces: [] }, questionnaires: { lefs: [null, null] } }).data).toEqual({
      running: { surfaces: [] },
      questionnaires: { lefs: [null, null] },
    });
  });

  it("drops unknown keys and survives garbage", () => {
    expect(validPart(draft, { hacker: 1, about: { sex: "male", role: "ADMIN" } }).data).toEqual({ about: { sex: "male" } });
    expect(validPart(draft, "nonsense")).toMatchObject({ data: {}, leftOut: ["*"] });
    expect(validPart(draft, undefined).data).toEqual({});
    expect(validPart(draft, [1, 2]).data).toEqual({});
  });
});
