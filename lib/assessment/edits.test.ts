import { describe, expect, it } from "vitest";
import { applyStretchEdits, editsFromPlan, rtrStartProblem, suggestedReducedKm } from "./edits";
import { listLabelsFrom as summaryEditLabelIn } from "../forms/labels";
import { summaryEn } from "../i18n/clinic/summary";
import { summaryEditsSchema } from "./edits-schema";
import { assess } from "./engine";
import { DEFAULT_SETTINGS } from "./settings";
import { fullExam, fullIntake } from "./test-fixtures";
import type { Recommendation } from "./types";
import { englishWords, SummaryWords } from "../i18n/summary";
import { messagesFor } from "../i18n";

const input = (over: Parameters<typeof fullIntake>[0] = {}) => ({
  intake: fullIntake(over),
  exam: fullExam(),
  settings: DEFAULT_SETTINGS,
  patient: { ageYears: 34 },
});

describe("the clinician's edits", () => {
  it("reproduce the engine's draft exactly when nothing was changed", () => {
    const draft = assess(input());
    const say = (r: Recommendation) => englishWords().education(r);
    expect(assess(input(), editsFromPlan(draft.plan, say), { sayEducation: say })).toEqual(draft);
    // The form shows each point in words; a point left as shown carries none of its own.
    expect(editsFromPlan(draft.plan, say).education.every((e) => e.text.length > 20)).toBe(true);
  });
  it("keep a reviewed point's words only when the clinician changed them", () => {
    const draft = assess(input());
    const say = (r: Recommendation) => englishWords().education(r);
    const shown = editsFromPlan(draft.plan, say).education;
    const changed = shown.map((e, i) => (i === 1 ? { ...e, text: `${e.text} Ask us about it.` } : e));
    const out = assess(input(), { education: changed }, { sayEducation: say }).plan!.education;
    expect(out.map((r) => r.text)).toEqual(shown.map((e, i) => (i === 1 ? `${e.text} Ask us about it.` : undefined)));
  });

  it("keep a point shown in the patient's Spanish, or in English from an older draft, as the engine's", () => {
    const draft = assess(input());
    const es = new SummaryWords(messagesFor("es").summary, "es");
    const en = englishWords();
    const say = (r: Recommendation) => [en.education(r), es.education(r)];
    const spanish = editsFromPlan(draft.plan, (r) => es.education(r));
    const english = editsFromPlan(draft.plan, (r) => en.education(r));
    expect(spanish.education.map((e) => e.text)).not.toEqual(english.education.map((e) => e.text));
    expect(assess(input(), spanish, { sayEducation: say })).toEqual(draft);
    expect(assess(input(), english, { sayEducation: say })).toEqual(draft);
    // A point the clinician rewrote in Spanish keeps its words (they print as written).
    const changed = spanish.education.map((e, i) => (i === 0 ? { ...e, text: `${e.text} Pregúntenos.` } : e));
    expect(assess(input(), { ...spanish, education: changed }, { sayEducation: say }).plan!.education[0]!.text).toMatch(/Pregúntenos\.$/);
  });

  it("remove, reorder and add exercises, and change a dose", () => {
    const draft = assess(input());
    const [a, b] = editsFromPlan(draft.plan, () => "").exercises;
    const a2 = assess(input(), {
      exercises: [{ ...b!, sets: 4, reps: 8 }, { exerciseId: "side-plank", sets: 2, holdSeconds: 20, daysPerWeek: 3, weeks: 6 }, a!],
    });
    expect([a!.exerciseId, b!.exerciseId]).not.toContain("side-plank");
    expect(a2.plan!.exercises.map((e) => e.exerciseId)).toEqual([b!.exerciseId, "side-plank", a!.exerciseId]);
    expect(a2.plan!.exercises[0]!.dose).toMatchObject({ sets: 4, reps: 8, daysPerWeek: 3 });
    expect(a2.plan!.exercises[0]!.because.map((f) => f.code)).toContain("clinician.dose");
    expect(a2.plan!.exercises[1]).toMatchObject({
      dose: { sets: 2, holdSeconds: 20, reps: undefined, perSide: true, daysPerWeek: 3, weeks: 6 },
      rule: { summary: "Added by the clinician from the exercise library." },
    });
  });

  it("replace the education wording and keep its rule", () => {
    const a = assess(input(), { education: [{ id: "education.what", text: "Your kneecap joint is irritated." }] });
    expect(a.plan!.education).toHaveLength(1);
    expect(a.plan!.education[0]).toMatchObject({ text: "Your kneecap joint is irritated.", rule: { id: "plan.education.what" } });
  });

  it("change the return-to-run start point and rebuild the calendar", () => {
    const a = assess(input(), { rtrStart: { mode: "walk-run", phase: 5 } });
    expect(a.returnToRun!.start).toMatchObject({ mode: "walk-run", phase: 5 });
    expect(a.returnToRun!.calendar[0]!.sessions[0]).toMatchObject({ kind: "walk-run", phase: 5 });
  });

  it("let the clinician confirm the running part a soft flag held", () => {
    const held = assess(input({ safety: { givingWay: true } }));
    expect(held.plan!.runningOnHold).toBe(true);
    const confirmed = assess(input({ safety: { givingWay: true } }), { confirmRunning: true });
    expect(confirmed.plan!.runningOnHold).toBe(false);
    expect(confirmed.statusReason).toMatch(/clinician confirmed/);
    expect(confirmed.flags.map((f) => f.code)).toContain("soft.instability");
  });

  it("in a refer case allow only exercises the clinician chose, never running", () => {
    const refer = input({ safety: { calfSwelling: true } });
    expect(assess(refer).plan).toBeNull();
    const a = assess(refer, {
      exercises: [{ exerciseId: "clamshell", sets: 2, reps: 10, daysPerWeek: 3, weeks: 4 }],
      confirmRunning: true,
      rtrStart: { mode: "reduced-continuous", weeklyKm: 20 },
    });
    expect(a.status).toBe("refer");
    expect(a.plan!.exercises.map((e) => e.exerciseId)).toEqual(["clamshell"]);
    expect(a.plan!.runningOnHold).toBe(true);
    expect(a.returnToRun).toBeNull();
    expect(JSON.stringify(a)).not.toMatch(/\bkm\b|walk-run/);
  });

  it("carry the clinician's notes", () => {
    expect(assess(input(), { notes: "  Taping tried in clinic.  " }).clinicianNotes).toBe("Taping tried in clinic.");
  });
});

