import { describe, expect, it } from "vitest";
import { bilateralWeakness, expectedHipAbductionNmPerKg, ramskovProtocolMatches } from "./norms";

const protocol = { position: "side-lying-long-lever", contraction: "break", leverArmM: 0.85 };

describe("Ramskov 2014 hip abduction norm (§2.2)", () => {
  it("is 1.600 − 0.005·age + 0.215 for men", () => {
    expect(expectedHipAbductionNmPerKg(30, "male")).toBeCloseTo(1.665, 6);
    expect(expectedHipAbductionNmPerKg(30, "female")).toBeCloseTo(1.45, 6);
  });
  it("applies only to the same protocol", () => {
    expect(ramskovProtocolMatches(protocol)).toBe(true);
    expect(ramskovProtocolMatches({ ...protocol, contraction: "make" })).toBe(false);
    expect(ramskovProtocolMatches({ ...protocol, position: "side-lying-short-lever" })).toBe(false);
    expect(ramskovProtocolMatches({ ...protocol, leverArmM: undefined })).toBe(false);
  });
  it("calls bilateral weakness when both sides are below expected − 1 SD, at and around the cut-off", () => {
    const cutoff = 1.45 - 0.354; // female, 30
    const base = { ageYears: 30, sex: "female", protocol, sdBelow: 1 };
    expect(bilateralWeakness({ ...base, leftNmPerKg: cutoff - 0.01, rightNmPerKg: cutoff - 0.01 })?.weak).toBe(true);
    expect(bilateralWeakness({ ...base, leftNmPerKg: cutoff, rightNmPerKg: cutoff - 0.01 })?.weak).toBe(false);
    expect(bilateralWeakness({ ...base, leftNmPerKg: cutoff - 0.01, rightNmPerKg: cutoff + 0.2 })?.weak).toBe(false);
  });
  it("gives no verdict without age, a binary sex or the protocol", () => {
    const v = { leftNmPerKg: 0.5, rightNmPerKg: 0.5, sdBelow: 1, protocol };
    expect(bilateralWeakness({ ...v, ageYears: null, sex: "female" })).toBeNull();
    expect(bilateralWeakness({ ...v, ageYears: 30, sex: "other" })).toBeNull();
    expect(bilateralWeakness({ ...v, ageYears: 30, sex: "female", protocol: { contraction: "make" } })).toBeNull();
  });
});
