import { describe, expect, it } from "vitest";
import { dropInapplicable, followUpIntakeSchema, intakeDraftSchema, intakeFormSchema, intakeSchema, type IntakeAnswers } from "./intake-schema";
import { mergeDeep, sampleFollowUpIntake, sampleIntake, weeksFromToday } from "./intake-sample";
import { scoreAkps, scoreLefs } from "./scoring";
import type * as z from "zod/mini";

/** Problems as { "path": "message code" }, first per path. */
function problems(schema: z.ZodMiniType, value: unknown): Record<string, string> {
  const r = schema.safeParse(value);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const i of r.error.issues) out[i.path.join(".")] ??= i.message;
  return out;
}

/** A copy with one answer replaced (undefined removes it). */
function setAt<T>(obj: T, path: string, value: unknown): T {
  const a = structuredClone(obj) as unknown as Record<string, unknown>;
  const keys = path.split(".");
  const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((o, k) => (o[k] ??= {}) as Record<string, unknown>, a);
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return a as unknown as T;
}
const withAnswer = (path: string, value: unknown) => setAt(sampleIntake(), path, value);

const both = { akps: true, lefs: true };
const form = intakeFormSchema("INITIAL", both);

describe("the samples", () => {
  it("are complete, valid intakes of both versions", () => {
    expect(problems(intakeSchema, sampleIntake())).toEqual({});
    expect(problems(form, sampleIntake())).toEqual({});
    expect(problems(followUpIntakeSchema, sampleFollowUpIntake())).toEqual({});
    expect(problems(intakeFormSchema("FOLLOW_UP", both), sampleFollowUpIntake())).toEqual({});
    expect(scoreAkps(sampleIntake().questionnaires.akps!)).toBe(82);
    expect(scoreLefs(sampleIntake().questionnaires.lefs!)).toBe(61);
  });

  it("accept overrides at any depth and keep the drawing on the painful knee", () => {
    const a = sampleIntake({ knee: { side: "both" }, running: { weeklyKm: { thisWeek: 40 } }, safety: { calfSwelling: true } });
    expect(a.knee.areas).toEqual({ left: ["around-kneecap"], right: ["around-kneecap"] });
    expect(a.running.weeklyKm).toEqual({ thisWeek: 40, fourWeeksAgo: 22, bestLastYear: 40 });
    expect(a.safety.calfSwelling).toBe(true);
    expect(problems(form, a)).toEqual({});
    expect(problems(form, sampleIntake({ about: { sex: "male" } }))).toEqual({});
  });

  it("merges objects and replaces lists", () => {
    expect(mergeDeep({ a: { b: 1, c: [1, 2] } }, { a: { c: [3] } })).toEqual({ a: { b: 1, c: [3] } });
  });
});

describe("every answer the form requires", () => {
  it.each([
    ["about", "required"],
    ["about.nameCorrect", "choice"],
    ["about.sex", "choice"],
    ["running.runsPerWeek", "required"],
    ["running.distanceUnit", "choice"],
    ["running.weeklyKm.thisWeek", "required"],
    ["running.weeklyKm.fourWeeksAgo", "required"],
    ["running.surfaces", "required"],
    ["running.downhill", "choice"],
    ["running.bankedRoads", "choice"],
    ["running.recentChanges", "required"],
    ["running.goal.kind", "choice"],
    ["knee.side", "choice"],
    ["knee.startedWeeksAgo", "required"],
    ["knee.onset", "choice"],
    ["knee.triggers", "required"],
    ["knee.painEachFootStrike", "choice"],
    ["knee.painStartsInRun", "choice"],
    ["knee.restEases", "choice"],
    ["knee.tried", "required"],
    ["pain.now", "choice"],
    ["pain.worstWeek", "choice"],
    ...[
      "injuryOrFall",
      "swelling",
      "hotOrRed",
      "feverOrUnwell",
      "locking",
      "givingWay",
      "nightWakes",
      "constantRestPain",
      "weightLoss",
      "calfSwelling",
      "painOnHopping",
      "focalBonePain",
      "groinPain",
      "lowEnergyIntake",
      "recentTrainingJump",
    ].map((k) => [`safety.${k}`, "choice"] as [string, string]),
    ["questionnaires.akps", "required"],
    ["questionnaires.lefs", "required"],
    ["consent.agreed", "tick"],
    ["consent.signatureName", "required"],
  ])("%s missing is %s", (path, code) => {
    expect(problems(form, withAnswer(path, undefined))[path]).toBe(code);
  });

  it.each([
    "about.heightCm",
    "about.bodyMassKg",
    "about.occupation",
    "about.activityLevel",
    "running.yearsRunning",
    "running.weeklyKm.lastWeek",
    "running.weeklyKm.bestLastYear",
    "running.longestRunKm",
    "running.paceMinPerKm",
    "running.shoes",
    "running.shoeAgeMonths",
    "running.cadenceSpm",
    "running.goal.eventName",
    "knee.triedOther",
  ])("%s may be left out", (path) => {
    expect(problems(form, withAnswer(path, undefined))).toEqual({});
  });
});

