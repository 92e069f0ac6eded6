import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { derive } from "./derive";
import { deriveExam } from "./exam-derived";
import { MUSCLE_GROUPS, type EngineExam } from "./exam-schema";
import { DEFAULT_SETTINGS } from "./settings";
import { fullIntake } from "./test-fixtures";

// The engine reads the exam through the form's own derivation (exam-derived.ts): whatever a clinician typed,
// the numbers beside the inputs, on the print and in the engine's rules are the same numbers.

const trial = fc.option(fc.integer({ min: 0, max: 600 }), { nil: null });
const side = fc.record({ notTested: fc.option(fc.boolean(), { nil: undefined }), trialsN: fc.array(trial, { maxLength: 3 }) }, { requiredKeys: [] });
const group = fc.record(
  {
    protocol: fc.record({
      position: fc.constant("side-lying-long-lever"),
      leverArmM: fc.option(fc.double({ min: 0.1, max: 1.2, noNaN: true }), { nil: null }),
      contraction: fc.constant("break" as const),
      belt: fc.boolean(),
    }),
    left: side,
    right: side,
  },
  { requiredKeys: [] },
);
const tick = fc.option(fc.boolean(), { nil: undefined });
const stepDownSide = fc.record(
  { notTested: tick, armStrategy: tick, trunkLean: tick, pelvisTilt: tick, unsteady: tick, knee: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }) },
  { requiredKeys: [] },
);
const exam: fc.Arbitrary<EngineExam> = fc.record(
  {
    bodyMassKg: fc.option(fc.double({ min: 20, max: 250, noNaN: true }), { nil: null }),
    strength: fc.record({ hipAbduction: group, hipExtension: group, hipExternalRotation: group, kneeExtension: group }, { requiredKeys: [] }),
    functional: fc.record({ stepDown: fc.record({ left: stepDownSide, right: stepDownSide }, { requiredKeys: [] }) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<EngineExam>;

const intake = fullIntake();
const ctx = {
  settings: DEFAULT_SETTINGS,
  painfulKnee: intake.knee?.side ?? null,
  ageYears: 34,
  sex: intake.about?.sex ?? null,
  previous: null,
  intakeBodyMassKg: intake.about?.bodyMassKg ?? null,
};

describe("derive: the engine and the exam form read the same values", () => {
  it("strength, N/kg, Nm/kg, body mass and step-down agree with deriveExam for any exam", () => {
    fc.assert(
      fc.property(exam, (e) => {
        const engine = derive({ intake, exam: e, settings: DEFAULT_SETTINGS, patient: { ageYears: 34 } });
        const form = deriveExam(e, ctx);
        expect(engine.bodyMassKg).toBe(form.bodyMassKg);
        for (const g of MUSCLE_GROUPS) {
          const f = form.strength[g];
          const s = engine.strength[g];
          if (!f.symmetry) {
            expect(s).toBeUndefined();
            continue;
          }
          expect(s).toMatchObject({
            symmetryPercent: f.symmetry.symmetryPercent,
            weakerSide: f.symmetry.weakerSide,
            leftNPerKg: f.left.nPerKg,
            rightNPerKg: f.right.nPerKg,
            leftNmPerKg: f.left.nmPerKg,
            rightNmPerKg: f.right.nmPerKg,
          });
        }
        expect(engine.stepDown).toEqual({ left: form.stepDown.left?.total ?? null, right: form.stepDown.right?.total ?? null });
      }),
      { numRuns: 300 },
    );
  });

  it("a step-down with every box unticked and the knee unanswered is not scored (blank is not zero)", () => {
    const e: EngineExam = {
      functional: { stepDown: { left: { armStrategy: false, trunkLean: false, pelvisTilt: false, unsteady: false }, right: { knee: 3 } } },
    };
    const d = derive({ intake, exam: e, settings: DEFAULT_SETTINGS });
    expect(d.stepDown).toEqual({ left: null, right: null });
    const scored = derive({
      intake,
      exam: { functional: { stepDown: { left: { trunkLean: true, knee: 1 }, right: { knee: 0 } } } },
      settings: DEFAULT_SETTINGS,
    });
    expect(scored.stepDown).toEqual({ left: 2, right: 0 });
  });

  it("N/kg uses the exam's body mass, else the intake's (the form shows the same)", () => {
    const e: EngineExam = { strength: { hipAbduction: { left: { trialsN: [150] }, right: { trialsN: [200] } } } };
    const withIntakeMass = derive({ intake: fullIntake({ about: { bodyMassKg: 50 } }), exam: e, settings: DEFAULT_SETTINGS });
    expect(withIntakeMass.bodyMassKg).toBe(50);
    expect(withIntakeMass.strength.hipAbduction?.leftNPerKg).toBe(3);
    const withExamMass = derive({ intake: fullIntake({ about: { bodyMassKg: 50 } }), exam: { ...e, bodyMassKg: 75 }, settings: DEFAULT_SETTINGS });
    expect(withExamMass.strength.hipAbduction?.leftNPerKg).toBe(2);
  });
});
