// Clinician-facing names for every exam field and answer: the form's labels, its error messages ("Hip
// abduction, left, trial 2 (N) must be a number from 0 to 1000.") and the list of what changed when two
// people edited one exam. Built from the schema's lists so a new field cannot go unnamed.
import { MMT_GRADES, MUSCLE_GROUPS, POSITIONS, type MuscleGroupKey } from "./exam-schema";

export const MUSCLE_GROUP_LABELS: Record<MuscleGroupKey, string> = {
  hipAbduction: "Hip abduction",
  hipExtension: "Hip extension",
  hipExternalRotation: "Hip external rotation",
  kneeExtension: "Knee extension",
};

export const SIDE_LABELS = { left: "Left", right: "Right" } as const;

export const POSITION_LABELS: Record<string, string> = {
  "side-lying-long-lever": "Side-lying, long lever (malleolus)",
  "side-lying-short-lever": "Side-lying, short lever (femoral condyle)",
  "supine-long-lever": "Supine, long lever",
  "supine-short-lever": "Supine, short lever",
  "prone-knee-90": "Prone, knee at 90°",
  "prone-knee-straight": "Prone, knee straight",
  "seated-90-90": "Seated 90/90",
  "seated-90": "Seated, knee at 90°",
};

export const TRI_LABELS = { positive: "Positive", negative: "Negative", "not-tested": "Not tested" } as const;

export const MMT_LABELS: Record<(typeof MMT_GRADES)[number], string> = {
  "0": "0 (no contraction)",
  "1": "1 (trace)",
  "2": "2 (full range, gravity eliminated)",
  "3-": "3−",
  "3": "3 (against gravity)",
  "3+": "3+ (minimal resistance)",
  "4-": "4− (minimal to moderate)",
  "4": "4 (moderate resistance)",
  "4+": "4+ (moderate to maximal)",
  "5-": "5−",
  "5": "5 (full resistance)",
  "not-tested": "Not tested",
};

export const SQUAT_RATING_LABELS = { good: "Good", fair: "Fair", poor: "Poor", "not-tested": "Not tested" } as const;
export const SCREEN_RESULT_LABELS = { pass: "Pass", fail: "Fail", "not-tested": "Not tested" } as const;
export const EFFUSION_LABELS = { none: "None", trace: "Trace", small: "Small", "moderate-or-large": "Moderate or large", "not-tested": "Not tested" } as const;
export const CLASSIFICATION_LABELS = {
  agree: "Agree with the app's suggested classification",
  pfp: "Patellofemoral pain",
  itbs: "ITB syndrome",
  "quadriceps-tendinopathy": "Quadriceps tendinopathy",
  "patellar-tendinopathy": "Patellar tendinopathy",
  unclear: "Unclear",
} as const;
export const STEP_DOWN_KNEE_LABELS = ["0: over the 2nd toe", "1: medial to the 2nd toe", "2: medial to the foot's border"] as const;
/** The knee item's question, naming its levels (the chips then read 0, 1, 2). */
export const STEP_DOWN_KNEE_QUESTION = "knee: tibial tuberosity 0 over the 2nd toe, 1 medial to it, 2 medial to the foot's border";

export const SINGLE_LEG_SQUAT_ITEMS = { kneeValgus: "Knee valgus", pelvicDrop: "Pelvic drop", trunkLean: "Trunk lean" } as const;
export const STEP_DOWN_ITEMS = {
  armStrategy: "Arm strategy",
  trunkLean: "Trunk lean",
  pelvisTilt: "Pelvis loses the horizontal",
  unsteady: "Unsteady stance",
} as const;
export const Y_BALANCE_REACHES = { anteriorCm: "Anterior", posteromedialCm: "Posteromedial", posterolateralCm: "Posterolateral" } as const;

export const RTR_SCREEN_LABELS = {
  walk30Min: "Walk 30 minutes pain-free (asked)",
  singleLegStand10s: "Single-leg stand 10 s",
  singleLegSquat10: "Single-leg squat ×10",
  jogOnSpot1Min: "Jog on the spot 1 minute",
  hop10: "Hop ×10–15",
} as const;

export const OTTAWA_LABELS = {
  age55OrOver: "Age 55 or over",
  isolatedPatellarTenderness: "Isolated patellar tenderness",
  fibularHeadTenderness: "Fibular head tenderness",
  cannotFlexTo90: "Cannot flex to 90°",
  cannotBearWeight4Steps: "Cannot bear weight for 4 steps (then and now)",
} as const;

export const SAFETY_TRI_LABELS = {
  focalBonyTenderness: "Focal bony tenderness",
  painOnHop: "Pain on single-leg hop",
  painfulHipInternalRotation: "Painful hip internal rotation",
} as const;

