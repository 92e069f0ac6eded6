// Red flags and referral (clinical-reference §5).
import type { Finding, Flag } from "./engine";
import type { IntakeAnswers } from "./intake-schema";

/**
 * Safety (red-flag) findings from the intake, clinical-reference §5: hard flags mean refer with no running
 * plan; soft flags (giving way, an injury to assess with the Ottawa rules) hold the running part for review.
 */
export function safetyFlags(intake: IntakeAnswers): Flag[] {
  const s = intake.safety;
  const flags: Flag[] = [];
  const f = (code: string, label: string): Finding => ({ code, label, value: true });
  if (s.hotSwollenWithFever) {
    flags.push({
      code: "red.septic-arthritis",
      level: "hard",
      title: "Hot, swollen knee with fever or feeling unwell",
      detail: "Urgent same-day medical assessment (possible joint infection).",
      section: "§5",
      findings: [f("intake.safety.hotSwollenWithFever", "Hot, swollen knee with fever or feeling unwell")],
    });
  }
  if (s.calfSwelling) {
    flags.push({
      code: "red.dvt",
      level: "hard",
      title: "Calf swelling or tenderness",
      detail: "Same-day medical assessment to rule out a deep-vein clot. No exercise plan until cleared.",
      section: "§5",
      findings: [f("intake.safety.calfSwelling", "Calf swelling or tenderness")],
    });
  }
  if (s.nightOrRestPain) {
    flags.push({
      code: "red.night-rest-pain",
      level: "hard",
      title: "Pain at night or at rest",
      detail: "Refer to a physician to rule out bone stress injury, infection, inflammatory disease or tumour.",
      section: "§5",
      findings: [f("intake.safety.nightOrRestPain", "Pain at night or at rest")],
    });
  }
  if (s.givingWay) {
    flags.push({
      code: "soft.giving-way",
      level: "soft",
      title: "Knee gives way",
      detail: "Clinician review for instability before any running; the running part of the plan is on hold.",
      section: "§5",
      findings: [f("intake.safety.givingWay", "Knee gives way")],
    });
  }
  if (s.injuryOrFall) {
    flags.push({
      code: "soft.trauma",
      level: "soft",
      title: "Injury or fall reported",
      detail: "Apply the Ottawa knee rules in the exam; refer for an X-ray if any applies.",
      section: "§5",
      findings: [f("intake.safety.injuryOrFall", "Injury or fall")],
    });
  }
  return flags;
}

/** True when any safety answer needs the clinician's review before the visit (marks the visit). */
export function needsClinicianReview(intake: IntakeAnswers): boolean {
  return safetyFlags(intake).length > 0;
}
