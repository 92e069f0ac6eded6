import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { clinicErrors, fieldErrorsFrom, formatIssue, labelsFrom } from "./messages";
import { validate } from "./validate";
import { intakeSchema } from "../assessment/intake-schema";
import * as z from "zod/mini";
import { numberIn } from "../assessment/schema-builders";

describe("formatIssue", () => {
  it("names the field and both bounds of a range", () => {
    expect(formatIssue("intRange:0:10", "Pain right now", clinicErrors)).toBe("Pain right now must be a whole number from 0 to 10.");
    expect(formatIssue("range:0:300", "Distance run this week (km)", en.errors)).toBe("Distance run this week (km): enter a number from 0 to 300.");
    expect(formatIssue("pace:150:900", "Usual pace", clinicErrors)).toBe("Usual pace must be a pace from 2:30 to 15:00.");
  });
  it("reads naturally when the label is a question", () => {
    expect(formatIssue("choice", "Which knee hurts?", en.errors)).toBe("Which knee hurts? Please choose one answer.");
  });
  it("names the field and gives an example time zone", () => {
    expect(formatIssue("timeZone", "Time zone", clinicErrors)).toBe(
      "Time zone must be a time zone name (region/city) such as America/Toronto or Europe/London.",
    );
  });
  it("falls back to a generic sentence for unknown codes", () => {
    expect(formatIssue("Invalid input: expected string", "Name", clinicErrors)).toBe("Name is not valid.");
  });
});

describe("one schema, the same messages on both sides", () => {
  it("turns every problem into a message keyed by the full path", () => {
    const r = validate(intakeSchema, { knee: { side: "middle" }, pain: { now: 11 }, running: { weeklyKm: {} } }, labelsFrom(en.intake.fields), en.errors);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors["knee.side"]).toBe("Which knee hurts? Please choose one answer.");
    expect(r.fieldErrors["pain.now"]).toBe("Pain right now: choose a whole number from 0 to 10.");
    expect(r.fieldErrors["pain.worstWeek"]).toBe("Worst pain in the past week: please choose one answer.");
    expect(r.fieldErrors["running.weeklyKm.thisWeek"]).toBe("Distance run this week: please answer this question.");
    // a whole missing section is one problem at the section's path
    expect(r.fieldErrors["safety"]).toBe("Safety questions: please answer this question.");
  });

  it("rejects a fraction where a whole number is asked, and a negative distance", () => {
    const schema = z.object({ a: numberIn(0, 10, { int: true }), b: numberIn(0, 300) });
    const r = schema.safeParse({ a: 2.5, b: -1 });
    expect(r.success).toBe(false);
    const errs = fieldErrorsFrom(r.error!.issues, () => "X", clinicErrors);
    expect(errs).toEqual({ a: "X must be a whole number from 0 to 10.", b: "X must be a number from 0 to 300." });
  });

  it("falls back to the nearest labelled parent", () => {
    const label = labelsFrom({ strength: "Strength" });
    expect(label("strength.hipAbduction.left")).toBe("Strength");
    expect(label("other")).toBe("This answer");
  });
});
