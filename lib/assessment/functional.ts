// Functional and flexibility tests (clinical-rules §3): the lateral step-down score, the Y-balance
// composite, and what a measured angle says for the tests that have an angle criterion.

/** Lateral step-down items as the form holds them (Piva 2006, §3). */
export interface StepDownInput {
  notTested?: boolean | null;
  armStrategy?: boolean | null;
  trunkLean?: boolean | null;
  pelvisTilt?: boolean | null;
  /** 0 = tibial tuberosity over the 2nd toe; 1 = medial to the 2nd toe; 2 = medial to the foot's border. */
  knee?: number | null;
  unsteady?: boolean | null;
}

export type StepDownBand = "good" | "moderate" | "poor";

export interface StepDownScore {
  total: number;
  band: StepDownBand;
}

/**
 * Piva 2006 (§3): one point each for arm strategy, trunk lean, pelvis losing the horizontal and unsteady
 * stance, and 1 or 2 for the knee; total 0–6. Bands: 0–1 good, 2–3 moderate, ≥4 poor. Null when the side
 * was not tested or nothing was scored (blank is not zero).
 */
export function scoreStepDown(s: StepDownInput | null | undefined): StepDownScore | null {
  if (!s || s.notTested) return null;
  const items = [s.armStrategy, s.trunkLean, s.pelvisTilt, s.unsteady];
  const knee = typeof s.knee === "number" && Number.isInteger(s.knee) && s.knee >= 0 && s.knee <= 2 ? s.knee : null;
  // Unticked items are "not seen"; with no item seen and the knee item unanswered nothing was scored. The
  // knee item is always assessed, so a perfect step-down is recorded by answering it (0).
  if (!items.some((v) => v === true) && knee === null) return null;
  const total = items.filter((v) => v === true).length + (knee ?? 0);
  return { total, band: stepDownBand(total) };
}

export function stepDownBand(total: number): StepDownBand {
  return total <= 1 ? "good" : total <= 3 ? "moderate" : "poor";
}

export interface YBalanceSideInput {
  anteriorCm?: number | null;
  posteromedialCm?: number | null;
  posterolateralCm?: number | null;
}

const positive = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;

/** §3 Y-balance: composite = (ANT + PM + PL) ÷ (3 × limb length) × 100; null unless all four are known. */
export function yBalanceComposite(side: YBalanceSideInput | null | undefined, limbLengthCm: number | null | undefined): number | null {
  if (!side || !positive(limbLengthCm) || limbLengthCm === 0) return null;
  const { anteriorCm: a, posteromedialCm: pm, posterolateralCm: pl } = side;
  if (!positive(a) || !positive(pm) || !positive(pl)) return null;
  return ((a + pm + pl) / (3 * limbLengthCm)) * 100;
}

/** Plisky 2006 (§3): anterior reach asymmetry above 4 cm, or a composite below 94%, went with about 3×
 * injury risk in high-school basketball; not replicated, not validated in runners. Shown as context only. */
export const Y_BALANCE_ANTERIOR_DIFF_CM = 4;
export const Y_BALANCE_COMPOSITE_PERCENT = 94;

export type FlexibilityTest = "thomasOneJoint" | "thomasTwoJoint" | "ober" | "ely" | "hamstring9090";

/**
 * §3 angle criteria: modified Thomas, hip angle above 0° = short one-joint hip flexors, knee angle below
 * 67° = short two-joint flexors; hamstring 90-90, knee more than 40° short of extension = short hamstrings.
 * Ober and Ely have no angle criterion in the reference, so an angle alone says nothing (null).
 */
export function flexibilityFromAngle(test: FlexibilityTest, degrees: number | null | undefined): "positive" | "negative" | null {
  if (typeof degrees !== "number" || !Number.isFinite(degrees)) return null;
  switch (test) {
    case "thomasOneJoint":
      return degrees > 0 ? "positive" : "negative";
    case "thomasTwoJoint":
      return degrees < 67 ? "positive" : "negative";
    case "hamstring9090":
      return degrees > 40 ? "positive" : "negative";
    default:
      return null;
  }
}

/** What the exam form shows beside the functional tests and what the engine's rules read of them: one
 * function, so a new functional test is scored here once (exam-derived.ts spreads it into the form's values,
 * derive.ts hands it to the rules). */
export interface FunctionalDerived {
  stepDown: { left: StepDownScore | null; right: StepDownScore | null };
  yBalance: { left: number | null; right: number | null; anteriorDiffCm: number | null };
}

export function deriveFunctional(
  fn:
    | {
        stepDown?: { left?: StepDownInput | null; right?: StepDownInput | null } | null;
        yBalance?: { limbLengthCm?: number | null; left?: YBalanceSideInput | null; right?: YBalanceSideInput | null } | null;
      }
    | null
    | undefined,
): FunctionalDerived {
  const yb = fn?.yBalance;
  const aL = yb?.left?.anteriorCm;
  const aR = yb?.right?.anteriorCm;
  return {
    stepDown: { left: scoreStepDown(fn?.stepDown?.left), right: scoreStepDown(fn?.stepDown?.right) },
    yBalance: {
      left: yBalanceComposite(yb?.left, yb?.limbLengthCm),
      right: yBalanceComposite(yb?.right, yb?.limbLengthCm),
      anteriorDiffCm: typeof aL === "number" && typeof aR === "number" ? Math.abs(aL - aR) : null,
    },
  };
}
