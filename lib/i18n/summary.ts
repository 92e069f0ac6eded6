// The take-home summary's sentences in a locale, from the engine's structured fields (ids, codes, numbers,
// `start.msg`) and the `summary` catalog section.
// - Where the engine returns meaning only (the return-to-running plan from ruleset 2026.12.5: its sessions,
//   start, build-up, pain rule, traffic light, scales, rules and goal race), the catalog is the one source of
//   words, in every language, English included.
// - Where the engine's English `text` is still there (the other sections, and every summary signed before),
//   it stays what was signed: a sentence is taken from the catalog only when the catalog's English, from the
//   same fields, is exactly the engine's sentence; otherwise (a clinician's own wording, a clinic's own
//   advice, an older ruleset's sentence) the engine's English is printed as it is, and reported to
//   `onFallback`.
import { findExercise, nextInChain } from "../assessment/exercises";
import { GREEN_MAX, type ProgressStep } from "../assessment/progress";
import { WALK_RUN_PHASES } from "../assessment/return-to-run";
import { REFERRAL_KEY_BY_FLAG, REFERRAL_WORDING, referralAction, URGENCY_ORDER, type ReferralUrgency } from "../assessment/referral-wording";
import type {
  Assessment,
  Dose,
  ExercisePrescription,
  GoalRace,
  Recommendation,
  ReturnToRun,
  RtrSession,
  RtrWeek,
  StretchPrescription,
} from "../assessment/types";
import { KM_PER_MILE, fromKm } from "../assessment/units";
import { format, formatIsoDate, formatNumber, type Params } from "./format";
import type { Locale } from "./locales";
import { summaryEn, type SummaryMessages } from "./summary-en";

/** Renders one sentence from a catalog in a locale, or null when the fields do not say which sentence. */
type Render = (m: SummaryMessages, locale: Locale) => string | null;

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** One decimal at most, as the engine prints distances. */
const km1 = (n: number) => (Number.isInteger(n) ? n : Math.round(n * 10) / 10);

type Unit = "km" | "mi";
/** A distance kept in km, in the runner's unit to one decimal (a miles plan is on a half-mile grid, so this
 * gives its figures back exactly). */
const dist = (km: number, unit: Unit) => (unit === "mi" ? fromKm(km, "mi", 1) : km1(km));
/** A limit ("no more than 3 km") in the runner's unit, rounded down so it stays within the limit. */
const limit = (km: number, unit: Unit) => (unit === "mi" ? Math.floor((km / KM_PER_MILE) * 10) / 10 : km);
const unitOf = (r: Pick<ReturnToRun, "unit">): Unit => r.unit ?? "km";

const REFERRAL_KEY = REFERRAL_KEY_BY_FLAG;

/** Each everyday point's catalog key (`summary.activity`). */
const ACTIVITY_KEY: Record<string, keyof SummaryMessages["activity"]> = {
  "activity.relative-rest": "relativeRest",
  "activity.terrain": "terrain",
  "activity.stairs": "stairs",
  "activity.sitting": "sitting",
  "activity.squatting": "squatting",
  "activity.speed": "speed",
};

/** The summary's words in US English: clinician pages, the clinician's print and the FHIR export (docs/i18n.md). */
export function englishWords(): SummaryWords {
  return new SummaryWords(summaryEn, "en-US");
}

export class SummaryWords {
  constructor(
    readonly m: SummaryMessages,
    readonly locale: Locale,
    private readonly onFallback?: (english: string) => void,
  ) {}

  /** A catalog string of the summary's own (headings, labels). */
  t(pick: (m: SummaryMessages) => string, params?: Params): string {
    return format(pick(this.m), params, this.locale);
  }

  /** An engine sentence in this locale: the first render whose English is exactly `english`, else `english`.
   * With no English (the engine returned meaning only), the first render that can say it. */
  line(english: string | undefined, ...renders: Render[]): string {
    if (english === undefined) {
      for (const r of renders) {
        const out = r(this.m, this.locale);
        if (out !== null) return out;
      }
      // Fields no render can word: a bug in the catalog or the engine, reported (tests fail on it), never a crash.
      this.onFallback?.("");
      return "";
    }
    for (const r of renders) {
      if (r(summaryEn, "en-US") === english) {
        const out = r(this.m, this.locale);
        if (out !== null) return out;
      }
    }
    this.onFallback?.(english);
    return english;
  }

