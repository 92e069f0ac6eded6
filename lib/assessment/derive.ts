// Derived values: what the engine computes from the raw intake and exam before applying any rule.
// Missing data stays missing (null); nothing is invented.
import type { EngineExam, MuscleGroupKey } from "./exam-schema";
import type { EngineIntake } from "./intake-schema";
import { assessLoadChange } from "./load";
import { bilateralWeakness } from "./norms";
import { scoreAkps, scoreLefs } from "./scoring";
import type { ClinicSettings } from "./settings";
import { assessSymmetry, bestTrial, newtonsPerKg, torquePerKg } from "./strength";
import type { Derived, StrengthDerived } from "./types";

export interface PatientFacts {
  ageYears?: number | null;
  sex?: "female" | "male" | "other" | "undisclosed" | null;
}

export interface PreviousVisit {
  /** YYYY-MM-DD */
  date: string;
  intake?: EngineIntake | null;
  exam?: EngineExam | null;
}

/** §4: minimal clinically important differences. */
export const MCID = { akps: 10, lefs: 9 } as const;

const GROUPS: MuscleGroupKey[] = ["hipAbduction", "hipExtension", "hipExternalRotation", "kneeExtension"];

type SideTrials = { trialsN?: readonly (number | null | undefined)[] | null; notTested?: boolean | null } | null | undefined;

function sideBest(side: SideTrials): number | null {
  if (!side || side.notTested) return null;
  return bestTrial((side.trialsN ?? []) as (number | null)[]);
}

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function safeScore(fn: (a: number[]) => number, answers: readonly (number | null | undefined)[] | null | undefined): number | null {
  if (!answers) return null;
  try {
    return fn(answers as number[]);
  } catch {
    return null;
  }
}

/** Step-down total 0–6 (Piva 2006, §3): one point each, the knee item 1 or 2. Null when not tested/blank. */
export function stepDownTotal(s: { notTested?: boolean | null; armStrategy?: boolean | null; trunkLean?: boolean | null; pelvisTilt?: boolean | null; knee?: number | null; unsteady?: boolean | null } | null | undefined): number | null {
  if (!s || s.notTested) return null;
  const items = [s.armStrategy, s.trunkLean, s.pelvisTilt, s.unsteady];
  if (items.every((v) => v === undefined || v === null) && (s.knee === undefined || s.knee === null)) return null;
  return items.filter((v) => v === true).length + (num(s.knee) ?? 0);
}

export function derive(input: { intake: EngineIntake | null; exam: EngineExam | null; previousVisits?: PreviousVisit[]; settings: ClinicSettings; patient?: PatientFacts }): Derived {
  const { intake, exam, settings } = input;
  const previous = [...(input.previousVisits ?? [])].sort((a, b) => b.date.localeCompare(a.date));
  const lastExam = previous.find((v) => v.exam)?.exam ?? null;
  const lastIntake = previous.find((v) => v.intake)?.intake ?? null;
  const ageYears = num(input.patient?.ageYears);
  const sex = input.patient?.sex ?? intake?.about?.sex ?? null;
  const bodyMassKg = num(exam?.bodyMassKg) ?? num(intake?.about?.bodyMassKg);
  const painfulKnee = intake?.knee?.side ?? null;

  const strength: Derived["strength"] = {};
  for (const group of GROUPS) {
    const g = exam?.strength?.[group];
    if (!g) continue;
    const left = sideBest(g.left);
    const right = sideBest(g.right);
    const sym = assessSymmetry(group, left, right, settings, painfulKnee);
    if (!sym) continue;
    const lever = num(g.protocol?.leverArmM);
    const leftNmPerKg = torquePerKg(left, lever, bodyMassKg);
    const rightNmPerKg = torquePerKg(right, lever, bodyMassKg);
    const prev = lastExam?.strength?.[group];
    let change: StrengthDerived["change"] = null;
    if (prev) {
      const pl = sideBest(prev.left);
      const pr = sideBest(prev.right);
      const dl = pl === null ? null : left! - pl;
      const dr = pr === null ? null : right! - pr;
      if (dl !== null || dr !== null) change = { left: dl, right: dr, beyondError: [dl, dr].some((d) => d !== null && Math.abs(d) > sym.error.newtons) };
    }
    strength[group] = {
      ...sym,
      leftNPerKg: newtonsPerKg(left, bodyMassKg),
      rightNPerKg: newtonsPerKg(right, bodyMassKg),
      leftNmPerKg,
      rightNmPerKg,
      change,
      bilateralWeakness:
        group === "hipAbduction"
          ? bilateralWeakness({ leftNmPerKg, rightNmPerKg, ageYears, sex, protocol: g.protocol ?? null, sdBelow: settings.bilateralWeaknessSd })
          : null,
    };
  }

  const w = intake?.running?.weeklyKm;
  const load = w
    ? assessLoadChange(
        { thisWeek: num(w.thisWeek), lastWeek: num(w.lastWeek), twoWeeksAgo: num(w.twoWeeksAgo), threeWeeksAgo: num(w.threeWeeksAgo), fourWeeksAgo: num(w.fourWeeksAgo) },
        settings,
      )
    : [];

  const score = (key: "akps" | "lefs") => {
    const fn = key === "akps" ? scoreAkps : scoreLefs;
    const now = safeScore(fn, intake?.questionnaires?.[key]);
    if (now === null) return null;
    const before = safeScore(fn, lastIntake?.questionnaires?.[key]);
    const change = before === null ? null : now - before;
    return { score: now, change, beyondMcid: change === null ? null : Math.abs(change) >= MCID[key] };
  };

  return {
    ageYears,
    bodyMassKg,
    painfulKnee,
    strength,
    load,
    akps: score("akps"),
    lefs: score("lefs"),
    stepDown: { left: stepDownTotal(exam?.functional?.stepDown?.left), right: stepDownTotal(exam?.functional?.stepDown?.right) },
  };
}
