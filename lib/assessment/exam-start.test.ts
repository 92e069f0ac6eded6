import { describe, expect, it } from "vitest";
import { fullExam } from "../../prisma/factories";
import type { ExamData } from "./exam-schema";
import { intakeNumber, sexForNorm, startExam } from "./exam-start";
import { DEFAULT_HHD_PROTOCOLS } from "./settings";

const clinicProtocols = DEFAULT_HHD_PROTOCOLS;
const intake = { about: { bodyMassKg: 64.5, heightCm: 171, sex: "female" } };

describe("startExam: what a new or draft exam opens with", () => {
  it("gives a first exam the clinic's standard protocols and the intake's body mass and height", () => {
    const s = startExam({ saved: null, editable: true, previous: null, clinicProtocols, intakeAnswers: intake });
    expect(s.initial.strength.hipAbduction?.protocol).toEqual(DEFAULT_HHD_PROTOCOLS.hipAbduction);
    expect(s.sources.hipAbduction).toEqual({ kind: "clinic" });
    expect(s.initial.bodyMassKg).toBe(64.5);
    expect(s.initial.heightCm).toBe(171);
    expect(s.prefilled).toEqual({ bodyMassKg: true, heightCm: true });
  });

  it("carries each protocol forward from the patient's previous exam, lever arm included", () => {
    const previous = { data: fullExam(), visitDate: "2026-10-28" };
    const s = startExam({ saved: null, editable: true, previous, clinicProtocols, intakeAnswers: null });
    expect(s.initial.strength.hipAbduction?.protocol).toEqual({ position: "side-lying-long-lever", leverArmM: 0.82, contraction: "break", belt: true });
    expect(s.sources.hipAbduction).toEqual({ kind: "previous", visitDate: "2026-10-28" });
    // The previous exam's trials are not copied: only the protocol.
    expect(s.initial.strength.hipAbduction?.left).toBeUndefined();
  });

  it("uses the clinic's standard for a group the previous exam had no protocol for", () => {
    const prev: ExamData = { strength: { hipAbduction: { protocol: { position: "supine-long-lever" } } } };
    const s = startExam({ saved: null, editable: true, previous: { data: prev, visitDate: "2026-10-28" }, clinicProtocols, intakeAnswers: null });
    expect(s.initial.strength.hipAbduction?.protocol?.position).toBe("supine-long-lever");
    expect(s.initial.strength.hipExtension?.protocol).toEqual(DEFAULT_HHD_PROTOCOLS.hipExtension);
    expect(s.sources.hipExtension).toEqual({ kind: "clinic" });
  });

  it("keeps what a draft already holds: its protocol, its body mass", () => {
    const saved: ExamData = { bodyMassKg: 70, strength: { hipAbduction: { protocol: { position: "supine-short-lever", contraction: "make" } } } };
    const s = startExam({ saved, editable: true, previous: null, clinicProtocols, intakeAnswers: intake });
    expect(s.initial.strength.hipAbduction?.protocol).toEqual({ position: "supine-short-lever", contraction: "make" });
    expect(s.sources.hipAbduction).toEqual({ kind: "saved" });
    expect(s.initial.bodyMassKg).toBe(70);
    expect(s.prefilled.bodyMassKg).toBe(false);
    expect(s.initial.heightCm).toBe(171);
  });

  it("shows a finalized exam exactly as it was, filling nothing in", () => {
    const saved: ExamData = { strength: {} };
    const s = startExam({ saved, editable: false, previous: { data: fullExam(), visitDate: "2026-10-28" }, clinicProtocols, intakeAnswers: intake });
    expect(s.initial).toEqual(saved);
    expect(s.prefilled).toEqual({ bodyMassKg: false, heightCm: false });
  });
});

describe("reading the intake defensively", () => {
  it.each([
    [{ about: { bodyMassKg: 62 } }, 62],
    [{ about: { bodyMassKg: "62" } }, undefined],
    [{ about: { bodyMassKg: 5 } }, undefined],
    [{ about: null }, undefined],
    [{ knee: { side: "left" } }, undefined],
    [null, undefined],
  ])("%o → %s", (answers, expected) => {
    expect(intakeNumber(answers, "bodyMassKg")).toBe(expected);
  });

  it("takes sex from the clinic's record first, then the intake, else nothing", () => {
    expect(sexForNorm("MALE", intake)).toBe("male");
    expect(sexForNorm("UNDISCLOSED", intake)).toBe("female");
    expect(sexForNorm("OTHER", { about: { sex: "other" } })).toBeNull();
    expect(sexForNorm(null, null)).toBeNull();
  });
});
