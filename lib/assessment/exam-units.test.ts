import { describe, expect, it } from "vitest";
import { FORCE_UNITS, fromStored, MASS_UNITS, rangeIn, toStored } from "./exam-units";

describe("unit conversion (stored kg and N)", () => {
  it("converts pounds to kilograms and back to what was typed", () => {
    expect(toStored(150, MASS_UNITS.lb)).toBeCloseTo(68.039, 3);
    expect(fromStored(toStored(150, MASS_UNITS.lb), MASS_UNITS.lb)).toBe(150);
    expect(fromStored(toStored(143.5, MASS_UNITS.lb), MASS_UNITS.lb)).toBe(143.5);
  });
  it("converts kg-force to newtons with 1 kgf = 9.80665 N, and back", () => {
    expect(toStored(20, FORCE_UNITS.kgf)).toBeCloseTo(196.133, 3);
    expect(fromStored(toStored(20.5, FORCE_UNITS.kgf), FORCE_UNITS.kgf)).toBe(20.5);
    expect(fromStored(toStored(18.37, FORCE_UNITS.kgf), FORCE_UNITS.kgf)).toBe(18.37);
  });
  it("leaves the stored units and non-numbers as they are", () => {
    expect(toStored(62.4, MASS_UNITS.kg)).toBe(62.4);
    expect(toStored(180, FORCE_UNITS.N)).toBe(180);
    expect(toStored(Number.NaN, MASS_UNITS.lb)).toBeNaN();
  });
  it("expresses a stored range in the typed unit", () => {
    expect(rangeIn({ min: 0, max: 1000 }, FORCE_UNITS.kgf)).toEqual({ min: 0, max: 101.97 });
    expect(rangeIn({ min: 20, max: 300 }, MASS_UNITS.lb)).toEqual({ min: 44.1, max: 661.4 });
  });
});
