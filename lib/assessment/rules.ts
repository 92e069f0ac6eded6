// The ruleset: every rule the engine applies, with the clinical-rules section it encodes. Outputs
// carry these so the clinician and the printout can show why each line is there.
import type { Rule } from "./types";

/** The ruleset's version. A finalized summary stores it, so an old summary shows what it said then. */
// 2026.12.3: the exam is read through the form's own derivation (a step-down with nothing ticked and the knee item
// unanswered is not scored, as the form shows; body mass and lever arm outside their limits are not used).
// 2026.12.4: each red flag's referral urgency is a clinic setting (§5: default or more urgent); the referral
// records each flag's urgency (urgencyByFlag) and its advice names the time from it.
// 2026.12.5: no rule changed. The return-to-running plan returns meaning only (issue 17): its sessions, week
// steps, start, build-up, pain rule, traffic light, running rules and goal race carry codes and numbers, and
// every page words them from the catalog (lib/i18n/summary.ts); the English `text` fields are gone from them.
// 2026.12.6: a new runner's walk-run sessions by time end on a whole run interval ("walk 2, run 3" to 15 minutes,
// not 14), within the cap and at most one interval apart, whenever the week still grows with them (§6.2/§6.3,
// return-to-run.ts `wholeIntervals`).
// 2026.12.7: a walk-run runner whose shoes are over 6 months old (the intake's answer) is told §6.2's shoes rule
// ("shoesOld": replace them with the model they are used to) instead of "keep the shoes you are used to".
export const RULESET_VERSION = "2026.12.7";

