import { describe, expect, it } from "vitest";
import { assess } from "./engine";
import { EXAM_SCHEMA_VERSION } from "./exam-schema";
import { INTAKE_SCHEMA_VERSION } from "./intake-schema";
import { DEFAULT_SETTINGS } from "./settings";
import { readExamJson, readIntakeJson, readSummaryContent, StoredDataError } from "./stored-versions";
import { fullExam, fullIntake } from "./test-fixtures";

// One stored row of every version this app ever wrote, as that version's form wrote it.
const EXAM_V1 = { bodyMassKg: 64, strength: { hipAbduction: { left: { trialsN: [150, 152, null] }, right: { trialsN: [101, 99, 104] } } } };
const INTAKE_V1 = {
  knee: { side: "right" },
  pain: { now: 3, worstWeek: 6 },
  safety: { injuryOrFall: false, hotSwollenWithFever: false, calfSwelling: false, nightOrRestPain: true, givingWay: false },
  running: { weeklyKm: { thisWeek: 30, fourWeeksAgo: 25 }, hillsOrBanked: true },
};
const intakeV2 = () => {
  const { nightWakes: _w, constantRestPain: _c, ...safety } = fullIntake().safety;
  return { ...fullIntake(), safety: { ...safety, nightOrRestPain: true } };
};

describe("stored exams, every version", () => {
  it("version 1 reads as an exam with only strength and body mass recorded, values where they were", () => {
    const e = readExamJson(EXAM_V1, 1);
    expect(e.bodyMassKg).toBe(64);
    expect(e.strength?.hipAbduction?.right?.trialsN).toEqual([101, 99, 104]);
    const a = assess({ intake: fullIntake(), exam: e, settings: DEFAULT_SETTINGS });
    expect(a.derived.strength.hipAbduction?.weakerSide).toBe("right");
  });
  it(`version ${EXAM_SCHEMA_VERSION} (current) reads unchanged`, () => {
    expect(readExamJson(fullExam(), EXAM_SCHEMA_VERSION)).toEqual(fullExam());
  });
});

describe("stored intakes, every version", () => {
  it("version 1: its answers keep their paths, and its one night-or-rest answer still raises the night-pain finding", () => {
    const i = readIntakeJson(INTAKE_V1, 1);
    expect(i.pain?.worstWeek).toBe(6);
    expect(i.running?.weeklyKm?.thisWeek).toBe(30);
    const a = assess({ intake: i, exam: fullExam(), settings: DEFAULT_SETTINGS });
    expect(JSON.stringify(a.flags)).toContain("intake.safety.nightOrRestPain");
  });
  it("version 2: the single night/rest question is read as the older form's (the engine flags it)", () => {
    const a = assess({ intake: readIntakeJson(intakeV2(), 2), exam: fullExam(), settings: DEFAULT_SETTINGS });
    expect(JSON.stringify(a.flags)).toContain("intake.safety.nightOrRestPain");
  });
  it(`version ${INTAKE_SCHEMA_VERSION} (current) reads unchanged`, () => {
    expect(readIntakeJson(fullIntake(), INTAKE_SCHEMA_VERSION)).toEqual(fullIntake());
  });
});

describe("what is refused, in words", () => {
  it.each([
    ["a version from a newer build", () => readExamJson(fullExam(), EXAM_SCHEMA_VERSION + 1), /stored as version 3; this build reads versions 1 to 2/],
    ["version 0", () => readIntakeJson(fullIntake(), 0), /stored as version 0/],
    ["a list instead of answers", () => readIntakeJson([1, 2], 3), /not an object of answers/],
    ["a summary that is a string", () => readSummaryContent("x"), /not an object/],
  ])("%s", (_what, read, message) => {
    expect(read).toThrow(StoredDataError);
    expect(read).toThrow(message);
  });
});

describe("stored summaries, both shapes", () => {
  const assessment = assess({ intake: fullIntake(), exam: fullExam(), settings: DEFAULT_SETTINGS });
  it("signed before review edits existed: the assessment itself", () => {
    expect(readSummaryContent(assessment)).toEqual({ edits: {}, assessment });
  });
  it("a draft's edits, and a signed summary's edits with the assessment as signed", () => {
    expect(readSummaryContent({ edits: { clinicianNotes: "x" } })).toEqual({ edits: { clinicianNotes: "x" }, assessment: undefined });
    expect(readSummaryContent({ edits: {}, assessment }).assessment?.rulesetVersion).toBe(assessment.rulesetVersion);
    expect(readSummaryContent(null)).toEqual({ edits: {} });
  });
});
