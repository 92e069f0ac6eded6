import { describe, expect, it } from "vitest";
import { formatPace, fromKm, paceFromParts, paceParts, rangeIn, toKm } from "./units";

describe("distances", () => {
  it.each([
    [20, "mi", 32.187],
    [26.2, "mi", 42.165],
    [0, "mi", 0],
    [32, "km", 32],
    [12.5, "km", 12.5],
  ] as const)("%d %s is %d km", (value, unit, km) => {
    expect(toKm(value, unit)).toBe(km);
  });

  it.each([0, 0.5, 1, 3.1, 13.1, 20, 26.2, 50, 186.4])("%d miles survive the round trip through km", (mi) => {
    expect(fromKm(toKm(mi, "mi"), "mi")).toBe(mi);
  });

  it("switches unit without retyping: 32 km shows as 19.9 miles and back as 32 km", () => {
    expect(fromKm(32, "mi")).toBe(19.9);
    expect(fromKm(32, "km")).toBe(32);
  });

  it("states the allowed range in the patient's unit, never beyond what km allows", () => {
    expect(rangeIn(0, 300, "mi")).toEqual([0, 186.4]);
    expect(toKm(186.4, "mi")).toBeLessThanOrEqual(300);
    expect(rangeIn(0, 300, "km")).toEqual([0, 300]);
  });
});

describe("pace", () => {
  it("converts minutes and seconds per km or per mile to minutes per km", () => {
    expect(paceFromParts(5, 30, "km")).toBe(5.5);
    expect(paceFromParts(8, 0, "mi")).toBeCloseTo(298 / 60, 6); // 480 s per mile = 298.3 s per km, kept to the second
    expect(paceParts(5.5, "km")).toEqual({ min: 5, sec: 30 });
    expect(paceParts(paceFromParts(8, 51, "mi"), "mi")).toEqual({ min: 8, sec: 51 });
  });

  it("formats a pace as m:ss", () => {
    expect(formatPace(5.5)).toBe("5:30");
    expect(formatPace(2.5)).toBe("2:30");
    expect(formatPace(15)).toBe("15:00");
  });
});
