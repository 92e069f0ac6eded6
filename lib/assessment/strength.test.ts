import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "./settings";
import { assessSymmetry, bestTrial, measurementError, newtonsPerKg, torquePerKg } from "./strength";

const settings = DEFAULT_SETTINGS;

describe("bestTrial", () => {
  it("keeps the highest trial and ignores blanks", () => {
    expect(bestTrial([180, null, 195, undefined])).toBe(195);
  });
  it("is null when nothing was recorded", () => {
    expect(bestTrial([])).toBeNull();
    expect(bestTrial(undefined)).toBeNull();
  });
});

describe("assessSymmetry (clinical-reference §2.3)", () => {
  it("is weaker ÷ stronger × 100 and names the weaker side", () => {
    const r = assessSymmetry("hipAbduction", 150, 200, settings)!;
    expect(r.symmetryPercent).toBe(75);
    expect(r.weakerSide).toBe("left");
    expect(r.differenceN).toBe(50);
  });

  it("flags asymmetry when symmetry < 90% and the difference exceeds the 49 N MDC", () => {
    expect(assessSymmetry("hipAbduction", 150, 200, settings)!.verdict).toBe("asymmetry");
  });

  it("says 'possible, retest' below 90% when the difference is within the 49 N MDC", () => {
    // 100 vs 140: symmetry 71% but difference 40 N ≤ 49 N
    expect(assessSymmetry("hipAbduction", 140, 100, settings)!.verdict).toBe("possible-retest");
  });

  it("treats a difference exactly at the MDC as within the error", () => {
    expect(assessSymmetry("hipAbduction", 200, 151, settings)!.verdict).toBe("possible-retest");
    expect(assessSymmetry("hipAbduction", 200, 150.9, settings)!.verdict).toBe("asymmetry");
  });

  it("is symmetric at exactly the threshold and above it", () => {
    // 900 vs 1000 → exactly 90%: not below the threshold
    expect(assessSymmetry("hipAbduction", 900, 1000, settings)!.verdict).toBe("symmetric");
    expect(assessSymmetry("hipAbduction", 899, 1000, settings)!.verdict).toBe("asymmetry");
  });

  it("follows the clinic's threshold setting", () => {
    const strict = { ...settings, asymmetryThresholdPercent: 95 };
    expect(assessSymmetry("hipAbduction", 920, 1000, strict)!.verdict).toBe("asymmetry");
    expect(assessSymmetry("hipAbduction", 920, 1000, settings)!.verdict).toBe("symmetric");
  });

  it("uses a relative error of 10% of the stronger side where no MDC is published", () => {
    expect(measurementError("hipExtension", 300, settings)).toEqual({ newtons: 30, basis: "relative" });
    // 250 vs 300: 83% < 90%, difference 50 N > 30 N
    expect(assessSymmetry("hipExtension", 250, 300, settings)!.verdict).toBe("asymmetry");
    // 275 vs 300: 91.7%
    expect(assessSymmetry("hipExtension", 275, 300, settings)!.verdict).toBe("symmetric");
  });

  it("uses the 65 N MDC for hip external rotation", () => {
    expect(measurementError("hipExternalRotation", 100, settings)).toEqual({ newtons: 65, basis: "mdc" });
  });

  it("gives involved ÷ uninvolved only when exactly one knee hurts", () => {
    expect(assessSymmetry("hipAbduction", 220, 200, settings, "right")!.involvedPercent).toBeCloseTo(90.909, 2);
    expect(assessSymmetry("hipAbduction", 220, 200, settings, "left")!.involvedPercent).toBeCloseTo(110, 9);
    expect(assessSymmetry("hipAbduction", 220, 200, settings, "both")!.involvedPercent).toBeNull();
  });

  it("has no weaker side when both are equal", () => {
    const r = assessSymmetry("hipAbduction", 200, 200, settings)!;
    expect(r.weakerSide).toBeNull();
    expect(r.symmetryPercent).toBe(100);
  });

  it("returns null without both sides", () => {
    expect(assessSymmetry("hipAbduction", null, 200, settings)).toBeNull();
    expect(assessSymmetry("hipAbduction", 0, 0, settings)).toBeNull();
  });
});

describe("normalisation (§2.2)", () => {
  it("divides force by body mass", () => {
    expect(newtonsPerKg(300, 60)).toBe(5);
    expect(newtonsPerKg(300, 0)).toBeNull();
  });
  it("multiplies by the lever arm for torque per kg", () => {
    expect(torquePerKg(300, 0.4, 60)).toBe(2);
    expect(torquePerKg(300, null, 60)).toBeNull();
  });
});
