// Return to running (clinical-rules §6): the pain rule and traffic light (§6.1), the entry screen and
// walk-run phases (§6.2), the load cap (§6.3) and where the restart begins (§6.5): keep running (green),
// reduce (amber), walk-run after the screen (red or stopped), a time-based build from zero (a new runner),
// nothing while running is on hold. The calendar is exact: each week's total is the sum of its sessions,
// and no continuous week rises more than the clinic's cap over the week before, on the printed figures.
import type { EngineExam } from "./exam-schema";
import type { DistanceUnit } from "./intake-options";
import type { EngineIntake } from "./intake-schema";
import { KM_PER_MILE } from "./units";
import { describeLoadChange, firedRamp } from "./load";
import { RULES } from "./rules";
import type { ClinicSettings } from "./settings";
import type { Derived, EntryCriterion, Finding, GoalRace, ReturnToRun, RtrRuleKey, RtrSession, RtrStartMsg, RtrWeek, RtrWeekStep, RunnerState } from "./types";

/**
 * §6.2 walk-run phases (US Army RCT protocol, Trials 2023), totals converted from miles to km. `repeats`
 * and `minutes` give the same phases by time for a runner who builds by time (§6.3: below 10 km a week;
 * §6.5: new runners): the repeats are the ruleset's reading of each phase's distance at an easy jog.
 */
export const WALK_RUN_PHASES = [
  { phase: 1, walkMin: 2, runMin: 3, km: 1.6, effort: 3, repeats: 4 },
  { phase: 2, walkMin: 2, runMin: 3, km: 2.4, effort: 3, repeats: 6 },
  { phase: 3, walkMin: 2, runMin: 4, km: 2.4, effort: 4, repeats: 5 },
  { phase: 4, walkMin: 2, runMin: 4, km: 3.2, effort: 4, repeats: 6 },
  { phase: 5, walkMin: 1, runMin: 4, km: 3.2, effort: 5, repeats: 6 },
  { phase: 6, walkMin: 0, runMin: 20, km: 3.2, effort: 5, repeats: 1 },
] as const;

/** §6.2's programme runs in shoes under 6 months old: a walk-run runner whose shoes are older is told so. */
export const SHOE_MAX_MONTHS = 6;
/** §6.2: at least one rest day between walk-run sessions (so 3 a week), each phase at least twice. */
export const RUNS_PER_WEEK_WALK_RUN = 3;
export const SESSIONS_PER_PHASE = 2;
/** The calendar shows at most this many weeks (it must fit the printed summary); projections count every week. */
export const CALENDAR_MAX_WEEKS = 12;
/** The projection stops counting here (a target this far away needs a clinician's rethink, not a number). */
export const PROJECTION_MAX_WEEKS = 52;
/** §6.5: a new runner is one running for less than about 3 months. */
export const NOVICE_YEARS = 0.25;
/** §6.3/§6.5 (Nielsen 2014, IJSPT 9:338): in novices with a BMI over 30, more than 3 km in week 1 was linked to more injuries. */
export const NOVICE_OBESE_BMI = 30;
export const NOVICE_OBESE_WEEK1_KM = 3;
/** §6.5 amber: "otherwise by about a third" (a convention). */
export const AMBER_REDUCTION = 1 / 3;
/** Weeks an amber runner holds the reduced volume before building (progress only after green weeks). */
export const AMBER_HOLD_WEEKS = 2;
/** §6.2 screens are passed at pain 2/10 or less (the screen's own rule, whatever the running pain model). */
export const SCREEN_MAX_PAIN = 2;

/** §6.2's entry screen, in the exam form's order. */
const SCREEN = ["walk30Min", "singleLegStand10s", "singleLegSquat10", "jogOnSpot1Min", "hop10"] as const;

export function entryCriteria(exam: EngineExam | null, maxPain: number = SCREEN_MAX_PAIN): EntryCriterion[] {
  return SCREEN.map((id) => {
    const t = exam?.rtrScreen?.[id];
    if (!t || !t.result || t.result === "not-tested") return { id, status: "not-tested" as const, pain: null };
    const pain = typeof t.pain === "number" ? t.pain : null;
    const met = t.result === "pass" && (pain === null || pain <= maxPain);
    return { id, status: met ? ("met" as const) : ("not-met" as const), pain };
  });
}