describe("ranges and options", () => {
  it.each([
    ["about.heightCm", 99, "range:100:230"],
    ["about.heightCm", 231, "range:100:230"],
    ["about.bodyMassKg", 24, "range:25:250"],
    ["about.bodyMassKg", 251, "range:25:250"],
    ["running.yearsRunning", -1, "range:0:80"],
    ["running.yearsRunning", 81, "range:0:80"],
    ["running.runsPerWeek", 15, "intRange:0:14"],
    ["running.runsPerWeek", 2.5, "intRange:0:14"],
    ["running.weeklyKm.thisWeek", -1, "range:0:300"],
    ["running.weeklyKm.thisWeek", 300.5, "range:0:300"],
    ["running.weeklyKm.fourWeeksAgo", 301, "range:0:300"],
    ["running.weeklyKm.lastWeek", 301, "range:0:300"],
    ["running.weeklyKm.twoWeeksAgo", 301, "range:0:300"],
    ["running.weeklyKm.threeWeeksAgo", 301, "range:0:300"],
    ["running.weeklyKm.bestLastYear", 301, "range:0:300"],
    ["running.weeklyKm.thisWeek", Number.NaN, "range:0:300"],
    ["running.weeklyKm.thisWeek", "32", "range:0:300"],
    ["running.longestRunKm", 251, "range:0:250"],
    ["running.paceMinPerKm", 2.4, "range:2.5:15"],
    ["running.paceMinPerKm", 15.1, "range:2.5:15"],
    ["running.shoeAgeMonths", 121, "intRange:0:120"],
    ["running.cadenceSpm", 119, "intRange:120:220"],
    ["running.cadenceSpm", 221, "intRange:120:220"],
    ["knee.startedWeeksAgo", 521, "intRange:0:520"],
    ["knee.startedWeeksAgo", 1.5, "intRange:0:520"],
    ["pain.now", 11, "intRange:0:10"],
    ["pain.now", -1, "intRange:0:10"],
    ["pain.worstWeek", 4.5, "intRange:0:10"],
    ["pain.duringRun", 11, "intRange:0:10"],
    ["pain.morningAfter", 11, "intRange:0:10"],
    ["about.sex", "x", "choice"],
    ["about.activityLevel", "astronaut", "choice"],
    ["running.distanceUnit", "yards", "choice"],
    ["running.downhill", "always", "choice"],
    ["running.surfaces", ["road", "sand"], "choice"],
    ["running.recentChanges", ["new-coach"], "choice"],
    ["running.goal.kind", "fun", "choice"],
    ["knee.side", "middle", "choice"],
    ["knee.onset", "slow", "choice"],
    ["knee.triggers", ["cycling"], "choice"],
    ["knee.painStartsInRun", "never", "choice"],
    ["knee.painLastsAfter", "a week", "choice"],
    ["knee.tried", ["magic"], "choice"],
    ["safety.calfSwelling", "yes", "choice"],
    ["consent.agreed", false, "tick"],
    ["about.occupation", "x".repeat(201), "maxLength:200"],
    ["running.shoes", "x".repeat(121), "maxLength:120"],
    ["knee.triedOther", "x".repeat(301), "maxLength:300"],
    ["consent.signatureName", "x".repeat(201), "maxLength:200"],
    ["consent.signatureName", " A ", "required"],
    ["running.goal.eventDate", "2027-02-30", "date"],
    ["running.goal.eventDate", "next spring", "date"],
  ])("%s = %j is refused (%s)", (path, value, code) => {
    const p = withAnswer(path, value);
    if (path === "knee.triedOther") p.knee.tried = ["other"];
    const found = problems(form, p);
    const key = Object.keys(found).find((k) => k === path || k.startsWith(`${path}.`));
    expect(key, JSON.stringify(found)).toBeDefined();
    expect(found[key!]).toBe(code);
  });

  it("ticked lists name each option at most once", () => {
    expect(problems(form, withAnswer("running.surfaces", ["road", "road", "road", "road", "road"]))["running.surfaces"]).toBe("invalid");
    expect(problems(form, withAnswer("knee.triggers", ["running", "running"]))["knee.triggers"]).toBe("invalid");
  });

  it("trims typed text", () => {
    const r = form.safeParse(withAnswer("consent.signatureName", "  Ann Runner  "));
    expect(r.success && (r.data as IntakeAnswers).consent.signatureName).toBe("Ann Runner");
  });

  it("drops keys the form does not have (no mass assignment)", () => {
    const r = form.safeParse({ ...sampleIntake(), clinicId: "x", about: { ...sampleIntake().about, role: "ADMIN" } });
    expect(r.success).toBe(true);
    if (r.success) {
      expect(r.data).not.toHaveProperty("clinicId");
      expect((r.data as IntakeAnswers).about).not.toHaveProperty("role");
    }
  });
});

