import "server-only";
import { decryptJson, decryptPaths, decryptText, encryptJson, encryptPaths, encryptText, type FieldPath } from "../crypto/fields";

// Which stored values are encrypted (docs/decisions/0029-field-encryption.md), in one place: the data layer
// seals them on every write and opens them on every read, so pages, the engine, print, PDF, FHIR and the
// messages only ever see plain text. Structured answers (numbers, choices, yes/no) stay readable to SQL:
// the worklist's safety flags and the reports query them.

/** Free text in the exam (lib/assessment/exam-schema.ts). Protocol positions are picked from a list. */
export const EXAM_TEXT: readonly FieldPath[] = [["impression"]];

/** Free text in the intake answers (lib/assessment/intake-schema.ts: every `text(...)` field). */
export const INTAKE_TEXT: readonly FieldPath[] = [
  ["about", "nameCorrection"],
  ["about", "occupation"],
  ["running", "shoes"],
  ["running", "goal", "eventName"],
  ["knee", "triedOther"],
  ["consent", "signatureName"],
];

export const sealExam = <T>(data: T): T => encryptPaths(data, EXAM_TEXT);
export const openExam = <T>(data: T): T => decryptPaths(data, EXAM_TEXT);
export const sealIntake = <T>(answers: T): T => encryptPaths(answers, INTAKE_TEXT);
export const openIntake = <T>(answers: T): T => decryptPaths(answers, INTAKE_TEXT);

/**
 * A summary's `generated` and `content` are sealed whole: the clinician's notes, exercise notes and
 * education wording are free text, and the engine's sentences quote the patient's own (the goal race's
 * name), so no list of paths would be complete. Nothing queries inside them in SQL.
 */
export const sealSummaryJson = (v: unknown): string => encryptJson(v);
export const openSummaryJson = <T = unknown>(v: unknown): T => decryptJson<T>(v);

export const sealTotpSecret = (s: string): string => encryptText(s);
export const openTotpSecret = (s: string): string => decryptText(s);
