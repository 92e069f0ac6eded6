// Derived values: what the engine computes from the raw intake and exam before applying any rule.
// Missing data stays missing (null); nothing is invented.
import { deriveExam, type GroupDerived } from "./exam-derived";
import { MUSCLE_GROUPS, type EngineExam } from "./exam-schema";
import { deriveFunctional } from "./functional";
import type { EngineIntake } from "./intake-schema";
import { assessLoadChange } from "./load";
import { AKPS_MCID, LEFS_MCID, scoreAkps, scoreLefs } from "./scoring";
import type { ClinicSettings } from "./settings";
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

/** No exam and no intake: every value missing (the intake-only safety check starts from this). */
export const NO_DERIVED: Derived = {
  ageYears: null,
  bodyMassKg: null,
  painfulKnee: null,
  strength: {},
  load: [],
  akps: null,
  lefs: null,
  stepDown: { left: null, right: null },
};

/** The engine's strength summary of one muscle group, read off the exam form's own derivation. */
function strengthOf(d: GroupDerived): StrengthDerived | null {
  if (!d.symmetry) return null;
  const c = d.change;
  const norm = d.norm;
  return {
    ...d.symmetry,
    leftNPerKg: d.left.nPerKg,
    rightNPerKg: d.right.nPerKg,
    leftNmPerKg: d.left.nmPerKg,
    rightNmPerKg: d.right.nmPerKg,
    // §2.2: changes within the measurement error may be noise, and readings are never compared across protocols.
    change:
      c && c.comparable
        ? { left: c.left?.deltaN ?? null, right: c.right?.deltaN ?? null, beyondError: [c.left, c.right].some((x) => x && x.verdict !== "within-error") }
        : null,
    bilateralWeakness:
      norm && norm.verdict !== "not-applicable" && norm.expectedNmPerKg !== null && norm.cutoffNmPerKg !== null
        ? { expectedNmPerKg: norm.expectedNmPerKg, cutoffNmPerKg: norm.cutoffNmPerKg, weak: norm.verdict === "bilateral-weakness" }
        : null,
  };
}

/**
 * Everything the rules read. The exam's values come from `deriveExam` (exam-derived.ts), the same function
 * the exam form shows beside the inputs and the print reads, so the form, the engine and the paper cannot
 * disagree; this adds what needs the intake or earlier visits (scores and their change, the load ramp).
 */
export function derive(input: {
  intake: EngineIntake | null;
  exam: EngineExam | null;
  previousVisits?: PreviousVisit[];
  settings: ClinicSettings;
  patient?: PatientFacts;
}): Derived {
  const { intake, exam, settings } = input;
  const previous = [...(input.previousVisits ?? [])].sort((a, b) => b.date.localeCompare(a.date));
  const lastExam = previous.find((v) => v.exam)?.exam ?? null;
  const lastIntake = previous.find((v) => v.intake)?.intake ?? null;
  const ageYears = num(input.patient?.ageYears);
  const sex = input.patient?.sex ?? intake?.about?.sex ?? null;
  const painfulKnee = intake?.knee?.side ?? null;
  const fromExam = exam
    ? deriveExam(exam, { settings, painfulKnee, ageYears, sex, previous: lastExam, intakeBodyMassKg: num(intake?.about?.bodyMassKg) })
    : null;
  const bodyMassKg = fromExam ? fromExam.bodyMassKg : num(intake?.about?.bodyMassKg);

  const strength: Derived["strength"] = {};
  for (const group of MUSCLE_GROUPS) {
    const s = fromExam && exam?.strength?.[group] ? strengthOf(fromExam.strength[group]) : null;
    if (s) strength[group] = s;
  }

  const w = intake?.running?.weeklyKm;
  const load = w
    ? assessLoadChange(
        {
          thisWeek: num(w.thisWeek),
          lastWeek: num(w.lastWeek),
          twoWeeksAgo: num(w.twoWeeksAgo),
          threeWeeksAgo: num(w.threeWeeksAgo),
          fourWeeksAgo: num(w.fourWeeksAgo),
        },
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
    stepDown: { left: fromExam?.stepDown.left?.total ?? null, right: fromExam?.stepDown.right?.total ?? null },
    functional: exam ? deriveFunctional(exam.functional) : null,
  };
}
