// The engine's clinician-facing English (flag titles and details, finding labels and values, rule summaries, the
// classification, the status line, what is missing, the goal race) in the clinic's language. Pure: no
// "server-only", usable from server components, the print route and tests.
// - English (en-US, en-GB): exactly the engine's stored English, so English pages do not change.
// - Another language: the catalog's sentence for the code (lib/i18n/clinic/clinical.ts), filled with the values
//   the record holds. The catalog's English for the same code and values must be exactly the stored sentence;
//   otherwise (an older or newer ruleset, a clinician's own words) the stored English is returned with
//   `lang: "en"`, so the page marks it as English rather than mistranslating it.
import { PROJECTION_MAX_WEEKS, goalRaceClinicianText } from "../../assessment/return-to-run";
import type { Assessment, Classification, Finding, Flag, GoalRace, Rule } from "../../assessment/types";
import { format, formatIsoDate, formatNumber } from "../format";
import { formatKmFigure } from "../format-staff";
import type { Locale } from "../locales";
import { SummaryWords, englishWords } from "../summary";
import { summaryEs } from "../summary-es";
import { clinicalEn, clinicalEs, type ClinicalWords } from "./clinical";

/** A text to print, and `lang: "en"` when it is the stored English in a page of another language. */
export interface Said {
  text: string;
  lang?: "en";
}

const isEnglish = (l: Locale) => l.startsWith("en");
const CATALOGS: Partial<Record<Locale, ClinicalWords>> = { es: clinicalEs };
/** The clinical catalog for a page's language (English for en-US and en-GB). */
export const clinicalWords = (l: Locale): ClinicalWords => CATALOGS[l] ?? clinicalEn;

const english = (text: string): Said => ({ text, lang: "en" });
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

// ---------------------------------------------------------------------------------------------------------------
// Templates read backwards: "{g} asymmetry: {side} weaker" against "Hip abduction asymmetry: right weaker" gives
// { g: "Hip abduction", side: "right" }. Only `{name}` arguments (no plurals) in templates read this way.

