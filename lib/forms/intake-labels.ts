// The intake's field labels, the same in the browser and on the server (its error sentences are in
// lib/forms/intake-text.ts, loaded with the validation code).
import type { Messages } from "../i18n/en";

type IntakeMessages = Messages["intake"];

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