const fmtKm = (km: number) => (Number.isInteger(km) ? String(km) : km.toFixed(1));
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
/**
 * The calendar's grid in the runner's own unit (the intake's km or miles), so the figures printed for them add
 * up exactly and the cap holds on them: half-units for continuous runs, tenths for walk-run sessions. Distances
 * are kept in km (`km` fields), exactly that many half-miles for a runner who answered in miles.
 */
interface Grid {
  unit: DistanceUnit;
  toHalves: (km: number) => number;
  fromHalves: (h: number) => number;
  fromTenths: (t: number) => number;
  toTenths: (km: number) => number;
}
function gridFor(unit: DistanceUnit): Grid {
  const u = unit === "mi" ? KM_PER_MILE : 1;
  return {
    unit,
    toHalves: (km) => Math.floor((km / u) * 2 + 1e-9),
    fromHalves: (h) => (h / 2) * u,
    fromTenths: (t) => (t / 10) * u,
    toTenths: (km) => Math.round((km / u) * 10),
  };
}

/**
 * A new runner's walk-run minutes in whole run intervals: "walk 2, run 3" repeated to 15 minutes, never to
 * 14 (a session that ends part-way through an interval is one a clinician corrects by hand). Each session
 * takes the whole intervals just below or above its share; of those choices, the week takes the largest total
 * that stays within the week's volume (so within the cap) with sessions no more than one interval apart, the
 * most even one on a tie. The caller keeps the
 * minutes as they are when no whole choice lets the week grow (an obese new runner's first small weeks).
 * Continuous runs (phase 6) keep their minutes.
 */
function wholeIntervals(shares: number[], phases: { phase: number | null }[]): number[] {
  const volume = shares.reduce((a, b) => a + b, 0);
  const choices = shares.map((share, j) => {
    const ph = phases[j]?.phase;
    const p = ph ? WALK_RUN_PHASES[ph - 1]! : null;
    if (!p || p.walkMin === 0) return [share];
    const k = Math.max(1, Math.floor(share / p.runMin));
    return [k * p.runMin, (k + 1) * p.runMin];
  });
  const weeks = choices.reduce<number[][]>((acc, c) => acc.flatMap((w) => c.map((m) => [...w, m])), [[]]);
  const total = (w: number[]) => w.reduce((a, b) => a + b, 0);
  const spread = (w: number[]) => Math.max(...w) - Math.min(...w);
  // Sessions of one week differ by at most one interval: never "9 minutes, then 4, then 4".
  const interval = Math.max(...phases.map((x) => (x.phase ? WALK_RUN_PHASES[x.phase - 1]!.runMin : 0)));
  let best: number[] | null = null;
  for (const w of weeks) {
    if (total(w) > volume || spread(w) > interval) continue;
    if (!best || total(w) > total(best) || (total(w) === total(best) && spread(w) < spread(best))) best = w;
  }
  return best ?? shares;
}

/**
 * One walk-run session: the phase's pattern and effort (§6.2), and its share of the week's volume (§6.3):
 * tenths of a km for a restart, minutes of running for a new runner.
 */
function walkRunSession(g: Grid, p: (typeof WALK_RUN_PHASES)[number], byTime: boolean, share: number): RtrSession {
  if (byTime) {
    return { kind: p.phase === 6 ? "run" : "walk-run", minutes: share, km: null, phase: p.phase };
  }
  return { kind: p.phase === 6 ? "run" : "walk-run", minutes: null, km: g.fromTenths(share), phase: p.phase };
}

/** §6.5 (Nielsen 2014): an obese new runner's first week, short run intervals well under 3 km in all. */
const OBESE_WEEK1_RUN_MIN = 5;
function obeseFirstSession(): RtrSession {
  return {
    kind: "walk-run",
    minutes: OBESE_WEEK1_RUN_MIN,
    km: null,
  };
}

