// Return to running (clinical-reference §6): the pain rule, the entry criteria, the start point (a walk-run
// phase, or a reduced continuous volume for a runner who can still run within the pain rule), progression
// by time below 10 km a week and by a capped weekly percentage above, the traffic light, and a calendar of
// weeks back to the runner's previous weekly distance.
import type { EngineExam } from "./exam-schema";
import type { EngineIntake } from "./intake-schema";
import { RULES } from "./rules";
import type { ClinicSettings } from "./settings";
import type { Derived, EntryCriterion, Finding, ReturnToRun, RtrSession, RtrWeek } from "./types";

/** §6.2 walk-run phases (US Army RCT protocol, Trials 2023). Totals converted from miles to km. */
export const WALK_RUN_PHASES = [
  { phase: 1, walkMin: 2, runMin: 3, km: 1.6, rpe: 3 },
  { phase: 2, walkMin: 2, runMin: 3, km: 2.4, rpe: 3 },
  { phase: 3, walkMin: 2, runMin: 4, km: 2.4, rpe: 4 },
  { phase: 4, walkMin: 2, runMin: 4, km: 3.2, rpe: 4 },
  { phase: 5, walkMin: 1, runMin: 4, km: 3.2, rpe: 5 },
  { phase: 6, walkMin: 0, runMin: 0, km: 3.2, rpe: 5 },
] as const;

/** §6.2: at least one rest day between runs (so 3 a week), each phase at least twice. */
export const RUNS_PER_WEEK_WALK_RUN = 3;
export const SESSIONS_PER_PHASE = 2;
/** The calendar shows at most this many weeks (it must fit the printed summary); the projection counts every week. */
export const CALENDAR_MAX_WEEKS = 10;
/** The projection stops counting here (a target this far away needs a clinician's rethink, not a number). */
export const PROJECTION_MAX_WEEKS = 52;

const SCREEN = [
  ["walk30Min", "Walk 30 minutes without pain"],
  ["singleLegStand10s", "Stand on the sore leg for 10 seconds"],
  ["singleLegSquat10", "10 single-leg squats"],
  ["jogOnSpot1Min", "Jog on the spot for 1 minute"],
  ["hop10", "10–15 hops on the sore leg"],
] as const;

export function entryCriteria(exam: EngineExam | null, maxPain: number): EntryCriterion[] {
  return SCREEN.map(([id, label]) => {
    const t = exam?.rtrScreen?.[id];
    if (!t || !t.result || t.result === "not-tested") return { id, label, status: "not-tested" as const, detail: "Not tested yet" };
    const pain = typeof t.pain === "number" ? t.pain : null;
    if (t.result === "fail") return { id, label, status: "not-met" as const, detail: pain === null ? "Not passed" : `Not passed (pain ${pain}/10)` };
    if (pain !== null && pain > maxPain) return { id, label, status: "not-met" as const, detail: `Pain ${pain}/10 is above ${maxPain}/10` };
    return { id, label, status: "met" as const, detail: pain === null ? "Passed" : `Passed (pain ${pain}/10)` };
  });
}

/** Never above the value it rounds (a start point must not exceed what the runner tolerates). */
const floorHalf = (km: number) => Math.floor(km * 2 + 1e-9) / 2;
const floorTenth = (km: number) => Math.floor(km * 10 + 1e-9) / 10;
const fmtKm = (km: number) => (Number.isInteger(km) ? String(km) : km.toFixed(1));

function walkRunSession(p: (typeof WALK_RUN_PHASES)[number]): RtrSession {
  const text =
    p.phase === 6
      ? `Run ${fmtKm(p.km)} km without walk breaks, at an easy effort (${p.rpe}/10)`
      : `Walk ${p.walkMin} min, run ${p.runMin} min; repeat to ${fmtKm(p.km)} km, easy effort (${p.rpe}/10)`;
  return { text, kind: p.phase === 6 ? "run" : "walk-run", minutes: null, km: p.km };
}

/** Weekly runs at a given weekly distance: at least 3; more, shorter runs rather than fewer long ones (§6.1). */
function continuousWeek(week: number, weeklyKm: number, runs: number, note: string): RtrWeek {
  const each = Math.round((weeklyKm / runs) * 10) / 10;
  return {
    week,
    weeklyKm,
    note,
    sessions: Array.from({ length: runs }, () => ({ text: `Easy run, ${fmtKm(each)} km, flat ground`, kind: "run" as const, minutes: null, km: each })),
  };
}

