import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { cleanInput, cleanText, hasUnsafeText, isVersion, MAX_INPUT_DEPTH } from "./input-hygiene";
import { clinicErrors } from "./messages";
import { MALFORMED_INPUT, validate } from "./validate";

describe("input hygiene", () => {
  it("removes NUL, other controls, lone surrogates, bidi overrides and zero-width characters; keeps text, emoji and line breaks", () => {
    expect(cleanText("Ana\u0000 Lee")).toBe("Ana Lee");
    expect(cleanText("x\uD800y\uDC00z")).toBe("xyz");
    expect(cleanText("Jo\u200Bhn")).toBe("John");
    expect(cleanText("\u202Egnp.exe")).toBe("gnp.exe");
    expect(cleanText("\u2066a\u2069\uFEFF")).toBe("a");
    expect(cleanText("line 1\nline 2\tend 🏃‍")).toBe("line 1\nline 2\tend 🏃");
    expect(cleanText("🏃")).toBe("🏃");
    // NFC: "e" + combining acute becomes "é".
    expect(cleanText("Rene\u0301e")).toBe("Renée");
    expect(hasUnsafeText("a\u0000")).toBe(true);
    expect(hasUnsafeText("Renée")).toBe(false);
  });

  it("cleans keys and values at every depth and refuses nesting deeper than any form", () => {
    expect(cleanInput({ "a\u0000": ["b\u202E", { c: "\uD800" }] })).toEqual({ a: ["b", { c: "" }] });
    let deep: unknown = "x";
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(() => cleanInput(deep)).toThrow();
    let ok: unknown = "x";
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) ok = [ok];
    expect(() => cleanInput(ok)).not.toThrow();
  });

  it("validate() answers a value, never a throw, for hostile shapes, and hands on cleaned text", () => {
    const schema = z.object({ name: z.string() });
    let deep: unknown = {};
    for (let i = 0; i < 20_000; i++) deep = { name: deep };
    expect(validate(schema, deep, String, clinicErrors)).toEqual({ ok: false, fieldErrors: {}, formError: MALFORMED_INPUT });
    expect(validate(schema, { name: "Ana\u0000\u202E" }, String, clinicErrors)).toEqual({ ok: true, data: { name: "Ana" } });
  });

  it("versions fit PostgreSQL's int4", () => {
    expect(isVersion(1)).toBe(true);
    expect(isVersion(2 ** 31 - 1)).toBe(true);
    expect(isVersion(2 ** 31)).toBe(false);
    expect(isVersion(0)).toBe(false);
    expect(isVersion(1.5)).toBe(false);
    expect(isVersion("1")).toBe(false);
  });
});

describe("dates within sane ranges", () => {
  it("a visit within two years of today; a race not in the past", async () => {
    const { startVisitSchema, visitDateInRange } = await import("./visit-schema");
    const { runningSchema: goalSchemaForTest } = await import("../assessment/intake-schema");
    const now = new Date("2026-12-05T12:00:00Z");
    expect(visitDateInRange("9999-12-31", now)).toBe(false);
    expect(visitDateInRange("2024-12-04", now)).toBe(false);
    expect(visitDateInRange("2024-12-05", now)).toBe(true);
    expect(visitDateInRange("2028-12-05", now)).toBe(true);
    expect(visitDateInRange("2028-12-06", now)).toBe(false);
    const r = validate(
      startVisitSchema,
      { patientId: "00000000-0000-4000-8000-000000000000", kind: "INITIAL", date: "9999-12-31" },
      () => "Visit date",
      clinicErrors,
    );
    expect(r).toEqual({ ok: false, fieldErrors: { date: "Visit date must be within two years of today." } });
    const past = goalSchemaForTest.shape.goal.safeParse({ kind: "event", eventDate: "2001-01-01" });
    expect(past.success ? [] : past.error.issues.map((i) => i.message)).toEqual(["dateNotPast"]);
    const next = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(goalSchemaForTest.shape.goal.safeParse({ kind: "event", eventDate: next }).success).toBe(true);
  });
});
