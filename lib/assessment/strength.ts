// Left/right hip strength from hand-held dynamometry (clinical-reference §2.2, §2.3).
import type { ClinicSettings } from "./settings";

export type Side = "left" | "right";
export type MuscleGroup = "hipAbduction" | "hipExtension" | "hipExternalRotation" | "kneeExtension";

/**
 * Minimal detectable change in newtons where one is published: Piva 2006 (BMC MSK 7:33) SEM 1.8 kg for hip
 * abduction and 2.4 kg for external rotation; MDC95 = SEM × 2.77 ≈ 5.0 kg ≈ 49 N and 6.6 kg ≈ 65 N (§2.2).
 */
export const MDC_NEWTONS: Partial<Record<MuscleGroup, number>> = {
  hipAbduction: 49,
  hipExternalRotation: 65,
};

/** The best of the recorded trials (§2.2: best of 2–4 trials), ignoring blanks. */
export function bestTrial(trials: ReadonlyArray<number | null | undefined> | undefined): number | null {
  const values = (trials ?? []).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  return values.length ? Math.max(...values) : null;
}

export interface MeasurementError {
  newtons: number;
  /** "mdc": the published MDC (§2.2); "relative": the clinic's % of the stronger side (§2.3, a convention). */
  basis: "mdc" | "relative";
}

/** §2.3 "Measurement error per muscle group". */
export function measurementError(group: MuscleGroup, strongerN: number, settings: Pick<ClinicSettings, "relativeErrorPercent">): MeasurementError {
  const mdc = MDC_NEWTONS[group];
  if (mdc !== undefined) return { newtons: mdc, basis: "mdc" };
  return { newtons: (strongerN * settings.relativeErrorPercent) / 100, basis: "relative" };
}

export type AsymmetryVerdict =
  /** Symmetry below the threshold and the difference above the measurement error: the flag. */
  | "asymmetry"
  /** Symmetry below the threshold but the difference within the measurement error: retest. */
  | "possible-retest"
  | "symmetric";

export interface SymmetryResult {
  group: MuscleGroup;
  leftN: number;
  rightN: number;
  /** Weaker ÷ stronger × 100, never above 100 (§2.3, what the app calls symmetry or LSI). */
  symmetryPercent: number;
  weakerSide: Side | null;
  differenceN: number;
  error: MeasurementError;
  thresholdPercent: number;
  verdict: AsymmetryVerdict;
  /** Involved ÷ uninvolved × 100 when exactly one knee is painful (may exceed 100); null otherwise. */
  involvedPercent: number | null;
}

/**
 * §2.3: symmetry = weaker ÷ stronger × 100; the asymmetry flag needs symmetry below the threshold (default
 * 90%, a convention not validated for knee pain) AND a left/right difference above the measurement error.
 * Returns null unless both sides have a value and at least one is above zero.
 */
export function assessSymmetry(
  group: MuscleGroup,
  leftN: number | null,
  rightN: number | null,
  settings: Pick<ClinicSettings, "asymmetryThresholdPercent" | "relativeErrorPercent">,
  painfulKnee: "left" | "right" | "both" | null = null,
): SymmetryResult | null {
  if (leftN === null || rightN === null || (leftN <= 0 && rightN <= 0)) return null;
  const stronger = Math.max(leftN, rightN);
  const weaker = Math.min(leftN, rightN);
  const symmetryPercent = (weaker / stronger) * 100;
  const differenceN = stronger - weaker;
  const weakerSide: Side | null = leftN === rightN ? null : leftN < rightN ? "left" : "right";
  const error = measurementError(group, stronger, settings);
  const threshold = settings.asymmetryThresholdPercent;
  let verdict: AsymmetryVerdict = "symmetric";
  if (symmetryPercent < threshold) verdict = differenceN > error.newtons ? "asymmetry" : "possible-retest";
  let involvedPercent: number | null = null;
  if (painfulKnee === "left" || painfulKnee === "right") {
    const involved = painfulKnee === "left" ? leftN : rightN;
    const uninvolved = painfulKnee === "left" ? rightN : leftN;
    involvedPercent = uninvolved > 0 ? (involved / uninvolved) * 100 : null;
  }
  return { group, leftN, rightN, symmetryPercent, weakerSide, differenceN, error, thresholdPercent: threshold, verdict, involvedPercent };
}

/** §2.2 normalisation: force per kilogram of body mass. */
export function newtonsPerKg(forceN: number | null, bodyMassKg: number | null | undefined): number | null {
  if (forceN === null || !bodyMassKg || bodyMassKg <= 0) return null;
  return forceN / bodyMassKg;
}

/** §2.2 normalisation: torque per kilogram, force × lever arm (m) ÷ body mass. */
export function torquePerKg(forceN: number | null, leverArmM: number | null | undefined, bodyMassKg: number | null | undefined): number | null {
  if (forceN === null || !leverArmM || leverArmM <= 0 || !bodyMassKg || bodyMassKg <= 0) return null;
  return (forceN * leverArmM) / bodyMassKg;
}
