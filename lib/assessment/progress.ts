// Between visits: the traffic light applied to the runner's check-ins (clinical-reference §6.1, §6.5).
// Pure and versioned: from the signed return-to-run plan and the check-ins so far, where the runner is in
// the calendar, what comes next, and the rule that decided each step. Green moves on one session, amber
// repeats it, red rests a day and goes back one session, and a second red without a green between them
// pauses running and alerts the clinic.
import type { ReturnToRun, RtrSession } from "./types";

/** The version of these rules: a stored decision records it, as a signed summary records RULESET_VERSION. */
export const PROGRESS_RULES_VERSION = "2026.12.1";

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
}

export type Light = "green" | "amber" | "red";

export interface ProgressStep {
  date: string;
  light: Light | "not-done";
  /** What happened to the position in the calendar. */
  action: "advance" | "repeat" | "step-back" | "pause" | "none";
  /** Plain words for the patient. */
  text: string;
  rule: { id: string; section: string };
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
 * morning; amber = pain 3–4 or slow to settle; red = pain ≥ 5 or worse next morning. The pain-monitoring
 * model (chosen by the clinic): amber up to 5, red above 5 or still worse next morning.
 */
export function lightFor(c: Pick<RunCheckIn, "painDuring" | "settledWithinHour" | "worseNextMorning">, model: ReturnToRun["painRule"]["model"] = "trek"): Light {
  const redFrom = model === "trek" ? 5 : 6;
  if (c.worseNextMorning === true || (c.painDuring !== null && c.painDuring >= redFrom)) return "red";
  if ((c.painDuring !== null && c.painDuring > 2) || c.settledWithinHour === false) return "amber";
  // Nothing known about pain is not a green: the step is repeated until it is.
  if (c.painDuring === null) return "amber";
  return "green";
}

const RULE = { id: "rtr.traffic-light", section: "§6.1" };

export function applyCheckIns(rtr: Pick<ReturnToRun, "calendar" | "painRule">, checkIns: readonly RunCheckIn[]): Progress {
  const sessions = rtr.calendar.flatMap((w) => w.sessions.map((s) => ({ week: w.week, s })));
  let position = 0;
  let paused = false;
  let redSinceGreen = 0;
  const steps: ProgressStep[] = [];
  for (const c of [...checkIns].sort((a, b) => a.date.localeCompare(b.date))) {
    if (paused) {
      steps.push({ date: c.date, light: c.done ? lightFor(c, rtr.painRule.model) : "not-done", action: "none", text: "Running is paused until your clinician has spoken with you.", rule: RULE });
      continue;
    }
    if (!c.done) {
      steps.push({ date: c.date, light: "not-done", action: "none", text: "Not done: do this session next time.", rule: RULE });
      continue;
    }
    const light = lightFor(c, rtr.painRule.model);
    if (light === "green") {
      redSinceGreen = 0;
      const last = position >= sessions.length - 1;
      position = Math.min(sessions.length, position + 1);
      steps.push({ date: c.date, light, action: "advance", text: last ? "Green: you have finished the calendar. Keep this level until your review." : "Green: move on to the next session.", rule: RULE });
    } else if (light === "amber") {
      steps.push({ date: c.date, light, action: "repeat", text: "Amber: repeat this session next time; do not move on yet.", rule: RULE });
    } else {
      redSinceGreen += 1;
      if (redSinceGreen >= 2) {
        paused = true;
        steps.push({ date: c.date, light, action: "pause", text: "Red twice: stop running for now. The clinic has been told and will contact you.", rule: RULE });
      } else {
        position = Math.max(0, position - 1);
        steps.push({ date: c.date, light, action: "step-back", text: "Red: rest a day, then go back one session.", rule: RULE });
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