describe("the questionnaires (§4.1, §4.2)", () => {
  it.each([
    [0, 3, "intRange:0:2"], // limp: 3 options
    [3, 4, "intRange:0:3"], // stairs: 4 options
    [4, 5, "intRange:0:4"], // squatting: 5 options (and above the 0–4 every item allows)
    [11, 3, "intRange:0:2"], // atrophy: 3 options
  ])("AKPS item %i refuses option %i (%s)", (item, option, code) => {
    const akps = [...sampleIntake().questionnaires.akps!];
    akps[item] = option;
    expect(problems(form, withAnswer("questionnaires.akps", akps))[`questionnaires.akps.${item}`]).toBe(code);
  });

  it("accepts every item's last option", () => {
    expect(problems(form, withAnswer("questionnaires.akps", [2, 2, 3, 3, 4, 4, 3, 4, 4, 4, 4, 2, 2]))).toEqual({});
    expect(problems(form, withAnswer("questionnaires.lefs", Array(20).fill(0)))).toEqual({});
  });

  it("names an unanswered item", () => {
    const akps: (number | undefined)[] = [...sampleIntake().questionnaires.akps!];
    akps[6] = undefined;
    expect(problems(form, withAnswer("questionnaires.akps", akps))["questionnaires.akps.6"]).toBe("choice");
    const lefs: (number | undefined)[] = [...sampleIntake().questionnaires.lefs!];
    lefs[19] = undefined;
    expect(problems(form, withAnswer("questionnaires.lefs", lefs))["questionnaires.lefs.19"]).toBe("choice");
  });

  it("refuses the wrong number of answers and a rating above 4", () => {
    expect(problems(form, withAnswer("questionnaires.akps", Array(12).fill(0)))["questionnaires.akps"]).toBe("invalid");
    expect(problems(form, withAnswer("questionnaires.lefs", Array(21).fill(0)))["questionnaires.lefs"]).toBe("invalid");
    expect(problems(form, withAnswer("questionnaires.lefs", [5, ...Array(19).fill(0)]))["questionnaires.lefs.0"]).toBe("intRange:0:4");
  });

  it("follows the clinic's switches: required when on, dropped when off", () => {
    const off = intakeFormSchema("INITIAL", { akps: false, lefs: true });
    const r = off.safeParse(sampleIntake());
    expect(r.success && (r.data as IntakeAnswers).questionnaires).toEqual({ lefs: sampleIntake().questionnaires.lefs });
    expect(problems(off, withAnswer("questionnaires.lefs", undefined))["questionnaires.lefs"]).toBe("required");
    const none = intakeFormSchema("INITIAL", { akps: false, lefs: false });
    expect(problems(none, withAnswer("questionnaires", {}))).toEqual({});
    // the stored shape allows either to be absent
    expect(problems(intakeSchema, withAnswer("questionnaires", {}))).toEqual({});
  });
});

