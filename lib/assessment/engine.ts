// The clinical engine: from the intake and the exam to a status, flags and a plan whose every line says
// which rule produced it and which findings fired it. Pure and deterministic: no I/O, no clock, no
// framework (a lint rule keeps it that way). Rules cite clinical-reference.md (shared/docs) by section.
import type { ExamData } from "./exam-schema";
import type { IntakeAnswers } from "./intake-schema";
import { assessLoadChange, type LoadChange } from "./load";
import type { ClinicSettings } from "./settings";
import { safetyFlags } from "./safety";
import { assessSymmetry, bestTrial, type SymmetryResult } from "./strength";

/** The ruleset's version. A finalized summary stores it, so an old summary shows what it said then. */
export const RULESET_VERSION = "2026.11.1";

export interface Finding {
  code: string;
  label: string;
  value: string | number | boolean | null;
}

export interface Rule {
  id: string;
  /** clinical-reference.md section. */
  section: string;
  summary: string;
}

export interface Flag {
  code: string;
  level: "hard" | "soft" | "warning" | "info";
  title: string;
  detail: string;
  section: string;
  findings: Finding[];
}

export interface Recommendation {
  id: string;
  kind: "education" | "exercise" | "activity" | "load";
  text: string;
  /** A dose line for exercises ("3 sets of 10, 3 days a week, 6–8 weeks"). */
  dose?: string;
  rule: Rule;
  because: Finding[];
}

export interface ReturnToRun {
  painRule: string;
  weeklyIncreaseCapPercent: number;
  capIsConvention: true;
  currentWeeklyKm: number | null;
  previousWeeklyKm: number | null;
  rule: Rule;
}

export interface Assessment {
  rulesetVersion: string;
  status: "refer" | "plan" | "incomplete";
  /** Why the status is what it is, in plain words. */
  statusReason: string;
  /** What is missing to decide, when incomplete (never guessed). */
  missing: string[];
  classification: { code: "pfp-likely" | "itbs-likely" | "tendinopathy-consider" | "unclear"; for: Finding[]; against: Finding[] };
  flags: Flag[];
  derived: { hipAbduction: SymmetryResult | null; load: LoadChange[] };
  plan: { lines: Recommendation[] } | null;
  returnToRun: ReturnToRun | null;
  followUp: { inWeeks: number; retest: string[] } | null;
}

export interface AssessmentInput {
  intake: IntakeAnswers | null;
  exam: ExamData | null;
  settings: ClinicSettings;
}

const round = (n: number, dp = 0) => Math.round(n * 10 ** dp) / 10 ** dp;

const RULES = {
  asymmetry: { id: "strength.asymmetry", section: "§2.3", summary: "Symmetry below the threshold and a difference above the measurement error." },
  retest: { id: "strength.possible-asymmetry-retest", section: "§2.3", summary: "Symmetry below the threshold but within the measurement error: retest." },
  loadRamp: { id: "load.ramp", section: "§6.3", summary: "Weekly distance rose faster than the clinic's limit." },
  education: { id: "plan.education", section: "§0, §1.2", summary: "Education and load management help as much as added treatments." },
  hipKnee: { id: "plan.hip-knee-strength", section: "§1.2, §7.1", summary: "Combined hip- and knee-targeted exercise reduces pain and improves function." },
  slowBuild: { id: "plan.slow-build", section: "§6.3", summary: "Return to the previous distance gradually; weekly increases capped (a convention)." },
  terrain: { id: "plan.terrain", section: "§6.4", summary: "Avoid downhill running and banked or cambered roads while it settles." },
  painRule: { id: "rtr.pain-rule", section: "§6.1", summary: "Keep pain at 2/10 or less during running, settled within an hour, no worse next morning." },
} satisfies Record<string, Rule>;

