// The clinic's admin words in English and Spanish (docs/i18n.md, "Clinician pages"). Group keys by component;
// a key missing from either language fails the type check.
export const adminEn = {
  todo: "",
};
export type AdminWords = typeof adminEn;

export const adminEs: AdminWords = {
  todo: "",
};
