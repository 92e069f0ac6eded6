// The intake's field labels and error sentences, the same in the browser and on the server. Distances are
// stored in km but asked in the patient's unit, so a distance's message names that unit and its range in
// it; a pace's range reads as minutes:seconds per km or per mile.
import type { DistanceUnit } from "../assessment/intake-options";
import { KM_PER_MILE, rangeIn } from "../assessment/units";
import type { Messages } from "../i18n/en";
import { formatIssue, labelsFrom, type ErrorCatalog, type IssueText } from "./messages";

export { intakeLabels } from "./intake-labels";

type IntakeMessages = Messages["intake"];

export const DISTANCE_FIELDS = [
  "running.weeklyKm.thisWeek",
  "running.weeklyKm.lastWeek",
  "running.weeklyKm.twoWeeksAgo",
  "running.weeklyKm.threeWeeksAgo",
  "running.weeklyKm.fourWeeksAgo",
  "running.weeklyKm.bestLastYear",
  "running.longestRunKm",
  "running.goal.weeklyKm",
] as const;
export const PACE_FIELD = "running.paceMinPerKm";

export function distanceUnitOf(values: unknown): DistanceUnit {
  const unit = (values as { running?: { distanceUnit?: unknown } } | undefined)?.running?.distanceUnit;
  return unit === "mi" ? "mi" : "km";
}

/** The intake's error sentence for a path and message code, given the answers (for their unit). */
export const SIGNATURE_FIELD = "consent.signatureName";

export function intakeIssueText(labels: Record<string, string>, m: Pick<IntakeMessages, "units" | "pacePer" | "consent">, catalog: ErrorCatalog): IssueText {
  const labelFor = labelsFrom(labels);
  return (path, code, values) => {
    const unit = distanceUnitOf(values);
    const [kind, a, b] = code.split(":");
    if ((DISTANCE_FIELDS as readonly string[]).includes(path)) {
      const label = `${labelFor(path)} (${m.units[unit]})`;
      if (kind !== "range") return formatIssue(code, label, catalog);
      const [min, max] = rangeIn(Number(a), Number(b), unit);
      return formatIssue(`range:${min}:${max}`, label, catalog);
    }
    if (path === PACE_FIELD && kind === "range") {
      const perUnit = unit === "mi" ? KM_PER_MILE : 1;
      const label = `${labelFor(path)} (${m.pacePer[unit]})`;
      return formatIssue(`pace:${Math.ceil(Number(a) * 60 * perUnit)}:${Math.floor(Number(b) * 60 * perUnit)}`, label, catalog);
    }
    if (path === SIGNATURE_FIELD && kind === "required") return m.consent.nameWanted;
    return formatIssue(code, labelFor(path), catalog);
  };
}
