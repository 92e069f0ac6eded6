// The exercise library (versioned: a finalized summary keeps the version it was made with).
// Progression order from clinical-reference §7.2 (gluteus medius EMG ranking): 1 clamshell / isometrics,
// 2 side-lying abduction and bridge, 3 side plank, band walks, hip hike, 4 step-down and single-leg squat,
// 5 single-leg bridge and hip thrust; knee-targeted work alongside (§1.2: hip AND knee exercise beats knee
// alone; §7.2 squat within a comfortable range). Doses from §7.1: the ITBS pilot RCT's progressions
// (3 days a week, 8 weeks) and ACSM's novice strength dose (8–12 repetitions, 1–3 sets, 2–3 days a week).

export const EXERCISE_LIBRARY_VERSION = "exlib-2026.11.1";

export interface LibraryExercise {
  id: string;
  name: string;
  level: 1 | 2 | 3 | 4 | 5;
  target: "hip" | "knee" | "trunk";
  /** Which progression chain it belongs to; a programme takes one exercise per chain. */
  chain: "abductors" | "lateral-trunk" | "single-leg" | "extensors" | "quadriceps";
  sets: number;
  reps?: number;
  holdSeconds?: number;
  perSide: boolean;
  howTo: string;
  feel: string;
  source: string;
}

export const EXERCISES: readonly LibraryExercise[] = [
  {
    id: "clamshell",
    name: "Clamshell",
    level: 1,
    target: "hip",
    chain: "abductors",
    sets: 3,
    reps: 15,
    perSide: true,
    howTo: "Lie on your side with your knees bent and your feet together. Keep your feet touching and lift your top knee as far as is comfortable, then lower it slowly.",
    feel: "A working, tiring feeling in the side of your hip and buttock. Not in your knee.",
    source: "§7.2 level 1; §7.1 Khayambashi 2012 (abduction and external rotation, 3 days a week)",
  },
  {
    id: "side-lying-abduction",
    name: "Side-lying leg raise",
    level: 2,
    target: "hip",
    chain: "abductors",
    sets: 2,
    reps: 10,
    perSide: true,
    howTo: "Lie on your side with the bottom knee bent. Keep the top leg straight and slightly behind you, toes pointing forward, and lift it to about hip height. Lower slowly.",
    feel: "Burning in the side of your hip by the last few. Your back and knee stay comfortable.",
    source: "§7.2 level 2 (81% gluteus medius activity); §7.1 ITBS pilot: 2×10 → 3×10",
  },
  {
    id: "band-walk",
    name: "Band walk",
    level: 3,
    target: "hip",
    chain: "abductors",
    sets: 3,
    reps: 15,
    perSide: true,
    howTo: "Put a resistance band around your legs above the knees. Bend your knees a little and take slow steps sideways, keeping the band tight and your knees pointing over your toes.",
    feel: "The sides of your hips working hard. Knees stay pointing forward.",
    source: "§7.2 level 3; §7.1 ITBS pilot: monster walks 3×15 with a band",
  },
  {
    id: "side-plank",
    name: "Side plank",
    level: 3,
    target: "trunk",
    chain: "lateral-trunk",
    sets: 2,
    holdSeconds: 30,
    perSide: true,
    howTo: "Lie on your side on your forearm, elbow under your shoulder. Start with your knees bent and lift your hips so your body is in a straight line. Hold, then rest. Later, straighten your legs.",
    feel: "Your waist and the side of the hip you are lying on working. Stop if your shoulder hurts.",
    source: "§7.2 level 3 (side plank with abduction 89–103%); §7.1 ITBS pilot: modified side plank 2×30 s → side plank → with abduction 3×10",
  },
  {
    id: "hip-hike",
    name: "Hip hike",
    level: 3,
    target: "hip",
    chain: "single-leg",
    sets: 3,
    reps: 10,
    perSide: true,
    howTo: "Stand sideways on a step on one leg with the other foot hanging off the edge. Keep both knees straight and let the free hip drop a little, then lift it back up using the hip you stand on.",
    feel: "The side of the hip you stand on working. Small, slow movements.",
    source: "§7.2 level 3; §7.1 ITBS pilot: hip hikes 3×10 → 3×20 → single-leg squat",
  },
  {
    id: "single-leg-squat",
    name: "Single-leg squat",
    level: 4,
    target: "hip",
    chain: "single-leg",
    sets: 3,
    reps: 12,
    perSide: true,
    howTo: "Stand on one leg, holding a wall or chair lightly if you need to. Bend the knee a little, keeping it in line with your middle toes and your hips level, then stand tall again. Only go as deep as is comfortable.",
    feel: "Your thigh and buttock working. Knee pain no more than 2 out of 10.",
    source: "§7.2 level 4 (82%); §7.1 ITBS pilot: 3×12",
  },
  {
    id: "bridge",
    name: "Bridge",
    level: 2,
    target: "hip",
    chain: "extensors",
    sets: 3,
    reps: 12,
    perSide: false,
    howTo: "Lie on your back with your knees bent and feet flat. Squeeze your buttocks and lift your hips until your body is straight from shoulders to knees. Lower slowly.",
    feel: "Your buttocks working, not your lower back or hamstrings.",
    source: "§7.2 level 2; §7.1 ITBS pilot: bridge 3×10–15",
  },
  {
    id: "single-leg-bridge",
    name: "Single-leg bridge",
    level: 4,
    target: "hip",
    chain: "extensors",
    sets: 3,
    reps: 10,
    perSide: true,
    howTo: "Start in a bridge, then lift one foot off the floor and keep your hips level as you lower and lift again.",
    feel: "The buttock of the leg on the floor working hard. Hips stay level.",
    source: "§7.2 level 5 start (single-leg march); §7.1 ITBS pilot: bridge → single-leg march → hip thrust",
  },
  {
    id: "hip-thrust",
    name: "Hip thrust",
    level: 5,
    target: "hip",
    chain: "extensors",
    sets: 3,
    reps: 10,
    perSide: false,
    howTo: "Sit with your upper back against a bench or sofa, knees bent, a weight across your hips if you have one. Lift your hips until your body is flat like a table, then lower.",
    feel: "Strong work in your buttocks. Choose a weight you could lift 2 more times at the end of each set.",
    source: "§7.2 level 5; §7.1 ACSM: 8–12 repetitions, add 2–10% when 1–2 extra repetitions are possible",
  },
  {
    id: "straight-leg-raise",
    name: "Straight-leg raise",
    level: 1,
    target: "knee",
    chain: "quadriceps",
    sets: 3,
    reps: 10,
    perSide: true,
    howTo: "Lie on your back with one knee bent. Tighten the front of the thigh of the straight leg, lift it to the height of the other knee, hold for 3 seconds and lower slowly.",
    feel: "The front of your thigh working. Your kneecap should not hurt.",
    source: "§1.2 combined hip and knee exercise; §7.2 knee-targeted work within a comfortable range",
  },
  {
    id: "sit-to-stand",
    name: "Sit to stand",
    level: 2,
    target: "knee",
    chain: "quadriceps",
    sets: 3,
    reps: 10,
    perSide: false,
    howTo: "Sit on a firm chair with your feet hip-width apart. Stand up without using your hands, then sit down slowly. Use a higher seat if it hurts.",
    feel: "Your thighs working. Knee pain no more than 2 out of 10.",
    source: "§7.2 knee-targeted work (squat variants in a comfortable range); §7.1 ACSM novice dose",
  },
  {
    id: "squat",
    name: "Squat",
    level: 3,
    target: "knee",
    chain: "quadriceps",
    sets: 3,
    reps: 10,
    perSide: false,
    howTo: "Stand with your feet hip-width apart. Sit back as if onto a chair, only as deep as is comfortable, knees over your toes, then stand up.",
    feel: "Your thighs and buttocks working. Knee pain no more than 2 out of 10.",
    source: "§7.2 squat within a comfortable range; §7.1 ACSM: 8–12 repetitions, 1–3 sets",
  },
  {
    id: "split-squat",
    name: "Split squat",
    level: 4,
    target: "knee",
    chain: "quadriceps",
    sets: 3,
    reps: 10,
    perSide: true,
    howTo: "Stand with one foot a long step in front of the other. Lower the back knee towards the floor, keeping the front knee over the middle of the foot, then push back up.",
    feel: "The front thigh and buttock working.",
    source: "§7.2 knee-targeted work; §7.1 ACSM novice dose",
  },
] as const;

