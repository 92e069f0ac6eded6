// The clinician's review of the engine's draft: remove, add or reorder exercises from the library,
// change any dose, edit the education text, change the return-to-run start point, confirm the running part
// of a plan that a soft flag put on hold, and add notes. One schema for the review form and the server.
// The schema is in edits-schema.ts: this module is zod-free, so the review form can show its rules without
// loading zod with the page.
import { STRETCHES, findExercise } from "./exercises";
import type { ExerciseEdit, StretchEdit, SummaryEdits } from "./edits-schema";
import type { ExercisePrescription, Finding, Recommendation, StretchPrescription } from "./types";
import { prescribe } from "./plan";
import { RULES } from "./rules";

export type { ExerciseEdit, StretchEdit, SummaryEdits };

const CLINICIAN_CHOICE: Finding = { code: "clinician.edit", label: "Chosen by the clinician", value: true };

/** The exercise list after the clinician's edits: library content, the clinician's dose and order. */
export function applyExerciseEdits(engine: ExercisePrescription[], edits: ExerciseEdit[] | undefined): ExercisePrescription[] {
  if (!edits) return engine;
  return edits.flatMap((e) => {
    const lib = findExercise(e.exerciseId);
    if (!lib) return [];
    const fromEngine = engine.find((x) => x.exerciseId === e.exerciseId);
    const base = fromEngine ?? prescribe(lib, e.weeks, [CLINICIAN_CHOICE]);
    const dose = {
      sets: e.sets,
      reps: lib.holdSeconds ? undefined : (e.reps ?? lib.reps),
      holdSeconds: lib.holdSeconds ? (e.holdSeconds ?? lib.holdSeconds) : undefined,
      perSide: lib.perSide,
      daysPerWeek: e.daysPerWeek,
      weeks: e.weeks,
    };
    const changed = !fromEngine || JSON.stringify(dose) !== JSON.stringify(fromEngine.dose);
    return [
      {
        ...base,
        dose,
        ...(e.note ? { note: e.note } : {}),
        rule: fromEngine ? base.rule : { ...RULES.exercise, summary: "Added by the clinician from the exercise library." },
        because: changed && fromEngine ? [...base.because, { code: "clinician.dose", label: "Dose set by the clinician", value: true }] : base.because,
      },
    ];
  });
}

/** The stretch list after the clinician's edits: library content, the clinician's dose and order. */
export function applyStretchEdits(engine: StretchPrescription[], edits: StretchEdit[] | undefined): StretchPrescription[] {
  if (!edits) return engine;
  return edits.flatMap((e) => {
    const lib = STRETCHES.find((s) => s.id === e.stretchId);
    if (!lib) return [];
    const fromEngine = engine.find((x) => x.stretchId === e.stretchId);
    const changed = !fromEngine || fromEngine.holdSeconds !== e.holdSeconds || fromEngine.reps !== e.reps || fromEngine.daysPerWeek !== e.daysPerWeek;
    const base: StretchPrescription = fromEngine ?? {
      stretchId: lib.id,
      holdSeconds: e.holdSeconds,
      reps: e.reps,
      perSide: true,
      daysPerWeek: e.daysPerWeek,
      drawing: lib.id,
      rule: { ...RULES.stretch, summary: "Added by the clinician from the stretch library." },
      because: [CLINICIAN_CHOICE],
    };
    if (!changed) return [fromEngine!];
    return [
      {
        ...base,
        holdSeconds: e.holdSeconds,
        reps: e.reps,
        daysPerWeek: e.daysPerWeek,
        because: fromEngine ? [...base.because, { code: "clinician.dose", label: "Dose set by the clinician", value: true }] : base.because,
      },
    ];
  });
}

/**
 * Why a clinician's start point cannot stand (the field and the distance it must be below), or null. A reduced start must be below the runner's current
 * weekly distance (otherwise it is not a reduction, and +10% a week would build on the painful volume).
 */
export function rtrStartProblem(currentWeeklyKm: number | null, rtrStart: SummaryEdits["rtrStart"]): { path: "rtrStart.weeklyKm"; belowKm: number } | null {
  if (rtrStart?.mode !== "reduced-continuous" || currentWeeklyKm === null || currentWeeklyKm <= 0) return null;
  if (rtrStart.weeklyKm < currentWeeklyKm) return null;
  // The limit as a number: the form and the server action say it in the clinic's words.
  return { path: "rtrStart.weeklyKm", belowKm: currentWeeklyKm };
}

/** A reduced start about a third below the current distance, rounded down to 0.5 km (never the current one). */
export function suggestedReducedKm(currentWeeklyKm: number | null): number | undefined {
  if (currentWeeklyKm === null || currentWeeklyKm <= 1.5) return undefined;
  const km = Math.floor(((currentWeeklyKm * 2) / 3) * 2) / 2;
  return km >= 1 && km < currentWeeklyKm ? km : undefined;
}

export function applyEducationEdits(
  engine: Recommendation[],
  edits: { id: string; text: string }[] | undefined,
  say?: (r: Recommendation) => string | readonly string[],
): Recommendation[] {
  if (!edits) return engine;
  // Unchanged when the text is the engine's point in any wording the form may have shown it in.
  const unchanged = (r: Recommendation, text: string) => {
    const said = say?.(r);
    return typeof said === "string" ? said === text : !!said?.includes(text);
  };
  return edits.map((e) => {
    const fromEngine = engine.find((r) => r.id === e.id);
    if (fromEngine) return unchanged(fromEngine, e.text) ? fromEngine : { ...fromEngine, text: e.text };
    return {
      id: e.id,
      kind: "education" as const,
      text: e.text,
      rule: { id: "clinician.education", section: "—", summary: "Written by the clinician." },
      because: [CLINICIAN_CHOICE],
    };
  });
}

/** The edits that reproduce the engine's own draft (the review form starts from these). The engine's points
 * carry no words: `say` words each one for the form, in the clinician's language (the page passes the
 * catalog's, lib/i18n/summary.ts). A reviewed point keeps those words as its `text`; the patient's sheet
 * still says it in the patient's language while the words are the catalog's (SummaryWords' guard). */
export function editsFromPlan(
  plan: { exercises: ExercisePrescription[]; stretches?: StretchPrescription[]; education: Recommendation[] } | null,
  say: (r: Recommendation) => string,
): Required<Pick<SummaryEdits, "exercises" | "stretches" | "education">> {
  return {
    exercises: (plan?.exercises ?? []).map((e) => ({
      exerciseId: e.exerciseId,
      sets: e.dose.sets,
      reps: e.dose.reps,
      holdSeconds: e.dose.holdSeconds,
      daysPerWeek: e.dose.daysPerWeek,
      weeks: e.dose.weeks,
    })),
    stretches: (plan?.stretches ?? []).map((s) => ({ stretchId: s.stretchId, holdSeconds: s.holdSeconds, reps: s.reps, daysPerWeek: s.daysPerWeek })),
    education: (plan?.education ?? []).map((r) => ({ id: r.id, text: say(r) })),
  };
}
