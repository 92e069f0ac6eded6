// Absolute hip strength against a published norm (clinical-rules §2.2, §2.3): symmetry near 100% can
// hide weakness of both sides, so the app also compares each side with what is expected for the person,
// but ONLY when the exam used the norm's own protocol ("Norms are only valid for the same position, lever
// and contraction type", §2.2).
import type { ClinicSettings } from "./settings";
import type { ProtocolLike } from "./strength";

/**
 * Ramskov 2014 (IJSPT 9:68, PMID 24567857), 831 novice runners, eccentric hand-held dynamometry of hip
 * abduction: expected Nm/kg = 1.600 − 0.005·age + 0.215·(male = 1), SD 0.354 Nm/kg. Eccentric = a break
 * test (the examiner overpowers the patient); the position is side-lying with the dynamometer at the
 * lateral malleolus (long lever; §2.2 marks the exact position as not retrieved [M]).
 */
export const RAMSKOV_2014 = {
  source: "Ramskov 2014 (IJSPT 9:68), eccentric hip abduction in novice runners",
  intercept: 1.6,
  perYearOfAge: -0.005,
  male: 0.215,
  sdNmPerKg: 0.354,
  protocol: { position: "side-lying-long-lever", contraction: "break" as const },
} as const;

export type NormSex = "male" | "female";

/** Expected hip abduction torque per kg of body mass (Nm/kg) for this age and sex (Ramskov 2014). */
export function expectedAbductionNmPerKg(ageYears: number, sex: NormSex): number {
  return RAMSKOV_2014.intercept + RAMSKOV_2014.perYearOfAge * ageYears + (sex === "male" ? RAMSKOV_2014.male : 0);
}

/** What keeps the exam's protocol from matching the norm's (empty when it matches). */
export function normProtocolMismatch(protocol: ProtocolLike | null | undefined): string[] {
  const out: string[] = [];
  if (protocol?.position !== RAMSKOV_2014.protocol.position) out.push("position is not side-lying with the long lever");
  if (protocol?.contraction !== RAMSKOV_2014.protocol.contraction) out.push("not a break (eccentric) test");
  return out;
}

export type BilateralWeaknessVerdict =
  /** Both sides below the clinic's cut-off under the expected value. */
  | "bilateral-weakness"
  /** One side below the cut-off: weakness of that side, which the symmetry already speaks to. */
  | "one-side-below"
  | "within-norm"
  /** The comparison cannot be made (protocol differs, or age, sex, body mass, lever arm or a side missing). */
  | "not-applicable";

export interface SideNorm {
  nmPerKg: number;
  /** Standard deviations from the expected value (negative = below). */
  z: number;
  below: boolean;
}

export interface BilateralWeaknessResult {
  verdict: BilateralWeaknessVerdict;
  /** Why the comparison was not made, in plain words (empty when it was). */
  reasons: string[];
  expectedNmPerKg: number | null;
  /** The expected value minus the clinic's number of SDs (a convention). */
  cutoffNmPerKg: number | null;
  cutoffSd: number;
  left: SideNorm | null;
  right: SideNorm | null;
  source: string;
}

export interface BilateralWeaknessInput {
  protocol: ProtocolLike | null | undefined;
  leftN: number | null;
  rightN: number | null;
  bodyMassKg: number | null | undefined;
  ageYears: number | null | undefined;
  /** The patient's sex as recorded ("female", "male", "FEMALE", …); anything else cannot use the equation. */
  sex: string | null | undefined;
}

/**
 * §2.3 "also flag bilateral weakness against same-protocol norms": each side's torque per kg (best force ×
 * lever arm ÷ body mass) against Ramskov's expected value; below means more than `normCutoffSd` SDs under it
 * (a clinic setting, a convention: no validated cut-off was found). Hip abduction only: it is the one
 * muscle group with a usable norm in the reference.
 */
export function bilateralWeakness(input: BilateralWeaknessInput, settings: Pick<ClinicSettings, "normCutoffSd">): BilateralWeaknessResult {
  const cutoffSd = settings.normCutoffSd;
  const reasons = normProtocolMismatch(input.protocol);
  const lever = input.protocol?.leverArmM;
  if (!lever || lever <= 0) reasons.push("lever arm not recorded");
  const mass = input.bodyMassKg;
  if (!mass || mass <= 0) reasons.push("body mass not recorded");
  const sex = typeof input.sex === "string" ? input.sex.toLowerCase() : null;
  if (sex !== "male" && sex !== "female") reasons.push("the norm equation needs sex recorded as female or male");
  const age = input.ageYears;
  if (age === null || age === undefined || !Number.isFinite(age)) reasons.push("age not known");
  if (input.leftN === null && input.rightN === null) reasons.push("no strength recorded");
  const base = { cutoffSd, source: RAMSKOV_2014.source };
  if (reasons.length) return { ...base, verdict: "not-applicable", reasons, expectedNmPerKg: null, cutoffNmPerKg: null, left: null, right: null };

  const expected = expectedAbductionNmPerKg(age!, sex as NormSex);
  const cutoff = expected - cutoffSd * RAMSKOV_2014.sdNmPerKg;
  const side = (n: number | null): SideNorm | null => {
    if (n === null) return null;
    const nmPerKg = (n * lever!) / mass!;
    return { nmPerKg, z: (nmPerKg - expected) / RAMSKOV_2014.sdNmPerKg, below: nmPerKg < cutoff };
  };
  const left = side(input.leftN);
  const right = side(input.rightN);
  const below = [left, right].filter((s) => s?.below).length;
  // With one side only, the verdict speaks for that side; "bilateral" needs both below.
  const verdict: BilateralWeaknessVerdict = below === 2 ? "bilateral-weakness" : below === 1 ? "one-side-below" : "within-norm";
  return { ...base, verdict, reasons: [], expectedNmPerKg: expected, cutoffNmPerKg: cutoff, left, right };
}
