// Spanish end to end for the patient pages this catalog covers: each page's text, rendered in `es`, has
// no English left (proper nouns and the questionnaires shown in English on purpose aside).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { en } from "./en";
import { enGB } from "./en-gb";
import { es } from "./es";
import { format } from "./format";
import { messagesFor } from ".";
import { CASE_FILES, runCase } from "@/test/example-cases";
import { PatientSummary } from "@/components/summary/patient-summary";
import type { Locale } from "./locales";
import { catalogStrings as strings, englishIn } from "@/test/english-words";

// The date-of-birth form calls a server action and the router; neither runs here.
vi.mock("@/app/(patient)/intake/actions", () => ({ verifyDobAction: async () => ({ ok: true }), setIntakeLocaleAction: async () => {} }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh() {} }) }));

const textOf = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<title>[\s\S]*?<\/title>/g, (t) => ` ${t.replace(/<\/?title>/g, "")} `)
    .replace(/<[^>]+>/g, "\n")
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&[a-z]+;/g, " ");

const QUESTIONNAIRES = /^intake\.(akps|lefs)\./;

describe("the Spanish catalog", () => {
  it("has no English sentence outside the questionnaires kept in English", () => {
    const left = strings(es)
      .filter(([p]) => !QUESTIONNAIRES.test(p))
      .filter(([, s]) => englishIn(s).length);
    expect(left).toEqual([]);
  });

  it("shows the questionnaires in English with a note in Spanish saying so", () => {
    expect(es.intake.akps).toBe(en.intake.akps);
    expect(es.intake.lefs).toBe(en.intake.lefs);
    expect(es.intake.questionnaireInEnglish).toMatch(/inglés/);
    expect(en.intake.questionnaireInEnglish).toBe("");
  });

  it("has a Spanish word for every English field label", () => {
    expect(Object.keys(es.intake.fields).sort()).toEqual(Object.keys(en.intake.fields).sort());
  });
});

describe("plurals and spellings per locale", () => {
  it("says 'time' or 'times' by the count, never 'time(s)'", () => {
    expect(format(en.dob.wrong, { left: 1 }, "en-US")).toMatch(/You can try 1 more time\.$/);
    expect(format(en.dob.wrong, { left: 3 }, "en-US")).toMatch(/You can try 3 more times\.$/);
    expect(format(es.dob.wrong, { left: 1 }, "es")).toMatch(/Le queda 1 intento más\.$/);
    expect(format(es.dob.wrong, { left: 2 }, "es")).toMatch(/Le quedan 2 intentos más\.$/);
    for (const [, s] of [...strings(en), ...strings(es)]) expect(s).not.toMatch(/\(s\)|\(es\)/);
  });

  it("spells kilometres the British way in en-GB and the American way in en-US", () => {
    expect(messagesFor("en-GB").intake.options.distanceUnit.km).toBe("Kilometres");
    expect(messagesFor("en-US").intake.options.distanceUnit.km).toBe("Kilometers");
    expect(enGB.intake.urgent.reasons["hot-swollen-unwell"]).toMatch(/A&E/);
    expect(enGB.intake.urgent.reasons.calf).toMatch(/999/);
  });
});

