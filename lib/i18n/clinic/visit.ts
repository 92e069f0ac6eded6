// The clinic's visit words in English and Spanish (docs/i18n.md, "Clinician pages"). Group keys by component;
// a key missing from either language fails the type check.
export const visitEn = {
  todo: "",
};
export type VisitWords = typeof visitEn;

export const visitEs: VisitWords = {
  todo: "",
};