export function buildReturnToRun(opts: {
  intake: EngineIntake | null;
  exam: EngineExam | null;
  derived: Derived;
  settings: ClinicSettings;
  /** The clinician's choice of start point in review (overrides the engine's). */
  startOverride?: { mode: "walk-run"; phase: number } | { mode: "reduced-continuous"; weeklyKm: number } | null;
}): ReturnToRun {
  const { intake, exam, derived, settings } = opts;
  const trek = settings.painRule === "trek";
  const maxPain = trek ? 2 : 5;
  const painRule = {
    model: settings.painRule,
    duringMax: maxPain,
    text: trek
      ? "While running, keep pain at 2 out of 10 or less. After the run it should be back to how it was before within an hour, and it should be no worse the next morning."
      : "While running, pain up to 5 out of 10 is acceptable, but it must settle by the next morning and must not build up from week to week.",
    rule: trek ? RULES.painRuleTrek : RULES.painRuleMonitoring,
  };
  const trafficLight = {
    green: trek
      ? "Green: pain 2/10 or less during the run, back to normal within an hour, no worse next morning. Carry on, or move to the next step."
      : "Green: pain 0–2/10. Carry on, or move to the next step.",
    amber: trek ? "Amber: pain 3–4/10, or slow to settle. Repeat this step; do not move on yet." : "Amber: pain 3–5/10 that settles by the next morning. Repeat this step.",
    red: trek
      ? "Red: pain 5/10 or more, limping, or worse the next morning. Rest a day and go back one step. Call the clinic if you get a red twice."
      : "Red: pain above 5/10, or still sore the next morning. Rest a day and go back one step. Call the clinic if you get a red twice.",
    rule: RULES.trafficLight,
  };

  const criteria = entryCriteria(exam, maxPain);
  const criteriaMet = criteria.every((c) => c.status === "met");
  const w = intake?.running?.weeklyKm ?? {};
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const current = num(w.thisWeek);
  const recentMax = Math.max(...[w.lastWeek, w.twoWeeksAgo, w.threeWeeksAgo, w.fourWeeksAgo, w.thisWeek].map(num).filter((v): v is number => v !== null), 0);
  const target = num(w.bestLastYear) ?? num(intake?.running?.goal?.weeklyKm) ?? (recentMax > 0 ? recentMax : null);

  const during = num(intake?.pain?.duringRun);
  const morning = num(intake?.pain?.morningAfter);
  const stillRunning = current !== null && current > 0 && intake?.knee?.painStartsInRun !== "not-running";
  const withinRule = stillRunning && during !== null && during <= maxPain && morning !== null && morning <= maxPain;
  const ramp = derived.load.find((l) => l.exceeds);

  const because: Finding[] = [
    { code: "intake.running.weeklyKm.thisWeek", label: "Weekly distance now (km)", value: current },
    { code: "intake.pain.duringRun", label: "Pain during running (0–10)", value: during },
    { code: "intake.pain.morningAfter", label: "Pain the morning after (0–10)", value: morning },
  ];

  let start: ReturnToRun["start"];
  const override = opts.startOverride ?? null;
  if (override?.mode === "reduced-continuous" || (!override && withinRule)) {
    const km = override?.mode === "reduced-continuous" ? override.weeklyKm : floorHalf(Math.min(current!, ramp ? ramp.fromKm : current!));
    start = {
      mode: "reduced-continuous",
      phase: null,
      weeklyKm: km,
      text:
        `Keep running, about ${fmtKm(km)} km a week for now` +
        (ramp && !override ? ` (back to where you were before your recent increase)` : "") +
        ": several shorter runs rather than a few long ones, 10–20% slower, on flat ground.",
      rule: RULES.reducedContinuous,
      because: override ? [{ code: "clinician.start", label: "Start point set by the clinician", value: `${km} km a week` }] : ramp ? [...because, { code: "derived.load.fromKm", label: "Weekly distance before the increase (km)", value: ramp.fromKm }] : because,
    };
  } else {
    const phase = override?.mode === "walk-run" ? Math.min(6, Math.max(1, Math.round(override.phase))) : 1;
    const p = WALK_RUN_PHASES[phase - 1]!;
    start = {
      mode: "walk-run",
      phase,
      weeklyKm: null,
      text: criteriaMet
        ? `Start with walk-run phase ${phase}: ${walkRunSession(p).text.toLowerCase()}, ${RUNS_PER_WEEK_WALK_RUN} times a week with a rest day in between.`
        : `Start walk-run phase ${phase} once you pass the entry tests below with your clinician. Until then, walk (building up to 30 minutes) and do your exercises.`,
      rule: RULES.walkRun,
      because: override ? [{ code: "clinician.start", label: "Start point set by the clinician", value: `walk-run phase ${phase}` }] : because,
    };
  }

  // The calendar: walk-run phases (time-structured, for volumes below the time-based threshold), then
  // continuous weeks growing by the capped percentage until the target weekly distance.
  const cap = settings.returnWeeklyIncreasePercent;
  const runs = Math.min(6, Math.max(3, Math.round(num(intake?.running?.runsPerWeek) ?? 3)));
  const calendar: RtrWeek[] = [];
  let week = 0;
  let weekly: number;
  if (start.mode === "walk-run") {
    const sessions: RtrSession[] = [];
    for (let ph = start.phase!; ph <= 6; ph++) for (let i = 0; i < SESSIONS_PER_PHASE; i++) sessions.push(walkRunSession(WALK_RUN_PHASES[ph - 1]!));
    // Complete the last week with continuous runs, so the first distance-based week grows from a full week.
    while (sessions.length % RUNS_PER_WEEK_WALK_RUN !== 0) sessions.push(walkRunSession(WALK_RUN_PHASES[5]));
    for (let i = 0; i < sessions.length; i += RUNS_PER_WEEK_WALK_RUN) {
      week += 1;
      const chunk = sessions.slice(i, i + RUNS_PER_WEEK_WALK_RUN);
      calendar.push({ week, sessions: chunk, weeklyKm: null, note: "A rest day between runs. Move on only after a green day; repeat a session after an amber one." });
    }
    weekly = WALK_RUN_PHASES[5].km * RUNS_PER_WEEK_WALK_RUN;
  } else {
    weekly = start.weeklyKm!;
  }
  const timeBased = (start.mode === "walk-run" ? 0 : weekly) < settings.timeBasedBelowKm;
  let projected: number | null = null;
  if (target !== null) {
    let w2 = weekly;
    let guard = 0;
    // Each week at most `cap`% more (rounded down to 0.1 km, so the cap is never exceeded).
    while (w2 < target && guard < PROJECTION_MAX_WEEKS) {
      const next = Math.min(target, floorTenth(w2 * (1 + cap / 100)));
      if (next <= w2) break;
      w2 = next;
      week += 1;
      guard += 1;
      if (calendar.length < CALENDAR_MAX_WEEKS) calendar.push(continuousWeek(week, w2, runs, `Up to ${cap}% more than last week, only after a green week.`));
    }
    projected = w2 >= target ? week : null;
  }
  if (start.mode === "reduced-continuous" && calendar.length === 0) {
    calendar.push(continuousWeek(1, weekly, runs, "Hold this distance while the pain rule stays green."));
  }

  return {
    painRule,
    trafficLight,
    entryCriteria: criteria,
    criteriaMet,
    start,
    progression: {
      basis: timeBased ? "time" : "distance",
      weeklyIncreaseCapPercent: cap,
      text: timeBased
        ? `Below ${settings.timeBasedBelowKm} km a week, build up by time: follow the walk-run steps, then add running minutes. Above that, add no more than ${cap}% a week.`
        : `Add no more than ${cap}% to your weekly distance each week (a cautious rule of thumb, not a proven limit), and only after a green week.`,
      rule: timeBased ? RULES.timeBased : RULES.weeklyCap,
    },
    currentWeeklyKm: current,
    targetWeeklyKm: target,
    projectedWeeks: projected,
    calendar,
    rules: ["At least one rest day between runs.", "Flat, level ground; no downhill yet.", "Do not move on if the knee is swollen, stiff or more painful.", "Shoes less than about 6 months old."],
  };
}
