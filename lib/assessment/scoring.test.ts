import { describe, expect, it } from "vitest";
import { AKPS_MAX, AKPS_POINTS, LEFS_MAX, scoreAkps, scoreLefs } from "./scoring";

// clinical-rules §4.1's Kujala table, copied verbatim (item, options with points), so every expected
// score below is read from the reference's own words rather than from the code under test.
const KUJALA_TABLE: [string, string][] = [
  ["Limp (5)", "None 5 · Slight or periodical 3 · Constant 0*"],
  ["Support (5)", "Full support without pain 5 · Painful 3 · Weight-bearing impossible 0"],
  ["Walking (5)", "Unlimited 5 · >2 km 3 · 1–2 km 2 · Unable 0"],
  ["Stairs (10)", "No difficulty 10 · Slight pain descending 8 · Pain descending and ascending 5 · Unable 0"],
  ["Squatting (5)", "No difficulty 5 · Repeated squatting painful 4 · Painful each time 3 · Possible with partial weight bearing 2* · Unable 0"],
  ["Running (10)", "No difficulty 10 · Pain after >2 km 8 · Slight pain from start 6 · Severe pain 3 · Unable 0"],
  ["Jumping (10)", "No difficulty 10 · Slight difficulty 7 · Constant pain 2 · Unable 0*"],
  [
    "Prolonged sitting with knees flexed (10)",
    "No difficulty 10 · Pain after exercise 8 · Constant pain 6 · Pain forces to extend knees temporarily 4 · Unable 0",
  ],
  ["Pain (10)", "None 10 · Slight and occasional 8 · Interferes with sleep 6 · Occasionally severe 3 · Constant and severe 0"],
  ["Swelling (10)", "None 10 · After severe exertion 8 · After daily activities 6 · Every evening 4 · Constant 0"],
  [
    "Abnormal painful kneecap movements / subluxations (10)",
    "None 10 · Occasionally in sports 6 · Occasionally in daily activities 4 · ≥1 documented dislocation 2 · >2 dislocations 0",
  ],
  ["Atrophy of thigh (5)", "None 5 · Slight 3 · Severe 0"],
  ["Flexion deficiency (5)", "None 5 · Slight 3 · Severe 0"],
];

const reference = KUJALA_TABLE.map(([item, options]) => ({
  item,
  max: Number(/\((\d+)\)$/.exec(item)![1]),
  options: options.split(" · ").map((o) => {
    const m = /^(.*) (\d+)\*?$/.exec(o)!;
    return { label: m[1]!, points: Number(m[2]) };
  }),
}));

const best = () => Array.from({ length: 13 }, () => 0);

describe("scoreAkps (Kujala, §4.1)", () => {
  it("matches the reference table: 13 items, maxima adding up to 100, index 0 the highest-scoring option", () => {
    expect(AKPS_POINTS.map((p) => [...p])).toEqual(reference.map((r) => r.options.map((o) => o.points)));
    expect(reference.reduce((s, r) => s + r.max, 0)).toBe(100);
    for (const r of reference) expect(r.options[0]!.points).toBe(r.max);
  });

  it("scores 100 when every first option is chosen and 0 when every last one is", () => {
    expect(scoreAkps(best())).toBe(AKPS_MAX);
    expect(scoreAkps(reference.map((r) => r.options.length - 1))).toBe(0);
  });

  const cases = reference.flatMap((r, item) => r.options.map((o, option) => ({ item, option, label: o.label, points: o.points, max: r.max, name: r.item })));
  it.each(cases)("item $item ($name), option $option ($label) scores $points", ({ item, option, points, max }) => {
    const choices = best();
    choices[item] = option;
    expect(scoreAkps(choices)).toBe(100 - max + points);
  });

  it("adds the items up", () => {
    // Slight limp 3, full support 5, >2 km 3, slight pain descending 8, repeated squatting painful 4,
    // pain after >2 km 8, slight difficulty 7, pain after exercise 8, slight and occasional 8,
    // none 10, none 10, slight 3, none 5.
    expect(scoreAkps([1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0])).toBe(82);
  });

  it.each([
    [[], "AKPS: expected 13 answers, got 0."],
    [Array(14).fill(0), "AKPS: expected 13 answers, got 14."],
    [[3, ...Array(12).fill(0)], "AKPS item 1: the answer must be an option index from 0 to 2, got 3."],
    [[...Array(4).fill(0), 5, ...Array(8).fill(0)], "AKPS item 5: the answer must be an option index from 0 to 4, got 5."],
    [[-1, ...Array(12).fill(0)], "AKPS item 1: the answer must be an option index from 0 to 2, got -1."],
    [[0.5, ...Array(12).fill(0)], "AKPS item 1: the answer must be an option index from 0 to 2, got 0.5."],
    [[Number.NaN, ...Array(12).fill(0)], "AKPS item 1: the answer must be an option index from 0 to 2, got NaN."],
  ])("refuses %j with a clear error", (input, message) => {
    expect(() => scoreAkps(input as number[])).toThrow(message);
  });

  it("refuses something that is not a list", () => {
    expect(() => scoreAkps(null as unknown as number[])).toThrow("AKPS: expected an array of 13 answers, got object.");
  });
});

describe("scoreLefs (§4.2)", () => {
  it("scores 80 for no difficulty anywhere and 0 for unable everywhere", () => {
    expect(scoreLefs(Array(20).fill(4))).toBe(LEFS_MAX);
    expect(LEFS_MAX).toBe(80);
    expect(scoreLefs(Array(20).fill(0))).toBe(0);
  });

  const cases = Array.from({ length: 20 }, (_, item) => [0, 1, 2, 3, 4].map((rating) => ({ item, rating }))).flat();
  it.each(cases)("item $item rated $rating adds $rating", ({ item, rating }) => {
    const ratings = Array(20).fill(0);
    ratings[item] = rating;
    expect(scoreLefs(ratings)).toBe(rating);
  });

  it.each([
    [Array(19).fill(4), "LEFS: expected 20 answers, got 19."],
    [[5, ...Array(19).fill(4)], "LEFS item 1: the rating must be a whole number from 0 to 4, got 5."],
    [[...Array(19).fill(4), -1], "LEFS item 20: the rating must be a whole number from 0 to 4, got -1."],
    [[...Array(9).fill(4), 2.5, ...Array(10).fill(4)], "LEFS item 10: the rating must be a whole number from 0 to 4, got 2.5."],
  ])("refuses %j with a clear error", (input, message) => {
    expect(() => scoreLefs(input as number[])).toThrow(message);
  });
});
