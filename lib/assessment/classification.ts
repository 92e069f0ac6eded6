// Working classification (clinical-rules §1): patellofemoral pain, ITB syndrome, tendinopathy to
// consider, or unclear, with the findings for and against. It guides the plan; the clinician confirms or
// overrides it in the exam, and the override wins.
import type { EngineExam } from "./exam-schema";
import type { EngineIntake, KneeArea } from "./intake-schema";
import { RULES } from "./rules";
import type { Classification, Finding, Flag } from "./types";

const LABEL: Record<Classification["code"], string> = {
  "pfp-likely": "Patellofemoral pain likely",
  "itbs-likely": "Iliotibial band syndrome likely",
  "tendinopathy-consider": "Tendinopathy to consider (clinician to confirm)",
  unclear: "Unclear",
};

const AREA_LABEL: Record<KneeArea, string> = {
  "above-kneecap": "above the kneecap",
  "around-kneecap": "around or behind the kneecap",
  "below-kneecap": "below the kneecap",
  inner: "inner side",
  outer: "outer side",
  back: "back of the knee",
};

/** §1.1: activities that load the patellofemoral joint on a bent knee. */
const PFJ_TRIGGERS = ["squatting", "stairs-down", "stairs-up", "running", "jumping", "downhill", "sitting"] as const;
const TRIGGER_LABEL: Record<(typeof PFJ_TRIGGERS)[number], string> = {
  squatting: "squatting",
  "stairs-down": "stairs down",
  "stairs-up": "stairs up",
  running: "running",
  jumping: "jumping",
  downhill: "running downhill",
  sitting: "long sitting with bent knees",
};

const OVERRIDE: Record<string, { code: Classification["code"]; tendon: Classification["tendon"] }> = {
  pfp: { code: "pfp-likely", tendon: null },
  itbs: { code: "itbs-likely", tendon: null },
  "quadriceps-tendinopathy": { code: "tendinopathy-consider", tendon: "quadriceps" },
  "patellar-tendinopathy": { code: "tendinopathy-consider", tendon: "patellar" },
  unclear: { code: "unclear", tendon: null },
};

type SideTri = { left?: string | null; right?: string | null } | null | undefined;

function positiveOnPainfulSide(t: SideTri, sides: ("left" | "right")[]): boolean {
  return !!t && sides.some((s) => t[s] === "positive");
}

