// The clinic's default consent statement (a clinic setting it can rewrite). A module of its own, without zod,
// so the patient catalogs can name it: a clinic that keeps the default shows each patient the catalog's
// statement in the patient's language (lib/i18n `consentTextFor`); a clinic's own statement is shown as written.
export const DEFAULT_CONSENT_TEXT =
  "I confirm that the answers I gave are true to the best of my knowledge. I agree that the clinic may use " +
  "them to assess my knee and plan my care, and keep them in my health record.";