describe("every patient page this catalog covers, rendered in Spanish", () => {
  it("the link problem pages (invalid, expired, withdrawn, already sent, no session, too many tries)", async () => {
    const { linkProblemPage } = await import("../link-problem-page");
    for (const reason of ["invalid", "expired", "revoked", "submitted", "none", "rate-limited"] as const) {
      const html = await linkProblemPage(reason, 410, "es").text();
      expect(html).toContain('<html lang="es">');
      expect(englishIn(textOf(html)), reason).toEqual([]);
    }
  });

  it("(the check itself finds English: the same page in en-US fails it)", async () => {
    const { DobForm } = await import("@/components/intake/dob-form");
    expect(englishIn(textOf(renderToStaticMarkup(createElement(DobForm, { messages: en.dob }))))).not.toEqual([]);
  });

  it("the date-of-birth check", async () => {
    const { DobForm } = await import("@/components/intake/dob-form");
    const html = renderToStaticMarkup(createElement(DobForm, { messages: es.dob }));
    expect(html).toContain("Fecha de nacimiento");
    expect(englishIn(textOf(html))).toEqual([]);
  });

  it("the language choice on the first screen", async () => {
    const { LanguageSwitch } = await import("@/components/intake/language-switch");
    const html = renderToStaticMarkup(
      createElement(LanguageSwitch, {
        current: "es",
        languages: [{ value: "es", name: "Español" }],
        label: es.intake.language,
        submit: es.intake.languageChange,
      }),
    );
    expect(englishIn(textOf(html))).toEqual([]);
  });

  it("the done page, with the same-day care guidance", async () => {
    const { ThankYou } = await import("@/components/intake/thank-you");
    const html = renderToStaticMarkup(
      createElement(ThankYou, { messages: es.thanks, urgent: ["hot-swollen-unwell", "calf"], urgentMessages: es.intake.urgent }),
    );
    expect(html).toContain("Gracias");
    expect(englishIn(textOf(html))).toEqual([]);
  });
});

describe("the take-home summary of every example case", () => {
  const cases = CASE_FILES;
  const run = runCase;
  const render = (file: string, locale: Locale) => {
    const fallbacks: string[] = [];
    const html = renderToStaticMarkup(
      createElement(PatientSummary, { a: run(file), clinicPhone: "01234 567890", locale, onFallback: (s: string) => fallbacks.push(s) }),
    );
    return { html, fallbacks };
  };

  it("covers all 24 cases", () => expect(cases).toHaveLength(24));

  it.each(cases)("%s: every engine sentence has a catalog entry (none printed from the engine's English)", (file) => {
    for (const locale of ["en-US", "en-GB", "es"] as const) expect(render(file, locale).fallbacks, locale).toEqual([]);
  });

  it.each(cases)("%s: in Spanish, with no English sentence left", (file) => {
    const { html } = render(file, "es");
    expect(html).toContain('lang="es"');
    expect(englishIn(textOf(html))).toEqual([]);
  });

  it("(the check finds English on the same sheet in en-US)", () => {
    expect(englishIn(textOf(render("01-pfp-asymmetry-ramp.json", "en-US").html))).not.toEqual([]);
  });

  it("says the numbers the Spanish way and counts with Spanish plurals", () => {
    const sheet = textOf(render("11-green-high-mileage-late-pain.json", "es").html).replace(/\s+/g, " ");
    expect(sheet).toMatch(/Siga corriendo unos 98 km por semana/);
    expect(sheet).toMatch(/\d,\d km/);
    expect(sheet).not.toMatch(/\d\.\d km/);
  });

  it("prints a clinician's own words and a clinic's own advice as written, not a catalog sentence", () => {
    const a = run("01-pfp-asymmetry-ramp.json");
    a.plan!.education = [{ ...a.plan!.education[0]!, text: "Written by the clinician." }];
    const fallbacks: string[] = [];
    const html = renderToStaticMarkup(createElement(PatientSummary, { a, clinicPhone: null, locale: "es", onFallback: (s: string) => fallbacks.push(s) }));
    expect(html).toContain("Written by the clinician.");
    expect(fallbacks).toEqual(["Written by the clinician."]);
  });
});

describe("the consent statement", () => {
  it("is the clinic's default in the patient's language, or the clinic's own statement as written", async () => {
    const { consentTextFor } = await import(".");
    const { DEFAULT_CONSENT_TEXT } = await import("../assessment/consent-text");
    expect(consentTextFor(DEFAULT_CONSENT_TEXT, messagesFor("en-US"))).toBe(DEFAULT_CONSENT_TEXT);
    expect(consentTextFor(DEFAULT_CONSENT_TEXT, messagesFor("en-GB"))).toBe(DEFAULT_CONSENT_TEXT);
    const es = consentTextFor(DEFAULT_CONSENT_TEXT, messagesFor("es"));
    expect(es).toMatch(/^Confirmo que las respuestas/);
    expect(englishIn(es)).toEqual([]);
    expect(consentTextFor("Our own statement.", messagesFor("es"))).toBe("Our own statement.");
  });
});