export function findExercise(id: string): LibraryExercise | undefined {
  return EXERCISES.find((e) => e.id === id);
}

export interface LibraryStretch {
  id: string;
  name: string;
  /** The flexibility test whose positive result selects it (§3, §7.3). */
  test: "thomasOneJoint" | "thomasTwoJoint" | "ely" | "ober" | "hamstring9090";
  howTo: string;
  feel: string;
}

/** §7.3: hold about 30 s (as effective as 60 s), about 60 s in total per muscle, once a day is enough. */
export const STRETCH_DOSE = { holdSeconds: 30, reps: 2, daysPerWeek: 7 } as const;

export const STRETCHES: readonly LibraryStretch[] = [
  {
    id: "hip-flexor-stretch",
    name: "Hip flexor stretch",
    test: "thomasOneJoint",
    howTo: "Kneel on one knee with the other foot in front. Tuck your bottom under and shift your weight gently forward until you feel a stretch at the front of the hip of the kneeling leg.",
    feel: "A gentle pull at the front of the hip. Never pain.",
  },
  {
    id: "quadriceps-stretch",
    name: "Thigh (quadriceps) stretch",
    test: "thomasTwoJoint",
    howTo: "Stand holding a wall. Bend one knee and hold your ankle behind you, knees together and hips tucked under.",
    feel: "A gentle pull down the front of your thigh. Ease off if your knee hurts.",
  },
  {
    id: "itb-stretch",
    name: "Outer hip (ITB) stretch",
    test: "ober",
    howTo: "Stand and cross the leg to be stretched behind the other one. Lean your hips out to the side of the back leg until you feel a stretch on the outside of the hip.",
    feel: "A gentle pull on the outside of the hip or thigh.",
  },
  {
    id: "hamstring-stretch",
    name: "Hamstring stretch",
    test: "hamstring9090",
    howTo: "Lie on your back and hold the back of one thigh with the hip bent to 90 degrees. Slowly straighten the knee until you feel a stretch behind the thigh.",
    feel: "A gentle pull behind the thigh, not behind the knee.",
  },
] as const;
