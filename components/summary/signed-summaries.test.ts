// The return-to-running plan and the exercise cards in words, from their codes (ruleset 2026.12.5 on), and
// summaries signed before that, which carry the engine's English: they print as they were signed. The signed fixtures in test/signed
// are the engine's own output under ruleset 2026.12.4 (the golden files of that commit), with the English
// sheet it printed then.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { goalRaceClinicianText } from "@/lib/assessment/return-to-run";
import type { Assessment, GoalRace } from "@/lib/assessment/types";
import { messagesFor } from "@/lib/i18n";
import type { Locale } from "@/lib/i18n/locales";
import { englishWords, SummaryWords } from "@/lib/i18n/summary";
import { assess } from "@/lib/assessment/engine";
import { caseInput, runCase as run } from "@/test/example-cases";
import { sheetText } from "@/test/sheet-text";
import { ClinicianSummary } from "./clinician-summary";
import { PatientSummary } from "./patient-summary";

const root = path.resolve(import.meta.dirname, "..", "..");
const signed = (name: string) => JSON.parse(readFileSync(path.join(root, "test", "signed", `2026.12.4-${name}.json`), "utf8")) as Assessment;
const signedSheet = (name: string) => readFileSync(path.join(root, "test", "signed", `2026.12.4-${name}.en.txt`), "utf8");
function render(a: Assessment, locale: Locale) {
  const fallbacks: string[] = [];
  const html = renderToStaticMarkup(createElement(PatientSummary, { a, clinicPhone: "01234 567890", locale, onFallback: (s: string) => fallbacks.push(s) }));
  return { text: `${sheetText(html)}\n`, fallbacks };
}
const words = (l: Locale) => new SummaryWords(messagesFor(l).summary, l);
const race = (over: Partial<GoalRace>): GoalRace => ({
  name: null,
  date: "2027-04-18",
  weeksAvailable: 10,
  weeksNeeded: null,
  goalWeeklyKm: null,
  kmByRaceDay: null,
  fits: null,
  capPercent: 10,
  ...over,
});

