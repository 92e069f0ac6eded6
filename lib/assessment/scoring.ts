// Questionnaire scoring (shared by the intake, the exam and the engine).
// docs/clinical-rules.md §4.1 (Kujala Anterior Knee Pain Scale, AKPS) and §4.2 (Lower Extremity Functional
// Scale, LEFS). This file imports nothing at all, so any TypeScript runner can load it on its own.

/**
 * Points for each option of each AKPS item, items and options in the order of the table in §4.1 (index 0 is
 * the first listed, highest-scoring option). The reference notes that versions online differ (limp
 * "constant", squatting "partial weight bearing", jumping); this app uses the table exactly as listed.
 * The item maxima add up to 100.
 */
export const AKPS_POINTS: readonly (readonly number[])[] = [
  [5, 3, 0], // 1 Limp
  [5, 3, 0], // 2 Support
  [5, 3, 2, 0], // 3 Walking
  [10, 8, 5, 0], // 4 Stairs
  [5, 4, 3, 2, 0], // 5 Squatting
  [10, 8, 6, 3, 0], // 6 Running
  [10, 7, 2, 0], // 7 Jumping
  [10, 8, 6, 4, 0], // 8 Prolonged sitting with knees flexed
  [10, 8, 6, 3, 0], // 9 Pain
  [10, 8, 6, 4, 0], // 10 Swelling
  [10, 6, 4, 2, 0], // 11 Abnormal painful kneecap movements (subluxations)
  [5, 3, 0], // 12 Atrophy of thigh
  [5, 3, 0], // 13 Flexion deficiency
];

export const AKPS_ITEMS = AKPS_POINTS.length;
export const AKPS_MAX = 100;
/** §4.1: minimal clinically important difference (Crossley 2004). */
export const AKPS_MCID = 10;

/** §4.2: 20 items, each 0 (extreme difficulty or unable) to 4 (no difficulty). */
export const LEFS_ITEMS = 20;
export const LEFS_MAX_RATING = 4;
export const LEFS_MAX = LEFS_ITEMS * LEFS_MAX_RATING;
/** §4.2: minimal clinically important difference (and minimal detectable change), Binkley 1999. */
export const LEFS_MCID = 9;

function checkList(name: string, values: unknown, length: number): asserts values is number[] {
  if (!Array.isArray(values)) throw new TypeError(`${name}: expected an array of ${length} answers, got ${typeof values}.`);
  if (values.length !== length) throw new RangeError(`${name}: expected ${length} answers, got ${values.length}.`);
}

/**
 * Kujala AKPS total (0–100, higher is better) from the 13 chosen option indexes, items in §4.1's order.
 * Throws a RangeError naming the item when an answer is missing, not a whole number or not an option.
 */
export function scoreAkps(choices: number[]): number {
  checkList("AKPS", choices, AKPS_ITEMS);
  let total = 0;
  choices.forEach((choice, i) => {
    const options = AKPS_POINTS[i]!;
    if (!Number.isInteger(choice) || choice < 0 || choice >= options.length) {
      throw new RangeError(`AKPS item ${i + 1}: the answer must be an option index from 0 to ${options.length - 1}, got ${String(choice)}.`);
    }
    total += options[choice]!;
  });
  return total;
}

/**
 * LEFS total (0–80, higher is better) from the 20 ratings 0–4, items in §4.2's order.
 * Throws a RangeError naming the item when a rating is missing, not a whole number or outside 0–4.
 */
export function scoreLefs(ratings: number[]): number {
  checkList("LEFS", ratings, LEFS_ITEMS);
  let total = 0;
  ratings.forEach((rating, i) => {
    if (!Number.isInteger(rating) || rating < 0 || rating > LEFS_MAX_RATING) {
      throw new RangeError(`LEFS item ${i + 1}: the rating must be a whole number from 0 to ${LEFS_MAX_RATING}, got ${String(rating)}.`);
    }
    total += rating;
  });
  return total;
}
