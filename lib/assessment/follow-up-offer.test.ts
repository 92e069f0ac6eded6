import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../format";
import { FOLLOW_UP_OPENS_DAYS_BEFORE, followUpOffer } from "./follow-up-offer";

const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays("2026-01-01", n));

describe("when My plan offers the follow-up questions", () => {
  it("opens them three days before the follow-up date the plan set, not earlier", () => {
    const base = { signedOn: "2026-03-02", inWeeks: 6, requestedOn: null, answered: false };
    expect(followUpOffer({ ...base, today: "2026-04-09" })).toEqual({ state: "later", opensOn: "2026-04-10", dueOn: "2026-04-13" });
    expect(followUpOffer({ ...base, today: "2026-04-10" })).toEqual({ state: "open", dueOn: "2026-04-13", requested: false });
    expect(followUpOffer({ ...base, today: "2026-05-30" }).state).toBe("open");
  });

  it("opens them at once when the clinician asks, and a request from before this plan does not count", () => {
    const base = { signedOn: "2026-03-02", inWeeks: 6, answered: false, today: "2026-03-05" };
    expect(followUpOffer({ ...base, requestedOn: "2026-03-04" })).toEqual({ state: "open", dueOn: "2026-04-13", requested: true });
    expect(followUpOffer({ ...base, requestedOn: "2026-02-20" }).state).toBe("later");
    expect(followUpOffer({ ...base, inWeeks: null, requestedOn: "2026-03-04" }).state).toBe("open");
    expect(followUpOffer({ ...base, inWeeks: null, requestedOn: null }).state).toBe("none");
  });

  it("closes them once answered, whatever else holds", () => {
    fc.assert(
      fc.property(day, fc.option(fc.integer({ min: 1, max: 12 })), fc.option(day), day, (signedOn, inWeeks, requestedOn, today) => {
        expect(followUpOffer({ signedOn, inWeeks, requestedOn, answered: true, today })).toEqual({ state: "answered" });
      }),
    );
  });

  it("property: open exactly when asked for during this plan or within the window before the date", () => {
    fc.assert(
      fc.property(day, fc.option(fc.integer({ min: 1, max: 12 })), fc.option(day), day, (signedOn, inWeeks, requestedOn, today) => {
        const o = followUpOffer({ signedOn, inWeeks, requestedOn, answered: false, today });
        const asked = requestedOn !== null && requestedOn >= signedOn;
        const inWindow = inWeeks !== null && today >= addDays(signedOn, inWeeks * 7 - FOLLOW_UP_OPENS_DAYS_BEFORE);
        expect(o.state === "open").toBe(asked || inWindow);
        if (o.state === "later") expect(o.opensOn > today).toBe(true);
      }),
    );
  });
});
