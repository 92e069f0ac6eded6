// The clinic's clinical words in English and Spanish (docs/i18n.md, "Clinician pages"). Group keys by component;
// a key missing from either language fails the type check.
export const clinicalEn = {
  todo: "",
};
export type ClinicalWords = typeof clinicalEn;

export const clinicalEs: ClinicalWords = {
  todo: "",
};
