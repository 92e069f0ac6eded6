// What a clinician sees when the exam opens: the saved exam, with the gaps a new exam would have filled in
// from what is already known: each dynamometry protocol carried forward from the patient's previous
// exam, or the clinic's standard (§2.2: the same protocol keeps visits comparable), and body mass and height
// from the intake. Pure, so the rules are tested without a page.
import { BODY_MASS_LIMITS_KG, EMPTY_EXAM, HEIGHT_LIMITS_CM, MUSCLE_GROUPS, type ExamData, type MuscleGroupKey, type Protocol } from "./exam-schema";

export type ProtocolSource = { kind: "saved" } | { kind: "previous"; visitDate: string } | { kind: "clinic" };

export interface ExamStart {
  /** The form's starting values. */
  initial: ExamData;
  /** Where each group's protocol came from (shown beside it). */
  sources: Record<MuscleGroupKey, ProtocolSource>;
  /** Which values came from the intake (the clinician is asked to check them). */
  prefilled: { bodyMassKg: boolean; heightCm: boolean };
}

/** A number from the intake's "about" answers if the exam would accept it. The intake is read defensively:
 * its shape changes with its schema version, and older versions have no such answers. */
export function intakeNumber(answers: unknown, key: "bodyMassKg" | "heightCm"): number | undefined {
  const limits = key === "bodyMassKg" ? BODY_MASS_LIMITS_KG : HEIGHT_LIMITS_CM;
  const about = answers && typeof answers === "object" ? (answers as { about?: unknown }).about : undefined;
  const v = about && typeof about === "object" ? (about as Record<string, unknown>)[key] : undefined;
  return typeof v === "number" && Number.isFinite(v) && v >= limits.min && v <= limits.max ? v : undefined;
}

/** The patient's sex for the strength norm: the clinic's record, else what the patient said in the intake. */
export function sexForNorm(recordedSex: string | null | undefined, intakeAnswers: unknown): string | null {
  if (recordedSex === "FEMALE" || recordedSex === "MALE") return recordedSex.toLowerCase();
  const about = intakeAnswers && typeof intakeAnswers === "object" ? (intakeAnswers as { about?: { sex?: unknown } }).about : undefined;
  const s = typeof about?.sex === "string" ? about.sex.toLowerCase() : null;
  return s === "female" || s === "male" ? s : null;
}

export function startExam(input: {
  /** The exam as saved, or null for a new one. */
  saved: ExamData | null;
  /** Whether it can still be edited (a finalized exam is shown exactly as it was). */
  editable: boolean;
  previous: { data: ExamData; visitDate: string } | null;
  clinicProtocols: Record<MuscleGroupKey, Protocol>;
  intakeAnswers: unknown;
}): ExamStart {
  const saved = input.saved ?? EMPTY_EXAM;
  const initial: ExamData = { ...saved, strength: { ...saved.strength } };
  const sources = {} as Record<MuscleGroupKey, ProtocolSource>;
  for (const g of MUSCLE_GROUPS) {
    const carried = input.previous?.data.strength?.[g]?.protocol;
    if (saved.strength[g]?.protocol || !input.editable) {
      sources[g] = { kind: "saved" };
    } else {
      initial.strength[g] = { ...initial.strength[g], protocol: { ...(carried ?? input.clinicProtocols[g]) } };
      sources[g] = carried && input.previous ? { kind: "previous", visitDate: input.previous.visitDate } : { kind: "clinic" };
    }
  }
  const prefilled = { bodyMassKg: false, heightCm: false };
  if (input.editable) {
    for (const key of ["bodyMassKg", "heightCm"] as const) {
      const v = intakeNumber(input.intakeAnswers, key);
      if (initial[key] === undefined && v !== undefined) {
        initial[key] = v;
        prefilled[key] = true;
      }
    }
  }
  return { initial, sources, prefilled };
}
