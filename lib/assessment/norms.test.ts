import { describe, expect, it } from "vitest";
import { bilateralWeakness, expectedAbductionNmPerKg, normProtocolMismatch, RAMSKOV_2014 } from "./norms";

const matching = { position: "side-lying-long-lever", contraction: "break" as const, belt: true, leverArmM: 0.5 };
// Female, 20: expected 1.600 − 0.005·20 = 1.5 Nm/kg. Lever 0.5 m and 50 kg make Nm/kg = N ÷ 100.
const person = { protocol: matching, bodyMassKg: 50, ageYears: 20, sex: "FEMALE" };
const cutoff0 = { normCutoffSd: 0 };
const cutoff1 = { normCutoffSd: 1 };

describe("expectedAbductionNmPerKg (Ramskov 2014, §2.2)", () => {
  it.each([
    [20, "female", 1.5],
    [40, "female", 1.4],
    [40, "male", 1.615],
    [0, "male", 1.815],
  ] as const)("age %i, %s → %f Nm/kg", (age, sex, expected) => {
    expect(expectedAbductionNmPerKg(age, sex)).toBeCloseTo(expected, 10);
  });
});

describe("normProtocolMismatch", () => {
  it("matches side-lying long lever with a break test, whatever the belt", () => {
    expect(normProtocolMismatch(matching)).toEqual([]);
    expect(normProtocolMismatch({ ...matching, belt: false })).toEqual([]);
  });
  it("names the position and the contraction when they differ", () => {
    expect(normProtocolMismatch({ ...matching, position: "supine-long-lever" })).toEqual(["position is not side-lying with the long lever"]);
    expect(normProtocolMismatch({ ...matching, contraction: "make" })).toEqual(["not a break (eccentric) test"]);
    expect(normProtocolMismatch(undefined)).toHaveLength(2);
  });
});

describe("bilateralWeakness (§2.3: only against a same-protocol norm)", () => {
  it("is bilateral weakness when both sides are below the cut-off", () => {
    const r = bilateralWeakness({ ...person, leftN: 100, rightN: 110 }, cutoff1);
    expect(r.verdict).toBe("bilateral-weakness");
    expect(r.expectedNmPerKg).toBeCloseTo(1.5, 10);
    expect(r.cutoffNmPerKg).toBeCloseTo(1.5 - RAMSKOV_2014.sdNmPerKg, 10);
    expect(r.left!.nmPerKg).toBeCloseTo(1.0, 10);
    expect(r.left!.z).toBeCloseTo(-0.5 / 0.354, 6);
  });

  it("treats a value exactly at the cut-off as not below, and just under it as below", () => {
    expect(bilateralWeakness({ ...person, leftN: 150, rightN: 150 }, cutoff0).verdict).toBe("within-norm");
    expect(bilateralWeakness({ ...person, leftN: 149.9, rightN: 149.9 }, cutoff0).verdict).toBe("bilateral-weakness");
    // One SD below: 1.5 − 0.354 = 1.146 Nm/kg = 114.6 N here.
    expect(bilateralWeakness({ ...person, leftN: 114.7, rightN: 114.7 }, cutoff1).verdict).toBe("within-norm");
    expect(bilateralWeakness({ ...person, leftN: 114.5, rightN: 114.5 }, cutoff1).verdict).toBe("bilateral-weakness");
  });

  it("says one side below when only one is, and speaks for a single recorded side", () => {
    expect(bilateralWeakness({ ...person, leftN: 100, rightN: 160 }, cutoff1).verdict).toBe("one-side-below");
    expect(bilateralWeakness({ ...person, leftN: 100, rightN: null }, cutoff1).verdict).toBe("one-side-below");
    expect(bilateralWeakness({ ...person, leftN: 160, rightN: null }, cutoff1).verdict).toBe("within-norm");
  });

  it("follows the clinic's cut-off setting", () => {
    expect(bilateralWeakness({ ...person, leftN: 130, rightN: 130 }, cutoff1).verdict).toBe("within-norm");
    expect(bilateralWeakness({ ...person, leftN: 130, rightN: 130 }, { normCutoffSd: 0.5 }).verdict).toBe("bilateral-weakness");
  });

  it("adds 0.215 Nm/kg for men", () => {
    // Male 20: expected 1.715 → 171.5 N here; 160 N is below with no SD margin.
    expect(bilateralWeakness({ ...person, sex: "male", leftN: 160, rightN: 160 }, cutoff0).verdict).toBe("bilateral-weakness");
    expect(bilateralWeakness({ ...person, sex: "female", leftN: 160, rightN: 160 }, cutoff0).verdict).toBe("within-norm");
  });

  it.each([
    ["a make test", { protocol: { ...matching, contraction: "make" as const } }, "not a break (eccentric) test"],
    ["the short lever", { protocol: { ...matching, position: "side-lying-short-lever" } }, "position is not side-lying with the long lever"],
    ["no lever arm", { protocol: { ...matching, leverArmM: undefined } }, "lever arm not recorded"],
    ["no body mass", { bodyMassKg: null }, "body mass not recorded"],
    ["no age", { ageYears: null }, "age not known"],
    ["sex not female or male", { sex: "UNDISCLOSED" }, "the norm equation needs sex recorded as female or male"],
    ["no strength", { leftN: null, rightN: null }, "no strength recorded"],
  ])("is not applicable with %s, and says why", (_name, over, reason) => {
    const r = bilateralWeakness({ ...person, leftN: 100, rightN: 100, ...over }, cutoff1);
    expect(r.verdict).toBe("not-applicable");
    expect(r.reasons).toContain(reason);
    expect(r.expectedNmPerKg).toBeNull();
  });
});
