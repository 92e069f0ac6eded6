// The intake's two standard questionnaires as a FHIR Questionnaire that Stride publishes. Its version is
// the intake schema's, so a QuestionnaireResponse names exactly the questions the patient answered.
import type { Questionnaire, QuestionnaireItem } from "@medplum/fhirtypes";
import { INTAKE_SCHEMA_VERSION } from "../assessment/intake-schema";
import { AKPS_POINTS, LEFS_MAX_RATING } from "../assessment/scoring";
import { en } from "../i18n/en";
import { STRIDE } from "./codes";

export const QUESTIONNAIRE_VERSION = String(INTAKE_SCHEMA_VERSION);
export const QUESTIONNAIRE_CANONICAL = `${STRIDE.intakeQuestionnaire}|${QUESTIONNAIRE_VERSION}`;
export const QUESTIONNAIRE_ID = `stride-intake-v${QUESTIONNAIRE_VERSION}`;

/** Link ids, stable across versions so answers can be compared visit to visit. */
export const akpsItemId = (i: number) => `akps-${i + 1}`;
export const lefsItemId = (i: number) => `lefs-${i + 1}`;
export const AKPS_TOTAL_ID = "akps-total";
export const LEFS_TOTAL_ID = "lefs-total";

function akpsItems(): QuestionnaireItem[] {
  return en.intake.akps.items.map((item, i) => ({
    linkId: akpsItemId(i),
    text: item.q,
    type: "choice",
    // Each option carries its points (the §4.1 table), so the total can be recomputed by the receiver.
    answerOption: item.options.map((label, o) => ({
      valueCoding: { system: `${STRIDE.intakeQuestionnaire}/akps-${i + 1}`, code: String(o), display: label },
      extension: [{ url: "http://hl7.org/fhir/StructureDefinition/ordinalValue", valueDecimal: AKPS_POINTS[i]![o]! }],
    })),
  }));
}

function lefsItems(): QuestionnaireItem[] {
  return en.intake.lefs.items.map((text, i) => ({
    linkId: lefsItemId(i),
    text,
    type: "choice",
    answerOption: en.intake.lefs.ratings.slice(0, LEFS_MAX_RATING + 1).map((label, r) => ({
      valueCoding: { system: `${STRIDE.intakeQuestionnaire}/lefs-rating`, code: String(r), display: label },
      extension: [{ url: "http://hl7.org/fhir/StructureDefinition/ordinalValue", valueDecimal: r }],
    })),
  }));
}

/** The published Questionnaire (same for every clinic; no patient data). */
export function intakeQuestionnaire(): Questionnaire {
  return {
    resourceType: "Questionnaire",
    id: QUESTIONNAIRE_ID,
    url: STRIDE.intakeQuestionnaire,
    version: QUESTIONNAIRE_VERSION,
    name: "StrideIntake",
    title: "Stride pre-visit intake: Kujala AKPS and LEFS",
    status: "active",
    subjectType: ["Patient"],
    item: [
      {
        linkId: "akps",
        text: en.intake.akps.source,
        type: "group",
        item: [...akpsItems(), { linkId: AKPS_TOTAL_ID, text: "Kujala AKPS total (0–100, higher is better)", type: "integer", readOnly: true }],
      },
      {
        linkId: "lefs",
        text: `${en.intake.lefs.stem} ${en.intake.lefs.source}`,
        type: "group",
        item: [...lefsItems(), { linkId: LEFS_TOTAL_ID, text: "LEFS total (0–80, higher is better)", type: "integer", readOnly: true }],
      },
    ],
  };
}
