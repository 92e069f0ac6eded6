import { describe, expect, it } from "vitest";
import { deriveExam, type ExamContext } from "./exam-derived";
import type { EngineExam } from "./exam-schema";
import { DEFAULT_SETTINGS } from "./settings";

const ctx: ExamContext = { settings: DEFAULT_SETTINGS, painfulKnee: "right", ageYears: 20, sex: "FEMALE", previous: null };
const abd = { position: "side-lying-long-lever", contraction: "break" as const, belt: true, leverArmM: 0.5 };

function exam(over: EngineExam = {}): EngineExam {
  return {
    bodyMassKg: 50,
    strength: {
      hipAbduction: { protocol: abd, left: { trialsN: [140, 150, 145] }, right: { trialsN: [200, 210, null] } },
    },
    ...over,
  };
}

describe("deriveExam: the values shown beside the inputs", () => {
  it("derives best trial, N/kg, torque per kg, symmetry, the weaker side and involved ÷ uninvolved", () => {
    const d = deriveExam(exam(), ctx).strength.hipAbduction;
    expect(d.left).toEqual({ state: "tested", bestN: 150, nPerKg: 3, nmPerKg: 1.5 });
    expect(d.right.bestN).toBe(210);
    expect(d.right.nmPerKg).toBeCloseTo(2.1, 10);
    expect(d.symmetry!.symmetryPercent).toBeCloseTo(71.43, 2);
    expect(d.symmetry!.weakerSide).toBe("left");
    expect(d.symmetry!.verdict).toBe("asymmetry");
    // The right knee hurts: involved (right) ÷ uninvolved (left) = 140%.
    expect(d.symmetry!.involvedPercent).toBeCloseTo(140, 10);
  });

  it("compares hip abduction with the norm when the protocol matches, and says why not otherwise", () => {
    expect(deriveExam(exam(), ctx).strength.hipAbduction.norm!.verdict).toBe("within-norm");
    const make = exam({ strength: { hipAbduction: { protocol: { ...abd, contraction: "make" }, left: { trialsN: [100] }, right: { trialsN: [100] } } } });
    const n = deriveExam(make, ctx).strength.hipAbduction.norm!;
    expect(n.verdict).toBe("not-applicable");
    expect(n.reasons).toEqual(["not a break (eccentric) test"]);
    // Other groups have no norm.
    expect(deriveExam(exam(), ctx).strength.hipExtension.norm).toBeNull();
  });

  it("ignores a body mass or lever arm outside the limits instead of deriving from it", () => {
    const d = deriveExam(exam({ bodyMassKg: 0 }), ctx);
    expect(d.bodyMassKg).toBeNull();
    expect(d.strength.hipAbduction.left.nPerKg).toBeNull();
    const lever = deriveExam(exam({ strength: { hipAbduction: { protocol: { ...abd, leverArmM: 5 }, left: { trialsN: [150] } } } }), ctx);
    expect(lever.strength.hipAbduction.left.nmPerKg).toBeNull();
    expect(lever.strength.hipAbduction.left.nPerKg).toBe(3);
  });

  it("gives the change since the previous exam of the same patient", () => {
    const previous = exam({ strength: { hipAbduction: { protocol: abd, left: { trialsN: [90] }, right: { trialsN: [200] } } } });
    const c = deriveExam(exam(), { ...ctx, previous }).strength.hipAbduction.change!;
    expect(c.left).toMatchObject({ deltaN: 60, verdict: "stronger" });
    expect(c.right).toMatchObject({ deltaN: 10, verdict: "within-error" });
  });

  it("scores the step-down and the Y-balance per side", () => {
    const d = deriveExam(
      exam({
        functional: {
          stepDown: { left: { knee: 2, trunkLean: true, pelvisTilt: true }, right: { notTested: true } },
          yBalance: { limbLengthCm: 85, left: { anteriorCm: 60, posteromedialCm: 100, posterolateralCm: 95 }, right: { anteriorCm: 55 } },
        },
      }),
      ctx,
    );
    expect(d.stepDown).toEqual({ left: { total: 4, band: "poor" }, right: null });
    expect(d.yBalance.left).toBeCloseTo(100, 10);
    expect(d.yBalance.right).toBeNull();
    expect(d.yBalance.anteriorDiffCm).toBe(5);
  });

  it("copes with an empty or missing exam", () => {
    const d = deriveExam(null, ctx);
    expect(d.strength.hipAbduction.symmetry).toBeNull();
    expect(d.notes).toEqual([]);
    expect(deriveExam({ strength: {} }, ctx).stepDown).toEqual({ left: null, right: null });
  });
});

describe("deriveExam: 'check this' notes for unusual but possible values", () => {
  const notes = (e: EngineExam) => deriveExam(e, ctx).notes;

  it("notes a trial far from the other two, beside that trial", () => {
    expect(notes(exam({ strength: { hipAbduction: { left: { trialsN: [200, 205, 100] } } } }))).toEqual([
      {
        path: "strength.hipAbduction.left.trialsN.2",
        code: "trial-spread",
        params: { n: 3, pct: 20 },
        message: "Check this: trial 3 is more than 20% from the others.",
      },
    ]);
  });

  it("notes a very large asymmetry (symmetry below 60%) but not one of 60%", () => {
    const big = notes(exam({ strength: { hipAbduction: { left: { trialsN: [119] }, right: { trialsN: [200] } } } }));
    expect(big.map((n) => n.path)).toEqual(["strength.hipAbduction"]);
    expect(big[0]!.message).toMatch(/symmetry of 60% is a very large difference/);
    expect(big[0]).toMatchObject({ code: "large-asymmetry", params: { pct: 60 } });
    expect(notes(exam({ strength: { hipAbduction: { left: { trialsN: [120] }, right: { trialsN: [200] } } } }))).toEqual([]);
  });

  it("notes a reading so low it was probably typed in kg-force", () => {
    const n = notes(exam({ strength: { hipExtension: { left: { trialsN: [21, 22, 20] } } } }));
    expect(n).toEqual([
      {
        path: "strength.hipExtension.left.trialsN",
        code: "low-force",
        params: { force: 22 },
        message: "Check this: 22 N is unusually low. Was it read in kg-force?",
      },
    ]);
    expect(notes(exam({ strength: { hipExtension: { left: { trialsN: [30] } } } }))).toEqual([]);
  });

  it("notes trials typed on a side marked not tested (they are ignored, not deleted)", () => {
    expect(notes(exam({ strength: { hipExtension: { right: { notTested: true, trialsN: [150] } } } }))).toEqual([
      {
        path: "strength.hipExtension.right.notTested",
        code: "ignored-trials",
        params: {},
        message: "Marked not tested: the trials typed on this side are ignored.",
      },
    ]);
  });
});