  /** The catalog entry of a record whose English is `english` (the same key in this locale). */
  byValue(english: string, pick: (m: SummaryMessages) => Record<string, string>): string {
    const key = Object.keys(pick(summaryEn)).find((k) => pick(summaryEn)[k] === english);
    return this.line(english, (m) => (key ? (pick(m)[key] ?? null) : null));
  }

  /** An education point: from its id and params; the words of a clinician's review, or of a summary signed
   * before ruleset 2026.12.5, through the guard (the catalog's sentence where its English is the same). */
  education(r: Recommendation): string {
    const e = (m: SummaryMessages) => m.education;
    if (r.text === undefined) {
      const load = (m: SummaryMessages) => (r.params?.afterRamp ? e(m).loadAfterRamp : e(m).loadUsual) + e(m).loadRest;
      const byId: Record<string, Render> = {
        "education.what": (m) => (r.params?.classification ? m.education.what[r.params.classification] : null),
        "education.load": load,
        "education.hip": (m) => e(m).hip,
        "education.borrowed": (m) => e(m).borrowed,
        "education.passive": (m) => e(m).passive,
        "education.adjuncts": (m) => e(m).adjuncts,
        "education.expect": (m) => e(m).expect,
      };
      return this.line(undefined, byId[r.id] ?? (() => null));
    }
    switch (r.id) {
      case "education.what":
        return this.byValue(r.text, (m) => m.education.what);
      case "education.load":
        return this.line(
          r.text,
          (m) => e(m).loadAfterRamp + e(m).loadRest,
          (m) => e(m).loadUsual + e(m).loadRest,
        );
      case "education.hip":
        return this.line(r.text, (m) => e(m).hip);
      case "education.borrowed":
        return this.line(r.text, (m) => e(m).borrowed);
      case "education.passive":
        return this.line(r.text, (m) => e(m).passive);
      case "education.adjuncts":
        return this.line(r.text, (m) => e(m).adjuncts);
      case "education.expect":
        return this.line(r.text, (m) => e(m).expect);
      default:
        return this.line(r.text);
    }
  }

  /** An everyday point: from its id, or a clinic's own terrain advice (and older summaries' English) as written. */
  activity(r: Recommendation): string {
    if (r.text === undefined) return this.line(undefined, (m) => (m.activity as Record<string, string>)[ACTIVITY_KEY[r.id] ?? ""] ?? null);
    return this.byValue(r.text, (m) => m.activity);
  }

  cadence(c: NonNullable<NonNullable<Assessment["plan"]>["cadence"]>): string {
    return this.line(c.text, (m, l) =>
      c.currentSpm === null || !c.targetSpm ? m.cadence.unknown : format(m.cadence.known, { spm: c.currentSpm, low: c.targetSpm[0], high: c.targetSpm[1] }, l),
    );
  }

  /** Why running is on hold: from `plan.holdFor` and the soft flags' codes, or an older summary's English. */
  onHoldReason(a: Assessment): string {
    const soft = a.flags.filter((f) => f.level === "soft" && f.code.startsWith("soft.")).map((f) => f.code);
    const flags: Render = (m, l) => {
      const titles = soft.map((c) => (m.onHold.titles as Record<string, string>)[c]);
      return titles.length && titles.every(Boolean) ? format(m.onHold.flags, { titles: titles.join(m.onHold.separator) }, l) : null;
    };
    const hold = a.plan?.holdFor;
    if (a.plan && a.plan.runningOnHoldReason === undefined) {
      if (!hold) return "";
      return this.line(undefined, hold === "physician" ? (m) => m.onHold.physician : hold === "diagnosis" ? (m) => m.onHold.diagnosis : flags);
    }
    return this.line(
      a.plan?.runningOnHoldReason ?? "",
      (m) => m.onHold.physician,
      (m) => m.onHold.diagnosis,
      flags,
    );
  }

