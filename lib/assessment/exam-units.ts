// Units the clinician may type in, and the one each value is stored in (clinical-rules §2.2: store raw
// newtons, the lever arm in metres and body mass in kilograms). Conversions are exact definitions.

/** International avoirdupois pound, exactly (1959 agreement). */
export const KG_PER_LB = 0.45359237;
/** Standard gravity: one kilogram-force is exactly 9.80665 N (CGPM 1901). */
export const N_PER_KGF = 9.80665;

export type MassUnit = "kg" | "lb";
export type ForceUnit = "N" | "kgf";

export interface UnitSpec<U extends string> {
  unit: U;
  /** Stored value = typed value × factor. */
  factor: number;
  /** Decimal places shown when a stored value is shown in this unit. */
  dp: number;
}

export const MASS_UNITS: Record<MassUnit, UnitSpec<MassUnit>> = {
  kg: { unit: "kg", factor: 1, dp: 1 },
  lb: { unit: "lb", factor: KG_PER_LB, dp: 1 },
};

export const FORCE_UNITS: Record<ForceUnit, UnitSpec<ForceUnit>> = {
  N: { unit: "N", factor: 1, dp: 1 },
  kgf: { unit: "kgf", factor: N_PER_KGF, dp: 2 },
};

/** Stored precision: enough that a value typed in either unit shows back exactly as typed. */
const STORED_DP = 3;

const roundTo = (n: number, dp: number) => Math.round(n * 10 ** dp) / 10 ** dp;

/** A typed value in `spec`'s unit to the stored unit (kg, N). Non-numbers pass through for validation. */
export function toStored(typed: number, spec: UnitSpec<string>): number {
  if (!Number.isFinite(typed)) return typed;
  return spec.factor === 1 ? typed : roundTo(typed * spec.factor, STORED_DP);
}

/** A stored value (kg, N) shown in `spec`'s unit, rounded for display. */
export function fromStored(stored: number, spec: UnitSpec<string>): number {
  if (!Number.isFinite(stored)) return stored;
  return spec.factor === 1 ? stored : roundTo(stored / spec.factor, spec.dp);
}

/** An allowed range in stored units, expressed in `spec`'s unit (for messages such as "0 to 102 kgf"). */
export function rangeIn(limits: { min: number; max: number }, spec: UnitSpec<string>): { min: number; max: number } {
  return { min: roundTo(limits.min / spec.factor, spec.dp), max: roundTo(limits.max / spec.factor, spec.dp) };
}