describe("follow-on questions appear, are required and are refused together", () => {
  it.each([
    ["about.nameCorrection", { "about.nameCorrect": false }, { "about.nameCorrect": true }, "Ann Runner-Smith", "required"],
    ["safety.missedPeriods", { "about.sex": "other" }, { "about.sex": "male" }, false, "choice"],
    ["safety.missedPeriods", { "about.sex": "female" }, { "about.sex": "undisclosed" }, true, "choice"],
    ["running.goal.eventDate", { "running.goal.kind": "event" }, { "running.goal.kind": "none" }, weeksFromToday(19), "required"],
    ["running.goal.weeklyKm", { "running.goal.kind": "distance" }, { "running.goal.kind": "event" }, 40, "required"],
    ["pain.duringRun", { "running.runsPerWeek": 1 }, { "running.runsPerWeek": 0 }, 2, "choice"],
    ["pain.morningAfter", { "running.runsPerWeek": 3 }, { "running.runsPerWeek": 0 }, 2, "choice"],
    ["knee.painLastsAfter", { "knee.painStartsInRun": "from-start" }, { "knee.painStartsInRun": "not-running" }, "under-1-hour", "choice"],
  ] as const)("%s", (path, applies, doesNot, value, code) => {
    const build = (set: Record<string, unknown>, v: unknown) => {
      let a = sampleIntake();
      for (const [p, x] of Object.entries(set)) a = setAt(a, p, x);
      return setAt(dropInapplicable("INITIAL", a), path, v);
    };
    expect(problems(form, build(applies, value))).toEqual({});
    expect(problems(form, build(applies, undefined))[path]).toBe(code);
    expect(problems(form, build(doesNot, undefined))).toEqual({});
    expect(problems(form, build(doesNot, value))[path]).toBe("invalid");
  });

  it("'what else have you tried' is optional, and only when 'other' is ticked", () => {
    expect(problems(form, mergeDeep(sampleIntake(), { knee: { tried: ["other"] } }))).toEqual({});
    expect(problems(form, mergeDeep(sampleIntake(), { knee: { tried: ["other"], triedOther: "Foam roller" } }))).toEqual({});
    expect(problems(form, mergeDeep(sampleIntake(), { knee: { tried: ["rest"], triedOther: "Foam roller" } }))["knee.triedOther"]).toBe("invalid");
  });

  it("shows a follow-on's problem even while other steps are unanswered", () => {
    const found = problems(form, { running: { goal: { kind: "event" } } });
    expect(found["running.goal.eventDate"]).toBe("required");
  });

  it("asks where it hurts on each painful knee, and only there", () => {
    const right = sampleIntake({ knee: { side: "right" } });
    expect(problems(form, mergeDeep(right, { knee: { areas: { right: [] } } }))["knee.areas.right"]).toBe("required");
    expect(problems(form, mergeDeep(right, { knee: { areas: { left: ["back"] } } }))["knee.areas.left"]).toBe("invalid");
    const both = sampleIntake({ knee: { side: "both", areas: { left: ["inner"], right: [] } } });
    expect(problems(form, both)["knee.areas.right"]).toBe("required");
    expect(problems(form, mergeDeep(both, { knee: { areas: { right: ["outer", "back"] } } }))).toEqual({});
  });

  it("the follow-up version has no history, and missed periods is optional there", () => {
    const f = intakeFormSchema("FOLLOW_UP", both);
    const a = sampleFollowUpIntake();
    expect(problems(f, a)).toEqual({});
    const { missedPeriods: _, ...safety } = a.safety;
    expect(problems(f, { ...a, safety })).toEqual({});
    expect(problems(f, mergeDeep(a, { running: { runsPerWeek: 0 } }))["pain.duringRun"]).toBe("invalid");
    expect(problems(f, mergeDeep(a, { knee: { side: "left", areas: { left: [], right: ["back"] } } }))).toMatchObject({
      "knee.areas.left": "required",
      "knee.areas.right": "invalid",
    });
  });
});

