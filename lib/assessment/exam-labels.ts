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

function build(): Record<string, string> {
  const l: Record<string, string> = {
    bodyMassKg: "Body mass (kg)",
    heightCm: "Height (cm)",
    impression: "Impression",
    classification: "Working classification",
    "functional.yBalance.limbLengthCm": "Y-balance limb length (cm)",
    "safety.calfCircumferenceDiffCm": "Calf circumference difference (cm)",
    "palpation.squatReproducesPain": "Squat reproduces the pain",
  };
  for (const g of MUSCLE_GROUPS) {
    const name = MUSCLE_GROUP_LABELS[g];
    l[`strength.${g}`] = name;
    l[`strength.${g}.protocol.position`] = `${name} position`;
    l[`strength.${g}.protocol.leverArmM`] = `${name} lever arm (m)`;
    l[`strength.${g}.protocol.contraction`] = `${name} make or break`;
    l[`strength.${g}.protocol.belt`] = `${name} belt`;
    for (const s of sides) {
      l[`strength.${g}.${s}.trialsN`] = `${name}, ${s} (N)`;
      l[`strength.${g}.${s}.notTested`] = `${name}, ${s}, not tested`;
      for (const i of [0, 1, 2]) l[`strength.${g}.${s}.trialsN.${i}`] = `${name}, ${s}, trial ${i + 1} (N)`;
    }
  }
  for (const s of sides) {
    l[`mmt.gluteusMedius.${s}`] = `Gluteus medius MMT, ${s}`;
    l[`mmt.gluteusMaximus.${s}`] = `Gluteus maximus MMT, ${s}`;
    l[`functional.singleLegSquat.${s}`] = `Single-leg squat, ${s}`;
    l[`functional.singleLegSquat.${s}.rating`] = `Single-leg squat, ${s}`;
    for (const [k, v] of Object.entries(SINGLE_LEG_SQUAT_ITEMS)) l[`functional.singleLegSquat.${s}.${k}`] = `Single-leg squat, ${s}: ${lower(v)}`;
    l[`functional.stepDown.${s}`] = `Step-down, ${s}`;
    l[`functional.stepDown.${s}.notTested`] = `Step-down, ${s}, not tested`;
    l[`functional.stepDown.${s}.knee`] = `Step-down, ${s}: knee position`;
    for (const [k, v] of Object.entries(STEP_DOWN_ITEMS)) l[`functional.stepDown.${s}.${k}`] = `Step-down, ${s}: ${lower(v)}`;
    l[`functional.trendelenburg.${s}`] = `Trendelenburg, ${s}`;
    l[`functional.sidePlankS.${s}`] = `Side plank, ${s} (s)`;
    for (const [k, v] of Object.entries(Y_BALANCE_REACHES)) l[`functional.yBalance.${s}.${k}`] = `Y-balance, ${s}, ${lower(v)} (cm)`;
    for (const [k, v] of Object.entries(FLEXIBILITY_LABELS)) {
      l[`flexibility.${k}.${s}`] = `${v}, ${s}`;
      l[`flexibility.${k}.${s}.result`] = `${v}, ${s}`;
      l[`flexibility.${k}.${s}.degrees`] = `${v}, ${s} (degrees)`;
    }
    for (const [k, v] of Object.entries(PALPATION_LABELS)) l[`palpation.${k}.${s}`] = `${v}, ${s}`;
  }
  for (const [k, v] of Object.entries(RTR_SCREEN_LABELS)) {
    l[`rtrScreen.${k}`] = v;
    l[`rtrScreen.${k}.result`] = v;
    l[`rtrScreen.${k}.pain`] = `${v}: pain (0–10)`;
  }
  for (const [k, v] of Object.entries(OTTAWA_LABELS)) l[`safety.ottawa.${k}`] = `Ottawa: ${lower(v)}`;
  for (const [k, v] of Object.entries(SAFETY_TRI_LABELS)) l[`safety.${k}`] = v;
  return l;
}

/** Every field's label by its full path ("strength.hipAbduction.left.trialsN.1"). */
export const examLabels: Record<string, string> = build();

/** How a stored answer reads to a clinician (for the list of changes between two versions). */
export function formatExamValue(path: string, value: unknown): string {
  if (value === undefined || value === null || value === "") return "(blank)";
  if (typeof value === "boolean") {
    if (/\.(notTested)$/.test(path)) return value ? "not tested" : "tested";
    if (/\.belt$/.test(path)) return value ? "belt" : "no belt";
    return value ? "yes" : "no";
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
    if (/stepDown\.\w+\.knee$/.test(path)) return STEP_DOWN_KNEE_LABELS[value] ?? String(value);
    return `${value}${unit}`;
  }
  const s = String(value);
  if (/protocol\.position$/.test(path)) return POSITION_LABELS[s] ?? s;
  if (/^classification$/.test(path)) return CLASSIFICATION_LABELS[s as keyof typeof CLASSIFICATION_LABELS] ?? s;
  if (/^mmt\./.test(path)) return MMT_LABELS[s as keyof typeof MMT_LABELS] ?? s;
  if (s === "make" || s === "break") return `${s} test`;
  const words: Record<string, string> = { ...TRI_LABELS, ...SQUAT_RATING_LABELS, ...SCREEN_RESULT_LABELS, ...EFFUSION_LABELS };
  return words[s] ?? s;
}

/** Positions offered for a muscle group (§2.2). */
export function positionsFor(group: MuscleGroupKey): ReadonlyArray<string> {
  return POSITIONS[group];
}
