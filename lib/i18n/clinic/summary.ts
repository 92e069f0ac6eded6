// The clinic's summary words in English and Spanish (docs/i18n.md, "Clinician pages"). Group keys by component;
// a key missing from either language fails the type check.
export const summaryEn = {
  todo: "",
};
export type SummaryWords = typeof summaryEn;

export const summaryEs: SummaryWords = {
  todo: "",
};
