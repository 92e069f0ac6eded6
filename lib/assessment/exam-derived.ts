// Everything the exam form shows beside the inputs while the clinician types, computed from the exam as it
// stands (any part may be missing or mid-correction). Pure: the form, the engine and the printout all call
// this, so the numbers on screen and on paper are the same numbers.
import { BODY_MASS_LIMITS_KG, LEVER_ARM_LIMITS_M, MUSCLE_GROUPS, type EngineExam, type MuscleGroupKey } from "./exam-schema";
import { deriveFunctional, type FunctionalDerived } from "./functional";
import { bilateralWeakness, type BilateralWeaknessResult } from "./norms";
import type { ClinicSettings } from "./settings";
import {
  assessSymmetry,
  changeSincePrevious,
  LARGE_ASYMMETRY_CHECK_PERCENT,
  LOW_FORCE_CHECK_N,
  newtonsPerKg,
  outlyingTrials,
  sideBestN,
  sideState,
  TRIAL_SPREAD_CHECK_PERCENT,
  torquePerKg,
  validTrials,
  type PainfulKnee,
  type Side,
  type SideState,
  type StrengthChange,
  type SymmetryResult,
} from "./strength";

export interface ExamContext {
  settings: Pick<ClinicSettings, "asymmetryThresholdPercent" | "relativeErrorPercent" | "normCutoffSd">;
  /** From the intake: which knee hurts (involved ÷ uninvolved only when exactly one does, §2.3). */
  painfulKnee: PainfulKnee;
  /** On the visit date, for the norm (§2.2). */
  ageYears: number | null;
  sex: string | null;
  /** The same patient's previous exam, for the change since then. */
  previous: EngineExam | null;
  /** The body mass the patient gave in the intake: used for N/kg when the exam has none. */
  intakeBodyMassKg?: number | null;
}

export interface SideDerived {
  state: SideState;
  bestN: number | null;
  nPerKg: number | null;
  /** Torque per kg: best force × lever arm ÷ body mass (§2.2). */
  nmPerKg: number | null;
}

export interface GroupDerived {
  group: MuscleGroupKey;
  left: SideDerived;
  right: SideDerived;
  symmetry: SymmetryResult | null;
  /** Hip abduction only: the one group with a usable norm (Ramskov 2014). */
  norm: BilateralWeaknessResult | null;
  change: StrengthChange | null;
}

/** An unusual but possible value: accepted, with a note asking the clinician to check it. */
export interface ExamNote {
  /** The field (or group) the note sits beside. */
  path: string;
  /** What to check, with its numbers: the form words it in the clinic's language (lib/i18n/clinic/exam.ts `notes`). */
  code: "ignored-trials" | "trial-spread" | "low-force" | "large-asymmetry";
  params: Record<string, number>;
  /** The same in English (tests and logs read it). */
  message: string;
}

export interface ExamDerived extends FunctionalDerived {
  bodyMassKg: number | null;
  strength: Record<MuscleGroupKey, GroupDerived>;
  notes: ExamNote[];
}

const SIDES: Side[] = ["left", "right"];
const within = (v: unknown, l: { min: number; max: number }): v is number => typeof v === "number" && Number.isFinite(v) && v >= l.min && v <= l.max;
const r0 = (n: number) => Math.round(n);

export function deriveExam(exam: EngineExam | null | undefined, ctx: ExamContext): ExamDerived {
  const bodyMassKg = within(exam?.bodyMassKg, BODY_MASS_LIMITS_KG)
    ? exam!.bodyMassKg!
    : within(ctx.intakeBodyMassKg, BODY_MASS_LIMITS_KG)
      ? ctx.intakeBodyMassKg
      : null;
  const notes: ExamNote[] = [];
  const strength = {} as Record<MuscleGroupKey, GroupDerived>;

  for (const group of MUSCLE_GROUPS) {
    const g = exam?.strength?.[group] ?? null;
    const lever = within(g?.protocol?.leverArmM, LEVER_ARM_LIMITS_M) ? g!.protocol!.leverArmM! : null;
    const side = (s: Side): SideDerived => {
      const bestN = sideBestN(g?.[s]);
      return { state: sideState(g?.[s]), bestN, nPerKg: newtonsPerKg(bestN, bodyMassKg), nmPerKg: torquePerKg(bestN, lever, bodyMassKg) };
    };
    const left = side("left");
    const right = side("right");
    const symmetry = assessSymmetry(group, left.bestN, right.bestN, ctx.settings, ctx.painfulKnee);
    const norm =
      group === "hipAbduction" && (left.bestN !== null || right.bestN !== null)
        ? bilateralWeakness(
            { protocol: { ...g?.protocol, leverArmM: lever }, leftN: left.bestN, rightN: right.bestN, bodyMassKg, ageYears: ctx.ageYears, sex: ctx.sex },
            ctx.settings,
          )
        : null;
    const prev = ctx.previous?.strength?.[group] ?? null;
    const change = changeSincePrevious(group, g, prev, ctx.settings);
    strength[group] = { group, left, right, symmetry, norm, change };

    for (const s of SIDES) {
      const sideInput = g?.[s];
      const path = `strength.${group}.${s}`;
      if (sideInput?.notTested && validTrials(sideInput.trialsN).length) {
        notes.push({ path: `${path}.notTested`, code: "ignored-trials", params: {}, message: "Marked not tested: the trials typed on this side are ignored." });
        continue;
      }
      for (const i of outlyingTrials(sideInput?.trialsN)) {
        notes.push({
          path: `${path}.trialsN.${i}`,
          code: "trial-spread",
          params: { n: i + 1, pct: TRIAL_SPREAD_CHECK_PERCENT },
          message: `Check this: trial ${i + 1} is more than ${TRIAL_SPREAD_CHECK_PERCENT}% from the others.`,
        });
      }
      const best = s === "left" ? left.bestN : right.bestN;
      if (best !== null && best < LOW_FORCE_CHECK_N) {
        notes.push({
          path: `${path}.trialsN`,
          code: "low-force",
          params: { force: Number(r0(best)) },
          message: `Check this: ${r0(best)} N is unusually low. Was it read in kg-force?`,
        });
      }
    }
    if (symmetry && symmetry.symmetryPercent < LARGE_ASYMMETRY_CHECK_PERCENT) {
      notes.push({
        path: `strength.${group}`,
        code: "large-asymmetry",
        params: { pct: Number(r0(symmetry.symmetryPercent)) },
        message: `Check this: symmetry of ${r0(symmetry.symmetryPercent)}% is a very large difference. Confirm the readings and the sides.`,
      });
    }
  }

  return { bodyMassKg, strength, ...deriveFunctional(exam?.functional), notes };
}
