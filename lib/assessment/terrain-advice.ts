// The clinic's default terrain advice (clinical-rules §6.4, "Wording this app uses"; a clinic setting it can
// rewrite). A module of its own, without zod: the plan reads it to tell the default (which the catalog words
// in the patient's language, `summary.activity.terrain`) from a clinic's own advice (printed as written), and
// the plan reaches the review form's bundle, which must not carry the settings schema.
export const DEFAULT_TERRAIN_ADVICE =
  "While it settles, avoid downhill running and banked or cambered roads; choose flat, level routes (on a " +
  "cambered road, run on the flattest part or alternate direction).";
