// The clinic's catalog: Spanish has every English key, no English left, the same placeholders and plural
// arguments per sentence, and every sentence formats.
import { describe, expect, it } from "vitest";
import { catalogStrings, englishIn, SPANISH_ALLOWED } from "@/test/english-words";
import { format } from "../format";
import { CLINIC_EN, CLINIC_ES, clientWordsFor, clinicWordsFor } from ".";

// Names and units a Spanish-speaking physiotherapist reads as they are.
const ALLOWED = [...SPANISH_ALLOWED, "Step-down", "FHIR", "LEFS", "Kujala", "AKPS", "TOTP", "Nm/kg", "N/kg", "Gmail", "Outlook"];

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?=\}|,\s*plural)/g)].map((m) => m[1]!))].sort();

/** Spanish may say a value in a form of its own, passed beside it (`{g}` as `{gLower}` mid-sentence): each
 * placeholder on one side is on the other, or a form named after it. */
const samePlaceholders = (en: string[], es: string[]) => en.every((q) => es.some((p) => p.startsWith(q))) && es.every((p) => en.some((q) => p.startsWith(q)));

describe("the clinic's catalog", () => {
  const en = new Map(catalogStrings(CLINIC_EN));
  const es = new Map(catalogStrings(CLINIC_ES));

  it("is chosen by the clinic's language (British English shares the US words)", () => {
    expect(clinicWordsFor("es")).toBe(CLINIC_ES);
    expect(clinicWordsFor("en-US")).toBe(CLINIC_EN);
    expect(clinicWordsFor("en-GB")).toBe(CLINIC_EN);
  });

  it("has the same sentences in Spanish as in English", () => {
    // The decimal separator is optional: English writes ".", the default.
    expect([...es.keys()].filter((k) => k !== "errors.decimal").sort()).toEqual([...en.keys()].sort());
  });

  it("has no English sentence left in Spanish", () => {
    const left = [...es].filter(([, s]) => englishIn(s, ALLOWED).length).map(([k, s]) => `${k}: ${s}`);
    expect(left).toEqual([]);
  });

  it("keeps each sentence's placeholders and plural arguments", () => {
    const differ = [...en].filter(([k, s]) => es.has(k) && !samePlaceholders(placeholders(s), placeholders(es.get(k)!))).map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it("formats every sentence in both languages with no placeholder left", () => {
    for (const [cat, locale] of [
      [en, "en-US"],
      [es, "es"],
    ] as const) {
      for (const [k, s] of cat) {
        const params = Object.fromEntries([...placeholders(s), ...placeholders(cat === en ? (es.get(k) ?? "") : (en.get(k) ?? ""))].map((p) => [p, 2]));
        const out = format(s, params, locale);
        expect(out, k).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it("fails on an untranslated sentence (the check can fail)", () => {
    expect(englishIn("Save the exam", ALLOWED)).not.toEqual([]);
    expect(englishIn("Guardar la exploración", ALLOWED)).toEqual([]);
  });
});

describe("what a staff layout sends the browser", () => {
  const kb = (o: unknown) => JSON.stringify(o).length / 1000;

  it("only the sections its role's client components read, never the clinical wording (sizes as docs/decisions/0042 says)", () => {
    for (const t of [CLINIC_EN, CLINIC_ES]) {
      const clinician = clientWordsFor(t, "clinician");
      const admin = clientWordsFor(t, "admin");
      expect(Object.keys(clinician).sort()).toEqual(["account", "admin", "errors", "exam", "patients", "summary"]);
      expect(clinician).not.toHaveProperty("clinical");
      expect(kb(clinician.admin)).toBeLessThan(0.01);
      expect(kb(admin.exam)).toBeLessThan(0.01);
      // The whole catalog against what each role's pages carry.
      expect(kb(clinician)).toBeLessThan(kb(t) / 2);
      expect(kb(admin)).toBeLessThan(kb(t) / 4);
    }
  });
});
