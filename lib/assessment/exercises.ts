// The exercise library (versioned: a finalized summary keeps the version it was made with).
// Progression order from clinical-rules §7.2 (gluteus medius EMG ranking): 1 clamshell / isometrics,
// 2 side-lying abduction and bridge, 3 side plank, band walks, hip hike, 4 step-down and single-leg squat,
// 5 single-leg bridge and hip thrust; knee-targeted work alongside (§1.2: hip AND knee exercise beats knee
// alone; §7.2 squat within a comfortable range). Doses from §7.1: the ITBS pilot RCT's progressions
// (3 days a week, 8 weeks) and ACSM's novice strength dose (8–12 repetitions, 1–3 sets, 2–3 days a week).

// 2026.12.1: two knee exercises per plan (§7.4), isometric work at level 1, external-rotation work beyond
// level 1, safer instructions, every exercise names the next one in its chain.
export const EXERCISE_LIBRARY_VERSION = "exlib-2026.12.1";

/** The library's exercises, without words: each one's name, how-to and what to feel are in the summary
 * catalog (`summary.exercises[id]`, lib/i18n/summary-*.ts), for every language (ruleset 2026.12.5). */
export interface LibraryExercise {
  id: string;
  level: 1 | 2 | 3 | 4 | 5;
  target: "hip" | "knee" | "trunk";
  /** Which progression chain it belongs to; a programme takes one exercise per chain. */
  chain: "abductors" | "external-rotators" | "lateral-trunk" | "single-leg" | "extensors" | "quadriceps" | "knee-extension" | "clinician-choice";
  /** Key of the line drawing when it shares another exercise's (the same pose with a band or a hold). */
  drawing?: string;
  sets: number;
  reps?: number;
  holdSeconds?: number;
  perSide: boolean;
  source: string;
}