describe("dropInapplicable", () => {
  it("removes answers whose question stopped applying, and marks on a knee that does not hurt", () => {
    const a = mergeDeep(sampleIntake(), {
      about: { sex: "male", nameCorrection: "Someone" },
      running: { runsPerWeek: 0, goal: { kind: "none" } },
      knee: { side: "left", painStartsInRun: "not-running", triedOther: "x", areas: { left: ["back"], right: ["inner"] } },
    });
    const d = dropInapplicable("INITIAL", a);
    expect(d.about).not.toHaveProperty("nameCorrection");
    expect(d.safety).not.toHaveProperty("missedPeriods");
    expect(d.running.goal).toEqual({ kind: "none" });
    expect(d.pain).toEqual({ now: 3, worstWeek: 6 });
    expect(d.knee).not.toHaveProperty("painLastsAfter");
    expect(d.knee).not.toHaveProperty("triedOther");
    expect(d.knee.areas).toEqual({ left: ["back"], right: [] });
    expect(problems(form, d)).toEqual({});
    // the original is untouched
    expect(a.about.nameCorrection).toBe("Someone");
  });

  it("keeps a follow-on while the answer it depends on is still open", () => {
    expect(dropInapplicable("INITIAL", { safety: { missedPeriods: true } })).toEqual({ safety: { missedPeriods: true } });
  });
});

describe("drafts (autosave)", () => {
  const draft = intakeDraftSchema("INITIAL");

  it("accept nothing, part of a step, and a half-answered questionnaire", () => {
    expect(problems(draft, {})).toEqual({});
    expect(problems(draft, { about: { sex: "female" }, running: { weeklyKm: { thisWeek: 20 } } })).toEqual({});
    expect(problems(draft, { questionnaires: { akps: [0, null, 2] } })).toEqual({});
    expect(problems(draft, { running: { goal: { kind: "event" } } })).toEqual({});
  });

  it("still check every answer that is there, with the same codes", () => {
    expect(problems(draft, { pain: { now: 11 } })).toEqual({ "pain.now": "intRange:0:10" });
    expect(problems(draft, { running: { weeklyKm: { thisWeek: 400 } } })).toEqual({ "running.weeklyKm.thisWeek": "range:0:300" });
    expect(problems(draft, { knee: { side: "middle", areas: { left: ["elbow"] } } })).toEqual({ "knee.side": "choice", "knee.areas.left.0": "choice" });
    expect(problems(draft, { about: { occupation: "x".repeat(201) } })).toEqual({ "about.occupation": "maxLength:200" });
    expect(problems(draft, { questionnaires: { lefs: [9] } })).toEqual({ "questionnaires.lefs.0": "intRange:0:4" });
  });

  it("drop keys the form does not have", () => {
    const r = draft.safeParse({ about: { sex: "male", evil: 1 }, other: 2 });
    expect(r.success && r.data).toEqual({ about: { sex: "male" } });
  });

  it("exist for the follow-up version too", () => {
    const f = intakeDraftSchema("FOLLOW_UP");
    expect(problems(f, { pain: { now: 2 } })).toEqual({});
    const r = f.safeParse({ about: { sex: "male" } });
    expect(r.success && r.data).toEqual({});
  });
});

describe("a race date and time", () => {
  it("an example case written before its race still reads after the race (a record is counted from its visit)", async () => {
    const { caseSchema } = await import("./case-schema");
    const past = { visitDate: "2026-12-05", intake: { running: { goal: { kind: "event", eventDate: "2027-04-18" } } } };
    expect(caseSchema.safeParse(past).success).toBe(true);
    expect(caseSchema.safeParse({ intake: { running: { goal: { kind: "event", eventDate: "2001-01-01" } } } }).success).toBe(true);
  });
  it("a patient typing a race date in the past is still refused, and the sample's race is always to come", () => {
    const past = mergeDeep(sampleIntake(), { running: { goal: { eventDate: "2001-01-01" } } });
    expect(intakeSchema.safeParse(past).success).toBe(false);
    expect(intakeSchema.safeParse(sampleIntake()).success).toBe(true);
    expect(weeksFromToday(19, Date.parse("2026-12-05T12:00:00Z"))).toBe("2027-04-17");
  });
});
