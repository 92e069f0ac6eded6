import { describe, expect, it } from "vitest";
import { flexibilityFromAngle, scoreStepDown, stepDownBand, yBalanceComposite } from "./functional";

describe("scoreStepDown (Piva 2006, §3)", () => {
  it.each([
    [{ armStrategy: false, trunkLean: false, pelvisTilt: false, knee: 0, unsteady: false }, 0, "good"],
    [{ armStrategy: true }, 1, "good"],
    [{ knee: 2 }, 2, "moderate"],
    [{ trunkLean: true, knee: 2 }, 3, "moderate"],
    [{ trunkLean: true, pelvisTilt: true, knee: 2 }, 4, "poor"],
    [{ armStrategy: true, trunkLean: true, pelvisTilt: true, knee: 2, unsteady: true }, 6, "poor"],
    [{ armStrategy: true, trunkLean: true, pelvisTilt: true, knee: 1, unsteady: true }, 5, "poor"],
  ])("%o scores %i (%s)", (items, total, band) => {
    expect(scoreStepDown(items)).toEqual({ total, band });
  });

  it("is blank (not zero) when nothing was scored, and null when not tested", () => {
    expect(scoreStepDown({})).toBeNull();
    expect(scoreStepDown(undefined)).toBeNull();
    expect(scoreStepDown({ armStrategy: false, trunkLean: false, pelvisTilt: false, unsteady: false })).toBeNull();
    expect(scoreStepDown({ notTested: true, armStrategy: true })).toBeNull();
  });

  it("bands at each boundary: 1 good, 2 moderate, 3 moderate, 4 poor", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(stepDownBand)).toEqual(["good", "good", "moderate", "moderate", "poor", "poor", "poor"]);
  });

  it("ignores a knee value outside 0–2 rather than scoring it", () => {
    expect(scoreStepDown({ knee: 3, trunkLean: true })).toEqual({ total: 1, band: "good" });
  });
});

describe("yBalanceComposite (§3)", () => {
  it("is (ANT + PM + PL) ÷ (3 × limb length) × 100", () => {
    expect(yBalanceComposite({ anteriorCm: 60, posteromedialCm: 100, posterolateralCm: 95 }, 85)).toBeCloseTo(100, 10);
    expect(yBalanceComposite({ anteriorCm: 55, posteromedialCm: 90, posterolateralCm: 85 }, 90)).toBeCloseTo(85.185, 3);
  });
  it("needs all three reaches and the limb length", () => {
    expect(yBalanceComposite({ anteriorCm: 60, posteromedialCm: 100 }, 85)).toBeNull();
    expect(yBalanceComposite({ anteriorCm: 60, posteromedialCm: 100, posterolateralCm: 95 }, undefined)).toBeNull();
    expect(yBalanceComposite({ anteriorCm: 60, posteromedialCm: 100, posterolateralCm: 95 }, 0)).toBeNull();
  });
});

describe("flexibilityFromAngle (§3 angle criteria)", () => {
  it.each([
    ["thomasOneJoint", 0, "negative"],
    ["thomasOneJoint", 1, "positive"],
    ["thomasOneJoint", -10, "negative"],
    ["thomasTwoJoint", 67, "negative"],
    ["thomasTwoJoint", 66, "positive"],
    ["hamstring9090", 40, "negative"],
    ["hamstring9090", 41, "positive"],
    ["ober", 20, null],
    ["ely", 20, null],
  ] as const)("%s at %i° → %s", (test, deg, result) => {
    expect(flexibilityFromAngle(test, deg)).toBe(result);
  });
  it("says nothing without an angle", () => {
    expect(flexibilityFromAngle("thomasOneJoint", undefined)).toBeNull();
  });
});