/** Sessions for a week total in units (half-km or minutes), as equal as the units allow, longer ones first. */
function split(totalUnits: number, runs: number): number[] {
  const base = Math.floor(totalUnits / runs);
  const extra = totalUnits - base * runs;
  return Array.from({ length: runs }, (_, i) => base + (i < extra ? 1 : 0));
}

function distanceWeek(g: Grid, week: number, halves: number, runs: number, step: RtrWeekStep): RtrWeek {
  const sessions = split(halves, runs)
    .filter((h) => h > 0)
    .map((h): RtrSession => ({ kind: "run", minutes: null, km: g.fromHalves(h) }));
  return { week, sessions, weeklyKm: weekTotalKm(sessions), weeklyMinutes: null, step };
}

function minutesWeek(week: number, minutes: number, runs: number, step: RtrWeekStep): RtrWeek {
  const sessions = split(minutes, runs)
    .filter((m) => m > 0)
    .map((m): RtrSession => ({ kind: "run", minutes: m, km: null }));
  return { week, sessions, weeklyKm: null, weeklyMinutes: sessions.reduce((t, s) => t + (s.minutes ?? 0), 0), step };
}

/** The sum of a week's session distances, to 0.1 km (for a km runner, exactly the printed total; a page
 * prints a miles runner's total as the sum of the sessions' miles). */
export function weekTotalKm(sessions: RtrSession[]): number {
  return Math.round(sessions.reduce((t, s) => t + (s.km ?? 0) * 10, 0)) / 10;
}

/** The next week's total in units: as much as the cap allows (never more), and no more than the target. */
function nextUnits(prev: number, capPercent: number, targetUnits: number): number {
  // Integer arithmetic: next × 100 ≤ prev × (100 + cap).
  const allowed = Math.floor((prev * (100 + capPercent)) / 100 + 1e-9);
  return Math.min(allowed, Math.max(targetUnits, prev));
}

function bmiOf(intake: EngineIntake | null, exam: EngineExam | null, derived: Derived): number | null {
  const h = num(exam?.heightCm) ?? num(intake?.about?.heightCm);
  return derived.bodyMassKg !== null && h ? derived.bodyMassKg / (h / 100) ** 2 : null;
}

/** Whole weeks from one ISO date to another (floor), or null. */
function weeksBetween(from: string | null | undefined, to: string | null | undefined): number | null {
  if (!from || !to) return null;
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  return Math.floor((b - a) / (7 * 86_400_000));
}

export type StartOverride = { mode: "walk-run"; phase: number } | { mode: "reduced-continuous"; weeklyKm: number } | { mode: "keep-continuous" } | null;

/** §6.5: which row of the table the runner is in, from the intake, with the findings that placed them. */
export function runnerState(
  intake: EngineIntake | null,
  settings: Pick<ClinicSettings, "painRule">,
): { state: RunnerState; because: Finding[]; reason: string } {
  const trek = settings.painRule === "trek";
  const w = intake?.running?.weeklyKm ?? {};
  const current = num(w.thisWeek);
  const during = num(intake?.pain?.duringRun);
  const morning = num(intake?.pain?.morningAfter);
  const now = num(intake?.pain?.now);
  const lasts = intake?.knee?.painLastsAfter ?? null;
  const years = num(intake?.running?.yearsRunning);
  const history = [w.lastWeek, w.twoWeeksAgo, w.threeWeeksAgo, w.fourWeeksAgo, w.bestLastYear, intake?.running?.longestRunKm].some((v) => (num(v) ?? 0) > 0);
  const running = current !== null && current > 0 && intake?.knee?.painStartsInRun !== "not-running";
  const because: Finding[] = [
    { code: "intake.running.weeklyKm.thisWeek", label: "Weekly distance now (km)", value: current },
    { code: "intake.pain.duringRun", label: "Pain during running (0–10)", value: during },
    { code: "intake.pain.morningAfter", label: "Pain the morning after (0–10)", value: morning },
  ];
  if (lasts) because.push({ code: "intake.knee.painLastsAfter", label: "Pain lasts after a run", value: lasts });
  const novice = (years !== null && years < NOVICE_YEARS) || (!running && !history && (years === null || years === 0));
  if (novice) {
    because.push({ code: "intake.running.yearsRunning", label: "Years running", value: years });
    return { state: "novice", because, reason: "a new runner (under about 3 months)" };
  }
  if (!running) {
    return {
      state: "stopped",
      because,
      reason:
        during !== null && during >= 5
          ? "stopped running, and running hurt"
          : "not running now (the intake does not say why: treated as stopped because of the knee)",
    };
  }
  // "Worse the next morning": above the pain at rest, or above the rule when rest pain is not known.
  const worseNextMorning = morning !== null && morning > (trek ? 2 : 5) && (now === null || morning > now);
  const redDuring = trek ? 5 : 6;
  if ((during !== null && during >= redDuring) || worseNextMorning || lasts === "over-24-hours") {
    return { state: "red", because, reason: during !== null && during >= redDuring ? `running hurts ${during}/10` : "the knee is worse the next morning" };
  }
  if (during === null) return { state: "amber", because, reason: "pain during runs was not given (treated as amber until asked)" };
  const settlesSlowly = lasts === "1-to-24-hours";
  if (during > 2 || settlesSlowly) {
    return { state: "amber", because, reason: settlesSlowly && during <= 2 ? "the pain takes more than an hour to settle" : `running hurts ${during}/10` };
  }
  return { state: "green", because, reason: `running hurts ${during}/10 and settles` };
}

