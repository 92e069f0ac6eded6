// Stored answers are read through one reader per kind, by the schema version stored beside them: the JSON a
// row holds was written by the build of its day, so each older version is brought up to the current one step
// by step, and a version this build does not know is refused in words rather than cast and half-read.
// lib/data calls these after opening the encrypted fields (lib/data/stored.ts).
import type { SummaryEdits } from "./edits";
import { EXAM_SCHEMA_VERSION, type EngineExam } from "./exam-schema";
import { INTAKE_SCHEMA_VERSION, type EngineIntake } from "./intake-schema";
import type { Assessment } from "./types";

export class StoredDataError extends Error {
  override name = "StoredDataError";
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === "object" && !Array.isArray(v);

function upgrade(kind: string, json: unknown, version: number, current: number, steps: Record<number, (d: Json) => Json>): Json {
  if (!Number.isInteger(version) || version < 1 || version > current) {
    throw new StoredDataError(`The ${kind} was stored as version ${version}; this build reads versions 1 to ${current}.`);
  }
  if (!isObject(json)) throw new StoredDataError(`The stored ${kind} is not an object of answers.`);
  let d = json;
  for (let v = version; v < current; v++) d = steps[v]!(d);
  return d;
}

/**
 * Exam versions. 1 → 2: version 1 held the body mass and the hip-abduction trials only, at the same paths
 * version 2 keeps them, so it reads as a version-2 exam with the other sections not recorded.
 */
const EXAM_STEPS: Record<number, (d: Json) => Json> = {
  1: (d) => d,
};

/**
 * Intake versions. 1 → 2: version 1's answers sit at the paths version 2 kept (knee side, pain now and worst
 * this week, the safety questions, this week's and four weeks ago's distance); its one yes/no for "hills or
 * banked roads" has no version-2 equivalent (downhill and banked roads are asked separately, by how often), so
 * it is kept as answered and nothing reads it: a frequency is not made up from a yes. 2 → 3: the night/rest
 * question was split in two (§5); the single older answer `safety.nightOrRestPain` is kept, and the engine
 * reads it as the older form's (safety.ts).
 */
const INTAKE_STEPS: Record<number, (d: Json) => Json> = {
  1: (d) => d,
  2: (d) => d,
};

export function readExamJson(json: unknown, version: number): EngineExam {
  return upgrade("exam", json, version, EXAM_SCHEMA_VERSION, EXAM_STEPS) as EngineExam;
}

export function readIntakeJson(json: unknown, version: number): EngineIntake {
  return upgrade("intake", json, version, INTAKE_SCHEMA_VERSION, INTAKE_STEPS) as EngineIntake;
}

/** What a summary row keeps: the clinician's review edits and, once signed, the assessment as signed. */
export interface SummaryContent {
  edits: SummaryEdits;
  assessment?: Assessment;
}

/**
 * A summary's stored content, in either of its two shapes: `{ edits, assessment? }`, or (summaries signed
 * before review edits existed) the assessment itself. Anything else is refused.
 */
export function readSummaryContent(content: unknown): SummaryContent {
  if (content === null || content === undefined) return { edits: {} };
  if (!isObject(content)) throw new StoredDataError("The stored summary is not an object.");
  if (!content.edits && typeof content.status === "string") return { edits: {}, assessment: content as unknown as Assessment };
  if (content.edits !== undefined && !isObject(content.edits)) throw new StoredDataError("The stored summary's edits are not an object.");
  if (content.assessment !== undefined && !isObject(content.assessment)) throw new StoredDataError("The stored summary's assessment is not an object.");
  return { edits: (content.edits ?? {}) as SummaryEdits, assessment: content.assessment as Assessment | undefined };
}
