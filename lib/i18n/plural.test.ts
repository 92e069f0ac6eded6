import { describe, expect, it } from "vitest";
import { en } from "./en";
import { format } from "./format";

describe("counts read as proper English plurals", () => {
  it("says 'time' for one try left and 'times' for more, never 'time(s)'", () => {
    expect(format(en.dob.wrong, { left: 1 }, "en-US")).toBe("That date of birth does not match our records. You can try 1 more time.");
    expect(format(en.dob.wrong, { left: 4 }, "en-US")).toBe("That date of birth does not match our records. You can try 4 more times.");
    expect(format(en.dob.wrong, { left: 0 }, "en-US")).toContain("0 more times.");
  });
});