export function buildReturnToRun(opts: {
  intake: EngineIntake | null;
  exam: EngineExam | null;
  derived: Derived;
  settings: ClinicSettings;
  /** The clinician's choice of start point in review (overrides the engine's). */
  startOverride?: StartOverride;
  /** A soft flag holds running until the clinician releases it (§6.5): no calendar, no distances. */
  onHold?: boolean;
  /** Weeks to the next review: a green runner holds their volume until then (§6.5). */
  reviewInWeeks?: number;
  /** The visit's date (YYYY-MM-DD), to count the weeks to a goal race. */
  visitDate?: string | null;
}): ReturnToRun {
  const { intake, exam, derived, settings } = opts;
  // The runner's own unit (the intake's answer): the calendar is planned on its grid.
  const unit: DistanceUnit = intake?.running?.distanceUnit === "mi" ? "mi" : "km";
  const g = gridFor(unit);
  const { toHalves, fromHalves } = g;
  const trek = settings.painRule === "trek";
  const maxPain = trek ? 2 : 5;
  // What the rule and each colour of the traffic light say follows from the model: pages word it (lib/i18n).
  const painRule = { model: settings.painRule, duringMax: maxPain, rule: trek ? RULES.painRuleTrek : RULES.painRuleMonitoring };
  const trafficLight = { rule: RULES.trafficLight };

  const criteria = entryCriteria(exam);
  const criteriaMet = criteria.every((c) => c.status === "met");
  const w = intake?.running?.weeklyKm ?? {};
  const current = num(w.thisWeek);
  const recentMax = Math.max(...[w.lastWeek, w.twoWeeksAgo, w.threeWeeksAgo, w.fourWeeksAgo, w.thisWeek].map(num).filter((v): v is number => v !== null), 0);
  const target = num(w.bestLastYear) ?? num(intake?.running?.goal?.weeklyKm) ?? (recentMax > 0 ? recentMax : null);
  const { state, because: stateBecause, reason } = runnerState(intake, settings);
  const cap = settings.returnWeeklyIncreasePercent;
  const runsNow = Math.round(num(intake?.running?.runsPerWeek) ?? 3);
  // §6.1: more, shorter runs: one more run a week than now, between 3 and 6.
  const runs = Math.min(6, Math.max(3, runsNow + 1));
  const bmi = bmiOf(intake, exam, derived);
  const obeseNovice = state === "novice" && bmi !== null && bmi > NOVICE_OBESE_BMI;
  const onset = intake?.knee?.painStartsInRun;
  const lateOnset = onset === "after-30-min" || onset === "10-to-30-min";

  const base = {
    painRule,
    trafficLight,
    entryCriteria: criteria,
    criteriaMet,
    waitsForScreen: false,
    runnerState: state,
    unit,
    currentWeeklyKm: current,
    targetWeeklyKm: target,
  };

  if (opts.onHold) {
    return {
      ...base,
      start: {
        mode: "on-hold",
        phase: null,
        weeklyKm: null,
        msg: { key: "on-hold", params: {} },
        rule: RULES.onHold,
        because: stateBecause,
      },
      progression: {
        basis: "distance",
        weeklyIncreaseCapPercent: cap,
        rule: RULES.onHold,
      },
      targetWeeklyKm: null,
      projectedWeeks: null,
      calendar: [],
      goalRace: goalRace(g, intake, opts.visitDate, null, null, "on-hold", cap),
      rules: [],
    };
  }

  const override = opts.startOverride ?? null;
  const clinicianBecause = (value: string): Finding[] => [{ code: "clinician.start", label: "Start point set by the clinician", value }];
  type Mode = ReturnToRun["start"]["mode"];
  let mode: Mode;
  let phase: number | null = null;
  let startKm: number | null = null;
  let startMsg: RtrStartMsg;
  let startRule = RULES.walkRun;
  let startBecause: Finding[] = stateBecause;
  const ramp = firedRamp(derived.load);

  if (override?.mode === "keep-continuous" && current !== null && current > 0) {
    mode = "keep-continuous";
    startKm = fromHalves(toHalves(current));
    startBecause = clinicianBecause(`keep ${fmtKm(startKm)} km a week`);
  } else if (override?.mode === "reduced-continuous") {
    mode = "reduced-continuous";
    startKm = fromHalves(Math.max(1, toHalves(override.weeklyKm)));
    startBecause = clinicianBecause(`${fmtKm(startKm)} km a week`);
  } else if (override?.mode === "walk-run") {
    mode = "walk-run";
    phase = Math.min(6, Math.max(1, Math.round(override.phase)));
    startBecause = clinicianBecause(`walk-run phase ${phase}`);
  } else if (state === "green") {
    mode = "keep-continuous";
    startKm = fromHalves(toHalves(current!));
  } else if (state === "amber") {
    // §6.5: to the last week before a recent ramp, else about a third less; always below the current volume.
    const before = ramp && ramp.fromKm < current! ? ramp.fromKm : null;
    const reduced = before ?? current! * (1 - AMBER_REDUCTION);
    const h = Math.min(toHalves(reduced), toHalves(current!) - 1);
    if (h >= 1) {
      mode = "reduced-continuous";
      startKm = fromHalves(h);
      if (before !== null && ramp)
        startBecause = [
          ...stateBecause,
          { code: "derived.load.fromKm", label: `Weekly distance before the increase (${describeLoadChange(ramp)})`, value: ramp.fromKm },
        ];
    } else {
      mode = "walk-run";
      phase = 1;
    }
  } else {
    mode = "walk-run";
    phase = 1;
  }
  const byTime = mode === "walk-run" && state === "novice";
  // A red or stopped runner walks until the screen is passed (§6.5); a new runner building from zero does not
  // need it (the screen is for restarting), unless the clinician chose a phase.
  const screenFirst = mode === "walk-run" && !criteriaMet && state !== "novice";

  const pace = num(intake?.running?.paceMinPerKm);
  const continuousPlan = mode === "keep-continuous" || mode === "reduced-continuous";
  const inMinutes = continuousPlan && (startKm ?? 0) < settings.timeBasedBelowKm && pace !== null;
  const longest = num(intake?.running?.longestRunKm);
  /** §6.1: more, shorter runs; the longest run of the week named against the runner's usual longest. */
  const spreadParams = (km: number): RtrStartMsg["params"] => {
    if (inMinutes) return { runs, oneMoreRun: runs > runsNow, longestMinutes: split(Math.floor(km * pace! + 1e-9), runs)[0] ?? 0 };
    const most = fromHalves(split(toHalves(km), runs)[0] ?? 0);
    return { runs, oneMoreRun: runs > runsNow, longestKm: most, ...(longest !== null && longest > most ? { usualLongestKm: longest } : {}) };
  };
  if (mode === "keep-continuous") {
    startRule = RULES.keepContinuous;
    startMsg = { key: "keep", params: { ...spreadParams(startKm!), lateOnset } };
  } else if (mode === "reduced-continuous") {
    startRule = RULES.reducedContinuous;
    const whyKey = override ? undefined : ramp && startKm === fromHalves(toHalves(ramp.fromKm)) ? ("ramp" as const) : ("third" as const);
    startMsg = { key: "reduce", params: { ...spreadParams(startKm!), ...(whyKey ? { why: whyKey } : {}), holdWeeks: AMBER_HOLD_WEEKS, lateOnset } };
  } else if (screenFirst) {
    startMsg = { key: "screen-first", params: {} };
  } else if (byTime) {
    startRule = RULES.timeBased;
    startMsg = obeseNovice && !override ? { key: "by-time-obese", params: { firstWeekMaxKm: NOVICE_OBESE_WEEK1_KM } } : { key: "by-time", params: {} };
  } else {
    startMsg = { key: "walk-run", params: {} };
  }
  startBecause = [...startBecause, { code: "rtr.runner-state", label: "Where the runner is now (§6.5)", value: `${state}: ${reason}` }];

  // The calendar.
  const calendar: RtrWeek[] = [];
  let projected: number | null = null;
  let week = 0;
  const push = (w: RtrWeek) => {
    if (calendar.length < CALENDAR_MAX_WEEKS) calendar.push(w);
  };
  /** Weekly totals by week number (half-km), for the goal-race projection. */
  const totals: number[] = [];
  if (mode === "walk-run" && !screenFirst) {
    // §6.2's phases set each session's pattern (walk and run intervals, effort), each phase at least twice;
    // §6.3's cap sets the week's volume: week 1 is three sessions of the starting phase, and no later week is
    // more than the cap over the week before, on the printed figures. A runner who restarts counts tenths of a
    // kilometre; a new runner counts minutes of running.
    const pattern: { phase: number | null }[] = [];
    const obeseWeek1 = obeseNovice && !override;
    if (obeseWeek1) for (let i = 0; i < RUNS_PER_WEEK_WALK_RUN; i++) pattern.push({ phase: null });
    for (let ph = phase!; ph <= 6; ph++) for (let i = 0; i < SESSIONS_PER_PHASE; i++) pattern.push({ phase: ph });
    while (pattern.length % RUNS_PER_WEEK_WALK_RUN !== 0) pattern.push({ phase: 6 });
    const first = WALK_RUN_PHASES[phase! - 1]!;
    // Units: tenths of a km (restart) or minutes of running (by time).
    let volume = obeseWeek1
      ? OBESE_WEEK1_RUN_MIN * RUNS_PER_WEEK_WALK_RUN
      : byTime
        ? first.runMin * first.repeats * RUNS_PER_WEEK_WALK_RUN
        : g.toTenths(first.km) * RUNS_PER_WEEK_WALK_RUN;
    for (let i = 0; i < pattern.length; i += RUNS_PER_WEEK_WALK_RUN) {
      week += 1;
      const lastWeek = i > 0 ? volume : 0;
      if (i > 0) volume = Math.max(volume, Math.floor((volume * (100 + cap)) / 100 + 1e-9));
      let shares = split(volume, RUNS_PER_WEEK_WALK_RUN);
      if (byTime) {
        // Whole run intervals, unless the week would then not grow on the last (small early volumes).
        const whole = wholeIntervals(shares, pattern.slice(i, i + RUNS_PER_WEEK_WALK_RUN));
        if (i === 0 || whole.reduce((a, b) => a + b, 0) > lastWeek) shares = whole;
      }
      const chunk = pattern
        .slice(i, i + RUNS_PER_WEEK_WALK_RUN)
        .map((x, j) => (x.phase === null ? obeseFirstSession() : walkRunSession(g, WALK_RUN_PHASES[x.phase - 1]!, byTime, shares[j]!)));
      const wk: RtrWeek = {
        week,
        sessions: chunk,
        weeklyKm: byTime ? null : weekTotalKm(chunk),
        weeklyMinutes: byTime ? chunk.reduce((t, s) => t + (s.minutes ?? 0), 0) : null,
        step: week === 1 && obeseWeek1 ? "obese-first" : "walk-run",
      };
      push(wk);
      // In tenths of the unit, the week's volume is the sum of its shares (split keeps the total).
      if (byTime) volume = wk.weeklyMinutes!;
      totals.push(byTime ? 0 : Math.floor(volume / 5));
    }
    if (byTime) {
      // After phase 6, continuous runs grow by minutes, at most the cap a week (on the printed minutes).
      let minutes = volume;
      while (calendar.length < CALENDAR_MAX_WEEKS) {
        const next = Math.floor((minutes * (100 + cap)) / 100 + 1e-9);
        if (next <= minutes) break;
        minutes = next;
        week += 1;
        push(minutesWeek(week, minutes, RUNS_PER_WEEK_WALK_RUN, "build"));
      }
    }
  }
  // §6.3: below the time-based threshold a continuous plan is set in minutes of running (at the runner's
  // usual easy pace, when known); otherwise in half-kilometres.
  const toUnits = (km: number) => (inMinutes ? Math.floor(km * pace! + 1e-9) : toHalves(km));
  const weekOf = (n: number, units: number, runsInWeek: number, step: RtrWeekStep) =>
    inMinutes ? minutesWeek(n, units, runsInWeek, step) : distanceWeek(g, n, units, runsInWeek, step);
  let units = mode === "walk-run" ? (totals.length ? totals[totals.length - 1]! : 0) : toUnits(startKm ?? 0);
  const continuousRuns = mode === "walk-run" ? RUNS_PER_WEEK_WALK_RUN : runs;
  if (continuousPlan) {
    const hold = mode === "keep-continuous" ? Math.max(1, opts.reviewInWeeks ?? 2) : AMBER_HOLD_WEEKS;
    for (let i = 0; i < hold; i++) {
      week += 1;
      push(weekOf(week, units, continuousRuns, mode === "keep-continuous" ? "hold-review" : "hold-green"));
      totals.push(inMinutes ? toHalves(units / pace!) : units);
    }
  }
  const targetUnits = target !== null ? toUnits(target) : null;
  if (!byTime && !screenFirst && targetUnits !== null) {
    let guard = 0;
    const startUnits = units;
    while (units < targetUnits && guard < PROJECTION_MAX_WEEKS) {
      const next = nextUnits(units, cap, targetUnits);
      if (next <= units) break;
      units = next;
      week += 1;
      guard += 1;
      push(weekOf(week, units, continuousRuns, mode === "keep-continuous" && guard === 1 ? "after-review" : "build"));
      totals.push(inMinutes ? toHalves(units / pace!) : units);
    }
    projected = continuousPlan && startUnits >= targetUnits && guard === 0 ? 0 : units >= targetUnits ? week : null;
  }

  const timeBasis = byTime || inMinutes;
  // The walk-run programme's rules are §6.2's, its shoes rule included; a runner carrying on keeps their shoes.
  const oldShoes = !continuousPlan && (num(intake?.running?.shoeAgeMonths) ?? 0) > SHOE_MAX_MONTHS;
  const rules: RtrRuleKey[] = [continuousPlan ? "spread" : "restDay", "flat", "swollen", oldShoes ? "shoesOld" : "shoes"];
  return {
    ...base,
    waitsForScreen: screenFirst,
    start: {
      mode,
      phase,
      weeklyKm: startKm,
      msg: inMinutes && calendar[0] ? { ...startMsg, params: { ...startMsg.params, minutesAWeek: calendar[0].weeklyMinutes ?? 0 } } : startMsg,
      rule: startRule,
      because: inMinutes ? [...startBecause, { code: "intake.running.paceMinPerKm", label: "Easy pace (min/km)", value: pace }] : startBecause,
    },
    progression: {
      basis: timeBasis ? "time" : "distance",
      weeklyIncreaseCapPercent: cap,
      rule: timeBasis ? RULES.timeBased : RULES.weeklyCap,
    },
    projectedWeeks: projected,
    calendar,
    goalRace: goalRace(g, intake, opts.visitDate, totals, target, screenFirst ? "screen-first" : byTime ? "by-time" : "planned", cap),
    rules,
  };
}

