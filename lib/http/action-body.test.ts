import { describe, expect, it } from "vitest";
import { actionBodyProblem, BODY_TOO_LARGE, BODY_UNREADABLE, checkActionRequest, MAX_ACTION_BODY_BYTES, nestsDeeperThan } from "./action-body";

describe("a server action's body is checked before React decodes it", () => {
  it("measures nesting in one pass, ignoring brackets inside strings", () => {
    expect(nestsDeeperThan(`[${"[".repeat(20_000)}${"]".repeat(20_000)}]`, 64)).toBe(true);
    expect(nestsDeeperThan(`[${'{"a":'.repeat(65)}1${"}".repeat(65)}]`, 64)).toBe(true);
    expect(nestsDeeperThan(`["${"[".repeat(500)}", {"a": [1, {"b": "\\"[[["}]}]`, 64)).toBe(false);
  });

  it("answers 413 over the limit and 400 for unreadable or too deeply nested JSON, with a plain message", async () => {
    expect(actionBodyProblem(MAX_ACTION_BODY_BYTES + 1, "[]")).toEqual({ status: 413, message: BODY_TOO_LARGE });
    expect(actionBodyProblem(9, "{not json")).toEqual({ status: 400, message: BODY_UNREADABLE });
    expect(actionBodyProblem(40_000, `[${"[".repeat(20_000)}${"]".repeat(20_000)}]`)).toEqual({ status: 400, message: BODY_UNREADABLE });
    expect(actionBodyProblem(30, '["a\\u0000b", 2147483648]')).toBeNull();
    expect(actionBodyProblem(10, null)).toBeNull();

    const big = new Request("http://x/", {
      method: "POST",
      headers: { "next-action": "1", "content-type": "text/plain;charset=UTF-8" },
      body: JSON.stringify(["a".repeat(MAX_ACTION_BODY_BYTES)]),
    });
    expect(await checkActionRequest(big)).toMatchObject({ status: 413 });
    const ok = new Request("http://x/", {
      method: "POST",
      headers: { "next-action": "1", "content-type": "text/plain;charset=UTF-8" },
      body: '["a", {"b": [1, 2]}, null]',
    });
    expect(await checkActionRequest(ok)).toBeNull();
  });
});
