import { describe, expect, it } from "vitest";
import { browserLocale } from "./browser-locale";

describe("the browser's language, for the staff sign-in page", () => {
  it.each([
    ["es-ES,es;q=0.9,en;q=0.8", "es"],
    ["es-MX", "es"],
    ["en-US,en;q=0.9,es;q=0.8", "en-US"],
    ["en-GB,en;q=0.9", "en-GB"],
    ["fr-FR,fr;q=0.9,es;q=0.8,en;q=0.7", "es"],
    ["en;q=0.5,es;q=0.9", "es"],
    ["de-DE", "en-US"],
    ["", "en-US"],
    [null, "en-US"],
    ["es;q=0,en", "en-US"],
  ])("%s → %s", (header, locale) => {
    expect(browserLocale(header)).toBe(locale);
  });
});
