// Between visits: the traffic light applied to the runner's check-ins (clinical-rules §6.1, §6.5).
// Pure and versioned: from the signed return-to-run plan and the check-ins so far, where the runner is in
// the calendar, what comes next, and the rule that decided each step. Green moves on one session, amber
// repeats it, red rests a day and goes back one session, and a second red without a green between them
// pauses running and alerts the clinic.
import type { ReturnToRun, RtrSession } from "./types";

/** The version of these rules: a stored decision records it, as a signed summary records RULESET_VERSION. */
// 2026.12.2: limping during or after a run is a red (§6.1), as the printed traffic light already said.
export const PROGRESS_RULES_VERSION = "2026.12.2";

export interface RunCheckIn {
  /** YYYY-MM-DD of the run. */
  date: string;
  done: boolean;
  /** Pain during the run, 0–10. */
  painDuring: number | null;
  /** Back to the pre-run level within the hour. */
  settledWithinHour: boolean | null;
  /** The next morning, worse than before the run (asked the next day; null until answered). */
  worseNextMorning: boolean | null;
  /** Limped during or after the run (§6.1: a red). Absent or null in check-ins made before it was asked. */
  limped?: boolean | null;
}

export type Light = "green" | "amber" | "red";

/** Which decision a step is, as a code a page words in the reader's language (lib/i18n/summary.ts `stepText`). */
export type StepDecision = "paused" | "not-done" | "advance" | "finished" | "repeat" | "pause" | "step-back";

/** What the light was read from: the run's answers and the model's red threshold. A page says why the light
 * was that colour from these (lib/i18n/summary.ts `stepReason`). */
export interface StepFacts {
  painDuring: number | null;
  limped: boolean | null;
  settledWithinHour: boolean | null;
  worseNextMorning: boolean | null;
  redFrom: number;
}

export interface ProgressStep {
  date: string;
  light: Light | "not-done";
  /** What happened to the position in the calendar. */
  action: "advance" | "repeat" | "step-back" | "pause" | "none";
  decision: StepDecision;
  rule: { id: string; section: string };
  /** Why the light was that colour; null when the run was not done. */
  facts: StepFacts | null;
}

export interface Progress {
  version: string;
  /** Index into the calendar's sessions, flattened in order (0 = week 1's first session). */
  position: number;
  /** True after red twice: no running until the clinician reviews. */
  paused: boolean;
  /** The next sessions to do (none while paused or when the calendar is done). */
  next: RtrSession[];
  /** The calendar week the next session belongs to (null when none). */
  week: number | null;
  steps: ProgressStep[];
  /** True when the clinic should be alerted (red twice). */
  alertClinic: boolean;
}

/**
 * §6.1's traffic light for one run. TREK (default): green = pain ≤ 2, settled within the hour, not worse next
 * morning; amber = pain 3–4 or slow to settle; red = pain ≥ 5, limping, or worse next morning. The pain-monitoring
 * model (chosen by the clinic): amber up to 5, red above 5 or still worse next morning.
 */
export function lightFor(
  c: Pick<RunCheckIn, "painDuring" | "settledWithinHour" | "worseNextMorning" | "limped">,
  model: ReturnToRun["painRule"]["model"] = "trek",
): Light {
  const redFrom = redFromOf(model);
  if (c.worseNextMorning === true || c.limped === true || (c.painDuring !== null && c.painDuring >= redFrom)) return "red";
  if ((c.painDuring !== null && c.painDuring > 2) || c.settledWithinHour === false) return "amber";
  // Nothing known about pain is not a green: the step is repeated until it is.
  if (c.painDuring === null) return "amber";
  return "green";
}

const RULE = { id: "rtr.traffic-light", section: "§6.1" };

/** Pain at or above this is red: TREK 5/10; the pain-monitoring model allows up to 5. */
const redFromOf = (model: ReturnToRun["painRule"]["model"]) => (model === "trek" ? 5 : 6);

export function applyCheckIns(rtr: Pick<ReturnToRun, "calendar" | "painRule">, checkIns: readonly RunCheckIn[]): Progress {
  const sessions = rtr.calendar.flatMap((w) => w.sessions.map((s) => ({ week: w.week, s })));
  let position = 0;
  let paused = false;
  let redSinceGreen = 0;
  const steps: ProgressStep[] = [];
  const model = rtr.painRule.model;
  const factsOf = (c: RunCheckIn): StepFacts => ({
    painDuring: c.painDuring,
    limped: c.limped ?? null,
    settledWithinHour: c.settledWithinHour,
    worseNextMorning: c.worseNextMorning,
    redFrom: redFromOf(model),
  });
  for (const c of [...checkIns].sort((a, b) => a.date.localeCompare(b.date))) {
    if (paused) {
      steps.push({
        date: c.date,
        light: c.done ? lightFor(c, model) : "not-done",
        action: "none",
        decision: "paused",
        rule: RULE,
        facts: c.done ? factsOf(c) : null,
      });
      continue;
    }
    if (!c.done) {
      steps.push({ date: c.date, light: "not-done", action: "none", decision: "not-done", rule: RULE, facts: null });
      continue;
    }
    const light = lightFor(c, model);
    const facts = factsOf(c);
    if (light === "green") {
      redSinceGreen = 0;
      const last = position >= sessions.length - 1;
      position = Math.min(sessions.length, position + 1);
      const decision = last ? "finished" : "advance";
      steps.push({ date: c.date, light, action: "advance", decision, rule: RULE, facts });
    } else if (light === "amber") {
      steps.push({ date: c.date, light, action: "repeat", decision: "repeat", rule: RULE, facts });
    } else {
      redSinceGreen += 1;
      if (redSinceGreen >= 2) {
        paused = true;
        steps.push({ date: c.date, light, action: "pause", decision: "pause", rule: RULE, facts });
      } else {
        position = Math.max(0, position - 1);
        steps.push({ date: c.date, light, action: "step-back", decision: "step-back", rule: RULE, facts });
      }
    }
  }
  const upcoming = paused ? [] : sessions.slice(position, position + 3);
  return {
    version: PROGRESS_RULES_VERSION,
    position,
    paused,
    next: upcoming.map((x) => x.s),
    week: upcoming[0]?.week ?? null,
    steps,
    alertClinic: paused,
  };
}