  exerciseName(e: ExercisePrescription | StretchPrescription): string {
    return this.line(e.name, (m) => libraryEntry(m, e)?.name ?? null);
  }

  /** How to do it; with the load line for muscles that measured weaker, or the optional-stretch line. */
  howTo(e: ExercisePrescription | StretchPrescription): string {
    const extra = (m: SummaryMessages) => ("exerciseId" in e ? m.loaded : m.optionalStretch);
    if (e.howTo === undefined) {
      const more = "exerciseId" in e ? e.loaded : e.optional;
      return this.line(undefined, (m) => {
        const h = libraryEntry(m, e)?.howTo;
        return h ? h + (more ? extra(m) : "") : null;
      });
    }
    return this.line(
      e.howTo,
      (m) => libraryEntry(m, e)?.howTo ?? null,
      (m) => {
        const h = libraryEntry(m, e)?.howTo;
        return h ? h + extra(m) : null;
      },
    );
  }

  feel(e: ExercisePrescription | StretchPrescription): string {
    return this.line(e.feel, (m) => libraryEntry(m, e)?.feel ?? null);
  }

  /** The card's progression line as a label and its text: "Next: band walk." (ruleset 2026.12.2 on), or the
   * older whole rule under "Progress:". */
  progression(e: ExercisePrescription): { label: string; text: string } {
    const lib = findExercise(e.exerciseId);
    const next = lib ? nextInChain(lib) : null;
    const nextStep: Render = (m, l) => {
      if (!lib) return null;
      if (!next) return lib.holdSeconds ? m.progression.topStepHold : m.progression.topStep;
      const name = m.exercises[next.id as keyof SummaryMessages["exercises"]]?.name;
      return name ? format(m.progression.nextStep, { next: name.toLowerCase() }, l) : null;
    };
    if (e.progression === undefined) return { label: this.t((m) => m.card.next), text: this.line(undefined, nextStep) };
    if (e.progression.startsWith(`${summaryEn.card.next} `)) {
      return { label: this.t((m) => m.card.next), text: this.line(e.progression.slice(summaryEn.card.next.length + 1), nextStep) };
    }
    const text = this.line(e.progression, (m, l) => {
      if (!lib) return null;
      if (!next) return format(m.progression.top, { harder: lib.holdSeconds ? m.progression.longerOrHarderHolds : m.progression.addLoad }, l);
      const name = m.exercises[next.id as keyof SummaryMessages["exercises"]]?.name;
      return name
        ? format(m.progression.next, { next: name.toLowerCase(), harder: lib.holdSeconds ? m.progression.longerHolds : m.progression.addLoad }, l)
        : null;
    });
    return { label: this.t((m) => m.card.progress), text };
  }

  /** The dose line; a clinician's note after it (". note") is printed as written. */
  exerciseDose(e: ExercisePrescription): string {
    const render: Render = (m, l) => format(m.dose.line, { what: doseWhat(m, l, e.dose), days: e.dose.daysPerWeek }, l);
    if (e.doseText === undefined) return this.line(undefined, render) + (e.note ? `. ${e.note}` : "");
    // A summary signed before 2026.12.5: the engine's English dose, with the clinician's note after it.
    const base = render(summaryEn, "en-US")!;
    if (e.doseText !== base && e.doseText.startsWith(`${base}. `)) return `${this.line(base, render)}${e.doseText.slice(base.length)}`;
    return this.line(e.doseText, render);
  }

  stretchDose(s: StretchPrescription): string {
    return this.line(s.doseText, (m, l) => format(m.dose.stretch, { seconds: s.holdSeconds, reps: s.reps, days: s.daysPerWeek }, l));
  }

