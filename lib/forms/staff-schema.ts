// An administrator adding a clinician or admin: one schema for the form and the server action.
import { MUSCLE_GROUP_LABELS } from "../assessment/exam-labels";
import { MUSCLE_GROUPS } from "../assessment/exam-schema";
import * as z from "zod/mini";
import { oneOf, text } from "../assessment/schema-builders";

export const ROLES = ["CLINICIAN", "ADMIN"] as const;

export const staffSchema = z.object({
  name: text(100).check(z.minLength(1, "required")),
  email: text(254).check(
    z.minLength(1, "required"),
    z.refine((v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), "email"),
  ),
  role: oneOf(ROLES),
});

export type StaffInput = z.infer<typeof staffSchema>;

export const staffLabels = { name: "Name", email: "Email", role: "Role" } satisfies Record<string, string>;

export const settingsLabels: Record<string, string> = {
  asymmetryThresholdPercent: "Asymmetry threshold (%)",
  relativeErrorPercent: "Measurement error (% of the stronger side)",
  normCutoffSd: "Bilateral weakness: standard deviations below the norm",
  rampWeekPercent: "Weekly distance rise that flags load (%)",
  rampTwoWeekPercent: "Two-week distance rise that flags load (%)",
  rampFourWeekPercent: "Four-week distance rise that flags load (%)",
  returnWeeklyIncreasePercent: "Weekly increase cap when returning (%)",
  timeBasedBelowKm: "Progress by minutes below (km a week)",
  painRule: "Pain rule",
  akpsEnabled: "Ask the AKPS (Kujala) questionnaire",
  lefsEnabled: "Ask the LEFS questionnaire",
  consentText: "Consent text patients confirm",
  terrainAdvice: "Terrain advice",
  timeZone: "Time zone",
  idleTimeoutMinutes: "Sign out after inactivity (minutes)",
  requireClinicianTotp: "Clinicians must use two-factor sign-in",
  "referralUrgency.septic": "Hot, red, swollen knee with fever (septic arthritis)",
  "referralUrgency.dvt": "Calf swelling or tenderness (deep-vein clot)",
  "referralUrgency.ottawa": "Possible fracture after an injury (Ottawa knee rule)",
  "referralUrgency.acuteKnee": "Locked knee or swelling soon after an injury",
  "referralUrgency.femoralNeck": "Groin or front-of-hip pain (femoral neck stress injury)",
  "referralUrgency.boneStress": "Bone stress injury at another site",
  "referralUrgency.scfe": "Under 18 with painful hip rotation (SCFE)",
  "referralUrgency.serious": "Night, constant pain or weight loss (serious pathology)",
  ...Object.fromEntries(
    MUSCLE_GROUPS.flatMap((g) => [
      [`hhdProtocols.${g}.position`, `${MUSCLE_GROUP_LABELS[g]}: position`],
      [`hhdProtocols.${g}.contraction`, `${MUSCLE_GROUP_LABELS[g]}: make or break test`],
      [`hhdProtocols.${g}.belt`, `${MUSCLE_GROUP_LABELS[g]}: belt-stabilised`],
    ]),
  ),
};
