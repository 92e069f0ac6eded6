// Clinic settings the engine reads. Every threshold the clinical reference calls a convention is here,
// with the reference's default, so a clinic can change it and every output can say it is a convention.
import * as z from "zod/mini";
import { MUSCLE_GROUPS, protocolSchema, type MuscleGroupKey, type Protocol } from "./exam-schema";
import { DEFAULT_REFERRAL_URGENCY, REFERRAL_KEYS, urgencyChoices, type ReferralKey, type ReferralUrgency } from "./referral-wording";
import { numberIn, text } from "./schema-builders";
import { DEFAULT_TERRAIN_ADVICE } from "./terrain-advice";

/** §5: each hard flag's urgency, §5's default or more urgent (never less: a clinic can be stricter only). */
const referralUrgencySchema = z.object(
  Object.fromEntries(REFERRAL_KEYS.map((k) => [k, z.enum(urgencyChoices(k), { error: "referralUrgency" })])) as Record<
    ReferralKey,
    z.ZodMiniEnum<{ [U in ReferralUrgency]: U }>
  >,
);

/** Whether this runtime knows the IANA time zone name ("America/Toronto"); Intl throws a RangeError for
 * one it does not. */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

import { DEFAULT_CONSENT_TEXT } from "./consent-text";

export { DEFAULT_CONSENT_TEXT };

export { DEFAULT_TERRAIN_ADVICE };

export const clinicSettingsSchema = z.object({
  /** §2.3: symmetry below this flags asymmetry (with the measurement-error condition). Convention. */
  asymmetryThresholdPercent: numberIn(50, 100),
  /** §2.3: measurement error for muscle groups without a published MDC, as % of the stronger side. Convention. */
  relativeErrorPercent: numberIn(1, 50),
  /** §6.3: week-on-week increase in weekly distance that raises the load flag. Convention. */
  rampWeekPercent: numberIn(5, 100),
  /** §6.3: increase across two weeks that raises the load flag. Convention. */
  rampTwoWeekPercent: numberIn(5, 200),
  /** §6.3: increase from four weeks ago to now (whenever both weeks are known). Convention. */
  rampFourWeekPercent: numberIn(5, 300),
  /** §6.3: the cap on weekly increases while returning to running; 10% default, up to 20%. Convention. */
  returnWeeklyIncreasePercent: numberIn(5, 20),
  /** §6.3: below this weekly distance, progress by minutes per session rather than by percentage. */
  timeBasedBelowKm: numberIn(0, 50),
  /** §6.1: the pain rule; TREK ≤2/10 by default, the 5/10 pain-monitoring model only when chosen. */
  painRule: z.enum(["trek", "pain-monitoring"]),
  /** Intake questionnaires (a clinic can switch either off). */
  akpsEnabled: z.boolean(),
  lefsEnabled: z.boolean(),
  consentText: text(4000),
  terrainAdvice: text(1000),
  /** The clinic's IANA time zone: every time shown and every "today" (worklist, new visit's date, ages) is
   * in it. "UTC" for clinics created before the setting existed (what they saw until then). */
  timeZone: z.string({ error: "timeZone" }).check(z.trim(), z.refine(isTimeZone, "timeZone")),
  /** Minutes without activity before a clinician is signed out (ONC §170.315(d)(5); 15 by default). */
  idleTimeoutMinutes: numberIn(5, 30, { int: true }),
  /** Whether clinicians must use two-factor sign-in (always required for admins). */
  requireClinicianTotp: z.boolean(),
  /** §2.2: the clinic's standard dynamometry protocol per muscle group; a new exam starts from it unless
   * the patient's previous exam used another (carried forward, so the two stay comparable). */
  hhdProtocols: z.object(Object.fromEntries(MUSCLE_GROUPS.map((g) => [g, protocolSchema])) as Record<MuscleGroupKey, typeof protocolSchema>),
  /** §2.2/§2.3: bilateral weakness when both sides are more than this many standard deviations (0.354 Nm/kg,
   * Ramskov 2014) below the expected value. Convention: no validated cut-off was found. */
  normCutoffSd: numberIn(0, 3),
  /** §5: how soon each red flag's referral is (the patient's sheet says it in words). Default §5's table. */
  referralUrgency: referralUrgencySchema,
});

export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;

/**
 * Standard protocols (§2.2). Every group is a break test (the standard MMT form, §2.1; break values run
 * higher than make, so the two are never mixed) with a belt where possible (Krause 2014: examiner strength
 * biased extension and short-lever values). Hip abduction side-lying with the long lever (to the lateral
 * malleolus) matches the Ramskov 2014 norms; external rotation prone with the knee at 90° was not biased by
 * the examiner. The lever arm is the patient's own measurement, so it has no clinic default: it is carried
 * forward from the patient's previous exam.
 */
export const DEFAULT_HHD_PROTOCOLS: Record<MuscleGroupKey, Protocol> = {
  hipAbduction: { position: "side-lying-long-lever", contraction: "break", belt: true },
  hipExtension: { position: "prone-knee-90", contraction: "break", belt: true },
  hipExternalRotation: { position: "prone-knee-90", contraction: "break", belt: true },
  kneeExtension: { position: "seated-90", contraction: "break", belt: true },
};

export const DEFAULT_SETTINGS: ClinicSettings = {
  asymmetryThresholdPercent: 90,
  relativeErrorPercent: 10,
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
  timeZone: "UTC",
  idleTimeoutMinutes: 15,
  requireClinicianTotp: false,
  hhdProtocols: DEFAULT_HHD_PROTOCOLS,
  normCutoffSd: 1,
  referralUrgency: DEFAULT_REFERRAL_URGENCY,
};

/** Settings as stored (possibly partial, possibly from an older version): defaults fill the gaps, and a
 * stored value that no longer validates falls back to its default rather than breaking the clinic. */
export function resolveSettings(stored: unknown): ClinicSettings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (stored && typeof stored === "object") {
    for (const [key, value] of Object.entries(stored)) {
      if (!(key in DEFAULT_SETTINGS) || value === undefined || value === null) continue;
      // A clinic that set one group's protocol (or one flag's urgency) keeps the standard for the others.
      merged[key] =
        key === "hhdProtocols" && typeof value === "object"
          ? { ...DEFAULT_HHD_PROTOCOLS, ...value }
          : key === "referralUrgency" && typeof value === "object"
            ? { ...DEFAULT_REFERRAL_URGENCY, ...value }
            : value;
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
