import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { readExamJson, readIntakeJson, readSummaryContent, type SummaryContent } from "../assessment/stored-versions";
import type { EngineExam } from "../assessment/exam-schema";
import type { EngineIntake } from "../assessment/intake-schema";
import { openExam, openIntake, openSummaryJson } from "./sealed";

// The one way lib/data reads stored answers: open the encrypted fields, then bring the JSON from the version
// it was stored as up to this build's (lib/assessment/stored-versions.ts). No cast of a row's JSON elsewhere.

export const readExam = (row: { data: Prisma.JsonValue; schemaVersion: number }): EngineExam => readExamJson(openExam(row.data), row.schemaVersion);
export const readIntake = (row: { answers: Prisma.JsonValue; schemaVersion: number }): EngineIntake =>
  readIntakeJson(openIntake(row.answers), row.schemaVersion);
export const readSummary = (stored: Prisma.JsonValue | null | undefined): SummaryContent => readSummaryContent(openSummaryJson(stored));
