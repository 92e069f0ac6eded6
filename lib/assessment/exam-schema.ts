// The clinician's exam: one schema for the form and the server. Units, protocols and limits from
// docs/clinical-rules.md §2 (hip strength) and §3 (functional and flexibility tests), §5 (safety findings),
// §6.2 (return-to-run screen).
//
// "Not tested" is an answer of its own everywhere, distinct from a blank (absent) and from zero.
import * as z from "zod/mini";
import { group, numberIn, oneOf, scale, text, type DeepPartial } from "./schema-builders";

export const EXAM_SCHEMA_VERSION = 2;

/** Physiological limits: a hand-held dynamometer reading above 1000 N is a typing error, not a hip. */
export const FORCE_LIMITS_N = { min: 0, max: 1000 } as const;
export const BODY_MASS_LIMITS_KG = { min: 20, max: 300 } as const;
export const HEIGHT_LIMITS_CM = { min: 100, max: 230 } as const;
/** §2.2: the lever arm is the distance from the joint axis to the dynamometer pad, in metres. */
export const LEVER_ARM_LIMITS_M = { min: 0.05, max: 1.2 } as const;

export const MUSCLE_GROUPS = ["hipAbduction", "hipExtension", "hipExternalRotation", "kneeExtension"] as const;
export type MuscleGroupKey = (typeof MUSCLE_GROUPS)[number];

/** §2.2 typical positions (stored as protocol metadata; norms only apply to the same protocol). */
export const POSITIONS = {
  hipAbduction: ["side-lying-long-lever", "side-lying-short-lever", "supine-long-lever", "supine-short-lever"],
  hipExtension: ["prone-knee-90", "prone-knee-straight"],
  hipExternalRotation: ["seated-90-90", "prone-knee-90"],
  kneeExtension: ["seated-90"],
} as const;

export const TRI = ["positive", "negative", "not-tested"] as const;
export type Tri = (typeof TRI)[number];
const tri = () => oneOf(TRI);
const perSide = <T extends z.ZodMiniType>(s: T) => group({ left: z.optional(s), right: z.optional(s) });

export const protocolSchema = group({
  position: z.optional(z.string().check(z.maxLength(40, "maxLength:40"))),
  leverArmM: z.optional(numberIn(LEVER_ARM_LIMITS_M.min, LEVER_ARM_LIMITS_M.max)),
  /** §2.2: make (patient pushes into a fixed dynamometer) or break (examiner overpowers); never mix. */
  contraction: z.optional(oneOf(["make", "break"])),
  belt: z.optional(z.boolean()),
});
export type Protocol = z.infer<typeof protocolSchema>;

const sideTrials = group({
  /** Up to three trials in newtons (null = a blank trial); the best is kept (§2.2). */
  trialsN: z.optional(z.array(z.nullable(numberIn(FORCE_LIMITS_N.min, FORCE_LIMITS_N.max))).check(z.maxLength(3, "invalid"))),
  notTested: z.optional(z.boolean()),
});

const hhdGroup = group({ protocol: z.optional(protocolSchema), left: z.optional(sideTrials), right: z.optional(sideTrials) });

/** MRC / Daniels & Worthingham grades with +/− (§2.1). */
export const MMT_GRADES = ["0", "1", "2", "3-", "3", "3+", "4-", "4", "4+", "5-", "5", "not-tested"] as const;

const singleLegSquat = group({
  rating: oneOf(["good", "fair", "poor", "not-tested"]),
  kneeValgus: z.optional(z.boolean()),
  pelvicDrop: z.optional(z.boolean()),
  trunkLean: z.optional(z.boolean()),
});

/** Lateral step-down, Piva 2006 (§3): one point each, the knee item 1 or 2; total 0–6. */
const stepDown = group({
  notTested: z.optional(z.boolean()),
  armStrategy: z.optional(z.boolean()),
  trunkLean: z.optional(z.boolean()),
  pelvisTilt: z.optional(z.boolean()),
  /** 0 = tibial tuberosity over the 2nd toe; 1 = medial to the 2nd toe; 2 = medial to the foot's border. */
  knee: z.optional(numberIn(0, 2, { int: true })),
  unsteady: z.optional(z.boolean()),
});

const yBalanceSide = group({
  anteriorCm: z.optional(numberIn(0, 200)),
  posteromedialCm: z.optional(numberIn(0, 250)),
  posterolateralCm: z.optional(numberIn(0, 250)),
});

/** §6.2 return-to-run screen: each test passes, fails or was not tested, with pain 0–10 when done. */
/** A pass means pain 2/10 or less (§6.2, the screen's own rule): "pass" with more pain is refused at the pain,
 * so the record cannot say "passed" when the screen was not. */
