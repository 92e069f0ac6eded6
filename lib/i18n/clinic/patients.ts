// The clinic's patients words in English and Spanish (docs/i18n.md, "Clinician pages"). Group keys by component;
// a key missing from either language fails the type check.
export const patientsEn = {
  todo: "",
};
export type PatientsWords = typeof patientsEn;

export const patientsEs: PatientsWords = {
  todo: "",
};