export const FLEXIBILITY_LABELS = {
  thomasOneJoint: "Thomas, one-joint (hip angle)",
  thomasTwoJoint: "Thomas, two-joint (knee angle)",
  ober: "Ober",
  ely: "Ely",
  hamstring9090: "Hamstring 90-90 (knee short of extension)",
} as const;

export const PALPATION_LABELS = {
  quadricepsTendon: "Quadriceps tendon",
  patellarTendonInferiorPole: "Patellar tendon, inferior pole",
  patellarFacets: "Patellar facets",
  lateralEpicondyleNoble: "Lateral femoral epicondyle (Noble)",
  jointLine: "Joint line",
  effusion: "Effusion",
} as const;

const sides = ["left", "right"] as const;
const lower = (s: string) => s.toLowerCase();

/** A table of the same keys with words of any language (the English tables above are literal types). */
type Words<T> = { [K in keyof T]: string };

/**
 * The words the exam's labels and answers are built from, in one language: the tables above and the
 * templates that combine them. English here (EXAM_LABEL_WORDS_EN); the clinic's catalog
 * (lib/i18n/clinic/exam.ts) holds the same shape in Spanish, so the form, its error messages and the list
 * of changes speak the clinic's language while the engine and the FHIR export keep the English.
 */
export interface ExamLabelWords {
  muscleGroups: Record<MuscleGroupKey, string>;
  /** Column headings and side names on their own ("Left"). */
  sides: Words<typeof SIDE_LABELS>;
  /** A side inside a label ("Hip abduction, left (N)"). */
  sidesInLabel: Words<typeof SIDE_LABELS>;
  positions: Record<string, string>;
  tri: Words<typeof TRI_LABELS>;
  mmt: Record<(typeof MMT_GRADES)[number], string>;
  mmtMuscles: { gluteusMedius: string; gluteusMaximus: string };
  squatRating: Words<typeof SQUAT_RATING_LABELS>;
  screenResult: Words<typeof SCREEN_RESULT_LABELS>;
  effusion: Words<typeof EFFUSION_LABELS>;
  classification: Words<typeof CLASSIFICATION_LABELS>;
  stepDownKnee: readonly [string, string, string];
  stepDownKneeQuestion: string;
  singleLegSquatItems: Words<typeof SINGLE_LEG_SQUAT_ITEMS>;
  stepDownItems: Words<typeof STEP_DOWN_ITEMS>;
  yBalanceReaches: Words<typeof Y_BALANCE_REACHES>;
  rtrScreen: Words<typeof RTR_SCREEN_LABELS>;
  ottawa: Words<typeof OTTAWA_LABELS>;
  safetyTri: Words<typeof SAFETY_TRI_LABELS>;
  flexibility: Words<typeof FLEXIBILITY_LABELS>;
  palpation: Words<typeof PALPATION_LABELS>;
  fields: {
    bodyMassKg: string;
    heightCm: string;
    impression: string;
    classification: string;
    limbLengthCm: string;
    calfCircumferenceDiffCm: string;
    squatReproducesPain: string;
  };
  /** Labels combined from a name, a side, an item: {name}, {side}, {item}, {n}. */
  templates: {
    position: string;
    leverArm: string;
    contraction: string;
    belt: string;
    trials: string;
    sideNotTested: string;
    trial: string;
    mmt: string;
    singleLegSquat: string;
    singleLegSquatItem: string;
    stepDown: string;
    stepDownNotTested: string;
    stepDownKnee: string;
    stepDownItem: string;
    trendelenburg: string;
    sidePlank: string;
    yBalance: string;
    flexibility: string;
    flexibilityDegrees: string;
    palpation: string;
    rtrPain: string;
    ottawa: string;
  };
  /** Stored answers as the list of changes reads them. */
  values: {
    blank: string;
    notTested: string;
    tested: string;
    belt: string;
    noBelt: string;
    yes: string;
    no: string;
    makeTest: string;
    breakTest: string;
    /** The decimal separator ("62.5 kg", "62,5 kg"). */
    decimal: string;
  };
}

