// Every hard flag's patient wording (clinical-rules §5's urgency table) on the patient summary, which is
// the same component on the screen and on the print page (and so the PDF). Cases are the example cases
// each referral kind has, run through the engine as `npm run assess` does.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { assess } from "@/lib/assessment/engine";
import fc from "fast-check";
import {
  REFERRAL_KEY_BY_FLAG,
  REFERRAL_KEYS,
  REFERRAL_WORDING,
  referralAction,
  URGENCY_ORDER,
  urgencyChoices,
  type ReferralKey,
  type ReferralUrgency,
} from "@/lib/assessment/referral-wording";
import { clinicSettingsSchema, DEFAULT_SETTINGS, resolveSettings } from "@/lib/assessment/settings";
import { ClinicianSummary } from "./clinician-summary";
import { sheetText } from "@/test/sheet-text";
import { caseInput, runCase } from "@/test/example-cases";
import { englishWords } from "@/lib/i18n/summary";
import { PatientSummary } from "./patient-summary";

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ");

describe("referral wording per §5, as the patient reads it on screen and in print", () => {
  it.each([
    ["10-refer-septic-emergency.json", "safety.septic-arthritis", "emergency", "Go to an emergency department now."],
    [
      "04-refer-calf-swelling.json",
      "safety.dvt",
      "same-day",
      "Get a medical assessment today. Call the emergency number at once if you become breathless, have chest pain or cough blood",
    ],
    ["22-refer-ottawa.json", "safety.ottawa", "same-day", "Get an X-ray today (urgent care or an emergency department)."],
    [
      "23-refer-acute-knee-locked.json",
      "safety.acute-knee",
      "next-day",
      "See an acute knee clinic or urgent care today or tomorrow. Do not force the knee straight.",
    ],
    ["24-refer-femoral-neck.json", "safety.femoral-neck", "same-day", "See a doctor today. No running; limit walking; use crutches if walking hurts."],
    [
      "05-refer-bone-stress.json",
      "safety.bone-stress",
      "urgent",
      "See a doctor in the next few days. No running; limit walking; use crutches if walking hurts.",
    ],
    ["25-refer-scfe.json", "safety.scfe", "same-day", "See a doctor today. Avoid putting weight on the leg (use crutches) until you have been seen."],
    ["26-refer-serious-constant-pain.json", "safety.serious-pathology", "urgent", "See your doctor in the next few days; sooner if it gets worse."],
  ])("%s (%s): %s, and the patient is told what to do", (file, _rule, urgency, wording) => {
    const a = runCase(file);
    expect(a.status).toBe("refer");
    expect(a.referral?.urgency).toBe(urgency);
    const patient = text(renderToStaticMarkup(createElement(PatientSummary, { a, clinicPhone: "01234 567890" })));
    expect(patient).toContain(wording);
    // Plain words for the patient: no clinician shorthand, no "no running plan until".
    expect(patient).not.toMatch(/no running plan|MRI|Ottawa|DVT|SCFE/i);
    const clinician = text(renderToStaticMarkup(createElement(ClinicianSummary, { a })));
    expect(clinician).toContain(a.flags.find((f) => f.level === "hard")!.title);
  });

  it("sends calf and hot-knee warnings to medical care, not the clinic's phone, on a plan", () => {
    const a = runCase("27-pfp-sitting-pain-settled.json");
    const patient = text(renderToStaticMarkup(createElement(PatientSummary, { a, clinicPhone: "01234 567890" })));
    expect(patient).toMatch(/Get medical care straight away \(not the clinic\) if your calf becomes swollen, red or tender/);
    expect(patient).not.toMatch(/call the clinic on 01234 567890 if[^.]*calf/);
  });
});

