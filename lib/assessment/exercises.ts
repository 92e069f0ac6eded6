// The exercise library (versioned: a finalized summary keeps the version it was made with).
// Progression order from clinical-rules §7.2 (gluteus medius EMG ranking): 1 clamshell / isometrics,
// 2 side-lying abduction and bridge, 3 side plank, band walks, hip hike, 4 step-down and single-leg squat,
// 5 single-leg bridge and hip thrust; knee-targeted work alongside (§1.2: hip AND knee exercise beats knee
// alone; §7.2 squat within a comfortable range). Doses from §7.1: the ITBS pilot RCT's progressions
// (3 days a week, 8 weeks) and ACSM's novice strength dose (8–12 repetitions, 1–3 sets, 2–3 days a week).

// 2026.12.1: two knee exercises per plan (§7.4), isometric work at level 1, external-rotation work beyond
// level 1, safer instructions, every exercise names the next one in its chain.
export const EXERCISE_LIBRARY_VERSION = "exlib-2026.12.1";

export interface LibraryExercise {
  id: string;
  name: string;
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
    chain: "external-rotators",
    sets: 3,
    reps: 15,
    perSide: true,
    howTo:
      "Lie on your side with your knees bent and your feet together. Keep your hips stacked one above the other (do not let the top hip roll back). Keep your feet touching and lift your top knee as far as is comfortable, then lower it slowly.",
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
    howTo:
      "Lie on your side with the bottom knee bent and your hips stacked. Keep the top leg straight and slightly behind you, toes pointing forward, and lift it about 30 degrees (a hand's width or two), leading with the heel. Lower slowly.",
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
    howTo:
      "Put a resistance band around your legs above the knees. Bend your knees a little and take slow steps sideways, keeping the band tight and your knees pointing over your toes.",
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
    howTo:
      "Lie on your side on your forearm, elbow under your shoulder. Start with your knees bent and lift your hips so your body is in a straight line. Hold, then rest. Later, straighten your legs.",
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
    howTo:
      "Stand sideways on the bottom step on one leg, holding a rail or wall, with the other foot hanging off the edge. Keep both knees straight and let the free hip drop a little, then lift it back up using the hip you stand on.",
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
    howTo:
      "Stand on one leg, holding a wall or chair lightly if you need to. Bend the knee a little, keeping it in line with your middle toes and your hips level, then stand tall again. Only go as deep as is comfortable.",
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
    howTo:
      "Lie on your back with your knees bent and feet flat. Squeeze your buttocks and lift your hips until your body is straight from shoulders to knees. Lower slowly.",
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
    howTo:
      "Sit with your upper back against a bench or sofa, knees bent, a weight across your hips if you have one. Lift your hips until your body is flat like a table, then lower.",
    feel: "Strong work in your buttocks. Choose a weight you could lift 2 more times at the end of each set.",
    source: "§7.2 level 5; §7.1 ACSM: 8–12 repetitions, add 2–10% when 1–2 extra repetitions are possible",
  },
  {
    id: "isometric-abduction",
    name: "Hip push-out hold",
    level: 1,
    target: "hip",
    chain: "abductors",
    sets: 5,
    holdSeconds: 30,
    perSide: false,
    drawing: "bridge",
    howTo:
      "Lie on your back with your knees bent and a belt or band tied around your thighs just above the knees. Push your knees out against it as hard as is comfortable and hold, breathing normally.",
    feel: "The sides of your hips working. No knee pain; ease off if there is any.",
    source: "§7.2 level 1 (isometrics, early, high-pain); §7.1 dosing by holds",
  },
  {
    id: "band-clamshell",
    name: "Clamshell with a band",
    level: 2,
    target: "hip",
    chain: "external-rotators",
    sets: 3,
    reps: 12,
    perSide: true,
    drawing: "clamshell",
    howTo:
      "As the clamshell, with a resistance band around your thighs just above the knees. Keep your hips stacked and your feet together; lift the top knee against the band and lower it slowly.",
    feel: "The back and side of your hip working hard by the last few.",
    source: "§7.1 Khayambashi 2012 (band abduction and external rotation, 3 days a week); §7.2 clamshell progressions",
  },
  {
    id: "side-plank-clamshell",
    name: "Side plank with clamshell",
    level: 4,
    target: "hip",
    chain: "external-rotators",
    sets: 3,
    reps: 10,
    perSide: true,
    drawing: "side-plank",
    howTo:
      "Lie on your side on your forearm with your knees bent and a band above the knees. Lift your hips into a short side plank, then open the top knee against the band and close it, keeping the hips up.",
    feel: "The hip you are lying on and the back of the top hip working. Stop if your shoulder hurts.",
    source: "§7.2 clamshell progression 4 (77%) and side plank with abduction; §7.1 ACSM 8–12 repetitions",
  },
  {
    id: "bridge-hold",
    name: "Bridge hold",
    level: 1,
    target: "hip",
    chain: "extensors",
    sets: 5,
    holdSeconds: 20,
    perSide: false,
    drawing: "bridge",
    howTo: "Lie on your back with your knees bent and feet flat. Squeeze your buttocks and lift your hips only as high as is comfortable, then hold.",
    feel: "Your buttocks working, not your lower back or knee.",
    source: "§7.2 level 1 (isometrics, early, high-pain) before the level-2 bridge",
  },
  {
    id: "wall-sit",
    name: "Shallow wall sit",
    level: 1,
    target: "knee",
    chain: "quadriceps",
    sets: 5,
    holdSeconds: 30,
    perSide: false,
    drawing: "wall-sit",
    howTo:
      "Lean your back against a wall with your feet a step in front of you. Slide down only a little (knees bent to about 30–45 degrees, well above a right angle) and hold.",
    feel: "The front of your thighs working. Knee pain no more than 2 out of 10; come up higher if it hurts.",
    source: "§7.4 knee-targeted work in 0–45° of knee flexion; §7.2 level 1 isometrics",
  },
  {
    id: "isometric-knee-extension",
    name: "Seated knee push hold",
    level: 1,
    target: "knee",
    chain: "knee-extension",
    sets: 5,
    holdSeconds: 30,
    perSide: true,
    drawing: "seated-knee-extension",
    howTo:
      "Sit on a chair and hook the front of your ankle behind a heavy chair leg, a sofa or a fixed band, knee bent to about 60 degrees. Push your foot forward as if to straighten the knee, without moving, and hold.",
    feel: "The front of your thigh working. Knee pain no more than 2 out of 10.",
    source: "§7.4 seated knee extension in 90–45°; §7.2 level 1 isometrics",
  },
  {
    id: "seated-knee-extension",
    name: "Seated knee extension",
    level: 2,
    target: "knee",
    chain: "knee-extension",
    sets: 3,
    reps: 12,
    perSide: true,
    drawing: "seated-knee-extension",
    howTo:
      "Sit on a chair with an ankle weight or a band around the ankle. Straighten the knee part way, from the bent position to about halfway (90 to 45 degrees), hold for 2 seconds and lower slowly. Do not lock it straight.",
    feel: "The front of your thigh working. Knee pain no more than 2 out of 10.",
    source: "§7.4 seated knee extension in 90–45° (low patellofemoral load); §7.1 ACSM 8–12 repetitions, add 2–10% load",
  },
  {
    id: "leg-press",
    name: "Leg press or heavier squat",
    level: 4,
    target: "knee",
    chain: "knee-extension",
    sets: 3,
    reps: 10,
    perSide: false,
    drawing: "squat",
    howTo:
      "On a leg press (or holding weights for a squat), bend the knees only to about 45 degrees and push back up. Choose a load you can lift 10 times with 2 more left in reserve.",
    feel: "Strong work in your thighs and buttocks. Knee pain no more than 2 out of 10.",
    source: "§7.4 squat or leg press in 0–45°; §7.1 ACSM 8–12 repetitions, add 2–10% when 1–2 extra repetitions are possible",
  },
  {
    // Kept for the clinician to add (and for older summaries' edits); the draft uses the wall sit instead.
    id: "straight-leg-raise",
    name: "Straight-leg raise",
    level: 1,
    target: "knee",
    chain: "clinician-choice",
    sets: 3,
    reps: 10,
    perSide: true,
    howTo:
      "Lie on your back with one knee bent. Tighten the front of the thigh of the straight leg, lift it to the height of the other knee, hold for 3 seconds and lower slowly.",
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
    howTo:
      "Stand with your feet hip-width apart. Sit back as if onto a chair, only as deep as is comfortable (a quarter to half squat to start), knees over your toes, then stand up. Hold a weight when 10 become easy.",
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
    howTo:
      "Stand with one foot a long step in front of the other, holding a wall or chair if you need to. Lower the back knee towards the floor only as deep as is comfortable, keeping the front knee over the middle of the foot, then push back up.",
    feel: "The front thigh and buttock working. Knee pain no more than 2 out of 10.",
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
    howTo:
      "Kneel on the leg to be stretched with a folded towel or cushion under that knee (or, if kneeling hurts, stand in a long stride with the back heel lifted), the other foot in front. Tuck your bottom under and shift your weight gently forward until you feel a stretch at the front of the hip of the back leg.",
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
    name: "Outer hip (ITB) stretch (optional extra)",
    test: "ober",
    howTo:
      "Stand and cross the leg to be stretched behind the other one. Lean your hips out to the side of the back leg until you feel a stretch on the outside of the hip.",
    feel: "A gentle pull on the outside of the hip or thigh.",
  },
  {
    id: "hamstring-stretch",
    name: "Hamstring stretch",
    test: "hamstring9090",
    howTo:
      "Lie on your back and hold the back of one thigh with the hip bent to 90 degrees. Slowly straighten the knee until you feel a stretch behind the thigh.",
    feel: "A gentle pull behind the thigh, not behind the knee.",
  },
] as const;
