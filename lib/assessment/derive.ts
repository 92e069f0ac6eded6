// Derived values: what the engine computes from the raw intake and exam before applying any rule.
// Missing data stays missing (null); nothing is invented.
import type { EngineExam, MuscleGroupKey } from "./exam-schema";
import type { EngineIntake } from "./intake-schema";
import { assessLoadChange } from "./load";
import { bilateralWeakness } from "./norms";
import { AKPS_MCID, LEFS_MCID, scoreAkps, scoreLefs } from "./scoring";
import type { ClinicSettings } from "./settings";
import { assessSymmetry, changeSincePrevious, newtonsPerKg, sideBestN, torquePerKg } from "./strength";
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

/** §4: minimal clinically important differences (the values and sources are beside the scoring). */
export const MCID = { akps: AKPS_MCID, lefs: LEFS_MCID } as const;

const GROUPS: MuscleGroupKey[] = ["hipAbduction", "hipExtension", "hipExternalRotation", "kneeExtension"];

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
    // "Not tested" and blank both give no value (strength.ts); nothing is assumed.
    const left = sideBestN(g.left);
    const right = sideBestN(g.right);
    const sym = assessSymmetry(group, left, right, settings, painfulKnee);
    if (!sym) continue;
    const lever = num(g.protocol?.leverArmM);
    const leftNmPerKg = torquePerKg(left, lever, bodyMassKg);
    const rightNmPerKg = torquePerKg(right, lever, bodyMassKg);
    // §2.2: changes within the measurement error may be noise, and readings are never compared across protocols.
    const c = changeSincePrevious(group, g, lastExam?.strength?.[group], settings);
    const change: StrengthDerived["change"] =
      c && c.comparable ? { left: c.left?.deltaN ?? null, right: c.right?.deltaN ?? null, beyondError: [c.left, c.right].some((x) => x && x.verdict !== "within-error") } : null;
    const bw = group === "hipAbduction" ? bilateralWeakness({ protocol: g.protocol ?? null, leftN: left, rightN: right, bodyMassKg, ageYears, sex }, settings) : null;
    strength[group] = {
      ...sym,
      leftNPerKg: newtonsPerKg(left, bodyMassKg),
      rightNPerKg: newtonsPerKg(right, bodyMassKg),
      leftNmPerKg,
      rightNmPerKg,
      change,
      bilateralWeakness:
        bw && bw.verdict !== "not-applicable" && bw.expectedNmPerKg !== null && bw.cutoffNmPerKg !== null
          ? { expectedNmPerKg: bw.expectedNmPerKg, cutoffNmPerKg: bw.cutoffNmPerKg, weak: bw.verdict === "bilateral-weakness" }
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