/** The top of the green zone under each model (§6.1: TREK ≤ 2/10; the pain-monitoring model's "safe" zone
 * is also 0–2, with 3–5 acceptable). */
export const GREEN_MAX = 2;

/**
 * Pain trending up across runs: the newer half of the latest runs (up to six with pain recorded, at least
 * four) averages at least 2 points more than the older half. 2 points on the 0–10 scale is the change
 * patients call "much" different (§4.3: Farrar 2001, Salaffi 2004), so smaller wobbles do not alert.
 */
export const PAIN_TREND_POINTS = 2;

export function painTrend(runs: readonly Pick<RunCheckIn, "date" | "done" | "painDuring">[]): { up: boolean; older: number | null; newer: number | null } {
  const withPain = [...runs]
    .filter((r) => r.done && r.painDuring !== null)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(-6);
  if (withPain.length < 4) return { up: false, older: null, newer: null };
  const half = Math.floor(withPain.length / 2);
  const mean = (xs: typeof withPain) => xs.reduce((t, r) => t + r.painDuring!, 0) / xs.length;
  const older = mean(withPain.slice(0, withPain.length - half));
  const newer = mean(withPain.slice(-half));
  return { up: newer - older >= PAIN_TREND_POINTS, older: round1(older), newer: round1(newer) };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Days without a check-in after which the clinic sees "missed check-ins" (a week: every plan has at
 * least one session or exercise day a week). */
export const MISSED_CHECK_IN_DAYS = 7;

/** Whether check-ins have been missed for a week: counted from the last one, or from the plan's start. */
export function missedCheckIns(lastCheckIn: string | null, planStart: string, today: string): boolean {
  return daysBetween(lastCheckIn ?? planStart, today) >= MISSED_CHECK_IN_DAYS;
}

/** What the clinic is alerted to, most urgent first; null when nothing. */
export type ClinicAlert = "red-twice" | "pain-up";

export function clinicAlert(progress: Pick<Progress, "alertClinic">, trend: { up: boolean }): ClinicAlert | null {
  if (progress.alertClinic) return "red-twice";
  if (trend.up) return "pain-up";
  return null;
}

/** A check-in as the between-visits figures read it: a run (or a planned run not done) or an exercise day. */
export interface DayCheckIn extends RunCheckIn {
  kind: "run" | "exercise";
  km: number | null;
  minutes: number | null;
  exercises: "yes" | "part" | "no" | null;
}

export interface WeekProgress {
  /** 1 = the plan's first seven days. */
  week: number;
  /** YYYY-MM-DD, first and last day. */
  from: string;
  to: string;
  /** Runs the calendar planned for that week (0 past its end) and runs done. */
  plannedRuns: number;
  runsDone: number;
  /** The calendar's distance or minutes for the week (null when the week is planned the other way). */
  plannedKm: number | null;
  plannedMinutes: number | null;
  km: number;
  minutes: number;
  /** Exercise days planned (the programme's days a week) and done (a part-done day counts half). */
  exerciseDaysPlanned: number;
  exerciseDaysDone: number;
  /** Pain during each run done that week, in date order. */
  pain: number[];
}

/**
 * The weeks from the plan's start to `today`, each with what was planned and what the check-ins say:
 * adherence, distance or minutes run against the calendar, pain during runs. Week N of the figures is week
 * N of the signed calendar (the calendar starts the day the plan was signed).
 */
export function weeklyProgress(
  rtr: Pick<ReturnToRun, "calendar"> | null,
  exerciseDaysPerWeek: number,
  planStart: string,
  checkIns: readonly DayCheckIn[],
  today: string,
): WeekProgress[] {
  const weeks = Math.max(1, Math.floor(daysBetween(planStart, today) / 7) + 1);
  const out: WeekProgress[] = [];
  for (let i = 0; i < weeks; i++) {
    const from = addDays(planStart, i * 7);
    const to = addDays(planStart, i * 7 + 6);
    const cal = rtr?.calendar[i];
    const inWeek = checkIns.filter((c) => c.date >= from && c.date <= to).sort((a, b) => a.date.localeCompare(b.date));
    const runs = inWeek.filter((c) => c.kind === "run" && c.done);
    out.push({
      week: i + 1,
      from,
      to,
      plannedRuns: cal?.sessions.filter((s) => s.kind !== "cross-train").length ?? 0,
      runsDone: runs.length,
      plannedKm: cal?.weeklyKm ?? null,
      plannedMinutes: cal?.weeklyMinutes ?? null,
      km: round1(runs.reduce((t, c) => t + (c.km ?? 0), 0)),
      minutes: runs.reduce((t, c) => t + (c.minutes ?? 0), 0),
      exerciseDaysPlanned: exerciseDaysPerWeek,
      exerciseDaysDone: inWeek.reduce((t, c) => t + (c.exercises === "yes" ? 1 : c.exercises === "part" ? 0.5 : 0), 0),
      pain: runs.filter((c) => c.painDuring !== null).map((c) => c.painDuring!),
    });
  }
  return out;
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
