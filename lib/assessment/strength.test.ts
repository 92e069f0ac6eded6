import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "./settings";
import {
  assessSymmetry,
  bestTrial,
  changeSincePrevious,
  measurementError,
  newtonsPerKg,
  outlyingTrials,
  protocolDifferences,
  sideBestN,
  sideState,
  torquePerKg,
  type ProtocolLike,
} from "./strength";

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

describe("assessSymmetry (clinical-rules §2.3)", () => {
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

describe("sides: not tested is an answer, distinct from blank and from zero", () => {
  it.each([
    [{ trialsN: [180, null, 195] }, "tested", 195],
    [{ trialsN: [0] }, "tested", 0],
    [{ trialsN: [null, null] }, "blank", null],
    [{}, "blank", null],
    [undefined, "blank", null],
    [{ notTested: true }, "not-tested", null],
    [{ notTested: true, trialsN: [200] }, "not-tested", null],
  ])("%o is %s with best %s", (side, state, best) => {
    expect(sideState(side)).toBe(state);
    expect(sideBestN(side)).toBe(best);
  });

  it("ignores readings outside the physiological limits while they are being corrected", () => {
    expect(sideBestN({ trialsN: [3000, 180] })).toBe(180);
    expect(sideBestN({ trialsN: [-5, Number.NaN] })).toBeNull();
  });
});

describe("changeSincePrevious (§2.2: changes within the measurement error may be noise)", () => {
  const proto: ProtocolLike = { position: "side-lying-long-lever", contraction: "break", belt: true, leverArmM: 0.8 };
  const exam = (l: number | null, r: number | null, protocol = proto) => ({
    protocol,
    left: l === null ? {} : { trialsN: [l] },
    right: r === null ? {} : { trialsN: [r] },
  });

  it("counts a change above the 49 N abduction MDC, and not one at or below it", () => {
    const c = changeSincePrevious("hipAbduction", exam(200, 250), exam(150, 201), settings)!;
    expect(c.comparable).toBe(true);
    expect(c.left).toMatchObject({ previousN: 150, currentN: 200, deltaN: 50, verdict: "stronger" });
    expect(c.left!.deltaPercent).toBeCloseTo(33.33, 2);
    expect(c.right).toMatchObject({ deltaN: 49, verdict: "within-error" });
    expect(changeSincePrevious("hipAbduction", exam(150, null), exam(200, null), settings)!.left!.verdict).toBe("weaker");
    expect(changeSincePrevious("hipAbduction", exam(151, null), exam(200, null), settings)!.left!.verdict).toBe("within-error");
  });

  it("uses 10% of the larger reading where no MDC is published", () => {
    // Extension 300 → 331: error 33.1 N, change 31 N: within. 300 → 334: error 33.4, change 34: stronger.
    expect(changeSincePrevious("hipExtension", exam(331, null), exam(300, null), settings)!.left!.verdict).toBe("within-error");
    expect(changeSincePrevious("hipExtension", exam(334, null), exam(300, null), settings)!.left!.verdict).toBe("stronger");
  });

  it("is not comparable when the protocol changed, and names what changed", () => {
    const c = changeSincePrevious("hipAbduction", exam(200, 200, { ...proto, contraction: "make" as const, leverArmM: 0.7 }), exam(150, 150), settings)!;
    expect(c.comparable).toBe(false);
    expect(c.protocolDifferences).toEqual(["contraction", "lever arm"]);
  });

  it("is null without a previous exam or without a side measured both times", () => {
    expect(changeSincePrevious("hipAbduction", exam(200, 200), null, settings)).toBeNull();
    expect(changeSincePrevious("hipAbduction", exam(200, null), exam(null, 200), settings)).toBeNull();
  });
});

describe("protocolDifferences", () => {
  it("compares only what both recorded, and lever arms within 2 cm as the same", () => {
    expect(protocolDifferences({ position: "a", leverArmM: 0.8 }, { position: "a", leverArmM: 0.82 })).toEqual([]);
    expect(protocolDifferences({ leverArmM: 0.8 }, { leverArmM: 0.83 })).toEqual(["lever arm"]);
    expect(protocolDifferences({ position: "a" }, { belt: true })).toEqual([]);
    expect(protocolDifferences({ position: "a", belt: false }, { position: "b", belt: true })).toEqual(["position", "belt"]);
  });
});

describe("outlyingTrials (a 'check this' prompt, never a refusal)", () => {
  it.each([
    [[200, 205, 100], [2]],
    [[200, 205, 210], []],
    // 20% from the median of 200 is the limit: 240 is not beyond it, 241 is.
    [[200, 195, 240], []],
    [[200, 195, 241], [2]],
    [
      [100, 200, 300],
      [0, 2],
    ],
    [[200, null, 150], [2]],
    [[200, null, 161], []],
    [[200], []],
    [[], []],
  ])("%o → %o", (trials, expected) => {
    expect(outlyingTrials(trials)).toEqual(expected);
  });
});