describe("a clinic's referral urgency (§5: the default is a clinic setting)", () => {
  const sheet = (a: ReturnType<typeof runCase>, locale?: "es") =>
    text(renderToStaticMarkup(createElement(PatientSummary, { a, clinicPhone: "01234 567890", ...(locale ? { locale } : {}) })));

  it("a clinic that sees acute knees the same day says today, in English and in Spanish", () => {
    const a = runCase("23-refer-acute-knee-locked.json", { referralUrgency: { acuteKnee: "same-day" } });
    expect(a.referral?.urgency).toBe("same-day");
    expect(a.referral?.urgencyByFlag).toEqual({ "red.acute-knee": "same-day" });
    expect(sheet(a)).toContain("See an acute knee clinic or urgent care today. Do not force the knee straight.");
    expect(sheet(a)).not.toContain("today or tomorrow");
    expect(sheet(a, "es")).toContain("Vaya a una consulta de rodilla o a urgencias hoy. No fuerce");
    expect(sheet(a, "es")).not.toContain("hoy o mañana");
  });

  it("the within-days wording keeps its own words only at that urgency", () => {
    const a = runCase("26-refer-serious-constant-pain.json", { referralUrgency: { serious: "same-day" } });
    expect(sheet(a)).toContain("See your doctor today.");
    expect(sheet(a)).not.toContain("sooner if it gets worse");
  });

  it("a summary signed before the engine recorded each flag's urgency prints §5's default", () => {
    const a = runCase("23-refer-acute-knee-locked.json");
    delete a.referral!.urgencyByFlag;
    expect(sheet(a, "es")).toContain("hoy o mañana");
  });

  it("a setting cannot make a referral less urgent than §5's default (the schema refuses it; the engine ignores it)", () => {
    expect(clinicSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, referralUrgency: { ...DEFAULT_SETTINGS.referralUrgency, septic: "urgent" } }).success).toBe(
      false,
    );
    expect(resolveSettings({ referralUrgency: { septic: "urgent" } }).referralUrgency.septic).toBe("emergency");
    const a = assess({
      ...caseInput("10-refer-septic-emergency.json"),
      settings: { ...DEFAULT_SETTINGS, referralUrgency: { ...DEFAULT_SETTINGS.referralUrgency, septic: "urgent" as never } },
    });
    expect(a.referral?.urgency).toBe("emergency");
    expect(englishWords().referral(a).advice).toContain("Go to an emergency department now.");
  });

  it("for any clinic's choices, every referral is at least as urgent as §5's default and says the chosen time (property)", () => {
    const cases = [
      "04-refer-calf-swelling.json",
      "05-refer-bone-stress.json",
      "10-refer-septic-emergency.json",
      "22-refer-ottawa.json",
      "23-refer-acute-knee-locked.json",
      "24-refer-femoral-neck.json",
      "25-refer-scfe.json",
      "26-refer-serious-constant-pain.json",
    ];
    const choices = fc.record(
      Object.fromEntries(REFERRAL_KEYS.map((k) => [k, fc.constantFrom(...urgencyChoices(k))])) as Record<ReferralKey, fc.Arbitrary<ReferralUrgency>>,
    );
    fc.assert(
      fc.property(fc.constantFrom(...cases), choices, (file, referralUrgency) => {
        const a = runCase(file, { referralUrgency });
        const byFlag = a.referral!.urgencyByFlag!;
        for (const [code, urgency] of Object.entries(byFlag)) {
          const k = REFERRAL_KEY_BY_FLAG[code]!;
          expect(URGENCY_ORDER.indexOf(urgency)).toBeLessThanOrEqual(URGENCY_ORDER.indexOf(REFERRAL_WORDING[k].urgency));
          expect(urgency).toBe(referralUrgency[k]);
          expect(englishWords().referral(a).advice).toContain(referralAction(REFERRAL_WORDING[k], urgency));
        }
        // The overall urgency is the most urgent flag's.
        expect(a.referral!.urgency).toBe([...Object.values(byFlag)].sort((x, y) => URGENCY_ORDER.indexOf(x) - URGENCY_ORDER.indexOf(y))[0]);
        // The Spanish sheet says it too, with no English left from the referral.
        expect(sheet(a, "es")).not.toContain(englishWords().referral(a).advice);
        // The engine's output says it in codes only: no English advice or reasons.
        expect(a.referral).not.toHaveProperty("advice");
        expect(a.referral).not.toHaveProperty("reasons");
      }),
      { numRuns: 60 },
    );
  });
});

describe("the entry tests on the take-home sheet", () => {
  it("are listed only for a runner who waits for them, not for one who keeps running", () => {
    const waiting = text(renderToStaticMarkup(createElement(PatientSummary, { a: runCase("13-red-no-screen.json"), clinicPhone: null })));
    expect(waiting).toMatch(/Tests to pass with your clinician first/);
    const keeps = runCase("11-green-high-mileage-late-pain.json");
    expect(keeps.returnToRun!.criteriaMet).toBe(false);
    const sheet = text(renderToStaticMarkup(createElement(PatientSummary, { a: keeps, clinicPhone: null })));
    expect(sheet).toMatch(/Keep running about 98 km a week/);
    expect(sheet).not.toMatch(/Tests to pass/);
  });
});

describe("a plan on hold while the diagnosis is confirmed (§1.4)", () => {
  it("does not tell the patient to do exercises that were not given", () => {
    const a = runCase("03-quadriceps-tendinopathy.json");
    expect(a.plan!.runningOnHold).toBe(true);
    expect(a.plan!.exercises).toEqual([]);
    const sheet = text(renderToStaticMarkup(createElement(PatientSummary, { a, clinicPhone: null })));
    expect(sheet).toMatch(/walk, cycle or swim within the pain rule\./);
    expect(sheet).not.toMatch(/do your exercises/);
  });
  it("does tell a patient who has exercises (case 21, on hold for low energy availability)", () => {
    const sheet = text(renderToStaticMarkup(createElement(PatientSummary, { a: runCase("21-low-energy-steady.json"), clinicPhone: null })));
    expect(sheet).toMatch(/within the pain rule and do your exercises\./);
  });
});

describe("follow-up for a suspected tendinopathy (§1.4, §7.4)", () => {
  it("retests the tendon the findings point to, and a patellofemoral case does not", () => {
    const a = runCase("03-quadriceps-tendinopathy.json");
    expect(a.classification).toMatchObject({ code: "tendinopathy-consider", tendon: "quadriceps" });
    expect(a.followUp!.retest.join("; ")).toMatch(/Quadriceps tendon: tenderness just above the kneecap/);
    expect(runCase("01-pfp-asymmetry-ramp.json").followUp!.retest.join("; ")).not.toMatch(/tendon/i);
  });
});

describe("exercise cards (§7.4)", () => {
  it("say once when to move on, and each card names its own next step", () => {
    const a = runCase("11-green-high-mileage-late-pain.json");
    const sheet = text(renderToStaticMarkup(createElement(PatientSummary, { a, clinicPhone: null })));
    expect(sheet.split("when you can do every set with knee pain of 2/10 or less").length - 1).toBe(1);
    const cards = sheetText(renderToStaticMarkup(createElement(PatientSummary, { a, clinicPhone: null })))
      .split("\n")
      .filter((l) => l.startsWith("Next: "));
    expect(cards).toHaveLength(a.plan!.exercises.length);
    for (const line of cards) expect(line).toMatch(/^Next: (this is the top step|[a-z].*\.$)/);
  });
});