  /** A calendar session, its distance in the plan's unit (`ReturnToRun.unit`). */
  session(s: RtrSession, unit: Unit | undefined): string {
    // A summary signed before 2026.12.7 said a part interval as "repeat to 5 min": its English still matches.
    return this.line(
      s.text,
      (m, l) => sessionText(m, l, s, unit ?? "km"),
      (m, l) => sessionText(m, l, s, unit ?? "km", false),
    );
  }

  /** What a calendar week asks besides its sessions (ruleset 2026.12.5 on), or its English note as signed. */
  weekNote(r: ReturnToRun, wk: RtrWeek): string {
    if (wk.step === undefined) return wk.note ?? "";
    const n = this.m.calendar.notes;
    const cap = r.progression.weeklyIncreaseCapPercent;
    const time = r.progression.basis === "time";
    switch (wk.step) {
      case "walk-run":
        return n.walkRun;
      case "obese-first":
        return format(n.obeseFirst, { km: limit(r.start.msg?.params.firstWeekMaxKm ?? 3, unitOf(r)), unit: this.m.units[unitOf(r)] }, this.locale);
      case "hold-review":
        return time ? n.holdReviewTime : n.holdReview;
      case "hold-green":
        return format(time ? n.holdGreenTime : n.holdGreen, { weeks: r.start.msg?.params.holdWeeks ?? 2 }, this.locale);
      case "after-review":
        return format(n.afterReview, { cap }, this.locale);
      case "build":
        return format(time ? n.buildTime : n.build, { cap }, this.locale);
    }
  }

  /** A calendar week's total: its km, its minutes for a week planned by time, or (a plan in miles) the sum of
   * its sessions' miles as printed. */
  weekTotal(r: ReturnToRun, wk: RtrWeek): string {
    const unit = unitOf(r);
    if (wk.weeklyMinutes) return this.t((m) => m.calendar.weekMinutes, { minutes: wk.weeklyMinutes });
    const km = unit === "km" && wk.weeklyKm !== null ? wk.weeklyKm : null;
    const sum = km ?? Math.round(wk.sessions.reduce((t, s) => t + dist(s.km ?? 0, unit) * 10, 0)) / 10;
    return this.t((m) => m.calendar.weekKm, {
      km: formatNumber(this.locale, sum, { minimumFractionDigits: Number.isInteger(sum) ? 0 : 1, maximumFractionDigits: 1 }),
      unit: this.m.units[unit],
    });
  }

  /** "If all goes well you will be back to about … a week in about … weeks", in the plan's unit. */
  backBy(r: ReturnToRun): string {
    return this.t((m) => m.backBy, { km: dist(r.targetWeeklyKm ?? 0, unitOf(r)), unit: this.m.units[unitOf(r)], weeks: r.projectedWeeks ?? 0 });
  }

  painRule(r: ReturnToRun): string {
    return this.line(r.painRule.text, (m) => m.painRule[r.painRule.model] ?? null);
  }

  /** A traffic-light row: its colour's name and what to do, in this locale. */
  light(r: ReturnToRun, colour: "green" | "amber" | "red"): { label: string; text: string } {
    const english = r.trafficLight[colour];
    const model = r.painRule.model;
    if (english === undefined) return { label: this.m.trafficLight[colour], text: this.m.trafficLight[model][colour] };
    const ok = english === `${summaryEn.trafficLight[colour]}: ${summaryEn.trafficLight[model][colour]}`;
    if (ok) return { label: this.m.trafficLight[colour], text: this.m.trafficLight[model][colour] };
    this.onFallback?.(english);
    const label = { green: "Green", amber: "Amber", red: "Red" }[colour];
    return { label, text: english.replace(/^(Green|Amber|Red): /, "") };
  }

  scales(text: string | undefined): string {
    return this.line(text, (m) => m.scales);
  }

  start(r: ReturnToRun): string {
    return this.line(r.start.text, (m, l) => startText(m, l, r));
  }

