import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatKmFigure } from "./format-staff";

describe("a distance on the clinician's pages", () => {
  it("is whole or to one decimal, with the locale's decimal sign and no thousands separator", () => {
    expect(formatKmFigure("en-US", 12)).toBe("12");
    expect(formatKmFigure("en-US", 12.5)).toBe("12.5");
    expect(formatKmFigure("en-GB", 64.37)).toBe("64.4");
    expect(formatKmFigure("es", 12.5)).toBe("12,5");
    expect(formatKmFigure("es", 1200)).toBe("1200");
    expect(formatKmFigure("en-US", 1200)).toBe("1200");
  });
  it("in English, writes what the engine's English wrote before (String, or toFixed(1))", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (tenths) => {
        const n = tenths / 10;
        expect(formatKmFigure("en-US", n)).toBe(Number.isInteger(n) ? String(n) : n.toFixed(1));
      }),
    );
  });
});