export const SCREEN_PASS_MAX_PAIN = 2;
const screenTest = group({ result: oneOf(["pass", "fail", "not-tested"]), pain: z.optional(scale(0, 10)) }).check(
  z.superRefine((t, ctx) => {
    if (t && t.result === "pass" && typeof t.pain === "number" && t.pain > SCREEN_PASS_MAX_PAIN) {
      ctx.addIssue({ code: "custom", message: `screenPass:${SCREEN_PASS_MAX_PAIN}`, path: ["pain"], input: t.pain });
    }
  }),
);

const flexibilityTest = group({ result: tri(), degrees: z.optional(numberIn(-60, 180)) });

export const examSchema = z.object({
  bodyMassKg: z.optional(numberIn(BODY_MASS_LIMITS_KG.min, BODY_MASS_LIMITS_KG.max)),
  heightCm: z.optional(numberIn(HEIGHT_LIMITS_CM.min, HEIGHT_LIMITS_CM.max)),
  /** Hand-held dynamometry (§2.2). Knee extension is optional. */
  strength: group({
    hipAbduction: z.optional(hhdGroup),
    hipExtension: z.optional(hhdGroup),
    hipExternalRotation: z.optional(hhdGroup),
    kneeExtension: z.optional(hhdGroup),
  }),
  mmt: z.optional(group({ gluteusMedius: perSide(oneOf(MMT_GRADES)), gluteusMaximus: perSide(oneOf(MMT_GRADES)) })),
  functional: z.optional(
    group({
      singleLegSquat: z.optional(perSide(singleLegSquat)),
      stepDown: z.optional(perSide(stepDown)),
      trendelenburg: z.optional(perSide(tri())),
      sidePlankS: z.optional(perSide(z.union([numberIn(0, 600), z.literal("not-tested")]))),
      yBalance: z.optional(group({ limbLengthCm: z.optional(numberIn(40, 140)), left: z.optional(yBalanceSide), right: z.optional(yBalanceSide) })),
    }),
  ),
  rtrScreen: z.optional(
    group({
      walk30Min: z.optional(screenTest),
      singleLegStand10s: z.optional(screenTest),
      singleLegSquat10: z.optional(screenTest),
      jogOnSpot1Min: z.optional(screenTest),
      hop10: z.optional(screenTest),
    }),
  ),
  safety: z.optional(
    group({
      /** Ottawa knee rule items, asked after an injury (§5, Stiell 1996). */
      ottawa: z.optional(
        group({
          age55OrOver: z.optional(z.boolean()),
          isolatedPatellarTenderness: z.optional(z.boolean()),
          fibularHeadTenderness: z.optional(z.boolean()),
          cannotFlexTo90: z.optional(z.boolean()),
          cannotBearWeight4Steps: z.optional(z.boolean()),
        }),
      ),
      /** Calf circumference difference 10 cm below the tibial tuberosity, cm (§5: >3 cm is a DVT sign). */
      calfCircumferenceDiffCm: z.optional(z.union([numberIn(0, 20), z.literal("not-tested")])),
      focalBonyTenderness: z.optional(tri()),
      painOnHop: z.optional(tri()),
      painfulHipInternalRotation: z.optional(tri()),
    }),
  ),
  flexibility: z.optional(
    group({
      thomasOneJoint: z.optional(perSide(flexibilityTest)),
      thomasTwoJoint: z.optional(perSide(flexibilityTest)),
      ober: z.optional(perSide(flexibilityTest)),
      ely: z.optional(perSide(flexibilityTest)),
      hamstring9090: z.optional(perSide(flexibilityTest)),
    }),
  ),
  palpation: z.optional(
    group({
      quadricepsTendon: z.optional(perSide(tri())),
      patellarTendonInferiorPole: z.optional(perSide(tri())),
      patellarFacets: z.optional(perSide(tri())),
      lateralEpicondyleNoble: z.optional(perSide(tri())),
      jointLine: z.optional(perSide(tri())),
      effusion: z.optional(perSide(oneOf(["none", "trace", "small", "moderate-or-large", "not-tested"]))),
      squatReproducesPain: z.optional(tri()),
    }),
  ),
  impression: z.optional(text(4000)),
  /** The clinician's working classification: agreeing with the engine's, or overriding it. */
  classification: z.optional(oneOf(["agree", "pfp", "itbs", "quadriceps-tendinopathy", "patellar-tendinopathy", "unclear"])),
});

export type ExamData = z.infer<typeof examSchema>;
/** What the engine reads: any part of an exam. */
export type EngineExam = DeepPartial<ExamData>;

export const EMPTY_EXAM: ExamData = { strength: {} };
