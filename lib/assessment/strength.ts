// Left/right hip strength from hand-held dynamometry (clinical-rules §2.2, §2.3).
import { FORCE_LIMITS_N, type MuscleGroupKey } from "./exam-schema";
import type { ClinicSettings } from "./settings";

export type Side = "left" | "right";
export type MuscleGroup = MuscleGroupKey;

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

// ---------------------------------------------------------------------------------------------------------
// Per-side and per-group values for the exam form, the engine and the printout.

export type PainfulKnee = "left" | "right" | "both" | null;

/** One side of a dynamometry group as the form holds it (any part may be missing). */
export interface SideTrialsInput {
  trialsN?: ReadonlyArray<number | null | undefined> | null;
  notTested?: boolean | null;
}

export type SideState = "tested" | "not-tested" | "blank";

/** "Not tested" is an answer of its own: a side marked not tested has no best value even if trials were typed. */
export function sideState(side: SideTrialsInput | null | undefined): SideState {
  if (side?.notTested) return "not-tested";
  return bestTrial(validTrials(side?.trialsN)) === null ? "blank" : "tested";
}

/** Trials that are real readings: finite and within the physiological limits (others are refused by the
 * schema and must not drive derived values while the clinician corrects them). */
export function validTrials(trials: ReadonlyArray<number | null | undefined> | null | undefined): number[] {
  return (trials ?? []).filter((v): v is number => typeof v === "number" && Number.isFinite(v) && v >= FORCE_LIMITS_N.min && v <= FORCE_LIMITS_N.max);
}

/** The side's best trial in newtons, or null when blank or marked not tested. */
export function sideBestN(side: SideTrialsInput | null | undefined): number | null {
  if (side?.notTested) return null;
  return bestTrial(validTrials(side?.trialsN));
}

export type ChangeVerdict = "stronger" | "weaker" | "within-error";

export interface SideChange {
  previousN: number;
  currentN: number;
  deltaN: number;
  /** Change relative to the previous value, %. */
  deltaPercent: number;
  error: MeasurementError;
  verdict: ChangeVerdict;
}

export interface StrengthChange {
  group: MuscleGroup;
  /** False when the protocol differs from the previous visit's (§2.2: never compare across protocols). */
  comparable: boolean;
  /** Which parts of the protocol differ ("position", "contraction", "belt", "lever arm"). */
  protocolDifferences: string[];
  left: SideChange | null;
  right: SideChange | null;
}

export interface ProtocolLike {
  position?: string | null;
  leverArmM?: number | null;
  contraction?: "make" | "break" | null;
  belt?: boolean | null;
}

/** A lever arm re-measured within 2 cm is the same placement (tape-measure precision on a limb). */
const LEVER_ARM_SAME_WITHIN_M = 0.02;

/** Parts of two protocols that were both recorded and differ. */
export function protocolDifferences(a: ProtocolLike | null | undefined, b: ProtocolLike | null | undefined): string[] {
  const out: string[] = [];
  const both = <T>(x: T | null | undefined, y: T | null | undefined): x is T => x !== undefined && x !== null && y !== undefined && y !== null;
  if (both(a?.position, b?.position) && a.position !== b!.position) out.push("position");
  if (both(a?.contraction, b?.contraction) && a.contraction !== b!.contraction) out.push("contraction");
  if (both(a?.belt, b?.belt) && a.belt !== b!.belt) out.push("belt");
  if (both(a?.leverArmM, b?.leverArmM) && Math.abs(a.leverArmM - b!.leverArmM!) > LEVER_ARM_SAME_WITHIN_M) out.push("lever arm");
  return out;
}

/**
 * Change since the previous visit per side (§2.2 "Changes smaller than this may be noise"): the measurement
 * error is the published MDC where there is one, otherwise the clinic's relative error of the larger of the
 * two readings (the §2.3 convention applied across visits). A change counts only when it exceeds the error.
 */
export function changeSincePrevious(
  group: MuscleGroup,
  current: { protocol?: ProtocolLike | null; left?: SideTrialsInput | null; right?: SideTrialsInput | null } | null | undefined,
  previous: { protocol?: ProtocolLike | null; left?: SideTrialsInput | null; right?: SideTrialsInput | null } | null | undefined,
  settings: Pick<ClinicSettings, "relativeErrorPercent">,
): StrengthChange | null {
  if (!current || !previous) return null;
  const side = (s: Side): SideChange | null => {
    const now = sideBestN(current[s]);
    const before = sideBestN(previous[s]);
    if (now === null || before === null || before <= 0) return null;
    const error = measurementError(group, Math.max(now, before), settings);
    const deltaN = now - before;
    const verdict: ChangeVerdict = Math.abs(deltaN) <= error.newtons ? "within-error" : deltaN > 0 ? "stronger" : "weaker";
    return { previousN: before, currentN: now, deltaN, deltaPercent: (deltaN / before) * 100, error, verdict };
  };
  const left = side("left");
  const right = side("right");
  if (!left && !right) return null;
  const differences = protocolDifferences(current.protocol, previous.protocol);
  return { group, comparable: differences.length === 0, protocolDifferences: differences, left, right };
}

/** Within one session, a trial this far from the others is more likely a typing slip or a failed trial than
 * a real reading (between-session variation is 3–12%, §2.2). A prompt to check, never a refusal. */
export const TRIAL_SPREAD_CHECK_PERCENT = 20;
/** Symmetry below this is possible but unusual enough to confirm the readings and the sides. */
export const LARGE_ASYMMETRY_CHECK_PERCENT = 60;
/** A best reading below this in newtons is unusual for a hip; it often means kg-force typed as newtons. */
export const LOW_FORCE_CHECK_N = 30;

/** Indexes of the trials far from the others: with three trials, those more than the limit away from the
 * median (so one slip does not make its neighbours look odd); with two, the lower one when they differ by
 * more than the limit of the higher. */
export function outlyingTrials(trials: ReadonlyArray<number | null | undefined> | null | undefined, limitPercent = TRIAL_SPREAD_CHECK_PERCENT): number[] {
  const indexed = (trials ?? [])
    .map((v, i) => ({ v, i }))
    .filter((t): t is { v: number; i: number } => typeof t.v === "number" && Number.isFinite(t.v) && t.v >= FORCE_LIMITS_N.min && t.v <= FORCE_LIMITS_N.max);
  if (indexed.length === 2) {
    const [a, b] = indexed as [{ v: number; i: number }, { v: number; i: number }];
    const hi = Math.max(a.v, b.v);
    if (hi > 0 && (Math.abs(a.v - b.v) / hi) * 100 > limitPercent) return [a.v < b.v ? a.i : b.i];
    return [];
  }
  if (indexed.length < 3) return [];
  const sorted = indexed.map((t) => t.v).sort((x, y) => x - y);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  if (median <= 0) return [];
  return indexed.filter((t) => (Math.abs(t.v - median) / median) * 100 > limitPercent).map((t) => t.i);
}
