// The clinic's exam words in English and Spanish (docs/i18n.md, "Clinician pages"). Group keys by component;
// a key missing from either language fails the type check.
export const examEn = {
  todo: "",
};
export type ExamWords = typeof examEn;

export const examEs: ExamWords = {
  todo: "",
};
