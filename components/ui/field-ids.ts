// A field's element ids from its path in the form ("running.weeklyKm.thisWeek"): the label, the hint, the error
// line and an error summary's link all point at them. The exam prefixes its ids with "f-".
export const fieldId = (path: string, prefix = "") => prefix + path.replace(/\./g, "-");