  progressionRule(r: ReturnToRun): string {
    return this.line(r.progression.text, (m, l) => {
      const p = m.progressionText;
      const cap = r.progression.weeklyIncreaseCapPercent;
      if (r.start.mode === "on-hold") return p.onHold;
      if (r.waitsForScreen) return format(p.screenFirst, { cap }, l);
      if (r.start.mode === "walk-run") return format(r.progression.basis === "time" ? p.walkRunTime : p.walkRunDistance, { cap }, l);
      return format(r.progression.basis === "time" ? p.time : p.distance, { cap }, l);
    });
  }

  /** The goal race for the patient. The date in the locale's words; a summary signed before ruleset 2026.12.5
   * wrote it as YYYY-MM-DD, and its sentence is compared (and, failing that, printed) as it was. */
  goalRace(g: GoalRace, planUnit: Unit | undefined): string {
    const unit = planUnit ?? "km";
    const legacy = g.text !== undefined;
    // A sentence may open with the race's name: "Your race is in 6 weeks", never "your race is…".
    const upper = (out: string | null) => (out === null || legacy ? out : out.charAt(0).toUpperCase() + out.slice(1));
    return this.line(g.text, (m, l) => upper(goalRaceText(m, l, g, legacy, unit)));
  }

  /** The entry tests still to pass, as one sentence (`english` is the sheet's English for them). */
  entryTests(r: ReturnToRun): string {
    const legacy = r.entryCriteria.some((c) => c.label !== undefined);
    // A summary signed before ruleset 2026.12.5 named the tests in English: the sentence it printed.
    const english = legacy
      ? `Tests to pass with your clinician first (pain 2/10 or less): ${r.entryCriteria.map((c) => `${lowerFirst(c.label ?? "")}${c.status === "met" ? " (passed)" : ""}`).join("; ")}.`
      : undefined;
    return this.line(english, (m, l) => {
      const names = r.entryCriteria.map((c) => {
        const name = (m.entryTests.tests as Record<string, string>)[c.id];
        const enName = (summaryEn.entryTests.tests as Record<string, string>)[c.id];
        if (!name || (legacy && enName !== c.label)) return null;
        return c.status === "met" ? format(m.entryTests.passed, { test: lowerFirst(name) }, l) : lowerFirst(name);
      });
      return names.every((n) => n !== null) ? format(m.entryTests.line, { tests: names.join(m.entryTests.separator) }, l) : null;
    });
  }

  /** A traffic-light decision after a run (My plan), from its code. */
  stepText(s: Pick<ProgressStep, "decision">): string {
    return this.m.progress[s.decision];
  }

  /** Why the light was that colour, from the run's answers ("" when the run was not done). */
  stepReason(s: Pick<ProgressStep, "facts">): string {
    if (!s.facts) return "";
    const f = s.facts;
    return this.line(undefined, (m, l) => {
      const p = m.progress;
      const parts: string[] = [];
      if (f.worseNextMorning === true) parts.push(p.worseMorning);
      if (f.limped === true) parts.push(p.limped);
      if (f.painDuring === null) parts.push(p.painUnknown);
      else if (f.painDuring >= f.redFrom) parts.push(format(p.painRed, { pain: f.painDuring, limit: f.redFrom }, l));
      else if (f.painDuring > GREEN_MAX) parts.push(format(p.painAmber, { pain: f.painDuring, limit: GREEN_MAX }, l));
      if (f.settledWithinHour === false) parts.push(p.slowSettle);
      if (parts.length) {
        const s = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")}${p.and}${parts.at(-1)}`;
        return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
      }
      return format(
        p.green,
        {
          pain: f.painDuring ?? "",
          limit: GREEN_MAX,
          settled: f.settledWithinHour ? p.greenSettled : "",
          morning: f.worseNextMorning === false ? p.greenMorning : "",
        },
        l,
      );
    });
  }

  /** A running rule from its catalog key (ruleset 2026.12.5 on), or an older summary's English sentence. */
  rule(keyOrEnglish: string): string {
    const own = (this.m.rules as Record<string, string>)[keyOrEnglish];
    if (own !== undefined) return own;
    return this.byValue(keyOrEnglish, (m) => m.rules);
  }

