// The patient's pre-visit intake: one schema for the browser form and the server (docs/decisions/0004-forms.md).
// Clinical content: clinical-reference §1 (where it hurts, what brings it on), §6.3 (weekly distance).
import { group, numberIn, oneOf, scale, yesNo, type z } from "./schema-kit";

/** Bumped whenever the stored shape of the answers changes; stored beside every response. */
export const INTAKE_SCHEMA_VERSION = 1;

export const KNEE_SIDES = ["left", "right", "both"] as const;

/** Weekly distance limits (km): 0 is a real answer (not running now); 300 km/week is beyond elite volume. */
const weeklyKm = () => numberIn(0, 300);

export const intakeSchema = group({
  knee: group({
    side: oneOf(KNEE_SIDES),
  }),
  pain: group({
    /** NPRS 0–10 (§4.3). */
    now: scale(0, 10),
    worstWeek: scale(0, 10),
  }),
  /** Safety questions (red flags, §5). A "yes" never blocks submission; it marks the visit for review. */
  safety: group({
    injuryOrFall: yesNo(),
    hotSwollenWithFever: yesNo(),
    calfSwelling: yesNo(),
    nightOrRestPain: yesNo(),
    givingWay: yesNo(),
  }),
  running: group({
    weeklyKm: group({
      thisWeek: weeklyKm(),
      fourWeeksAgo: weeklyKm(),
    }),
    /** §6.4: downhill running and banked or cambered roads. */
    hillsOrBanked: yesNo(),
  }),
});

export type IntakeAnswers = z.infer<typeof intakeSchema>;