export const EXERCISES: readonly LibraryExercise[] = [
  {
    id: "clamshell",
    level: 1,
    target: "hip",
    chain: "external-rotators",
    sets: 3,
    reps: 15,
    perSide: true,
    source: "§7.2 level 1; §7.1 Khayambashi 2012 (abduction and external rotation, 3 days a week)",
  },
  {
    id: "side-lying-abduction",
    level: 2,
    target: "hip",
    chain: "abductors",
    sets: 2,
    reps: 10,
    perSide: true,
    source: "§7.2 level 2 (81% gluteus medius activity); §7.1 ITBS pilot: 2×10 → 3×10",
  },
  {
    id: "band-walk",
    level: 3,
    target: "hip",
    chain: "abductors",
    sets: 3,
    reps: 15,
    perSide: true,
    source: "§7.2 level 3; §7.1 ITBS pilot: monster walks 3×15 with a band",
  },
  {
    id: "side-plank",
    level: 3,
    target: "trunk",
    chain: "lateral-trunk",
    sets: 2,
    holdSeconds: 30,
    perSide: true,
    source: "§7.2 level 3 (side plank with abduction 89–103%); §7.1 ITBS pilot: modified side plank 2×30 s → side plank → with abduction 3×10",
  },
  {
    id: "hip-hike",
    level: 3,
    target: "hip",
    chain: "single-leg",
    sets: 3,
    reps: 10,
    perSide: true,
    source: "§7.2 level 3; §7.1 ITBS pilot: hip hikes 3×10 → 3×20 → single-leg squat",
  },
  {
    id: "single-leg-squat",
    level: 4,
    target: "hip",
    chain: "single-leg",
    sets: 3,
    reps: 12,
    perSide: true,
    source: "§7.2 level 4 (82%); §7.1 ITBS pilot: 3×12",
  },
  {
    id: "bridge",
    level: 2,
    target: "hip",
    chain: "extensors",
    sets: 3,
    reps: 12,
    perSide: false,
    source: "§7.2 level 2; §7.1 ITBS pilot: bridge 3×10–15",
  },
  {
    id: "single-leg-bridge",
    level: 4,
    target: "hip",
    chain: "extensors",
    sets: 3,
    reps: 10,
    perSide: true,
    source: "§7.2 level 5 start (single-leg march); §7.1 ITBS pilot: bridge → single-leg march → hip thrust",
  },
  {
    id: "hip-thrust",
    level: 5,
    target: "hip",
    chain: "extensors",
    sets: 3,
    reps: 10,
    perSide: false,
    source: "§7.2 level 5; §7.1 ACSM: 8–12 repetitions, add 2–10% when 1–2 extra repetitions are possible",
  },
  {
    id: "isometric-abduction",
    level: 1,
    target: "hip",
    chain: "abductors",
    sets: 5,
    holdSeconds: 30,
    perSide: false,
    drawing: "bridge",
    source: "§7.2 level 1 (isometrics, early, high-pain); §7.1 dosing by holds",
  },
  {
    id: "band-clamshell",
    level: 2,
    target: "hip",
    chain: "external-rotators",
    sets: 3,
    reps: 12,
    perSide: true,
    drawing: "clamshell",
    source: "§7.1 Khayambashi 2012 (band abduction and external rotation, 3 days a week); §7.2 clamshell progressions",
  },
  {
    id: "side-plank-clamshell",
    level: 4,
    target: "hip",
    chain: "external-rotators",
    sets: 3,
    reps: 10,
    perSide: true,
    drawing: "side-plank",
    source: "§7.2 clamshell progression 4 (77%) and side plank with abduction; §7.1 ACSM 8–12 repetitions",
  },
  {
    id: "bridge-hold",
    level: 1,
    target: "hip",
    chain: "extensors",
    sets: 5,
    holdSeconds: 20,
    perSide: false,
    drawing: "bridge",
    source: "§7.2 level 1 (isometrics, early, high-pain) before the level-2 bridge",
  },
  {
    id: "wall-sit",
    level: 1,
    target: "knee",
    chain: "quadriceps",
    sets: 5,
    holdSeconds: 30,
    perSide: false,
    drawing: "wall-sit",
    source: "§7.4 knee-targeted work in 0–45° of knee flexion; §7.2 level 1 isometrics",
  },
  {
    id: "isometric-knee-extension",
    level: 1,
    target: "knee",
    chain: "knee-extension",
    sets: 5,
    holdSeconds: 30,
    perSide: true,
    drawing: "seated-knee-extension",
    source: "§7.4 seated knee extension in 90–45°; §7.2 level 1 isometrics",
  },
  {
    id: "seated-knee-extension",
    level: 2,
    target: "knee",
    chain: "knee-extension",
    sets: 3,
    reps: 12,
    perSide: true,
    drawing: "seated-knee-extension",
    source: "§7.4 seated knee extension in 90–45° (low patellofemoral load); §7.1 ACSM 8–12 repetitions, add 2–10% load",
  },
  {
    id: "leg-press",
    level: 4,
    target: "knee",
    chain: "knee-extension",
    sets: 3,
    reps: 10,
    perSide: false,
    drawing: "squat",
    source: "§7.4 squat or leg press in 0–45°; §7.1 ACSM 8–12 repetitions, add 2–10% when 1–2 extra repetitions are possible",
  },
  {
    // Kept for the clinician to add (and for older summaries' edits); the draft uses the wall sit instead.
    id: "straight-leg-raise",
    level: 1,
    target: "knee",
    chain: "clinician-choice",
    sets: 3,
    reps: 10,
    perSide: true,
    source: "§1.2 combined hip and knee exercise; §7.2 knee-targeted work within a comfortable range",
  },
  {
    id: "sit-to-stand",
    level: 2,
    target: "knee",
    chain: "quadriceps",
    sets: 3,
    reps: 10,
    perSide: false,
    source: "§7.2 knee-targeted work (squat variants in a comfortable range); §7.1 ACSM novice dose",
  },
  {
    id: "squat",
    level: 3,
    target: "knee",
    chain: "quadriceps",
    sets: 3,
    reps: 10,
    perSide: false,
    source: "§7.2 squat within a comfortable range; §7.1 ACSM: 8–12 repetitions, 1–3 sets",
  },
  {
    id: "split-squat",
    level: 4,
    target: "knee",
    chain: "quadriceps",
    sets: 3,
    reps: 10,
    perSide: true,
    source: "§7.2 knee-targeted work; §7.1 ACSM novice dose",
  },
] as const;

export function findExercise(id: string): LibraryExercise | undefined {
  return EXERCISES.find((e) => e.id === id);
}

/** The next exercise in the same chain (the lowest level above this one), or null at the top. */
export function nextInChain(e: LibraryExercise): LibraryExercise | null {
  if (e.chain === "clinician-choice") return null;
  return EXERCISES.filter((x) => x.chain === e.chain && x.level > e.level).sort((a, b) => a.level - b.level)[0] ?? null;
}

export interface LibraryStretch {
  id: string;
  /** The flexibility test whose positive result selects it (§3, §7.3). */
  test: "thomasOneJoint" | "thomasTwoJoint" | "ely" | "ober" | "hamstring9090";
}

/** §7.3: hold about 30 s (as effective as 60 s), about 60 s in total per muscle, once a day is enough. */
export const STRETCH_DOSE = { holdSeconds: 30, reps: 2, daysPerWeek: 7 } as const;

export const STRETCHES: readonly LibraryStretch[] = [
  {
    id: "hip-flexor-stretch",
    test: "thomasOneJoint",
  },
  {
    id: "quadriceps-stretch",
    test: "thomasTwoJoint",
  },
  {
    id: "itb-stretch",
    test: "ober",
  },
  {
    id: "hamstring-stretch",
    test: "hamstring9090",
  },
] as const;
