// Code systems and codes the FHIR export uses. Only codes confirmed from a published source carry an
// external system (docs/fhir.md lists each with its source); everything else is a Stride code with a plain
// display, so a receiving system never sees a guessed LOINC or SNOMED CT code.

export const LOINC = "http://loinc.org";
export const SNOMED = "http://snomed.info/sct";
export const UCUM = "http://unitsofmeasure.org";
/** FHIR's own terminology (hl7.org/fhir/R4/terminologies-systems.html). */
export const OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
export const CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
export const CONDITION_VER_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
export const CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
export const ENCOUNTER_CLASS = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

/**
 * Stride's own namespace. `.example` is reserved (RFC 2606), so no one else can own it; a deployment that
 * publishes its code systems replaces this one constant (docs/fhir.md).
 */
export const STRIDE_BASE = "https://fhir.stride.example";
export const STRIDE = {
  observation: `${STRIDE_BASE}/CodeSystem/observation`,
  bodySite: `${STRIDE_BASE}/CodeSystem/body-site`,
  method: `${STRIDE_BASE}/CodeSystem/method`,
  result: `${STRIDE_BASE}/CodeSystem/result`,
  classification: `${STRIDE_BASE}/CodeSystem/working-classification`,
  exercise: `${STRIDE_BASE}/CodeSystem/exercise`,
  activity: `${STRIDE_BASE}/CodeSystem/care-plan-activity`,
  document: `${STRIDE_BASE}/CodeSystem/document-type`,
  patientId: `${STRIDE_BASE}/NamingSystem/patient-id`,
  clinicId: `${STRIDE_BASE}/NamingSystem/clinic-id`,
  userId: `${STRIDE_BASE}/NamingSystem/user-id`,
  intakeQuestionnaire: `${STRIDE_BASE}/Questionnaire/intake`,
} as const;

/** LOINC codes confirmed on loinc.org (docs/fhir.md). */
export const LOINC_CODES = {
  bodyWeight: { code: "29463-7", display: "Body weight" },
  bodyHeight: { code: "8302-2", display: "Body height" },
  painSeverity: { code: "72514-3", display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported" },
} as const;

/** SNOMED CT laterality qualifiers (docs/fhir.md). */
export const SNOMED_LATERALITY = {
  left: { code: "7771000", display: "Left" },
  right: { code: "24028007", display: "Right" },
} as const;
