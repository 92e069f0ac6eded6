import { describe, expect, it } from "vitest";
import { editsFromPlan, summaryEditLabel, summaryEditsSchema } from "./edits";
import { assess } from "./engine";
import { DEFAULT_SETTINGS } from "./settings";
import { fullExam, fullIntake } from "./test-fixtures";

const input = (over: Parameters<typeof fullIntake>[0] = {}) => ({ intake: fullIntake(over), exam: fullExam(), settings: DEFAULT_SETTINGS, patient: { ageYears: 34 } });

describe("the clinician's edits", () => {
  it("reproduce the engine's draft exactly when nothing was changed", () => {
    const draft = assess(input());
    expect(assess(input(), editsFromPlan(draft.plan))).toEqual(draft);
  });

  it("remove, reorder and add exercises, and change a dose", () => {
    const draft = assess(input());
    const [a, b] = editsFromPlan(draft.plan).exercises;
    const a2 = assess(input(), {
      exercises: [
        { ...b!, sets: 4, reps: 8 },
        { exerciseId: "side-plank", sets: 2, holdSeconds: 20, daysPerWeek: 3, weeks: 6 },
        a!,
      ],
    });
    expect(a2.plan!.exercises.map((e) => e.exerciseId)).toEqual(["bridge", "side-plank", "side-lying-abduction"]);
    expect(a2.plan!.exercises[0]!.doseText).toBe("4 sets of 8, 3 days a week");
    expect(a2.plan!.exercises[0]!.because.map((f) => f.code)).toContain("clinician.dose");
    expect(a2.plan!.exercises[1]).toMatchObject({ doseText: "2 holds of 20 seconds on each side, 3 days a week", rule: { summary: "Added by the clinician from the exercise library." } });
  });

  it("replace the education wording and keep its rule", () => {
    const a = assess(input(), { education: [{ id: "education.what", text: "Your kneecap joint is irritated." }] });
    expect(a.plan!.education).toHaveLength(1);
    expect(a.plan!.education[0]).toMatchObject({ text: "Your kneecap joint is irritated.", rule: { id: "plan.education.what" } });
  });

  it("change the return-to-run start point and rebuild the calendar", () => {
    const a = assess(input(), { rtrStart: { mode: "walk-run", phase: 5 } });
    expect(a.returnToRun!.start).toMatchObject({ mode: "walk-run", phase: 5 });
    expect(a.returnToRun!.calendar[0]!.sessions[0]!.text).toMatch(/^Walk 1 min, run 4 min/);
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
    const a = assess(refer, { exercises: [{ exerciseId: "clamshell", sets: 2, reps: 10, daysPerWeek: 3, weeks: 4 }], confirmRunning: true, rtrStart: { mode: "reduced-continuous", weeklyKm: 20 } });
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
    expect(summaryEditLabel("exercises.3.daysPerWeek")).toBe("Days a week");
    expect(summaryEditLabel("rtrStart.phase")).toBe("Walk-run phase");
  });
});
