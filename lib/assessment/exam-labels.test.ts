import { describe, expect, it } from "vitest";
import { fullExam } from "../../prisma/factories";
import { flatten } from "../forms/merge";
import { examLabels, formatExamValue } from "./exam-labels";
import { examSchema } from "./exam-schema";

describe("exam labels", () => {
  it("name every field of a complete exam (no error message falls back to 'This answer')", () => {
    const exam = fullExam();
    expect(examSchema.safeParse(exam).success).toBe(true);
    const unnamed = Object.keys(flatten(exam)).filter((p) => !examLabels[p]);
    expect(unnamed).toEqual([]);
  });

  it.each([
    ["strength.hipAbduction.left.trialsN.1", 150, "150 N"],
    ["strength.hipAbduction.left.notTested", true, "not tested"],
    ["strength.hipAbduction.protocol.belt", false, "no belt"],
    ["strength.hipAbduction.protocol.position", "side-lying-long-lever", "Side-lying, long lever (malleolus)"],
    ["functional.stepDown.left.knee", 2, "2: medial to the foot's border"],
    ["functional.trendelenburg.left", "not-tested", "Not tested"],
    ["mmt.gluteusMedius.left", "4+", "4+ (moderate to maximal)"],
    ["bodyMassKg", 62.5, "62.5 kg"],
    ["impression", undefined, "(blank)"],
  ])("%s = %o reads '%s'", (path, value, text) => {
    expect(formatExamValue(path, value)).toBe(text);
  });
});
