// The intake's field labels and error sentences, the same in the browser and on the server. Distances are
// stored in km but asked in the patient's unit, so a distance's message names that unit and its range in
// it; a pace's range reads as minutes:seconds per km or per mile.
import type { DistanceUnit } from "../assessment/intake-options";
import { KM_PER_MILE, rangeIn } from "../assessment/units";
import type { Messages } from "../i18n/en";
import { formatIssue, labelsFrom, type ErrorCatalog, type IssueText } from "./messages";

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

/** The labels that do not name the patient, built once per catalog (every autosave asks for them). */
const fixedLabels = new WeakMap<IntakeMessages, Record<string, string>>();

/** Every label by path: the fields, plus each questionnaire item (so an error names the item). */
export function intakeLabels(m: IntakeMessages, fullName: string): Record<string, string> {
  let fixed = fixedLabels.get(m);
  if (!fixed) {
    const labels: Record<string, string> = { ...m.fields };
    const item = (title: string, n: number, q: string) => m.questionItem.replace("{title}", title).replace("{n}", String(n)).replace("{q}", q);
    m.akps.items.forEach((it, i) => (labels[`questionnaires.akps.${i}`] = item(m.akps.title, i + 1, it.q)));
    m.lefs.items.forEach((it, i) => (labels[`questionnaires.lefs.${i}`] = item(m.lefs.title, i + 1, it)));
    fixed = labels;
    fixedLabels.set(m, fixed);
  }
  return { ...fixed, "about.nameCorrect": m.fields["about.nameCorrect"]!.replace("{name}", fullName) };
}

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