export const EXAM_LABEL_WORDS_EN: ExamLabelWords = {
  muscleGroups: MUSCLE_GROUP_LABELS,
  sides: SIDE_LABELS,
  sidesInLabel: { left: "left", right: "right" },
  positions: POSITION_LABELS,
  tri: TRI_LABELS,
  mmt: MMT_LABELS,
  mmtMuscles: { gluteusMedius: "Gluteus medius", gluteusMaximus: "Gluteus maximus" },
  squatRating: SQUAT_RATING_LABELS,
  screenResult: SCREEN_RESULT_LABELS,
  effusion: EFFUSION_LABELS,
  classification: CLASSIFICATION_LABELS,
  stepDownKnee: STEP_DOWN_KNEE_LABELS,
  stepDownKneeQuestion: STEP_DOWN_KNEE_QUESTION,
  singleLegSquatItems: SINGLE_LEG_SQUAT_ITEMS,
  stepDownItems: STEP_DOWN_ITEMS,
  yBalanceReaches: Y_BALANCE_REACHES,
  rtrScreen: RTR_SCREEN_LABELS,
  ottawa: OTTAWA_LABELS,
  safetyTri: SAFETY_TRI_LABELS,
  flexibility: FLEXIBILITY_LABELS,
  palpation: PALPATION_LABELS,
  fields: {
    bodyMassKg: "Body mass (kg)",
    heightCm: "Height (cm)",
    impression: "Impression",
    classification: "Working classification",
    limbLengthCm: "Y-balance limb length (cm)",
    calfCircumferenceDiffCm: "Calf circumference difference (cm)",
    squatReproducesPain: "Squat reproduces the pain",
  },
  templates: {
    position: "{name} position",
    leverArm: "{name} lever arm (m)",
    contraction: "{name} make or break",
    belt: "{name} belt",
    trials: "{name}, {side} (N)",
    sideNotTested: "{name}, {side}, not tested",
    trial: "{name}, {side}, trial {n} (N)",
    mmt: "{name} MMT, {side}",
    singleLegSquat: "Single-leg squat, {side}",
    singleLegSquatItem: "Single-leg squat, {side}: {item}",
    stepDown: "Step-down, {side}",
    stepDownNotTested: "Step-down, {side}, not tested",
    stepDownKnee: "Step-down, {side}: knee position",
    stepDownItem: "Step-down, {side}: {item}",
    trendelenburg: "Trendelenburg, {side}",
    sidePlank: "Side plank, {side} (s)",
    yBalance: "Y-balance, {side}, {item} (cm)",
    flexibility: "{name}, {side}",
    flexibilityDegrees: "{name}, {side} (degrees)",
    palpation: "{name}, {side}",
    rtrPain: "{name}: pain (0–10)",
    ottawa: "Ottawa: {item}",
  },
  values: {
    blank: "(blank)",
    notTested: "not tested",
    tested: "tested",
    belt: "belt",
    noBelt: "no belt",
    yes: "yes",
    no: "no",
    makeTest: "make test",
    breakTest: "break test",
    decimal: ".",
  },
};

/** A label template with its values ("{name}, {side} (N)"). */
export function fillLabel(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => values[k] ?? whole);
}