const patterns = new Map<string, RegExp>();
function pattern(template: string): RegExp {
  let re = patterns.get(template);
  if (!re) {
    const parts = template.split(/\{(\w+)\}/);
    let src = "^";
    parts.forEach((p, i) => (src += i % 2 ? `(?<${p}>[\\s\\S]*?)` : p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    re = new RegExp(`${src}$`);
    patterns.set(template, re);
  }
  return re;
}

function unfill(template: string, text: string): Record<string, string> | null {
  const m = pattern(template).exec(text);
  return m ? { ...(m.groups ?? {}) } : null;
}

interface Ctx {
  locale: Locale;
  to: ClinicalWords;
  a?: Assessment;
}

/** A key of `record` whose value is `value` (optionally compared after `norm`). */
function keyOf<T>(record: Record<string, T>, value: string, pick: (v: T) => string = (v) => String(v)): string | undefined {
  return Object.keys(record).find((k) => pick(record[k]!) === value);
}

/** A number as the engine printed it ("0.80", "12"), in the locale with as many decimals. */
function numberIn(locale: Locale, s: string): string | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const d = m[3]?.length ?? 0;
  return formatNumber(locale, Number(s), { minimumFractionDigits: d, maximumFractionDigits: d });
}

function weekName(value: string, c: Ctx): string | null {
  const en = clinicalEn.weekNames;
  if (value === en.thisWeek) return c.to.weekNames.thisWeek;
  if (value === en.lastWeek) return c.to.weekNames.lastWeek;
  const p = unfill(en.weeksAgo, value);
  const n = p && numberIn(c.locale, p.n!);
  return n ? format(c.to.weekNames.weeksAgo, { n }, c.locale) : null;
}

/** One argument read from the English, in the target language (with any extra forms the catalog uses). */
function argument(name: string, value: string, c: Ctx): Record<string, string> | null {
  const en = clinicalEn;
  const via = (k: string | undefined, pick: (k: string) => string | undefined) => (k === undefined ? null : (pick(k) ?? null));
  let out: string | null;
  switch (name) {
    case "g":
      out = via(keyOf(en.groups, value), (k) => c.to.groups[k]);
      break;
    case "gl":
      out = via(
        keyOf(en.groups, value, (v) => v.toLowerCase()),
        (k) => c.to.groups[k],
      );
      break;
    case "names": {
      const each = value.split(", ").map((n) =>
        via(
          keyOf(en.groups, n, (v) => v.toLowerCase()),
          (k) => c.to.groups[k],
        ),
      );
      out = each.every((x) => x !== null) ? each.map((x) => lowerFirst(x!)).join(", ") : null;
      break;
    }
    case "side":
    case "side2":
      out = value === "left" || value === "right" ? c.to.sides[value] : null;
      break;
    case "sides":
      out = via(keyOf(en.bothSides, value), (k) => c.to.bothSides[k]);
      break;
    case "tests": {
      const each = value.split(", ").map((x) => via(keyOf(en.flexTests, x), (k) => c.to.flexTests[k]));
      out = each.every((x) => x !== null) ? each.join(", ") : null;
      break;
    }
    case "muscle":
      out = via(keyOf(en.muscles, value), (k) => c.to.muscles[k]);
      break;
    case "test":
      out = via(keyOf(en.flexTests, value), (k) => c.to.flexTests[k]);
      break;
    case "week":
    case "fromWeek":
    case "toWeek":
      out = weekName(value, c);
      break;
    case "over":
      out = via(keyOf(en.loadOver, value), (k) => c.to.loadOver[k]);
      break;
    case "change":
      out = say(en.loadChange, c.to.loadChange, value, c);
      break;
    case "also": {
      const each = value.split("; ").map((x) => say(en.loadAlso, c.to.loadAlso, x, c));
      out = each.every((x) => x !== null) ? each.join("; ") : null;
      break;
    }
    case "changes": {
      const each = value.split(" and ").map((x) => {
        const m = /^([+-]?)(\d+) N$/.exec(x);
        return m ? `${m[1]}${numberIn(c.locale, m[2]!)} N` : null;
      });
      out = each.every((x) => x !== null) ? new Intl.ListFormat(c.locale, { type: "conjunction" }).format(each as string[]) : null;
      break;
    }
    case "tendon": {
      const t = c.to.tendons[value];
      return t ? { tendon: value, tendonTendon: t.tendon, tendonTendinopathy: t.tendinopathy } : null;
    }
    case "label":
    case "suggested":
      out = via(
        keyOf(en.classifications, value, (v) => (name === "suggested" ? v.toLowerCase() : v)),
        (k) => c.to.classifications[k],
      );
      break;
    case "advice": {
      // The referral's advice, as the patient's summary words it from the flags (lib/i18n/summary.ts).
      if (!c.a || englishWords().referral(c.a).advice !== value) return null;
      out = c.locale === "es" ? new SummaryWords(summaryEs, "es").referral(c.a).advice : null;
      break;
    }
    case "missing": {
      if (!c.a || c.a.missing.join(" ") !== value) return null;
      const each = c.a.missing.map((m) => missingItem(m, c.locale));
      out = each.every((x) => !x.lang) ? each.map((x) => x.text).join(" ") : null;
      break;
    }
    // The patient's own words (a race's name) and manual grades ("4+") are printed as written.
    case "name":
    case "gradeLeft":
    case "gradeRight":
      out = value;
      break;
    default:
      out = numberIn(c.locale, value);
  }
  return out === null ? null : { [name]: out, [`${name}Lower`]: lowerFirst(out) };
}

/** The stored English read against each English template; the same key's template in the target language. */
function say(enTemplates: Record<string, string>, toTemplates: Record<string, string>, text: string, c: Ctx): string | null {
  for (const key of Object.keys(enTemplates)) {
    const args = unfill(enTemplates[key]!, text);
    const target = toTemplates[key];
    if (!args || target === undefined) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (const [name, value] of Object.entries(args)) {
      const p = argument(name, value, c);
      if (!p) {
        ok = false;
        break;
      }
      Object.assign(params, p);
    }
    if (ok) return format(target, params, c.locale);
  }
  return null;
}

function saying(text: string, locale: Locale, how: (c: Ctx) => string | null, a?: Assessment): Said {
  if (isEnglish(locale)) return { text };
  const to = CATALOGS[locale];
  const said = to ? how({ locale, to, a }) : null;
  return said === null ? english(text) : { text: said };
}

const asTemplates = (t: string | Record<string, string> | undefined): Record<string, string> => (t === undefined ? {} : typeof t === "string" ? { "": t } : t);

// ---------------------------------------------------------------------------------------------------------------
// Codes with `*` (a muscle group, a test) match one dot-separated part; `~x` names another wording of a code.

const codePatterns = new Map<string, RegExp>();
function codeMatches(key: string, code: string): boolean {
  const base = key.split("~")[0]!;
  if (!base.includes("*")) return base === code;
  let re = codePatterns.get(base);
  if (!re) {
    re = new RegExp(`^${base.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^.]+")}$`);
    codePatterns.set(base, re);
  }
  return re.test(code);
}

function flagKey(code: string): string | undefined {
  const keys = Object.keys(clinicalEn.flags);
  return keys.find((k) => k === code) ?? keys.find((k) => k.includes("*") && codeMatches(k, code));
}

function flagPart(flag: Flag, part: "title" | "detail", locale: Locale, a?: Assessment): Said {
  return saying(
    flag[part],
    locale,
    (c) => {
      if (flag.code === "rtr.goal-race" && part === "detail") {
        const g = a?.returnToRun?.goalRace;
        if (!g || goalRaceClinicianText(g) !== flag.detail) return null;
        const s = goalRaceClinician(g, locale);
        return s.lang ? null : s.text;
      }
      const key = flagKey(flag.code);
      if (!key) return null;
      return say(asTemplates(clinicalEn.flags[key]?.[part]), asTemplates(c.to.flags[key]?.[part]), flag[part], c);
    },
    a,
  );
}

/** A flag's title. */
export function flagTitle(flag: Flag, locale: Locale, a?: Assessment): Said {
  return flagPart(flag, "title", locale, a);
}

/** A flag's detail. The goal race's detail needs the assessment (its race); without it, the stored English. */
export function flagDetail(flag: Flag, locale: Locale, a?: Assessment): Said {
  return flagPart(flag, "detail", locale, a);
}

/** A finding's label ("Hip abduction, left (N)"). */
export function findingLabel(finding: Finding, locale: Locale): Said {
  return saying(finding.label, locale, (c) => {
    const keys = Object.keys(clinicalEn.findings).filter((k) => codeMatches(k, finding.code));
    const pick = (r: Record<string, string>) => Object.fromEntries(keys.map((k) => [k, r[k]!]));
    return say(pick(clinicalEn.findings), pick(c.to.findings), finding.label, c);
  });
}

/** A finding's value as words: numbers and dates the locale's way, yes/no, and the engine's words for a value
 * ("positive", a trigger list, where the runner is now). English: the value as the engine wrote it. */
export function findingValue(finding: Finding, locale: Locale): Said {
  const v = finding.value;
  const to = clinicalWords(locale);
  if (v === null) return { text: "–" };
  if (typeof v === "boolean") return { text: v ? to.yesNo.yes : to.yesNo.no };
  if (typeof v === "number") return { text: isEnglish(locale) ? String(v) : formatNumber(locale, v) };
  return saying(v, locale, (c) => {
    const en = clinicalEn;
    if (Object.hasOwn(en.findingValues, v)) return c.to.findingValues[v] ?? null;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatIsoDate(c.locale, v);
    if (finding.code === "intake.knee.triggers") {
      const each = v.split(", ").map((t) => c.to.triggers[keyOf(en.triggers, t) ?? ""] ?? null);
      return each.every((x) => x !== null) ? each.join(", ") : null;
    }
    if (finding.code === "classification") {
      const k = keyOf(en.classifications, v);
      return k ? (c.to.classifications[k] ?? null) : null;
    }
    if (finding.code === "rtr.runner-state") return say(en.runnerState, c.to.runnerState, v, c);
    if (finding.code === "clinician.start") return say(en.clinicianStart, c.to.clinicianStart, v, c);
    return numberIn(c.locale, v);
  });
}

/** A rule's summary, by its id. */
export function ruleSummary(rule: Rule, locale: Locale): Said {
  return saying(rule.summary, locale, (c) => (clinicalEn.rules[rule.id] === rule.summary ? (c.to.rules[rule.id] ?? null) : null));
}

/** The working classification's label ("Tendinopathy to consider (clinician to confirm): quadriceps tendon"). */
export function classificationLabel(cl: Pick<Classification, "code" | "tendon" | "label">, locale: Locale): Said {
  return saying(cl.label, locale, (c) => {
    const en = { plain: clinicalEn.classifications[cl.code] ?? "", tendon: clinicalEn.classificationTendon };
    const to = { plain: c.to.classifications[cl.code] ?? "", tendon: c.to.classificationTendon };
    return say(en, to, cl.label, c);
  });
}

/** The clinician's override of the classification, with what the findings suggested; null when none. */
export function classificationOverride(cl: Pick<Classification, "clinicianOverride">, locale: Locale): Said | null {
  if (cl.clinicianOverride === null) return null;
  return saying(cl.clinicianOverride, locale, (c) =>
    say({ o: clinicalEn.classificationOverride }, { o: c.to.classificationOverride }, cl.clinicianOverride!, c),
  );
}

/** The status line (why refer, why incomplete, why the plan is or is not on hold). */
export function statusReason(a: Pick<Assessment, "statusReason"> & Partial<Assessment>, locale: Locale): Said {
  return saying(a.statusReason, locale, (c) => say(clinicalEn.status, c.to.status, a.statusReason, c), a as Assessment);
}

/** One thing the follow-up retests. */
export function retestItem(item: string, locale: Locale): Said {
  return saying(item, locale, (c) => say(clinicalEn.retest, c.to.retest, item, c));
}

/** One item of what is missing to decide. */
export function missingItem(m: string, locale: Locale): Said {
  return saying(m, locale, (c) => say(clinicalEn.missing, c.to.missing, m, c));
}

const fmtKm = formatKmFigure;

function goalRaceIn(g: GoalRace, t: ClinicalWords, locale: Locale): string {
  const r = t.goalRace;
  if (g.weeksAvailable === null) return r.unknownDate;
  if (g.weeksAvailable < 0) return r.past;
  if (g.fits === null || g.goalWeeklyKm === null) {
    const why = r.why[g.notProjectedBecause ?? "no-goal-volume"] ?? "";
    return g.name === null
      ? format(r.notProjected, { weeks: g.weeksAvailable, why }, locale)
      : format(r.notProjectedNamed, { name: g.name, weeks: g.weeksAvailable, why }, locale);
  }
  const p = { weeks: g.weeksAvailable, needed: g.weeksNeeded ?? 0, goalKm: fmtKm(locale, g.goalWeeklyKm), cap: String(g.capPercent ?? 10) };
  if (g.fits) return format(r.fits, p, locale);
  const byRace = fmtKm(locale, g.kmByRaceDay ?? 0);
  return g.weeksNeeded === null
    ? format(r.shortBeyond, { ...p, max: String(PROJECTION_MAX_WEEKS), byRace }, locale)
    : format(r.short, { ...p, byRace }, locale);
}

/** The goal race for the clinician (`goalRaceClinicianText`): from its fields; a summary signed before ruleset
 * 2026.12.5 keeps its stored English. */
export function goalRaceClinician(g: GoalRace, locale: Locale): Said {
  const stored = goalRaceClinicianText(g);
  if (isEnglish(locale)) return { text: stored };
  const to = CATALOGS[locale];
  if (!to || g.clinicianText !== undefined || goalRaceIn(g, clinicalEn, "en-US") !== stored) return english(stored);
  return { text: goalRaceIn(g, to, locale) };
}

/** A muscle group's name ("Hip abduction"). */
export function groupName(group: string, locale: Locale): string {
  return clinicalWords(locale).groups[group] ?? group;
}
