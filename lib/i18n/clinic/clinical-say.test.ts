// The engine's clinician-facing English in the clinic's language: for every example case, English is the engine's
// text exactly, and Spanish has a catalog sentence for every flag, finding, rule, classification, status line
// and missing item (no stored English left, no `{placeholder}`).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assess } from "@/lib/assessment/engine";
import type { ExamData } from "@/lib/assessment/exam-schema";
import type { IntakeAnswers } from "@/lib/assessment/intake-schema";
import type { DeepPartial } from "@/lib/assessment/schema-builders";
import { DEFAULT_SETTINGS } from "@/lib/assessment/settings";
import { fullExam, fullIntake } from "@/lib/assessment/test-fixtures";
import type { Assessment, Finding, GoalRace, Rule } from "@/lib/assessment/types";
import { goalRaceClinicianText } from "@/lib/assessment/return-to-run";
import { CASE_FILES, runCase } from "@/test/example-cases";
import type { Locale } from "../locales";
import { clinicalEn, clinicalEs } from "./clinical";
import {
  classificationLabel,
  classificationOverride,
  findingLabel,
  findingValue,
  flagDetail,
  flagTitle,
  goalRaceClinician,
  missingItem,
  retestItem,
  ruleSummary,
  statusReason,
  type Said,
} from "./clinical-say";

function findingsOf(a: Assessment): Finding[] {
  const out: Finding[] = [...a.flags.flatMap((f) => f.findings), ...a.classification.for, ...a.classification.against];
  const p = a.plan;
  if (p) for (const x of [...p.education, ...p.exercises, ...p.stretches, ...p.activity, ...(p.cadence ? [p.cadence] : [])]) out.push(...x.because);
  if (a.returnToRun) out.push(...a.returnToRun.start.because);
  return out;
}

function rulesOf(a: Assessment): Rule[] {
  const out: Rule[] = [a.classification.rule];
  const p = a.plan;
  if (p) for (const x of [...p.education, ...p.exercises, ...p.stretches, ...p.activity, ...(p.cadence ? [p.cadence] : [])]) out.push(x.rule);
  const r = a.returnToRun;
  if (r) out.push(r.painRule.rule, r.trafficLight.rule, r.start.rule, r.progression.rule);
  if (a.followUp) out.push(a.followUp.rule);
  return out;
}

/** Each text of an assessment: what the engine stored, and what the page says in `locale`. */
function texts(a: Assessment, locale: Locale): { what: string; stored: string; said: Said }[] {
  const out = [
    { what: "status", stored: a.statusReason, said: statusReason(a, locale) },
    { what: "classification", stored: a.classification.label, said: classificationLabel(a.classification, locale) },
    ...a.missing.map((m) => ({ what: "missing", stored: m, said: missingItem(m, locale) })),
    ...a.flags.flatMap((f) => [
      { what: `${f.code} title`, stored: f.title, said: flagTitle(f, locale, a) },
      { what: `${f.code} detail`, stored: f.detail, said: flagDetail(f, locale, a) },
    ]),
    ...findingsOf(a).map((f) => ({ what: `finding ${f.code}`, stored: f.label, said: findingLabel(f, locale) })),
    ...findingsOf(a)
      .filter((f) => typeof f.value === "string")
      .map((f) => ({ what: `value ${f.code}`, stored: f.value as string, said: findingValue(f, locale) })),
    ...rulesOf(a).map((r) => ({ what: `rule ${r.id}`, stored: r.summary, said: ruleSummary(r, locale) })),
  ];
  for (const r of a.followUp?.retest ?? []) out.push({ what: "retest", stored: r, said: retestItem(r, locale) });
  if (a.classification.clinicianOverride)
    out.push({ what: "override", stored: a.classification.clinicianOverride, said: classificationOverride(a.classification, locale)! });
  if (a.returnToRun?.goalRace) {
    const g = a.returnToRun.goalRace;
    out.push({ what: "goal race", stored: goalRaceClinicianText(g), said: goalRaceClinician(g, locale) });
  }
  return out;
}

