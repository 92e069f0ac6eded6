import { describe, expect, it } from "vitest";
import { flatten } from "../forms/merge";
import { schemaPaths } from "../forms/schema-paths";
import { examEs } from "../i18n/clinic/exam";
import { buildExamLabels, examLabels, EXAM_LABEL_WORDS_EN, formatExamValue } from "./exam-labels";
import { examSchema } from "./exam-schema";
import { fullExam } from "./test-fixtures";

describe("exam labels", () => {
  it("name every answer the exam schema can hold (no error message falls back to 'This answer')", () => {
    const paths = schemaPaths(examSchema);
    // The walk reaches every section, down to each of the three trials.
    expect(paths).toEqual(
      expect.arrayContaining([
        "bodyMassKg",
        "strength.kneeExtension.right.trialsN.2",
        "functional.stepDown.left.knee",
        "functional.yBalance.limbLengthCm",
        "safety.ottawa.cannotBearWeight4Steps",
        "impression",
      ]),
    );
    expect(paths.filter((p) => !examLabels[p])).toEqual([]);
  });

  it("the schema's paths are the paths a form holds (a complete exam flattens into them)", () => {
    const exam = fullExam();
    expect(examSchema.safeParse(exam).success).toBe(true);
    const paths = new Set(schemaPaths(examSchema));
    expect(Object.keys(flatten(exam)).filter((p) => !paths.has(p))).toEqual([]);
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

describe("exam labels in the clinic's language", () => {
  it("English words build the English labels (one source for the form, the server and the engine's callers)", () => {
    expect(buildExamLabels(EXAM_LABEL_WORDS_EN)).toBe(examLabels);
  });

  it("Spanish names every answer too, each path with its own label", () => {
    const es = buildExamLabels(examEs.labels);
    const paths = schemaPaths(examSchema);
    expect(paths.filter((p) => !es[p])).toEqual([]);
    expect(Object.keys(es).sort()).toEqual(Object.keys(examLabels).sort());
    expect(es["strength.hipAbduction.left.trialsN.1"]).toBe("Abducción de cadera, izquierda, intento 2 (N)");
    expect(es["safety.ottawa.age55OrOver"]).toBe("Ottawa: edad de 55 años o más");
  });

  it.each([
    ["strength.hipAbduction.left.notTested", true, "no evaluado"],
    ["strength.hipAbduction.protocol.contraction", "break", "prueba de ruptura"],
    ["bodyMassKg", 62.5, "62,5 kg"],
    ["functional.trendelenburg.left", "not-tested", "No evaluado"],
    ["impression", undefined, "(en blanco)"],
  ])("in Spanish %s = %o reads '%s'", (path, value, text) => {
    expect(formatExamValue(path, value, examEs.labels)).toBe(text);
  });
});