/** §6.5: weeks needed to reach the goal volume at the cap vs weeks to the race; never by raising the cap. */
function goalRace(
  grid: Grid,
  intake: EngineIntake | null,
  visitDate: string | null | undefined,
  totals: number[] | null,
  target: number | null,
  how: "planned" | "screen-first" | "by-time" | "on-hold",
  cap: number,
): GoalRace | null {
  const g = intake?.running?.goal;
  if (g?.kind !== "event" || !g.eventDate) return null;
  const weeksAvailable = weeksBetween(visitDate, g.eventDate);
  const goalKm = num(g.weeklyKm) ?? target;
  const base = { name: g.eventName?.trim() || null, date: g.eventDate, weeksAvailable, goalWeeklyKm: goalKm, capPercent: cap };
  const none = { weeksNeeded: null, kmByRaceDay: null, fits: null };
  if (weeksAvailable === null || weeksAvailable < 0) return { ...base, ...none };
  if (how !== "planned" || !totals || goalKm === null) {
    return { ...base, ...none, notProjectedBecause: how === "planned" ? "no-goal-volume" : how };
  }
  const goalHalves = grid.toHalves(goalKm);
  // Continue the projection past the calendar at the same cap until the goal (or the limit).
  const series = [...totals];
  let h = series.length ? series[series.length - 1]! : 0;
  while (h < goalHalves && series.length < PROJECTION_MAX_WEEKS && h > 0) {
    const next = nextUnits(h, cap, goalHalves);
    if (next <= h) break;
    h = next;
    series.push(h);
  }
  const idx = series.findIndex((x) => x >= goalHalves);
  const weeksNeeded = idx >= 0 ? idx + 1 : null;
  const fits = weeksNeeded !== null && weeksNeeded <= weeksAvailable;
  const byRace = weeksAvailable === 0 ? null : grid.fromHalves(series[Math.min(weeksAvailable, series.length) - 1] ?? 0);
  return { ...base, weeksNeeded, kmByRaceDay: fits ? goalKm : byRace, fits };
}