describe("the engine's clinician texts in the clinic's language", () => {
  it("has example cases", () => expect(CASE_FILES.length).toBe(24));

  for (const file of CASE_FILES) {
    const a = runCase(file);
    it(`${file}: English is the engine's text exactly`, () => {
      for (const locale of ["en-US", "en-GB"] as const)
        for (const t of texts(a, locale)) {
          expect(t.said.text, t.what).toBe(t.stored);
          expect(t.said.lang, t.what).toBeUndefined();
        }
    });
    it(`${file}: Spanish from the catalog, no English fallback, no placeholder`, () => {
      for (const t of texts(a, "es")) {
        expect(t.said.lang, `${t.what}: ${t.stored}`).toBeUndefined();
        expect(t.said.text, t.what).not.toMatch(/[{}]/);
        expect(t.said.text.trim(), t.what).not.toBe("");
        // Proper names and numbers aside, a Spanish sentence differs from the English one.
        if (/[a-z]{4,} [a-z]{3,}/i.test(t.stored) && !/half marathon$/.test(t.stored)) expect(t.said.text, t.what).not.toBe(t.stored);
      }
    });
  }

  it("writes numbers the Spanish way", () => {
    const label = findingLabel({ code: "derived.load.fromKm", label: "Weekly distance 4 weeks ago (km)", value: 18 }, "es");
    expect(label).toEqual({ text: "Distancia semanal hace 4 semanas (km)" });
    const flag = {
      code: "strength.bilateral-weakness.hipAbduction",
      level: "warning" as const,
      title: "Hip abduction: both sides weaker than expected",
      detail: clinicalEn.flags["strength.bilateral-weakness.*"]!.detail.toString().replace("{cutoff}", "1.06").replace("{expected}", "1.40"),
      section: "§2.2, §2.3",
      findings: [],
    };
    expect(flagDetail(flag, "es").text).toContain("1,06 Nm/kg");
    expect(flagDetail(flag, "es").text).toContain("1,40 Nm/kg");
    expect(findingValue({ code: "derived.bmi", label: "Body-mass index", value: 17.4 }, "es").text).toBe("17,4");
  });

  it("keeps the stored English, marked, for a code or a wording the catalog does not know", () => {
    const unknown = { code: "red.new-in-2027", level: "hard" as const, title: "Something new", detail: "Do this.", section: "§5", findings: [] };
    expect(flagTitle(unknown, "es")).toEqual({ text: "Something new", lang: "en" });
    const older = { code: "red.dvt", level: "hard" as const, title: "Calf swelling", detail: "Older wording.", section: "§5", findings: [] };
    expect(flagTitle(older, "es")).toEqual({ text: "Calf swelling", lang: "en" });
    expect(flagTitle(older, "en-US")).toEqual({ text: "Calf swelling" });
    expect(findingLabel({ code: "exam.hipAbduction.left", label: "Hip abd. L", value: 1 }, "es")).toEqual({ text: "Hip abd. L", lang: "en" });
    expect(ruleSummary({ id: "plan.exercise", section: "§7", summary: "An older summary." }, "es")).toEqual({ text: "An older summary.", lang: "en" });
    expect(missingItem("Something else is missing.", "es").lang).toBe("en");
  });

  it("words every flag the engine can raise, with its values", () => {
    const t = (code: string, title: string, detail: string) => {
      const f = { code, level: "info" as const, title, detail, section: "", findings: [] };
      return [flagTitle(f, "es"), flagDetail(f, "es")];
    };
    const cases: [string, string, string][] = [
      [
        "soft.trauma-ottawa-unchecked",
        clinicalEn.flags["soft.trauma-ottawa-unchecked"]!.title as string,
        clinicalEn.flags["soft.trauma-ottawa-unchecked"]!.detail as string,
      ],
      [
        "soft.persistent-swelling",
        clinicalEn.flags["soft.persistent-swelling"]!.title as string,
        clinicalEn.flags["soft.persistent-swelling"]!.detail as string,
      ],
      ["warning.training-jump", "Recent big jump in training (reported)", "A load flag: build back gradually (§6.3)."],
      [
        "strength.asymmetry.kneeExtension",
        "Knee extension asymmetry: left weaker",
        "Symmetry 80% is below 90% (a convention, not validated for knee pain) and the difference of 60 N exceeds the measurement error of 30 N (the clinic's relative error).",
      ],
      [
        "strength.mmt-only.gluteusMaximus",
        "Gluteus maximus: manual grades differ (5 left, 4 right)",
        clinicalEn.flags["strength.mmt-only.*"]!.detail as string,
      ],
      [
        "untested.strength.kneeExtension",
        "Knee extension not tested on both sides",
        (clinicalEn.flags["untested.strength.*"]!.detail as Record<string, string>).knee!,
      ],
      ["load.ramp", "Recent jump in training (reported by the patient)", (clinicalEn.flags["load.ramp"]!.detail as Record<string, string>).reportedFew!],
      [
        "load.ramp",
        "Recent jump in weekly distance",
        "Weekly distance fell 30% in a week (40 km last week → 28 km this week), above the 20% limit (a convention).",
      ],
      ["rtr.novice", "New runner: build by time", (clinicalEn.flags["rtr.novice"]!.detail as Record<string, string>).novice!],
      [
        "classification.tendinopathy-confirm",
        "Consider patellar tendinopathy: clinician to confirm",
        clinicalEn.flags["classification.tendinopathy-confirm"]!.detail as string,
      ],
    ];
    for (const [code, title, detail] of cases)
      for (const s of t(code, title, detail)) {
        expect(s.lang, `${code}: ${s.text}`).toBeUndefined();
        expect(s.text).not.toMatch(/[{}]/);
      }
    expect(t("strength.asymmetry.kneeExtension", cases[3]![1], cases[3]![2])[0]!.text).toBe("Asimetría en extensión de rodilla: más débil el lado izquierdo");
    expect(t("classification.tendinopathy-confirm", cases[9]![1], cases[9]![2])[0]!.text).toBe("Considerar tendinopatía rotuliana: a confirmar por el clínico");
  });

  it("words the goal race from its fields in every case of the sentence", () => {
    const base: GoalRace = {
      name: null,
      date: "2027-04-18",
      weeksAvailable: 1,
      goalWeeklyKm: 30,
      capPercent: 10,
      weeksNeeded: null,
      kmByRaceDay: 12.5,
      fits: false,
    };
    for (const g of [
      base,
      { ...base, weeksAvailable: null },
      { ...base, weeksAvailable: -1 },
      { ...base, fits: null, notProjectedBecause: "by-time" as const },
      { ...base, name: "Park run", fits: null, notProjectedBecause: "on-hold" as const },
      { ...base, weeksAvailable: 12, weeksNeeded: 1, fits: true },
    ]) {
      expect(goalRaceClinician(g, "en-US")).toEqual({ text: goalRaceClinicianText(g) });
      const es = goalRaceClinician(g, "es");
      expect(es.lang, goalRaceClinicianText(g)).toBeUndefined();
      expect(es.text).not.toMatch(/[{}]/);
    }
    expect(goalRaceClinician({ ...base, weeksNeeded: 14, weeksAvailable: 10 }, "es").text).toBe(
      "Carrera dentro de 10 semanas; se necesitan 14 semanas para alcanzar 30 km a la semana con el límite de aumento del 10 %: unos 12,5 km a la semana el día de la carrera. El límite no se eleva por una carrera.",
    );
    // Signed before ruleset 2026.12.5: its own English sentence.
    expect(goalRaceClinician({ ...base, clinicianText: "Race soon." }, "es")).toEqual({ text: "Race soon.", lang: "en" });
  });

  it("has a Spanish sentence for every English one (the record-typed sections too), with no new placeholder", () => {
    const paths = (o: unknown, at = ""): string[] =>
      typeof o === "object" && o !== null ? Object.entries(o).flatMap(([k, v]) => paths(v, `${at}/${k}`)) : [at];
    expect(paths(clinicalEs).sort()).toEqual(paths(clinicalEn).sort());
    const get = (o: unknown, path: string) =>
      path
        .split("/")
        .slice(1)
        .reduce((x: unknown, k) => (x as Record<string, unknown>)[k], o) as string;
    // Derived forms a Spanish sentence may use besides the English one's arguments.
    const extra = (n: string) => n.replace(/Lower$/, "").replace(/^tendon(Tendon|Tendinopathy)$/, "tendon");
    const args = (t: string) => new Set([...t.matchAll(/\{(\w+)[,}]/g)].map((m) => extra(m[1]!)));
    for (const path of paths(clinicalEn)) {
      const en = args(get(clinicalEn, path));
      for (const a of args(get(clinicalEs, path))) expect(en.has(a), `${path}: {${a}}`).toBe(true);
    }
  });
});

