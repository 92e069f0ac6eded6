// My plan's traffic-light decisions in the patient's language: rendered from the step's code and the run's
// answers, never from the English sentence. The English catalog reproduces the engine's every sentence
// (so nothing falls back), and the Spanish one leaves no English.
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

describe("the traffic light's decisions in the patient's words", () => {
  it("property: the English catalog gives exactly the engine's sentences (nothing falls back)", () => {
    fc.assert(
      fc.property(checkIns, model, (cs, m) => {
        const fallbacks: string[] = [];
        const w = new SummaryWords(summaryEn, "en-US", (s) => fallbacks.push(s));
        for (const s of applyCheckIns({ ...rtr, painRule: { ...rtr.painRule, model: m } }, cs).steps) {
          expect(w.stepText(s)).toBe(s.text);
          expect(w.stepReason(s)).toBe(s.because);
        }
        expect(fallbacks).toEqual([]);
      }),
    );
  });

  it("property: in Spanish, every decision and reason comes from the Spanish catalog, with the run's numbers", () => {
    fc.assert(
      fc.property(checkIns, model, (cs, m) => {
        const fallbacks: string[] = [];
        const w = new SummaryWords(summaryEs, "es", (s) => fallbacks.push(s));
        for (const s of applyCheckIns({ ...rtr, painRule: { ...rtr.painRule, model: m } }, cs).steps) {
          const text = `${w.stepText(s)} ${w.stepReason(s)}`;
          expect(text).not.toMatch(/\b(the|your|run|pain|session|and|next|morning)\b/i);
          // The same numbers as the English reason.
          for (const n of s.because.match(/\d+\/10/g) ?? []) expect(text).toContain(n);
        }
        expect(fallbacks.filter((f) => f !== "")).toEqual([]);
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