const weeks = (n: number) => `${n} ${n === 1 ? "week" : "weeks"}`;
const NOT_PROJECTED_WHY: Record<NonNullable<GoalRace["notProjectedBecause"]>, string> = {
  "on-hold": "running is on hold",
  "screen-first": "running waits for the entry screen",
  "by-time": "the build is by time",
  "no-goal-volume": "no goal volume is known",
};

/** The goal race for the clinician, in English (the flag's detail and the clinician's summary): clinician
 * pages are in English (docs/i18n.md). A summary signed before ruleset 2026.12.5 keeps its own sentence. */
export function goalRaceClinicianText(g: GoalRace): string {
  if (g.clinicianText !== undefined) return g.clinicianText;
  const name = g.name ?? "The race";
  if (g.weeksAvailable === null) return "The race date could not be compared: the visit date is not known.";
  if (g.weeksAvailable < 0) return "The race date given is before this visit.";
  if (g.fits === null || g.goalWeeklyKm === null)
    return `${name} is in ${weeks(g.weeksAvailable)}; the weeks needed cannot be projected yet (${NOT_PROJECTED_WHY[g.notProjectedBecause ?? "no-goal-volume"]}).`;
  const cap = g.capPercent ?? 10;
  if (g.fits) return `Race in ${weeks(g.weeksAvailable)}; ${weeks(g.weeksNeeded ?? 0)} needed to reach ${fmtKm(g.goalWeeklyKm)} km a week at the ${cap}% cap.`;
  const needed = g.weeksNeeded === null ? `more than ${PROJECTION_MAX_WEEKS} weeks` : weeks(g.weeksNeeded);
  return `Race in ${weeks(g.weeksAvailable)}; ${needed} needed to reach ${fmtKm(g.goalWeeklyKm)} km a week at the ${cap}% cap: about ${fmtKm(g.kmByRaceDay ?? 0)} km a week by race day. The cap is not raised for a race.`;
}
