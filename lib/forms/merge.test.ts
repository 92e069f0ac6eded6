import { describe, expect, it } from "vitest";
import { flatten, leaves, remoteChanges, resolveMerge, threeWayMerge, unflatten } from "./merge";

describe("flatten and unflatten", () => {
  it("round-trips nested groups and trial arrays, keeping blank trials as null", () => {
    const v = { bodyMassKg: 62, strength: { hipAbduction: { left: { trialsN: [180, null, 190] }, right: { notTested: true } } }, impression: "ok" };
    const flat = flatten(v);
    expect(flat).toEqual({
      bodyMassKg: 62,
      "strength.hipAbduction.left.trialsN.0": 180,
      "strength.hipAbduction.left.trialsN.2": 190,
      "strength.hipAbduction.right.notTested": true,
      impression: "ok",
    });
    expect(unflatten(flat)).toEqual(v);
  });
  it("keeps false and zero, which are answers, and leaves out blanks", () => {
    expect(flatten({ a: false, b: 0, c: "", d: null, e: undefined })).toEqual({ a: false, b: 0 });
  });
});

describe("threeWayMerge: two people edited one exam", () => {
  const base = { bodyMassKg: 62, strength: { hipAbduction: { left: { trialsN: [150] }, right: { trialsN: [210] } } } };

  it("takes their change to a field I did not touch and keeps mine where they did not touch", () => {
    const mine = { ...base, impression: "Mine" };
    const theirs = { ...base, bodyMassKg: 63 };
    const plan = threeWayMerge(base, mine, theirs);
    expect(plan.conflicts).toEqual([]);
    expect(plan.takenFromTheirs).toEqual(["bodyMassKg"]);
    expect(plan.keptMine).toEqual(["impression"]);
    expect(resolveMerge(plan, {})).toEqual({ ...base, bodyMassKg: 63, impression: "Mine" });
  });

  it("makes a conflict of a field both changed differently, resolved by the person's choice", () => {
    const mine = { ...base, strength: { hipAbduction: { ...base.strength.hipAbduction, left: { trialsN: [155] } } } };
    const theirs = { ...base, strength: { hipAbduction: { ...base.strength.hipAbduction, left: { trialsN: [160] } } } };
    const plan = threeWayMerge(base, mine, theirs);
    expect(plan.conflicts).toEqual([{ path: "strength.hipAbduction.left.trialsN.0", base: 150, mine: 155, theirs: 160 }]);
    expect(resolveMerge(plan, {})).toEqual(mine);
    expect(resolveMerge(plan, { "strength.hipAbduction.left.trialsN.0": "theirs" })).toEqual(theirs);
  });

  it("is no conflict when both made the same change", () => {
    const both = { ...base, bodyMassKg: 64 };
    expect(threeWayMerge(base, both, both)).toMatchObject({ conflicts: [], takenFromTheirs: [], keptMine: [] });
  });

  it("treats clearing a field as a change, on either side", () => {
    const cleared = { strength: base.strength };
    const plan = threeWayMerge(base, cleared, { ...base, bodyMassKg: 70 });
    expect(plan.conflicts).toEqual([{ path: "bodyMassKg", base: 62, mine: undefined, theirs: 70 }]);
    expect(resolveMerge(plan, {})).toEqual(cleared);
    expect(threeWayMerge(base, base, cleared).takenFromTheirs).toEqual(["bodyMassKg"]);
  });

  it("merges from an empty base (both started a new exam)", () => {
    const plan = threeWayMerge({}, { bodyMassKg: 60 }, { heightCm: 170 });
    expect(resolveMerge(plan, {})).toEqual({ bodyMassKg: 60, heightCm: 170 });
  });
});

describe("remoteChanges: the intake merges a draft saved on another device", () => {
  const base = { about: { sex: "female" }, pain: { now: 3 } };

  it("takes what the other device changed and keeps what this one changed", () => {
    const local = { about: { sex: "female", heightCm: 170 }, pain: { now: 5 } };
    const remote = { about: { sex: "female" }, pain: { now: 4, worstWeek: 7 }, knee: { side: "left" } };
    expect(remoteChanges(base, local, remote)).toEqual([
      ["pain.worstWeek", 7],
      ["knee.side", "left"],
    ]);
  });

  it("takes an answer the other device removed, and treats a list as one answer", () => {
    const b = { running: { surfaces: ["road"] }, knee: { triedOther: "x" } };
    const remote = { running: { surfaces: ["road", "trail"] }, knee: {} };
    expect(remoteChanges(b, b, remote)).toEqual([
      ["running.surfaces", ["road", "trail"]],
      ["knee.triedOther", undefined],
    ]);
  });

  it("changes nothing when nothing changed remotely", () => {
    expect(remoteChanges(base, { ...base, pain: { now: 8 } }, base)).toEqual([]);
  });

  it("lists leaves with their paths", () => {
    expect(leaves({ a: { b: 1, c: [1] }, d: null })).toEqual([
      ["a.b", 1],
      ["a.c", [1]],
      ["d", null],
    ]);
  });
});
