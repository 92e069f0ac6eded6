import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("password policy (length, breached list, context; no composition rules)", () => {
  it.each([
    ["shorter than 15 characters", "correct horse", "too-short"],
    ["longer than 200", "x".repeat(201), "too-long"],
    ["a keyboard walk made of two listed halves", "1q2w3e4r5t6y7u8i", "common"],
    ["on the breached list as is", "q1w2e3r4t5y6u7i8", "common"],
    ["random characters", "Tq9#mZ2!vL8@pW4x", null],
    ["a listed password padded with digits", "iloveyou123456789", "common"],
    ["a listed password with symbols around it", "!!!sunshine2024!!!", "common"],
    ["one listed word twice", "passwordpassword", "common"],
    ["two listed words", "football12345678", "common"],
    ["a repeated chunk", "abcabcabcabcabcabc", "common"],
    ["one character repeated", "aaaaaaaaaaaaaaaa", "common"],
    ["a run of digits", "123456789012345", "common"],
    ["the service's name", "stride-knee-clinic-2026", "personal"],
    ["the user's email name", "ana.silva-runs-far-away", null],
    ["a passphrase of unrelated words", "violet tractor pencil harbour", null],
    ["no letters at all but random", "8302 9917 4466 0132", null],
  ])("%s", (_, password, expected) => {
    expect(passwordProblem(password, { email: "ben.ode@clinic.example", name: "Ben Ode" })).toBe(expected);
  });

  it("refuses the user's own name or email in the password", () => {
    expect(passwordProblem("my name is silvana ok then", { email: "x@y.z", name: "Ana Silvana" })).toBe("personal");
    expect(passwordProblem("benode-very-long-secret", { email: "benode@clinic.example" })).toBe("personal");
  });
});