  referral(a: Assessment): { advice: string; reasons: string[] } {
    const ref = a.referral;
    if (!ref) return { advice: "", reasons: [] };
    // Each flag's urgency as the engine set it (the clinic's setting); §5's default for a summary signed before
    // the engine recorded it.
    const flags = a.flags
      .filter((f) => f.level === "hard" && REFERRAL_KEY[f.code] !== undefined)
      .map((f, i) => {
        const k = REFERRAL_KEY[f.code]!;
        const urgency: ReferralUrgency = ref.urgencyByFlag?.[f.code] ?? REFERRAL_WORDING[k].urgency;
        return { k, urgency, i };
      })
      .sort((x, y) => URGENCY_ORDER.indexOf(x.urgency) - URGENCY_ORDER.indexOf(y.urgency) || x.i - y.i);
    const keys = flags.map((x) => x.k);
    const actions = (m: SummaryMessages) => [...new Set(flags.map((x) => referralAction(m.referral[x.k], x.urgency, m.referralWhen)))];
    const whys = (m: SummaryMessages) => [...new Set(keys.map((k) => m.referral[k].why))];
    const advice = this.line(ref.advice, (m) => (keys.length ? actions(m).join(" ") : null));
    // A summary signed before ruleset 2026.12.5 holds its reasons in English: the catalog's where they match.
    if (ref.reasons === undefined) return { advice, reasons: whys(this.m) };
    const sameReasons = keys.length > 0 && JSON.stringify(whys(summaryEn)) === JSON.stringify(ref.reasons);
    if (!sameReasons) ref.reasons.forEach((r) => this.onFallback?.(r));
    return { advice, reasons: sameReasons ? whys(this.m) : ref.reasons };
  }
}

function libraryEntry(m: SummaryMessages, e: ExercisePrescription | StretchPrescription): { name: string; howTo: string; feel: string } | undefined {
  return "exerciseId" in e
    ? (m.exercises as Record<string, { name: string; howTo: string; feel: string }>)[e.exerciseId]
    : (m.stretches as Record<string, { name: string; howTo: string; feel: string }>)[e.stretchId];
}

function doseWhat(m: SummaryMessages, l: Locale, d: Dose): string {
  if (d.holdSeconds) return format(d.perSide ? m.dose.holdsEachSide : m.dose.holds, { sets: d.sets, seconds: d.holdSeconds }, l);
  return format(d.perSide ? m.dose.setsEachSide : m.dose.sets, { sets: d.sets, reps: d.reps ?? 0 }, l);
}

function sessionText(m: SummaryMessages, l: Locale, s: RtrSession, unit: Unit, spellParts = true): string | null {
  const c = m.calendar;
  if (s.phase !== undefined) {
    const p = WALK_RUN_PHASES[s.phase - 1];
    if (!p) return null;
    const base = { walk: p.walkMin, run: p.runMin, effort: p.effort };
    if (s.km !== null) return format(s.kind === "run" ? c.runKm : c.walkRunKm, { ...base, km: dist(s.km, unit), unit: m.units[unit] }, l);
    if (spellParts && s.minutes !== null && s.kind === "walk-run" && s.minutes % p.runMin !== 0) {
      // Not whole intervals: say where it ends rather than "repeat to 5 min" with 3-minute runs.
      const n = Math.floor(s.minutes / p.runMin);
      if (n > 0) return format(c.walkRunMinutesPart, { ...base, n, rest: s.minutes - n * p.runMin, minutes: s.minutes }, l);
    }
    if (s.minutes !== null) return format(s.kind === "run" ? c.runMinutes : c.walkRunMinutes, { ...base, minutes: s.minutes }, l);
    return null;
  }
  if (s.kind === "walk-run" && s.minutes !== null) return format(c.firstWeekIntervals, { times: s.minutes, total: s.minutes * 3 }, l);
  if (s.kind === "run" && s.km !== null) return format(c.easyKm, { km: dist(s.km, unit), unit: m.units[unit] }, l);
  if (s.kind === "run" && s.minutes !== null) return format(c.easyMinutes, { minutes: s.minutes }, l);
  return null;
}

