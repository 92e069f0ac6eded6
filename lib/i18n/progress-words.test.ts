// My plan's traffic-light decisions in the patient's language: the engine returns each step's code and the
// run's answers (no sentence); every language, English included, says them from its catalog.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { derive } from "@/lib/assessment/derive";
import { applyCheckIns, type RunCheckIn } from "@/lib/assessment/progress";
import { buildReturnToRun } from "@/lib/assessment/return-to-run";
import { DEFAULT_SETTINGS } from "@/lib/assessment/settings";
import { fullExam, fullIntake } from "@/lib/assessment/test-fixtures";
import { summaryEn } from "./summary-en";
import { summaryEs } from "./summary-es";
import { SummaryWords } from "./summary";

const intake = fullIntake({ pain: { now: 1, duringRun: 3, morningAfter: 1 } });
const exam = fullExam();
const rtr = buildReturnToRun({ intake, exam, derived: derive({ intake, exam, settings: DEFAULT_SETTINGS }), settings: DEFAULT_SETTINGS });

const checkIn = fc.record({
  done: fc.boolean(),
  painDuring: fc.option(fc.integer({ min: 0, max: 10 })),
  settledWithinHour: fc.option(fc.boolean()),
  worseNextMorning: fc.option(fc.boolean()),
  limped: fc.option(fc.boolean()),
});
const checkIns = fc
  .array(checkIn, { maxLength: 30 })
  .map((xs) => xs.map((c, i): RunCheckIn => ({ ...c, date: `2026-12-${String(1 + (i % 28)).padStart(2, "0")}` })));
const model = fc.constantFrom("trek" as const, "pain-monitoring" as const);

const english = new SummaryWords(summaryEn, "en-US");
const reason = (c: Omit<RunCheckIn, "date" | "done">, m: "trek" | "pain-monitoring" = "trek") =>
  english.stepReason(applyCheckIns({ ...rtr, painRule: { ...rtr.painRule, model: m } }, [{ ...c, date: "2026-12-01", done: true }]).steps[0]!);
const run = (painDuring: number | null, more: Partial<RunCheckIn> = {}) => ({ painDuring, settledWithinHour: true, worseNextMorning: false, ...more });

describe("what the patient reads about each step, in English", () => {
  it("says why a green was green", () =>
    expect(reason(run(1))).toBe("Pain 1/10 during the run is 2/10 or less, it settled within the hour, and it was no worse the next morning."));
  it("names every finding behind an amber or a red", () => {
    expect(reason(run(3, { settledWithinHour: false }))).toBe("Pain 3/10 during the run is above 2/10 and the pain took more than an hour to settle.");
    expect(reason(run(1, { worseNextMorning: true }))).toBe("Your knee was worse the next morning.");
    expect(reason(run(6))).toBe("Pain 6/10 during the run is 5/10 or more.");
    expect(reason(run(0, { limped: true }))).toBe("You limped.");
    expect(reason(run(null))).toBe("The pain during the run was not recorded.");
  });
  it("reads the red threshold from the clinic's pain model", () => {
    expect(reason(run(5))).toBe("Pain 5/10 during the run is 5/10 or more.");
    expect(reason(run(5), "pain-monitoring")).toBe("Pain 5/10 during the run is above 2/10.");
  });
  it("says each decision, and nothing for a run not done", () => {
    const [notDone, green] = applyCheckIns(rtr, [
      { date: "2026-12-01", done: false, painDuring: null, settledWithinHour: null, worseNextMorning: null },
      { date: "2026-12-02", done: true, ...run(1) },
    ]).steps;
    expect(english.stepText(notDone!)).toBe("Not done: do this session next time.");
    expect(english.stepReason(notDone!)).toBe("");
    expect(english.stepText(green!)).toBe("Green: move on to the next session.");
  });
});

describe("the traffic light's decisions in every language", () => {
  it("property: every decision and reason is said from the catalog, with the run's numbers and no placeholder left", () => {
    fc.assert(
      fc.property(checkIns, model, (cs, m) => {
        const fallbacks: string[] = [];
        const en = new SummaryWords(summaryEn, "en-US", (s) => fallbacks.push(s));
        const es = new SummaryWords(summaryEs, "es", (s) => fallbacks.push(s));
        for (const s of applyCheckIns({ ...rtr, painRule: { ...rtr.painRule, model: m } }, cs).steps) {
          const inEnglish = `${en.stepText(s)} ${en.stepReason(s)}`;
          const inSpanish = `${es.stepText(s)} ${es.stepReason(s)}`;
          expect(inSpanish).not.toMatch(/\b(the|your|run|pain|session|and|next|morning)\b/i);
          for (const text of [inEnglish, inSpanish]) {
            expect(text).not.toMatch(/[{}]/);
            // The pain is named when it set the light (above the green zone) and for a green.
            if (s.facts?.painDuring != null && (s.facts.painDuring > 2 || s.light === "green")) expect(text).toContain(`${s.facts.painDuring}/10`);
          }
          expect(en.stepReason(s) === "").toBe(s.facts === null);
        }
        expect(fallbacks).toEqual([]);
      }),
    );
  });

  it("reads as Spanish for one run of each colour", () => {
    const w = new SummaryWords(summaryEs, "es");
    const [green, amber, red] = applyCheckIns(rtr, [
      { date: "2026-12-01", done: true, painDuring: 1, settledWithinHour: true, worseNextMorning: false },
      { date: "2026-12-03", done: true, painDuring: 3, settledWithinHour: false, worseNextMorning: null },
      { date: "2026-12-05", done: true, painDuring: 6, settledWithinHour: true, worseNextMorning: true },
    ]).steps;
    expect(`${w.stepText(green!)} ${w.stepReason(green!)}`).toBe(
      "Verde: pase a la siguiente sesión. Un dolor de 1/10 durante la carrera es 2/10 o menos, se calmó en menos de una hora y no estaba peor a la mañana siguiente.",
    );
    expect(w.stepReason(amber!)).toBe("Un dolor de 3/10 durante la carrera supera 2/10 y el dolor tardó más de una hora en calmarse.");
    expect(w.stepReason(red!)).toBe("La rodilla estaba peor a la mañana siguiente y un dolor de 6/10 durante la carrera es 5/10 o más.");
  });
});
