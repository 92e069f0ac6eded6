import { describe, expect, it } from "vitest";
import { intakeFormSchema } from "../assessment/intake-schema";
import { sampleIntake } from "../assessment/intake-sample";
import { toKm } from "../assessment/units";
import { en } from "../i18n/en";
import { labelsFrom } from "./messages";
import { intakeIssueText, intakeLabels } from "./intake-text";
import { validate } from "./validate";

const labels = intakeLabels(en.intake, "Ann Runner");
const text = intakeIssueText(labels, en.intake, en.errors);
const schema = intakeFormSchema("INITIAL", { akps: true, lefs: true });
const check = (answers: unknown) => validate(schema, answers, labelsFrom(labels), en.errors, text);

describe("the intake's error sentences name the field and the allowed range", () => {
  it("in kilometres", () => {
    const r = check(sampleIntake({ running: { weeklyKm: { thisWeek: 400 } } }));
    expect(!r.ok && r.fieldErrors["running.weeklyKm.thisWeek"]).toBe("Distance run this week (km): enter a number from 0 to 300.");
  });

  it("in miles when the patient chose miles, with the range converted", () => {
    const r = check(sampleIntake({ running: { distanceUnit: "mi", weeklyKm: { thisWeek: toKm(200, "mi") } } }));
    expect(!r.ok && r.fieldErrors["running.weeklyKm.thisWeek"]).toBe("Distance run this week (miles): enter a number from 0 to 186.4.");
    const missing = check({ running: { distanceUnit: "mi", weeklyKm: {} } });
    expect(!missing.ok && missing.fieldErrors["running.weeklyKm.fourWeeksAgo"]).toBe("Distance run 4 weeks ago (miles): please answer this question.");
  });

  it("as minutes and seconds for a pace, per km or per mile", () => {
    const km = check(sampleIntake({ running: { paceMinPerKm: 1 } }));
    expect(!km.ok && km.fieldErrors["running.paceMinPerKm"]).toBe("Your usual easy pace (per km): enter a pace from 2:30 to 15:00.");
    const mi = check(sampleIntake({ running: { distanceUnit: "mi", paceMinPerKm: 1 } }));
    expect(!mi.ok && mi.fieldErrors["running.paceMinPerKm"]).toBe("Your usual easy pace (per mile): enter a pace from 4:02 to 24:08.");
  });

  it("names the patient in the name check and the questionnaire item that is missing", () => {
    const a = sampleIntake();
    const r = check({
      ...a,
      about: { ...a.about, nameCorrect: undefined },
      questionnaires: { ...a.questionnaires, akps: a.questionnaires.akps!.map((v, i) => (i === 3 ? undefined : v)) },
    });
    expect(!r.ok && r.fieldErrors["about.nameCorrect"]).toBe("Is your name Ann Runner? Please choose one answer.");
    expect(!r.ok && r.fieldErrors["questionnaires.akps.3"]).toBe("Knee questionnaire, question 4 (Stairs): please choose one answer.");
  });

  it("has a label for every question", () => {
    const r = check({});
    expect(r.ok).toBe(false);
    const deep = check({ about: {}, running: { goal: {} }, knee: {}, pain: {}, safety: {}, questionnaires: {}, consent: {} });
    for (const message of Object.values(!deep.ok ? deep.fieldErrors : {})) expect(message).not.toMatch(/^This answer/);
  });
});

describe("the signature asks for what it wants", () => {
  it("asks for the full name when the patient typed one letter or nothing", () => {
    for (const signatureName of ["J", ""]) {
      const r = check(sampleIntake({ consent: { agreed: true, signatureName } }));
      expect(!r.ok && r.fieldErrors["consent.signatureName"]).toBe("To sign, please type your full name (the name you would sign with).");
    }
  });
});