describe("the edits schema", () => {
  it("refuses an exercise that is not in the library and impossible doses", () => {
    const r = summaryEditsSchema.safeParse({ exercises: [{ exerciseId: "cartwheel", sets: 0, daysPerWeek: 8, weeks: 1 }] });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["exercises.0.exerciseId", "exercises.0.sets", "exercises.0.daysPerWeek"]));
  });
  it("labels list fields whatever their index", () => {
    const summaryEditLabel = summaryEditLabelIn(summaryEn.labels);
    expect(summaryEditLabel("exercises.3.daysPerWeek")).toBe("Days a week");
    expect(summaryEditLabel("rtrStart.phase")).toBe("Walk-run phase");
  });
});

describe("the clinician's stretch edits", () => {
  const tight = () => ({
    ...input(),
    exam: fullExam({
      flexibility: {
        ober: { left: { result: "positive" }, right: { result: "negative" } },
        hamstring9090: { left: { result: "positive" }, right: { result: "positive" } },
      },
    }),
  });

  it("leave the engine's stretches exactly as drafted when unchanged", () => {
    const draft = assess(tight());
    expect(draft.plan!.stretches.length).toBeGreaterThanOrEqual(2);
    expect(applyStretchEdits(draft.plan!.stretches, editsFromPlan(draft.plan, () => "").stretches)).toEqual(draft.plan!.stretches);
    expect(applyStretchEdits(draft.plan!.stretches, undefined)).toBe(draft.plan!.stretches);
  });

  it("remove, reorder, add from the library and change a dose, saying the clinician chose it", () => {
    const draft = assess(tight());
    const [a, b] = editsFromPlan(draft.plan, () => "").stretches;
    const out = assess(tight(), {
      stretches: [
        { ...b!, holdSeconds: 45, reps: 3, daysPerWeek: 5 },
        { stretchId: "hip-flexor-stretch", holdSeconds: 30, reps: 2, daysPerWeek: 7 },
      ],
    }).plan!.stretches;
    expect(out.map((s) => s.stretchId)).toEqual([b!.stretchId, "hip-flexor-stretch"]);
    expect(out.map((s) => s.stretchId)).not.toContain(a!.stretchId);
    expect(out[0]).toMatchObject({ holdSeconds: 45, reps: 3, daysPerWeek: 5 });
    expect(out[0]!.because.map((f) => f.code)).toContain("clinician.dose");
    expect(out[1]).toMatchObject({
      stretchId: "hip-flexor-stretch",
      holdSeconds: 30,
      reps: 2,
      daysPerWeek: 7,
      rule: { summary: "Added by the clinician from the stretch library." },
    });
    expect(out[1]!.because.map((f) => f.code)).toEqual(["clinician.edit"]);
  });

  it("an empty list removes every stretch; a stretch not in the library is refused by the schema", () => {
    expect(assess(tight(), { stretches: [] }).plan!.stretches).toEqual([]);
    const r = summaryEditsSchema.safeParse({ stretches: [{ stretchId: "splits", holdSeconds: 2, reps: 1, daysPerWeek: 7 }] });
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["stretches.0.stretchId", "stretches.0.holdSeconds"]));
    expect(summaryEditLabelIn(summaryEn.labels)("stretches.1.holdSeconds")).toBe("Stretch hold (seconds)");
  });
});

describe("a reduced start point", () => {
  it("must be below the current weekly distance, naming the limit", () => {
    expect(rtrStartProblem(40, { mode: "reduced-continuous", weeklyKm: 40 })).toEqual({ path: "rtrStart.weeklyKm", belowKm: 40 });
    expect(rtrStartProblem(40, { mode: "reduced-continuous", weeklyKm: 55 })?.belowKm).toBe(40);
    expect(rtrStartProblem(22.5, { mode: "reduced-continuous", weeklyKm: 22.5 })?.belowKm).toBe(22.5);
    expect(rtrStartProblem(40, { mode: "reduced-continuous", weeklyKm: 39.5 })).toBeNull();
  });
  it("is not checked for other modes or when the current distance is unknown", () => {
    expect(rtrStartProblem(40, { mode: "keep-continuous" })).toBeNull();
    expect(rtrStartProblem(40, { mode: "walk-run", phase: 2 })).toBeNull();
    expect(rtrStartProblem(null, { mode: "reduced-continuous", weeklyKm: 30 })).toBeNull();
    expect(rtrStartProblem(40, null)).toBeNull();
  });
  it("is suggested about a third below the current distance, rounded down to 0.5 km", () => {
    expect(suggestedReducedKm(40)).toBe(26.5);
    expect(suggestedReducedKm(9)).toBe(6);
    expect(suggestedReducedKm(1)).toBeUndefined();
    expect(suggestedReducedKm(null)).toBeUndefined();
  });
});