/** Whether the calendar prints an effort number (every walk-run session, and a walk-run week's continuous run):
 * the sheet explains effort beside the calendar only then. An easy continuous run has none. */
export function calendarShowsEffort(r: ReturnToRun): boolean {
  return r.calendar.some((wk) => wk.sessions.some((s) => s.phase !== undefined || (s.kind === "walk-run" && s.minutes !== null)));
}

function startText(m: SummaryMessages, l: Locale, r: ReturnToRun): string | null {
  const msg = r.start.msg;
  if (!msg) return null;
  const unit = unitOf(r);
  const u = m.units[unit];
  const s = m.start;
  const p = msg.params;
  const spread = () => {
    const each = format(p.oneMoreRun ? s.spreadMore : s.spreadSame, { runs: p.runs ?? 0 }, l);
    if (p.longestMinutes !== undefined) return format(s.longestMinutes, { spread: each, minutes: p.longestMinutes }, l);
    const longest = format(s.longestKm, { spread: each, km: dist(p.longestKm ?? 0, unit), unit: u }, l);
    return p.usualLongestKm !== undefined ? format(s.usualLongest, { longest, km: dist(p.usualLongestKm, unit), unit: u }, l) : longest;
  };
  const km = dist(r.start.weeklyKm ?? 0, unit);
  let text: string;
  switch (msg.key) {
    case "keep":
      text = format(s.keep, { km, unit: u, spread: spread() }, l) + (p.lateOnset ? s.lateOnset : "");
      break;
    case "reduce":
      text =
        format(
          s.reduce,
          { km, unit: u, spread: spread(), why: p.why === "ramp" ? s.whyRamp : p.why === "third" ? s.whyThird : "", weeks: p.holdWeeks ?? 0 },
          l,
        ) + (p.lateOnset ? s.lateOnset : "");
      break;
    case "screen-first":
      text = format(s.screenFirst, { phase: r.start.phase ?? 1 }, l);
      break;
    case "by-time":
      text = format(s.byTime, { phase: r.start.phase ?? 1 }, l);
      break;
    case "by-time-obese":
      text = format(s.byTimeObese, { phase: r.start.phase ?? 1, km: limit(p.firstWeekMaxKm ?? 0, unit), unit: u }, l);
      break;
    case "walk-run": {
      const ph = WALK_RUN_PHASES[(r.start.phase ?? 1) - 1];
      if (!ph) return null;
      const first = sessionText(m, l, { kind: ph.phase === 6 ? "run" : "walk-run", minutes: null, km: ph.km, phase: ph.phase }, unit);
      if (first === null) return null;
      text = format(s.walkRun, { phase: ph.phase, first: lowerFirst(first) }, l);
      break;
    }
    case "on-hold":
      text = s.onHold;
      break;
    default:
      return null;
  }
  return p.minutesAWeek !== undefined ? text + format(s.minutesAWeek, { minutes: p.minutesAWeek }, l) : text;
}

function goalRaceText(m: SummaryMessages, l: Locale, g: GoalRace, legacy: boolean, unit: Unit): string | null {
  const x = m.goalRace;
  const name = g.name === null || g.name === summaryEn.goalRace.yourRace ? x.yourRace : g.name;
  const date = legacy ? g.date : formatIsoDate(l, g.date);
  if (g.weeksAvailable === null) return format(x.noVisitDate, { name, date }, l);
  if (g.weeksAvailable < 0) return format(x.passed, { name, date }, l);
  if (g.fits === null || g.goalWeeklyKm === null) return format(x.notProjected, { name, weeks: g.weeksAvailable }, l);
  const u = m.units[unit];
  if (g.fits)
    return g.weeksNeeded === null ? null : format(x.fits, { name, weeks: g.weeksAvailable, km: dist(g.goalWeeklyKm, unit), unit: u, needed: g.weeksNeeded }, l);
  return format(x.tooSoon, { name, weeks: g.weeksAvailable, byRace: dist(g.kmByRaceDay ?? 0, unit), km: dist(g.goalWeeklyKm, unit), unit: u }, l);
}
