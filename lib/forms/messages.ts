// Turns a schema's message code (lib/assessment/schema-builders.ts) and a field's label into a sentence, from
// a message catalog, so the browser and the server say exactly the same thing.

export interface ErrorCatalog {
  required: string;
  range: string;
  intRange: string;
  choice: string;
  maxLength: string;
  date: string;
  dateNotFuture: string;
  /** A date that must be today or later (a race still to come). */
  dateNotPast?: string;
  /** A date outside the sane window around today (a visit within two years). */
  dateRange?: string;
  email: string;
  phone: string;
  /** A pace (minutes:seconds) outside its range; {min} and {max} come as m:ss. */
  pace: string;
  /** A box that must be ticked (agreeing to a statement). */
  tick: string;
  invalid: string;
  // Staff-only forms (passwords, two-factor codes); patient catalogs need not have them.
  minLength?: string;
  mismatch?: string;
  totpCode?: string;
  timeZone?: string;
  screenPass?: string;
  /** The decimal separator the language writes numbers with in these messages ("62,1" in Spanish); "." if absent. */
  decimal?: string;
}

export const clinicErrors: ErrorCatalog = {
  required: "{label} is required.",
  range: "{label} must be a number from {min} to {max}.",
  intRange: "{label} must be a whole number from {min} to {max}.",
  choice: "{label}: choose one of the options.",
  maxLength: "{label} can be at most {max} characters.",
  date: "{label} must be a real date (year, month, day).",
  dateNotFuture: "{label} cannot be in the future.",
  dateNotPast: "{label} cannot be in the past.",
  dateRange: "{label} must be within two years of today.",
  email: "{label} must be an email address like name@example.com.",
  phone: "{label} may use digits, spaces and + ( ) - only.",
  pace: "{label} must be a pace from {min} to {max}.",
  tick: "{label}: tick the box.",
  invalid: "{label} is not valid.",
  minLength: "{label} must be at least {min} characters.",
  mismatch: "{label} does not match the new password.",
  totpCode: "{label}: enter the 6 digits your authenticator app shows.",
  timeZone: "{label} must be a time zone name (region/city) such as America/Toronto or Europe/London.",
  screenPass: "{label}: a pass means pain {max}/10 or less. Lower the pain, or record the test as not passed.",
};

function fill(template: string, values: Record<string, string>): string {
  const text = template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
  // A question as the label reads better as "Which knee hurts? Please choose…" than "…hurts?: please…".
  return text.replace(/\?: (\p{Ll})/u, (_, c: string) => `? ${c.toUpperCase()}`);
}

const trim = (n: string, decimal = ".") => String(Number(n)).replace(".", decimal);
const minSec = (seconds: string) => `${Math.floor(Number(seconds) / 60)}:${String(Number(seconds) % 60).padStart(2, "0")}`;

export function formatIssue(code: string, label: string, catalog: ErrorCatalog): string {
  const [kind, a, b] = code.split(":");
  switch (kind) {
    case "range":
    case "intRange":
      return fill(catalog[kind], { label, min: trim(a ?? "", catalog.decimal), max: trim(b ?? "", catalog.decimal) });
    case "maxLength":
      return fill(catalog.maxLength, { label, max: a ?? "" });
    case "screenPass":
      return fill(catalog.screenPass ?? catalog.invalid, { label, max: a ?? "" });
    case "pace":
      return fill(catalog.pace, { label, min: minSec(a ?? "0"), max: minSec(b ?? "0") });
    case "minLength":
    case "mismatch":
    case "totpCode":
    case "timeZone":
    case "dateNotPast":
    case "dateRange":
      return fill(catalog[kind] ?? catalog.invalid, { label, min: a ?? "" });
    case "required":
    case "choice":
    case "date":
    case "dateNotFuture":
    case "tick":
    case "email":
    case "phone":
      return fill(catalog[kind], { label });
    default:
      return fill(catalog.invalid, { label });
  }
}

export interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/** Turns a field's path and message code into its sentence, given the form's values (for a form whose
 * wording depends on an answer, like the intake's km/miles). The default is formatIssue with the label. */
export type IssueText = (path: string, code: string, values: unknown) => string;

/** Field errors keyed by the full path ("strength.hipAbduction.left.trialsN.0"), first error per field. */
export function fieldErrorsFrom(
  issues: ReadonlyArray<IssueLike>,
  labelFor: (path: string) => string,
  catalog: ErrorCatalog,
  text: IssueText = (path, code) => formatIssue(code, labelFor(path), catalog),
  values?: unknown,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    if (out[path]) continue;
    out[path] = text(path, issue.message, values);
  }
  return out;
}

export { labelsFrom } from "./labels";
