// The clinic's account words in English and Spanish (docs/i18n.md, "Clinician pages"). Group keys by component;
// a key missing from either language fails the type check.
export const accountEn = {
  todo: "",
};
export type AccountWords = typeof accountEn;

export const accountEs: AccountWords = {
  todo: "",
};