describe("a summary signed before ruleset 2026.12.5 (the engine's English inside)", () => {
  // A goal race and a reduced start; a new runner by time; a red runner waiting for the entry tests; a referral;
  // running on hold for a soft flag.
  for (const name of ["27-pfp-sitting-pain-settled", "15-novice-bmi-over-30", "13-red-no-screen", "10-refer-septic-emergency", "07-giving-way-on-hold"]) {
    it(`${name}: prints in English exactly as it was signed`, () => {
      const a = signed(name);
      expect(a.rulesetVersion).toBe("2026.12.4");
      expect(JSON.stringify(a)).toMatch(/"(text|advice|runningOnHoldReason|label)":"[A-Z]/);
      const { text, fallbacks } = render(a, "en-US");
      expect(text).toBe(signedSheet(name));
      expect(fallbacks).toEqual([]);
    });
    it(`${name}: prints in Spanish from the catalog where the catalog says the same`, () => {
      const { text, fallbacks } = render(signed(name), "es");
      expect(fallbacks).toEqual([]);
      // No sentence of the English sheet is left on the Spanish one.
      const english = signedSheet(name)
        .split("\n")
        .filter((l) => l.length > 30);
      expect(english.length).toBeGreaterThan(1);
      expect(english.filter((l) => text.includes(l))).toEqual([]);
    });
  }
  it("keeps its race date as it was written (the sentence compared is the one signed)", () => {
    expect(render(signed("27-pfp-sitting-pain-settled"), "en-US").text).toContain("City half marathon (2027-04-18).");
  });
  it("a signed sentence the catalog does not say is printed as signed, and reported", () => {
    const a = signed("15-novice-bmi-over-30");
    a.returnToRun!.calendar[1]!.sessions[0]!.text = "Walk 2 min, run 3 min; repeat to 9 min of running, as agreed in clinic";
    const { text, fallbacks } = render(a, "es");
    expect(text).toContain("as agreed in clinic");
    expect(fallbacks).toEqual(["Walk 2 min, run 3 min; repeat to 9 min of running, as agreed in clinic"]);
  });
  it("its clinician sentence for the goal race is the one signed", () => {
    const g = signed("27-pfp-sitting-pain-settled").returnToRun!.goalRace!;
    expect(goalRaceClinicianText(g)).toBe("The race date could not be compared: the visit date is not known.");
  });
});

describe("the return-to-running plan from ruleset 2026.12.5, in words", () => {
  it("the same case signed now prints the same English sheet, but for the race date in words and the effort legend", () => {
    const now = render(run("27-pfp-sitting-pain-settled.json"), "en-US").text;
    const before = signedSheet("27-pfp-sitting-pain-settled");
    // …and without the effort legend, which a calendar of easy runs has no effort number to explain (7 Dec 2026).
    const legend =
      "Traffic-light numbers are pain; calendar effort numbers are how hard the run feels, not pain (3: you can talk in full sentences; 4: you can still talk; 5: a few words at a time).\n";
    expect(before).toContain(legend);
    expect(now).toBe(before.replace("(2027-04-18)", "(18 Apr 2027)").replace(legend, ""));
    // Ruleset 2026.12.7 changed two things on a new runner's sheet, and nothing else: their shoes are 8 months old
    // (§6.2), and a session that ends on a shorter run says where it ends instead of "repeat to 5 min".
    const now15 = render(run("15-novice-bmi-over-30.json"), "en-US").text.split("\n");
    const before15 = signedSheet("15-novice-bmi-over-30").split("\n");
    expect(now15.length).toBe(before15.length);
    const changed = before15.map((was, i) => [was, now15[i]!] as const).filter(([was, is]) => was !== is);
    let parts = 0;
    for (const [was, is] of changed) {
      if (was.includes("Run in the shoes you are used to")) {
        expect(is).toBe(
          was.replace(
            "Run in the shoes you are used to; this is not the time to change them.",
            "Your shoes are over 6 months old: replace them with the model you are used to.",
          ),
        );
        continue;
      }
      const m = /Walk (\d) min, run (\d) min; repeat to (\d+) min of running/.exec(was);
      expect(m, was).not.toBeNull();
      const [walk, runMin, total] = m!.slice(1).map(Number) as [number, number, number];
      expect(total % runMin, was).not.toBe(0);
      const n = Math.floor(total / runMin);
      const spelled = `Walk ${walk} min, run ${runMin} min, ${n === 1 ? "once" : `${n} times`}, then walk ${walk} min, run ${total - n * runMin} min (${total} min of running)`;
      expect(is).toBe(was.replace(m![0], spelled));
      parts++;
    }
    expect(parts).toBeGreaterThan(0);
  });
  it("writes the race date the locale's way", () => {
    const g = race({ name: "City half marathon", weeksAvailable: null });
    expect(words("en-US").goalRace(g, "km")).toBe("Your clinician will talk with you about City half marathon (18 Apr 2027).");
    expect(words("es").goalRace(g, "km")).toBe("Su profesional hablará con usted sobre City half marathon (18 de abril de 2027).");
    expect(words("es").goalRace({ ...g, weeksAvailable: -2 }, "km")).toBe("La fecha de City half marathon (18 de abril de 2027) ya ha pasado.");
  });
  it("a race without a name is 'your race', and a sentence opening with it starts with a capital", () => {
    expect(words("en-US").goalRace(race({}), "km")).toMatch(/^Your race is in 10 weeks\. /);
    expect(words("en-US").goalRace(race({ weeksAvailable: 1 }), "km")).toMatch(/^Your race is in 1 week\. /);
    expect(words("es").goalRace(race({}), "km")).toMatch(/^Faltan 10 semanas para su carrera\. /);
  });
  it("the clinician's goal-race line counts weeks in words, one week or several", () => {
    expect(goalRaceClinicianText(race({ weeksAvailable: 1, notProjectedBecause: "by-time" }))).toBe(
      "The race is in 1 week; the weeks needed cannot be projected yet (the build is by time).",
    );
    expect(goalRaceClinicianText(race({ name: "Spring half", fits: false, weeksNeeded: 14, goalWeeklyKm: 50, kmByRaceDay: 41.5 }))).toBe(
      "Race in 10 weeks; 14 weeks needed to reach 50 km a week at the 10% cap: about 41.5 km a week by race day. The cap is not raised for a race.",
    );
  });
  it("each week's instruction names the cap, the unit and the green weeks to wait for", () => {
    const a = run("12-amber-steady-creep.json");
    const r = a.returnToRun!;
    const notes = r.calendar.map((wk) => englishWords().weekNote(r, wk));
    expect(notes[0]).toBe("Hold this distance until you have had 2 green weeks.");
    expect(notes.at(-1)).toBe(`Up to ${r.progression.weeklyIncreaseCapPercent}% more distance than last week, only after a green week.`);
    const novice = run("15-novice-bmi-over-30.json").returnToRun!;
    expect(englishWords().weekNote(novice, novice.calendar[0]!)).toBe("Keep this week's running under 3 km in total. A rest day between sessions.");
    expect(words("es").weekNote(novice, novice.calendar[0]!)).toBe("Esta semana, corra menos de 3 km en total. Un día de descanso entre sesiones.");
  });
  it("a clinician's dose, note and added stretch are said in every language; the note as written", () => {
    const a = run("01-pfp-asymmetry-ramp.json");
    const ex = { ...a.plan!.exercises[0]!, dose: { ...a.plan!.exercises[0]!.dose, sets: 4, reps: 8, daysPerWeek: 5 }, note: "Slow on the way down" };
    const st = {
      stretchId: "hip-flexor-stretch",
      holdSeconds: 45,
      reps: 1,
      perSide: true,
      daysPerWeek: 5,
      drawing: "hip-flexor-stretch",
      rule: ex.rule,
      because: [],
    };
    expect(englishWords().exerciseDose(ex)).toMatch(/^4 sets of 8( on each side)?, 5 days a week\. Slow on the way down$/);
    expect(words("es").exerciseDose(ex)).toMatch(/^4 series de 8( con cada lado)?, 5 días por semana\. Slow on the way down$/);
    expect(englishWords().stretchDose(st)).toBe("Hold 45 seconds, 1 time on each side, 5 days a week");
    expect(englishWords().exerciseName(st)).toBe("Hip flexor stretch");
    expect(words("es").exerciseName(st)).not.toBe("Hip flexor stretch");
  });
  it("an exercise for muscles that measured weaker asks for load, and the optional stretch says it is optional", () => {
    const ex = { ...run("01-pfp-asymmetry-ramp.json").plan!.exercises.find((e) => e.dose.reps)! };
    expect(englishWords().howTo({ ...ex, loaded: true })).toMatch(/heavy enough that the last 2 repetitions/);
    expect(englishWords().howTo({ ...ex, loaded: undefined })).not.toMatch(/heavy enough/);
    const itb = { stretchId: "itb-stretch", holdSeconds: 30, reps: 2, perSide: true, daysPerWeek: 7, drawing: "itb-stretch", rule: ex.rule, because: [] };
    expect(englishWords().howTo({ ...itb, optional: true })).toMatch(/This one is optional/);
    expect(englishWords().howTo(itb)).not.toMatch(/optional/);
  });
  it("the clinician's summary counts weeks with a plural, and words the start and the hold from codes", () => {
    const a = run("12-amber-steady-creep.json");
    a.followUp = { ...a.followUp!, inWeeks: 1, outcomeInWeeks: 6 };
    a.returnToRun = { ...a.returnToRun!, projectedWeeks: 1 };
    const page = sheetText(renderToStaticMarkup(createElement(ClinicianSummary, { a })));
    expect(page).toMatch(/in about 1 week;/);
    expect(page).toMatch(/Follow-up in 1 week \(early review; outcome visit at 6 weeks\)/);
    expect(page).toContain(englishWords().start(a.returnToRun));
    const held = run("07-giving-way-on-hold.json");
    expect(sheetText(renderToStaticMarkup(createElement(ClinicianSummary, { a: held })))).toContain(
      "On hold until your clinician confirms: giving way or kneecap subluxation.",
    );
  });
  it("a runner who answered in miles gets a plan in miles: on a half-mile grid, every week adding up as printed", () => {
    for (const file of ["14-stopped-screen-passed.json", "11-green-high-mileage-late-pain.json", "16-goal-race-too-soon.json"]) {
      const input = caseInput(file);
      input.intake!.running = { ...input.intake!.running, distanceUnit: "mi" };
      const a = assess(input);
      expect(a.returnToRun!.unit).toBe("mi");
      for (const l of ["en-US", "es"] as const) {
        const { text, fallbacks } = render(a, l);
        expect(fallbacks).toEqual([]);
        // Distances in miles only (the clinic's phone and the effort scale aside).
        expect(text, `${file} ${l}`).not.toMatch(/\d\s?km\b/);
        expect(text).toMatch(/\d mi\b/);
        // Each calendar row: its total is the sum of the sessions printed beside it.
        const html = renderToStaticMarkup(createElement(PatientSummary, { a, clinicPhone: null, locale: l }));
        const rows = html
          .slice(0, html.indexOf("</table>"))
          .split("<tr")
          .slice(2)
          .map((r) =>
            `<tr${r}`
              .replace(/<[^>]+>/g, " ")
              .replace(/\s+/g, " ")
              .trim(),
          )
          .filter((r) => / mi$/.test(r));
        expect(rows.length, `${file} ${l}`).toBe(a.returnToRun!.calendar.length);
        const num = (x: string) => Number(x.replace(",", "."));
        for (const row of rows) {
          const total = num(/([\d.,]+) mi$/.exec(row)![1]!);
          const body = row.replace(/^\d+ /, "").replace(/ [\d.,]+ mi$/, "");
          let sum = 0;
          for (const m of body.matchAll(/(?:(\d+) × )?(?:Walk|Camine|Run|Corra|Easy run|Carrera suave)[^×]*?([\d.,]+) mi\b/g))
            sum += (m[1] ? Number(m[1]) : 1) * num(m[2]!);
          expect(Math.round(sum * 10) / 10, `${file} ${l}: ${row}`).toBe(total);
        }
      }
    }
  });
});
