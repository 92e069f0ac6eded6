import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formNumber, parseNumber } from "./number-text";

describe("a number typed in a text field", () => {
  it("takes a decimal point or a decimal comma, and leaves blank as blank", () => {
    expect(parseNumber("1.5")).toBe(1.5);
    expect(parseNumber(" 1,5 ")).toBe(1.5);
    expect(parseNumber("12")).toBe(12);
    expect(parseNumber("")).toBeUndefined();
    expect(parseNumber("   ")).toBeUndefined();
  });
  it("refuses what is not a plain decimal number (the schema then names the field and its range)", () => {
    for (const t of ["1e3", "1,5,0", "1.5.0", "abc", "12 km", "0x10", "Infinity"]) expect(parseNumber(t), t).toBeNaN();
  });
  it("react-hook-form's reader: blank is undefined, a typed comma is a decimal, a number stays a number", () => {
    expect(formNumber("")).toBeUndefined();
    expect(formNumber(null)).toBeUndefined();
    expect(formNumber(undefined)).toBeUndefined();
    expect(formNumber("7,5")).toBe(7.5);
    expect(formNumber(15)).toBe(15);
    expect(formNumber("quince")).toBeNaN();
  });
  it("reads back any number written with two decimals, with a point or a comma", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(".", ","), (hundredths, sep) => {
        const text = (hundredths / 100).toFixed(2).replace(".", sep);
        expect(formNumber(text)).toBeCloseTo(hundredths / 100, 10);
      }),
    );
  });
});
