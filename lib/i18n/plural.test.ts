import { describe, expect, it } from "vitest";
import { en, plural } from "./en";

describe("counts read as proper English plurals", () => {
  it("says 'time' for one try left and 'times' for more, never 'time(s)'", () => {
    expect(plural(en.lang, en.dob.wrong, 1)).toBe("That date of birth does not match our records. You can try 1 more time.");
    expect(plural(en.lang, en.dob.wrong, 4)).toBe("That date of birth does not match our records. You can try 4 more times.");
    expect(plural(en.lang, en.dob.wrong, 0)).toContain("0 more times.");
  });
});
