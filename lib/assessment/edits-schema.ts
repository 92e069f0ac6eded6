// The schema of the clinician's review of the engine's draft (lib/assessment/edits.ts applies the edits):
// one schema for the review form (loaded when first needed) and the server.
import * as z from "zod/mini";
import { EXERCISES, STRETCHES } from "./exercises";
import { group, numberIn, text } from "./schema-builders";

const exerciseIds = EXERCISES.map((e) => e.id) as [string, ...string[]];

export const exerciseEditSchema = group({
  exerciseId: z.enum(exerciseIds, { error: "choice" }),
  sets: numberIn(1, 10, { int: true }),
  reps: z.optional(numberIn(1, 100, { int: true })),
  holdSeconds: z.optional(numberIn(5, 300, { int: true })),
  daysPerWeek: numberIn(1, 7, { int: true }),
  weeks: numberIn(1, 26, { int: true }),
  note: z.optional(text(300)),
});

const stretchIds = STRETCHES.map((s) => s.id) as [string, ...string[]];

export const stretchEditSchema = group({
  stretchId: z.enum(stretchIds, { error: "choice" }),
  holdSeconds: numberIn(5, 300, { int: true }),
  reps: numberIn(1, 20, { int: true }),
  daysPerWeek: numberIn(1, 7, { int: true }),
});

export const summaryEditsSchema = z.object({
  /** The whole ordered exercise list when the clinician changed it (absent: the engine's). */
  exercises: z.optional(z.array(exerciseEditSchema).check(z.maxLength(15, "invalid"))),
  /** The whole ordered stretch list when the clinician changed it (absent: the engine's). */
  stretches: z.optional(z.array(stretchEditSchema).check(z.maxLength(STRETCHES.length, "invalid"))),
  /** Education points, in order, with the clinician's wording (absent: the engine's). */
  education: z.optional(z.array(group({ id: text(60), text: text(1200).check(z.minLength(1, "required")) })).check(z.maxLength(12, "invalid"))),
  rtrStart: z.optional(
    z.nullable(
      z.union([
        group({ mode: z.literal("walk-run"), phase: numberIn(1, 6, { int: true }) }),
        group({ mode: z.literal("reduced-continuous"), weeklyKm: numberIn(1, 300) }),
        group({ mode: z.literal("keep-continuous") }),
      ]),
    ),
  ),
  /** The clinician confirms the running part of a plan that a soft flag put on hold. */
  confirmRunning: z.optional(z.boolean()),
  notes: z.optional(text(4000)),
});

export type SummaryEdits = z.infer<typeof summaryEditsSchema>;
export type ExerciseEdit = z.infer<typeof exerciseEditSchema>;
export type StretchEdit = z.infer<typeof stretchEditSchema>;