export const RULES = {
  // Safety (§5)
  referSeptic: { id: "safety.septic-arthritis", section: "§5", summary: "Hot, red or swollen knee with fever or feeling unwell: emergency department now." },
  referDvt: {
    id: "safety.dvt",
    section: "§5",
    summary:
      "Calf swelling (over 3 cm difference) or tenderness: same-day medical assessment, emergency number at once if breathless or chest pain; no exercise plan.",
  },
  referOttawa: { id: "safety.ottawa", section: "§5", summary: "After an injury, any Ottawa knee rule item: X-ray the same day; no running plan." },
  referAcuteKnee: {
    id: "safety.acute-knee",
    section: "§5",
    summary: "Locked knee, large effusion or swelling after an injury: acute knee clinic the same or next day.",
  },
  referSerious: {
    id: "safety.serious-pathology",
    section: "§5",
    summary:
      "Pain that wakes from sleep, constant pain not eased by position, unexplained weight loss: doctor within days (tumour, infection, inflammatory disease).",
  },
  referBoneStress: {
    id: "safety.bone-stress",
    section: "§5",
    summary: "A bony sign (focal bony tenderness, pain on hopping, night pain that wakes): imaging (MRI) via a doctor within days, offload; no running plan.",
  },
  referFemoralNeck: {
    id: "safety.femoral-neck",
    section: "§5",
    summary:
      "Groin or front-of-hip pain in a runner: suspected femoral neck stress injury (high risk): same-day doctor, offload (no running, limit walking, crutches).",
  },
  referScfe: {
    id: "safety.scfe",
    section: "§5",
    summary: "An adolescent with knee pain and painful hip internal rotation: same-day doctor, no weight on the leg (slipped capital femoral epiphysis).",
  },
  reviewInstability: {
    id: "safety.instability-review",
    section: "§5",
    summary: "Giving way, subluxation or persistent swelling: clinician review before running.",
  },
  reviewLowEnergy: {
    id: "safety.low-energy-review",
    section: "§5",
    summary: "Any sign of low energy availability (BMI under 18.5, missed periods, eating too little, weight loss): medical review, running on hold.",
  },
  reviewTrauma: {
    id: "safety.trauma-ottawa-check",
    section: "§5",
    summary: "An injury or fall was reported: the Ottawa knee rules must be applied before running.",
  },
  // Strength (§2)
  asymmetry: {
    id: "strength.asymmetry",
    section: "§2.3",
    summary: "Symmetry below the threshold and a left/right difference above the measurement error.",
    convention: true,
  },
  possibleAsymmetry: {
    id: "strength.possible-asymmetry",
    section: "§2.3",
    summary: "Symmetry below the threshold but within the measurement error: retest.",
    convention: true,
  },
  bilateralWeakness: {
    id: "strength.bilateral-weakness",
    section: "§2.2, §2.3",
    summary: "Both sides below the same-protocol norm (Ramskov 2014); symmetry can hide it.",
    convention: true,
  },
  mmtOnly: { id: "strength.mmt-not-imbalance", section: "§2.1", summary: "Manual muscle testing cannot establish a left/right imbalance." },
  missingStrength: { id: "data.missing-strength", section: "§2.3, §5", summary: "Missing or untested data is reported, never invented." },
  // Load (§6.3)
  loadRamp: {
    id: "load.ramp",
    section: "§6.3",
    summary:
      "Any comparison of two known weeks rose faster than the clinic's limit (default 20% in a week, 30% over two weeks, 30% over four weeks); a start from zero is not a jump.",
    convention: true,
  },
  // Classification (§1)
  classifyPfp: {
    id: "classify.pfp",
    section: "§1.1",
    summary: "Pain around or behind the kneecap, brought on by loading the bent knee (squatting, stairs, running, sitting).",
  },
  classifyItbs: { id: "classify.itbs", section: "§1.3", summary: "Outer-knee pain over the lateral femoral epicondyle, Noble test positive." },
  classifyTendon: {
    id: "classify.tendinopathy",
    section: "§1.4",
    summary: "Pain at one spot above or below the kneecap, or focal tendon tenderness: consider tendinopathy, clinician to confirm.",
  },
  classifyUnclear: { id: "classify.unclear", section: "§1", summary: "The findings do not point to one condition." },
  // Plan (§1.2, §6, §7)
  educationWhat: { id: "plan.education.what", section: "§0, §1.1", summary: "Explain the likely condition in plain words; it is common and not damage." },
  educationHip: {
    id: "plan.education.hip",
    section: "§0, §1.2",
    summary: "Hip weakness is common with this pain and hip plus knee strengthening helps; not shown to cause it.",
  },
  educationLoad: {
    id: "plan.education.load",
    section: "§0, §1.2, §6.3",
    summary: "Rest calms it but does not fix it; load management works as well as added treatments (Esculier 2018).",
  },
  educationPassive: {
    id: "plan.education.passive",
    section: "§1.2",
    summary: "Passive treatments alone (ultrasound, laser, electrical stimulation, braces) are not recommended.",
  },
  educationBorrowed: {
    id: "plan.education.borrowed",
    section: "§1.3, §6.1",
    summary: "For ITB syndrome the pain rule and the Kujala scale are borrowed from patellofemoral pain; say so.",
  },
  adjuncts: {
    id: "plan.adjuncts",
    section: "§1.2, §7.4",
    summary: "Patellar taping or prefabricated insoles may ease pain short term alongside exercise, at the clinician's choice.",
  },
  prognosis: {
    id: "plan.prognosis",
    section: "§0, §7.4",
    summary: "Most improve with exercise and load changes, judged at about 6 weeks; it persists in about half, so keep going.",
  },
  everyday: {
    id: "plan.activity.everyday",
    section: "§1.1, §6.1",
    summary: "Advice for the everyday triggers reported (sitting, squatting, kneeling): vary position, limit deep flexion.",
  },
  educationTendon: {
    id: "plan.education.tendon",
    section: "§1.4",
    summary: "Tendon pain needs a loading programme chosen by the clinician once the diagnosis is confirmed.",
  },
  exercise: {
    id: "plan.exercise",
    section: "§1.2, §7.1, §7.2",
    summary:
      "Combined hip- and knee-targeted exercise (abduction, external rotation, extension, two knee exercises), 3 days a week for 6–8 weeks; pain sets the level, weakness adds load.",
  },
  stretch: {
    id: "plan.stretch",
    section: "§7.3",
    summary: "Stretch what the flexibility tests found short: 30 s, about 60 s a muscle, daily; an adjunct only.",
  },
  downhill: { id: "plan.activity.downhill", section: "§6.1, §6.4", summary: "Avoid downhill running while it settles (TREK; an ITBS risk factor)." },
  camber: {
    id: "plan.activity.camber",
    section: "§6.4",
    summary: "Banked or cambered roads: run on the flattest part or alternate direction (weak evidence, mostly ITBS).",
  },
  stairs: {
    id: "plan.activity.stairs",
    section: "§6.1",
    summary: "While stairs hurt: rail, up with the good leg, down with the sore one; normal stairs again at pain 2/10 or less.",
  },
  speed: { id: "plan.activity.speed", section: "§6.1", summary: "Slow down 10–20% and pause speed work; more, shorter runs instead of fewer long ones." },
  relativeRest: {
    id: "plan.activity.relative-rest",
    section: "§0, §6.1",
    summary: "Relative rest: keep active within the pain rule rather than stopping everything.",
  },
  cadence: {
    id: "plan.cadence",
    section: "§1.2, §6.1, §6.4",
    summary: "Trial a 5–10% higher step rate; keep it only if the pain drops (most likely to help at 170 steps a minute or less).",
  },
  // Return to running (§6)
  painRuleTrek: {
    id: "rtr.pain-rule.trek",
    section: "§6.1",
    summary: "Pain 2/10 or less during running, back to the pre-run level within 60 minutes, no worse next morning (TREK).",
  },
  painRuleMonitoring: {
    id: "rtr.pain-rule.monitoring",
    section: "§6.1",
    summary: "Pain up to 5/10 during activity, settled by the next morning (pain-monitoring model, chosen by the clinic).",
  },
  trafficLight: {
    id: "rtr.traffic-light",
    section: "§6.1",
    summary: "Green carry on, amber repeat the step, red rest a day and step back (a clinic convention on the TREK rule).",
    convention: true,
  },
  entryCriteria: {
    id: "rtr.entry-criteria",
    section: "§6.2",
    summary: "Walk 30 min, single-leg stand 10 s, single-leg squat ×10, jog 1 min, hop ×10–15, each at pain 2/10 or less.",
  },
  walkRun: {
    id: "rtr.walk-run",
    section: "§6.2, §6.5",
    summary:
      "Red (pain 5/10 or more during runs, or worse next morning) or stopped: no running until the entry screen is passed, then walk-run phases (US Army protocol), each at least twice, a rest day between runs, level ground.",
  },
  keepContinuous: {
    id: "rtr.keep-continuous",
    section: "§6.1, §6.5",
    summary:
      "Green (pain 2/10 or less during runs, settles within the hour, no worse next morning): keep the current weekly volume until the review, with shorter, slower, more frequent runs.",
  },
  reducedContinuous: {
    id: "rtr.reduced-continuous",
    section: "§6.1, §6.5",
    summary:
      "Amber (pain 3–4/10 during runs or slow to settle): reduce to the week before a recent ramp, else by about a third; progress only after green weeks.",
    convention: true,
  },
  onHold: {
    id: "rtr.on-hold",
    section: "§5, §6.5",
    summary: "Running is on hold (a soft flag waiting for the clinician): no calendar and no distances until it is released.",
  },
  goalRace: {
    id: "rtr.goal-race",
    section: "§6.5",
    summary: "Weeks needed to reach the goal volume at the cap against the weeks to the race; the cap is never raised for a race.",
  },
  novice: {
    id: "rtr.novice",
    section: "§6.3, §6.5",
    summary: "New runners (under about 3 months) build by time; with a BMI over 30, no more than 3 km in the first week (Nielsen 2014).",
  },
  weeklyCap: {
    id: "rtr.weekly-cap",
    section: "§6.3",
    summary: "Weekly increases capped (default 10%, a conservative convention; the 10% rule is not supported by trials).",
    convention: true,
  },
  timeBased: { id: "rtr.time-based", section: "§6.3", summary: "Below 10 km a week, progress by minutes per session, not by percentage.", convention: true },
  followUp: {
    id: "plan.follow-up",
    section: "§7.4, §4",
    summary:
      "Early review at about 2 weeks when running pain is high or a ramp was flagged; outcome visit at about 6 weeks retesting what was abnormal (AKPS MCID 10, LEFS 9, NPRS).",
  },
} satisfies Record<string, Rule>;