export function classify(intake: EngineIntake | null, exam: EngineExam | null): Classification {
  const side = intake?.knee?.side ?? null;
  const sides: ("left" | "right")[] = side === "left" ? ["left"] : side === "right" ? ["right"] : ["left", "right"];
  const areas = new Set<KneeArea>();
  for (const s of sides) for (const a of intake?.knee?.areas?.[s] ?? []) if (a) areas.add(a as KneeArea);
  const triggers = new Set((intake?.knee?.triggers ?? []).filter(Boolean) as string[]);
  const p = exam?.palpation ?? {};
  const f = (code: string, label: string, value: Finding["value"] = true): Finding => ({ code, label, value });

  const pfjTriggers = PFJ_TRIGGERS.filter((t) => triggers.has(t));
  const squat = p.squatReproducesPain ?? null;
  const quadTendon = positiveOnPainfulSide(p.quadricepsTendon, sides);
  const patTendon = positiveOnPainfulSide(p.patellarTendonInferiorPole, sides);
  const noble = positiveOnPainfulSide(p.lateralEpicondyleNoble, sides);
  const jointLine = positiveOnPainfulSide(p.jointLine, sides);
  const facets = positiveOnPainfulSide(p.patellarFacets, sides);
  const bigEffusion = sides.some((s) => p.effusion?.[s] === "moderate-or-large");
  const onlyArea = areas.size === 1 ? [...areas][0]! : null;

  const areaFindings = [...areas].map((a) => f(`intake.knee.area.${a}`, `Pain ${AREA_LABEL[a]}`));

  // §1.4 app rule: one spot at the superior or inferior pole, or focal tendon tenderness.
  let tendon: Classification["tendon"] = null;
  const tendonFor: Finding[] = [];
  if (quadTendon) tendonFor.push(f("exam.palpation.quadricepsTendon", "Quadriceps tendon tender"));
  if (patTendon) tendonFor.push(f("exam.palpation.patellarTendonInferiorPole", "Patellar tendon (inferior pole) tender"));
  // The intake asks for areas, not a single point: say what was marked, not "one spot".
  if (onlyArea === "above-kneecap") tendonFor.push(f("intake.knee.area.above-kneecap", "Pain marked only above the kneecap"));
  if (onlyArea === "below-kneecap") tendonFor.push(f("intake.knee.area.below-kneecap", "Pain marked only below the kneecap"));
  if (quadTendon && !patTendon) tendon = "quadriceps";
  else if (patTendon && !quadTendon) tendon = "patellar";
  else if (!quadTendon && !patTendon) tendon = onlyArea === "above-kneecap" ? "quadriceps" : onlyArea === "below-kneecap" ? "patellar" : null;

  const pfpFor: Finding[] = [];
  if (areas.has("around-kneecap")) pfpFor.push(f("intake.knee.area.around-kneecap", "Pain around or behind the kneecap"));
  if (pfjTriggers.length) pfpFor.push(f("intake.knee.triggers", "Brought on by", pfjTriggers.map((t) => TRIGGER_LABEL[t]).join(", ")));
  if (squat === "positive") pfpFor.push(f("exam.palpation.squatReproducesPain", "Squatting reproduces the pain"));
  if (facets) pfpFor.push(f("exam.palpation.patellarFacets", "Patellar facets tender"));
  const pfpCore = areas.has("around-kneecap") && (pfjTriggers.length > 0 || squat === "positive");

  const itbsFor: Finding[] = [];
  if (areas.has("outer")) itbsFor.push(f("intake.knee.area.outer", "Pain on the outer side"));
  if (noble) itbsFor.push(f("exam.palpation.lateralEpicondyleNoble", "Lateral epicondyle tender / Noble test positive"));
  const itbsCore = areas.has("outer") && noble;

  const against: Finding[] = [];
  if (jointLine) against.push(f("exam.palpation.jointLine", "Joint line tender (consider meniscus)"));
  if (bigEffusion) against.push(f("exam.palpation.effusion", "Moderate or large effusion"));

  let code: Classification["code"];
  let forFindings: Finding[];
  let againstFindings: Finding[] = against;
  let rule = RULES.classifyUnclear;
  if (tendonFor.length) {
    code = "tendinopathy-consider";
    forFindings = tendonFor;
    if (bigEffusion) againstFindings = [...against]; // §1.4: an effusion is uncommon in tendinopathy
    rule = RULES.classifyTendon;
  } else if (itbsCore && !pfpCore) {
    code = "itbs-likely";
    forFindings = itbsFor;
    if (areas.has("around-kneecap")) againstFindings = [...against, f("intake.knee.area.around-kneecap", "Also pain around the kneecap")];
    rule = RULES.classifyItbs;
  } else if (pfpCore && !itbsCore) {
    code = "pfp-likely";
    forFindings = pfpFor;
    if (noble) againstFindings = [...against, f("exam.palpation.lateralEpicondyleNoble", "Noble test positive")];
    if (squat === "negative") againstFindings = [...againstFindings, f("exam.palpation.squatReproducesPain", "Squatting does not reproduce the pain", false)];
    rule = RULES.classifyPfp;
  } else {
    code = "unclear";
    forFindings = [...pfpFor, ...itbsFor];
    if (!forFindings.length) forFindings = areaFindings;
  }
  if (code !== "tendinopathy-consider") tendon = null;

  const override = exam?.classification && exam.classification !== "agree" ? OVERRIDE[exam.classification] : undefined;
  if (override) {
    return {
      code: override.code,
      tendon: override.tendon,
      label: LABEL[override.code],
      for: forFindings,
      against: againstFindings,
      clinicianOverride: `${LABEL[override.code]} (the clinician's working classification; the findings suggested: ${LABEL[code].toLowerCase()})`,
      rule,
    };
  }
  return {
    code,
    tendon,
    label: tendon ? `${LABEL[code]}: ${tendon} tendon` : LABEL[code],
    for: forFindings,
    against: againstFindings,
    clinicianOverride: null,
    rule,
  };
}

/**
 * What to examine when the classification cannot settle it (§1.3 "rule out", §5 last row): inner-knee pain
 * with giving way, or a tender joint line, points at the meniscus, the medial collateral ligament or patellar
 * instability, which the PFP programme does not address.
 */
export function classificationPrompts(intake: EngineIntake | null, exam: EngineExam | null, c: Classification): Flag[] {
  if (c.code === "pfp-likely" || c.code === "itbs-likely") return [];
  const side = intake?.knee?.side ?? null;
  const sides: ("left" | "right")[] = side === "left" ? ["left"] : side === "right" ? ["right"] : ["left", "right"];
  const inner = sides.some((s) => (intake?.knee?.areas?.[s] ?? []).includes("inner"));
  const givingWay = intake?.safety?.givingWay === true;
  const jointLine = positiveOnPainfulSide(exam?.palpation?.jointLine, sides);
  if (!(inner && (givingWay || jointLine))) return [];
  return [
    {
      code: "classification.examine-medial",
      level: "info",
      title: "Inner-knee pain with giving way or joint-line tenderness: examine the meniscus, MCL and patellar stability",
      detail:
        "Check the medial joint line and McMurray (meniscus), valgus stress at 0° and 30° (medial collateral ligament) and patellar apprehension (instability) before choosing a programme.",
      section: RULES.classifyUnclear.section,
      findings: [
        { code: "intake.knee.area.inner", label: "Pain on the inner side", value: true },
        ...(givingWay ? [{ code: "intake.safety.givingWay", label: "Knee gives way", value: true }] : []),
        ...(jointLine ? [{ code: "exam.palpation.jointLine", label: "Joint line tender", value: true }] : []),
      ],
    },
  ];
}
