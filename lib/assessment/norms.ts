// Same-protocol strength norms (clinical-reference §2.2). Norms are valid ONLY for the same position, lever
// and contraction type, so the verdict is null whenever the protocol does not match.

/**
 * Ramskov 2014 (IJSPT 9:68), n = 831 novice runners, eccentric (break-test) hand-held dynamometry of hip
 * abduction: expected Nm/kg = 1.600 − 0.005·age + 0.215·(male = 1), SD 0.354. Test position side-lying with
 * the lever to the malleolus (the reference marks the position as unverified).
 */
export const RAMSKOV_2014 = { intercept: 1.6, perYear: -0.005, male: 0.215, sd: 0.354 } as const;

/** A protocol as recorded (any field may be missing). */
export interface ProtocolLike {
  position?: string | null;
  leverArmM?: number | null;
  contraction?: string | null;
}

export function ramskovProtocolMatches(p: ProtocolLike | null | undefined): boolean {
  return !!p && p.contraction === "break" && p.position === "side-lying-long-lever" && typeof p.leverArmM === "number" && p.leverArmM > 0;
}

export function expectedHipAbductionNmPerKg(ageYears: number, sex: "male" | "female"): number {
  return RAMSKOV_2014.intercept + RAMSKOV_2014.perYear * ageYears + (sex === "male" ? RAMSKOV_2014.male : 0);
}

export interface BilateralWeakness {
  expectedNmPerKg: number;
  cutoffNmPerKg: number;
  weak: boolean;
}

/**
 * Bilateral weakness (§2.3: symmetry near 100% can hide it): both sides below the norm minus `sdBelow`
 * standard deviations (a convention, a clinic setting). Null when the norm does not apply (protocol, age,
 * sex or a side missing).
 */
export function bilateralWeakness(opts: {
  leftNmPerKg: number | null;
  rightNmPerKg: number | null;
  ageYears: number | null | undefined;
  sex: string | null | undefined;
  protocol: ProtocolLike | null | undefined;
  sdBelow: number;
}): BilateralWeakness | null {
  const { leftNmPerKg: l, rightNmPerKg: r, ageYears, sex, protocol } = opts;
  if (!ramskovProtocolMatches(protocol) || l === null || r === null || typeof ageYears !== "number" || (sex !== "male" && sex !== "female")) return null;
  const expected = expectedHipAbductionNmPerKg(ageYears, sex);
  const cutoff = expected - opts.sdBelow * RAMSKOV_2014.sd;
  return { expectedNmPerKg: expected, cutoffNmPerKg: cutoff, weak: l < cutoff && r < cutoff };
}