function build(w: ExamLabelWords): Record<string, string> {
  const t = w.templates;
  const l: Record<string, string> = {
    bodyMassKg: w.fields.bodyMassKg,
    heightCm: w.fields.heightCm,
    impression: w.fields.impression,
    classification: w.fields.classification,
    "functional.yBalance.limbLengthCm": w.fields.limbLengthCm,
    "safety.calfCircumferenceDiffCm": w.fields.calfCircumferenceDiffCm,
    "palpation.squatReproducesPain": w.fields.squatReproducesPain,
  };
  for (const g of MUSCLE_GROUPS) {
    const name = w.muscleGroups[g];
    l[`strength.${g}`] = name;
    l[`strength.${g}.protocol.position`] = fillLabel(t.position, { name });
    l[`strength.${g}.protocol.leverArmM`] = fillLabel(t.leverArm, { name });
    l[`strength.${g}.protocol.contraction`] = fillLabel(t.contraction, { name });
    l[`strength.${g}.protocol.belt`] = fillLabel(t.belt, { name });
    for (const s of sides) {
      const side = w.sidesInLabel[s];
      l[`strength.${g}.${s}.trialsN`] = fillLabel(t.trials, { name, side });
      l[`strength.${g}.${s}.notTested`] = fillLabel(t.sideNotTested, { name, side });
      for (const i of [0, 1, 2]) l[`strength.${g}.${s}.trialsN.${i}`] = fillLabel(t.trial, { name, side, n: String(i + 1) });
    }
  }
  for (const s of sides) {
    const side = w.sidesInLabel[s];
    l[`mmt.gluteusMedius.${s}`] = fillLabel(t.mmt, { name: w.mmtMuscles.gluteusMedius, side });
    l[`mmt.gluteusMaximus.${s}`] = fillLabel(t.mmt, { name: w.mmtMuscles.gluteusMaximus, side });
    l[`functional.singleLegSquat.${s}`] = fillLabel(t.singleLegSquat, { side });
    l[`functional.singleLegSquat.${s}.rating`] = fillLabel(t.singleLegSquat, { side });
    for (const [k, v] of Object.entries(w.singleLegSquatItems))
      l[`functional.singleLegSquat.${s}.${k}`] = fillLabel(t.singleLegSquatItem, { side, item: lower(v) });
    l[`functional.stepDown.${s}`] = fillLabel(t.stepDown, { side });
    l[`functional.stepDown.${s}.notTested`] = fillLabel(t.stepDownNotTested, { side });
    l[`functional.stepDown.${s}.knee`] = fillLabel(t.stepDownKnee, { side });
    for (const [k, v] of Object.entries(w.stepDownItems)) l[`functional.stepDown.${s}.${k}`] = fillLabel(t.stepDownItem, { side, item: lower(v) });
    l[`functional.trendelenburg.${s}`] = fillLabel(t.trendelenburg, { side });
    l[`functional.sidePlankS.${s}`] = fillLabel(t.sidePlank, { side });
    for (const [k, v] of Object.entries(w.yBalanceReaches)) l[`functional.yBalance.${s}.${k}`] = fillLabel(t.yBalance, { side, item: lower(v) });
    for (const [k, v] of Object.entries(w.flexibility)) {
      l[`flexibility.${k}.${s}`] = fillLabel(t.flexibility, { name: v, side });
      l[`flexibility.${k}.${s}.result`] = fillLabel(t.flexibility, { name: v, side });
      l[`flexibility.${k}.${s}.degrees`] = fillLabel(t.flexibilityDegrees, { name: v, side });
    }
    for (const [k, v] of Object.entries(w.palpation)) l[`palpation.${k}.${s}`] = fillLabel(t.palpation, { name: v, side });
  }
  for (const [k, v] of Object.entries(w.rtrScreen)) {
    l[`rtrScreen.${k}`] = v;
    l[`rtrScreen.${k}.result`] = v;
    l[`rtrScreen.${k}.pain`] = fillLabel(t.rtrPain, { name: v });
  }
  for (const [k, v] of Object.entries(w.ottawa)) l[`safety.ottawa.${k}`] = fillLabel(t.ottawa, { item: lower(v) });
  for (const [k, v] of Object.entries(w.safetyTri)) l[`safety.${k}`] = v;
  return l;
}

const built = new WeakMap<ExamLabelWords, Record<string, string>>();

/** Every field's label by its full path, in the words given (built once per language). */
export function buildExamLabels(words: ExamLabelWords): Record<string, string> {
  let l = built.get(words);
  if (!l) built.set(words, (l = build(words)));
  return l;
}

/** Every field's label by its full path ("strength.hipAbduction.left.trialsN.1"), in English. */
export const examLabels: Record<string, string> = buildExamLabels(EXAM_LABEL_WORDS_EN);

/** How a stored answer reads to a clinician (for the list of changes between two versions); English unless
 * the clinic's words are given. */
export function formatExamValue(path: string, value: unknown, w: ExamLabelWords = EXAM_LABEL_WORDS_EN): string {
  const v = w.values;
  if (value === undefined || value === null || value === "") return v.blank;
  if (typeof value === "boolean") {
    if (/\.(notTested)$/.test(path)) return value ? v.notTested : v.tested;
    if (/\.belt$/.test(path)) return value ? v.belt : v.noBelt;
    return value ? v.yes : v.no;
  }
  if (typeof value === "number") {
    const unit = /trialsN/.test(path)
      ? " N"
      : /Kg$/.test(path)
        ? " kg"
        : /Cm$/.test(path)
          ? " cm"
          : /leverArmM$/.test(path)
            ? " m"
            : /degrees$/.test(path)
              ? "°"
              : /sidePlankS/.test(path)
                ? " s"
                : "";
    if (/stepDown\.\w+\.knee$/.test(path)) return w.stepDownKnee[value] ?? String(value);
    return `${String(value).replace(".", v.decimal)}${unit}`;
  }
  const s = String(value);
  if (/protocol\.position$/.test(path)) return w.positions[s] ?? s;
  if (/^classification$/.test(path)) return w.classification[s as keyof typeof CLASSIFICATION_LABELS] ?? s;
  if (/^mmt\./.test(path)) return w.mmt[s as keyof typeof MMT_LABELS] ?? s;
  if (s === "make") return v.makeTest;
  if (s === "break") return v.breakTest;
  const words: Record<string, string> = { ...w.tri, ...w.squatRating, ...w.screenResult, ...w.effusion };
  return words[s] ?? s;
}

/** Positions offered for a muscle group (§2.2). */
export function positionsFor(group: MuscleGroupKey): ReadonlyArray<string> {
  return POSITIONS[group];
}
