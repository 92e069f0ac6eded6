// Clinic settings the engine reads. Every threshold the clinical reference calls a convention is here,
// with the reference's default, so a clinic can change it and every output can say it is a convention.
import * as z from "zod/mini";
import { numberIn, text } from "./schema-builders";

export const DEFAULT_CONSENT_TEXT =
  "I confirm that the answers I gave are true to the best of my knowledge. I agree that the clinic may use " +
  "them to assess my knee and plan my care, and keep them in my health record.";

export const DEFAULT_TERRAIN_ADVICE =
  // clinical-reference §6.4, "Wording this app uses" (editable by the clinic).
  "While it settles, avoid downhill running and banked or cambered roads; choose flat, level routes (on a " +
  "cambered road, run on the flattest part or alternate direction).";

export const clinicSettingsSchema = z.object({
  /** §2.3: symmetry below this flags asymmetry (with the measurement-error condition). Convention. */
  asymmetryThresholdPercent: numberIn(50, 100),
  /** §2.3: measurement error for muscle groups without a published MDC, as % of the stronger side. Convention. */
  relativeErrorPercent: numberIn(1, 50),
  /** §6.3: week-on-week increase in weekly distance that raises the load flag. Convention. */
  rampWeekPercent: numberIn(5, 100),
  /** §6.3: increase across two weeks that raises the load flag. Convention. */
  rampTwoWeekPercent: numberIn(5, 200),
  /** §6.3: increase from four weeks ago to now (when only those two are known). Convention. */
  rampFourWeekPercent: numberIn(5, 300),
  /** §2.2/§2.3: bilateral weakness when both sides fall this many SDs below the same-protocol norm. Convention. */
  bilateralWeaknessSd: numberIn(0.5, 3),
  /** §6.3: the cap on weekly increases while returning to running; 10% default, up to 20%. Convention. */
  returnWeeklyIncreasePercent: numberIn(5, 20),
  /** §6.3: below this weekly distance, progress by minutes per session rather than by percentage. */
  timeBasedBelowKm: numberIn(0, 50),
  /** §6.1: the pain rule; TREK ≤2/10 by default, the 5/10 pain-monitoring model only when chosen. */
  painRule: z.enum(["trek", "pain-monitoring"]),
  /** Intake questionnaires (issue 3: a clinic can switch either off). */
  akpsEnabled: z.boolean(),
  lefsEnabled: z.boolean(),
  consentText: text(4000),
  terrainAdvice: text(1000),
  /** Minutes without activity before a clinician is signed out (ONC §170.315(d)(5); 15 by default). */
  idleTimeoutMinutes: numberIn(5, 30, { int: true }),
  /** Whether clinicians must use two-factor sign-in (always required for admins). */
  requireClinicianTotp: z.boolean(),
});

export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;

export const DEFAULT_SETTINGS: ClinicSettings = {
  asymmetryThresholdPercent: 90,
  relativeErrorPercent: 10,
  bilateralWeaknessSd: 1,
  rampWeekPercent: 20,
  rampTwoWeekPercent: 30,
  rampFourWeekPercent: 30,
  returnWeeklyIncreasePercent: 10,
  timeBasedBelowKm: 10,
  painRule: "trek",
  akpsEnabled: true,
  lefsEnabled: true,
  consentText: DEFAULT_CONSENT_TEXT,
  terrainAdvice: DEFAULT_TERRAIN_ADVICE,
  idleTimeoutMinutes: 15,
  requireClinicianTotp: false,
};

/** Settings as stored (possibly partial, possibly from an older version): defaults fill the gaps, and a
 * stored value that no longer validates falls back to its default rather than breaking the clinic. */
export function resolveSettings(stored: unknown): ClinicSettings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (stored && typeof stored === "object") {
    for (const [key, value] of Object.entries(stored)) {
      if (key in DEFAULT_SETTINGS && value !== undefined && value !== null) merged[key] = value;
    }
  }
  const parsed = clinicSettingsSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const repaired: Record<string, unknown> = { ...merged };
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    if (typeof key === "string" && key in DEFAULT_SETTINGS) repaired[key] = DEFAULT_SETTINGS[key as keyof ClinicSettings];
  }
  return clinicSettingsSchema.parse(repaired);
}
