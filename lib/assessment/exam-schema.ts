// The clinician's exam: one schema for the form and the server. Units and limits from clinical-reference §2.
import { group, numberIn, z } from "./schema-kit";

export const EXAM_SCHEMA_VERSION = 1;

/** Physiological limits: a hand-held dynamometer reading above 1000 N is a typing error, not a hip. */
export const FORCE_LIMITS_N = { min: 0, max: 1000 } as const;
export const BODY_MASS_LIMITS_KG = { min: 20, max: 300 } as const;

const trialN = () => numberIn(FORCE_LIMITS_N.min, FORCE_LIMITS_N.max);

const sideTrials = group({
  /** Up to three trials in newtons (null = a blank trial); the best is kept (§2.2). */
  trialsN: z.optional(z.array(z.nullable(trialN())).check(z.maxLength(3, "invalid"))),
});

export const examSchema = group({
  bodyMassKg: z.optional(numberIn(BODY_MASS_LIMITS_KG.min, BODY_MASS_LIMITS_KG.max)),
  strength: group({
    hipAbduction: group({ left: sideTrials, right: sideTrials }),
  }),
});

export type ExamData = z.infer<typeof examSchema>;

export const EMPTY_EXAM: ExamData = { strength: { hipAbduction: { left: {}, right: {} } } };
