// Distances are stored in km whatever unit the patient typed (intake-schema.ts); these convert for display
// and entry, so switching km/miles never means retyping.
import type { DistanceUnit } from "./intake-options";

export const KM_PER_MILE = 1.609344;

/** A distance typed in `unit`, in km (kept to metres, so a round trip shows what was typed). */
export function toKm(value: number, unit: DistanceUnit): number {
  return unit === "mi" ? Math.round(value * KM_PER_MILE * 1000) / 1000 : value;
}

/** A stored km distance in `unit`, rounded to `dp` decimals. */
export function fromKm(km: number, unit: DistanceUnit, dp = 1): number {
  const v = unit === "mi" ? km / KM_PER_MILE : km;
  return Math.round(v * 10 ** dp) / 10 ** dp;
}

/** A km range shown in `unit`, inside the km range (so any value shown as allowed is allowed). */
export function rangeIn(minKm: number, maxKm: number, unit: DistanceUnit): [number, number] {
  if (unit === "km") return [minKm, maxKm];
  return [Math.ceil((minKm / KM_PER_MILE) * 10) / 10, Math.floor((maxKm / KM_PER_MILE) * 10) / 10];
}

/** Pace stored as minutes per km, as whole minutes and seconds per `unit`. */
export function paceParts(minPerKm: number, unit: DistanceUnit): { min: number; sec: number } {
  const total = Math.round(minPerKm * 60 * (unit === "mi" ? KM_PER_MILE : 1));
  return { min: Math.floor(total / 60), sec: total % 60 };
}

/** Minutes and seconds per `unit` as minutes per km (to the second). */
export function paceFromParts(min: number, sec: number, unit: DistanceUnit): number {
  const perKmSeconds = (min * 60 + sec) / (unit === "mi" ? KM_PER_MILE : 1);
  return Math.round(perKmSeconds) / 60;
}

/** "5:30" for 5.5 minutes. */
export function formatPace(minutes: number): string {
  const total = Math.round(minutes * 60);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}