export function assess(input: AssessmentInput): Assessment {
  const { intake, exam, settings } = input;
  const base = {
    rulesetVersion: RULESET_VERSION,
    classification: { code: "unclear" as const, for: [], against: [] },
  };
  const missing: string[] = [];
  if (!intake) missing.push("The patient's intake (including the safety questions) has not been submitted.");
  if (!exam) missing.push("No exam has been recorded.");

  const painful = intake?.knee.side ?? null;
  const abd = exam?.strength.hipAbduction;
  const hipAbduction = abd
    ? assessSymmetry("hipAbduction", bestTrial(abd.left?.trialsN), bestTrial(abd.right?.trialsN), settings, painful)
    : null;
  const load = intake
    ? assessLoadChange({ thisWeek: intake.running.weeklyKm.thisWeek, fourWeeksAgo: intake.running.weeklyKm.fourWeeksAgo }, settings)
    : [];
  const derived = { hipAbduction, load };

  const flags: Flag[] = intake ? safetyFlags(intake) : [];
  const hard = flags.filter((f) => f.level === "hard");
  if (hard.length) {
    return {
      ...base,
      status: "refer",
      statusReason: `See a physician: ${hard.map((f) => f.title.toLowerCase()).join("; ")}. No running plan until cleared.`,
      missing,
      flags,
      // §5: a refer carries no running plan and no mileage numbers anywhere.
      derived: { hipAbduction, load: [] },
      plan: null,
      returnToRun: null,
      followUp: null,
    };
  }
  if (!intake || !exam) {
    return { ...base, status: "incomplete", statusReason: missing.join(" "), missing, flags, derived, plan: null, returnToRun: null, followUp: null };
  }

  if (hipAbduction?.verdict === "asymmetry") {
    flags.push({
      code: "strength.asymmetry.hipAbduction",
      level: "warning",
      title: `Hip abduction asymmetry: ${hipAbduction.weakerSide} weaker`,
      detail:
        `Symmetry ${round(hipAbduction.symmetryPercent)}% is below ${hipAbduction.thresholdPercent}% (a convention, not validated for knee pain) ` +
        `and the difference of ${round(hipAbduction.differenceN)} N exceeds the measurement error of ${round(hipAbduction.error.newtons)} N.`,
      section: "§2.3",
      findings: symmetryFindings(hipAbduction),
    });
  } else if (hipAbduction?.verdict === "possible-retest") {
    flags.push({
      code: "strength.possible-asymmetry.hipAbduction",
      level: "info",
      title: "Possible hip abduction asymmetry, within measurement error: retest",
      detail: `Symmetry ${round(hipAbduction.symmetryPercent)}% is below ${hipAbduction.thresholdPercent}% but the difference of ${round(hipAbduction.differenceN)} N is within the measurement error of ${round(hipAbduction.error.newtons)} N.`,
      section: "§2.3",
      findings: symmetryFindings(hipAbduction),
    });
  } else if (!hipAbduction) {
    flags.push({
      code: "missing.strength.hipAbduction",
      level: "info",
      title: "Hip abduction strength not recorded on both sides",
      detail: "Symmetry cannot be judged; nothing was assumed.",
      section: "§2.3",
      findings: [],
    });
  }
  const ramp = load.find((l) => l.exceeds);
  if (ramp) {
    flags.push({
      code: "load.ramp",
      level: "warning",
      title: "Recent jump in weekly distance",
      detail:
        ramp.changePercent === null
          ? `Weekly distance went from 0 to ${ramp.toKm} km.`
          : `Weekly distance rose ${round(ramp.changePercent)}% (${ramp.fromKm} → ${ramp.toKm} km), above the ${ramp.limitPercent}% limit (a convention).`,
      section: "§6.3",
      findings: loadFindings(ramp),
    });
  }

  const soft = flags.some((f) => f.level === "soft");
  const lines: Recommendation[] = [
    {
      id: "education.hip-weakness",
      kind: "education",
      text:
        "Knee pain like yours is common in runners. Hip muscles are often weaker in people with this pain, and " +
        "strengthening the hips and thighs helps it settle. Rest calms it down but does not fix it on its own.",
      rule: RULES.education,
      because: [],
    },
    {
      id: "exercise.hip-knee-strength",
      kind: "exercise",
      text: "Hip and thigh strengthening: clamshells, side-lying leg raises and bridges, progressing as they get easy.",
      dose: "3 sets of 10, 3 days a week, for 6–8 weeks",
      rule: RULES.hipKnee,
      because: hipAbduction ? symmetryFindings(hipAbduction) : [],
    },
    {
      id: "activity.terrain",
      kind: "activity",
      text: settings.terrainAdvice,
      rule: RULES.terrain,
      // §6.4: downhill running and banked or cambered roads (intake v2 asks them separately).
      because: [
        ...(intake.running.downhill && intake.running.downhill !== "never" ? [{ code: "intake.running.downhill", label: "Runs downhill", value: intake.running.downhill }] : []),
        ...(intake.running.bankedRoads && intake.running.bankedRoads !== "never" ? [{ code: "intake.running.bankedRoads", label: "Runs on banked or cambered roads", value: intake.running.bankedRoads }] : []),
      ],
    },
    {
      id: "load.slow-build",
      kind: "load",
      text: `Build weekly distance back slowly: no more than ${settings.returnWeeklyIncreasePercent}% more each week (a conservative convention; the 10% rule is not proven by trials).`,
      rule: RULES.slowBuild,
      because: ramp ? loadFindings(ramp) : [{ code: "intake.running.weeklyKm.thisWeek", label: "Weekly distance now (km)", value: intake.running.weeklyKm.thisWeek }],
    },
  ];

  return {
    ...base,
    status: "plan",
    statusReason: soft
      ? "A plan, with the running part on hold until the clinician confirms it (see the flags)."
      : "No red flags; a plan can start.",
    missing,
    flags,
    derived,
    plan: { lines },
    returnToRun: soft
      ? null
      : {
          painRule: "Pain during running 2/10 or less, back to how it was before the run within an hour, and no worse the next morning.",
          weeklyIncreaseCapPercent: settings.returnWeeklyIncreasePercent,
          capIsConvention: true,
          currentWeeklyKm: intake.running.weeklyKm.thisWeek,
          previousWeeklyKm: intake.running.weeklyKm.fourWeeksAgo,
          rule: RULES.painRule,
        },
    followUp: { inWeeks: 2, retest: ["Hip abduction strength, both sides", "Pain scores"] },
  };
}

function symmetryFindings(s: SymmetryResult): Finding[] {
  return [
    { code: "exam.hipAbduction.left", label: "Hip abduction, left (N)", value: round(s.leftN) },
    { code: "exam.hipAbduction.right", label: "Hip abduction, right (N)", value: round(s.rightN) },
    { code: "derived.hipAbduction.symmetry", label: "Symmetry (%)", value: round(s.symmetryPercent) },
  ];
}

function loadFindings(l: LoadChange): Finding[] {
  return [
    { code: "intake.running.weeklyKm.from", label: "Weekly distance before (km)", value: l.fromKm },
    { code: "intake.running.weeklyKm.to", label: "Weekly distance now (km)", value: l.toKm },
    { code: "derived.load.changePercent", label: "Change (%)", value: l.changePercent === null ? null : round(l.changePercent) },
  ];
}