describe("the engine's clinician texts for generated runners (property)", () => {
  const SAFETY = [
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
  ] as const;
  const km = fc.integer({ min: 0, max: 1200 }).map((x) => x / 10);
  const trials = fc.array(fc.integer({ min: 20, max: 400 }), { minLength: 1, maxLength: 3 });
  const side = fc.record({ left: trials, right: trials });
  const runner = fc.record({
    weeks: fc.tuple(km, km, km, km, km),
    pain: fc.record({ now: fc.integer({ min: 0, max: 10 }), duringRun: fc.integer({ min: 0, max: 10 }), morningAfter: fc.integer({ min: 0, max: 10 }) }),
    safety: fc.subarray([...SAFETY], { maxLength: 3 }),
    mass: fc.integer({ min: 40, max: 140 }),
    strength: fc.record({ hipAbduction: side, hipExtension: side, hipExternalRotation: side }),
    mmt: fc.constantFrom("5", "4+", "4", "4-", "3"),
    years: fc.integer({ min: 0, max: 20 }),
  });

  it("every flag, finding, rule, status line and missing item is said in Spanish with no English left", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(runner, (g) => {
        const intake = fullIntake({
          running: {
            yearsRunning: g.years,
            weeklyKm: { thisWeek: g.weeks[0], lastWeek: g.weeks[1], twoWeeksAgo: g.weeks[2], threeWeeksAgo: g.weeks[3], fourWeeksAgo: g.weeks[4] },
          },
          pain: g.pain,
          safety: Object.fromEntries(g.safety.map((k) => [k, true])),
        } as DeepPartial<IntakeAnswers>);
        const exam = fullExam({
          bodyMassKg: g.mass,
          strength: {
            hipAbduction: { left: { trialsN: g.strength.hipAbduction.left }, right: { trialsN: g.strength.hipAbduction.right } },
            hipExtension: { left: { trialsN: g.strength.hipExtension.left }, right: { trialsN: g.strength.hipExtension.right } },
            hipExternalRotation: { left: { trialsN: g.strength.hipExternalRotation.left }, right: { trialsN: g.strength.hipExternalRotation.right } },
          },
          mmt: { gluteusMedius: { left: "5", right: g.mmt } },
        } as DeepPartial<ExamData>);
        const a = assess({ intake, exam, settings: DEFAULT_SETTINGS, patient: { ageYears: 34 } });
        for (const f of a.flags) seen.add(f.code);
        seen.add(`status:${a.status}`);
        for (const t of texts(a, "es")) {
          expect(t.said.lang, `${t.what}: ${t.stored}`).toBeUndefined();
          expect(t.said.text, t.what).not.toMatch(/[{}]/);
        }
        for (const t of texts(a, "en-US")) expect(t.said.text, t.what).toBe(t.stored);
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 150) },
    );
    // The runs reach the referral, the plan and many flags, not one path.
    expect([...seen].filter((c) => c.startsWith("status:")).sort()).toEqual(["status:plan", "status:refer"]);
    // Measured over seeds: 20 or 21 codes and statuses (one flag is rare in 150 runs); 18 leaves room for chance.
    expect(seen.size).toBeGreaterThanOrEqual(18);
  }, 120_000);
});
