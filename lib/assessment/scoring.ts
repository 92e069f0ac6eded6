// Questionnaire scores (clinical-reference §4.1 Kujala AKPS, §4.2 LEFS). This file imports nothing, so any
// TypeScript runner can load it on its own (issue 3's scoring contract).

/** Points for each AKPS item's options, in the reference table's order (index 0 = first listed). */
export const AKPS_POINTS: readonly (readonly number[])[] = [
  [5, 3, 0], // 1 limp
  [5, 3, 0], // 2 support
  [5, 3, 2, 0], // 3 walking
  [10, 8, 5, 0], // 4 stairs
  [5, 4, 3, 2, 0], // 5 squatting
  [10, 8, 6, 3, 0], // 6 running
  [10, 7, 2, 0], // 7 jumping
  [10, 8, 6, 4, 0], // 8 prolonged sitting with knees flexed
  [10, 8, 6, 3, 0], // 9 pain
  [10, 8, 6, 4, 0], // 10 swelling
  [10, 6, 4, 2, 0], // 11 abnormal painful kneecap movements (subluxations)
  [5, 3, 0], // 12 atrophy of thigh
  [5, 3, 0], // 13 flexion deficiency
];

/** Kujala Anterior Knee Pain Scale, 0–100 (higher is better), from the 13 chosen option indexes. */
export function scoreAkps(choices: number[]): number {
  if (!Array.isArray(choices) || choices.length !== AKPS_POINTS.length) {
    throw new Error(`scoreAkps needs ${AKPS_POINTS.length} answers, got ${Array.isArray(choices) ? choices.length : typeof choices}`);
  }
  return choices.reduce((sum, choice, i) => {
    const points = AKPS_POINTS[i]!;
    if (!Number.isInteger(choice) || choice < 0 || choice >= points.length) {
      throw new Error(`scoreAkps: item ${i + 1} answer must be an option index from 0 to ${points.length - 1}, got ${String(choice)}`);
    }
    return sum + points[choice]!;
  }, 0);
}

export const LEFS_ITEMS = 20;

/** Lower Extremity Functional Scale, 0–80 (higher is better), from 20 ratings of 0–4. */
export function scoreLefs(ratings: number[]): number {
  if (!Array.isArray(ratings) || ratings.length !== LEFS_ITEMS) {
    throw new Error(`scoreLefs needs ${LEFS_ITEMS} ratings, got ${Array.isArray(ratings) ? ratings.length : typeof ratings}`);
  }
  return ratings.reduce((sum, r, i) => {
    if (!Number.isInteger(r) || r < 0 || r > 4) throw new Error(`scoreLefs: item ${i + 1} rating must be a whole number from 0 to 4, got ${String(r)}`);
    return sum + r;
  }, 0);
}
