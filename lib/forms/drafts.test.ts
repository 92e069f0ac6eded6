import { describe, expect, it } from "vitest";
import { intakeDraftSchema } from "../assessment/intake-schema";
import { leaves, pruneInvalid, remoteChanges } from "./drafts";

const draft = intakeDraftSchema("INITIAL");

describe("pruneInvalid", () => {
  it("keeps valid answers and leaves out the ones still being fixed", () => {
    const r = pruneInvalid(draft, {
      about: { sex: "female", heightCm: 1700 },
      running: { weeklyKm: { thisWeek: 30, lastWeek: -2 } },
      consent: { agreed: false },
    });
    expect(r.value).toEqual({ about: { sex: "female" }, running: { weeklyKm: { thisWeek: 30 } }, consent: {} });
    expect(r.dropped.sort()).toEqual(["about.heightCm", "consent.agreed", "running.weeklyKm.lastWeek"]);
  });

  it("blanks a bad questionnaire answer but keeps the others in place", () => {
    expect(pruneInvalid(draft, { questionnaires: { lefs: [4, 9, 3] } }).value).toEqual({ questionnaires: { lefs: [4, null, 3] } });
  });

  it("drops unknown keys and survives garbage", () => {
    expect(pruneInvalid(draft, { hacker: 1, about: { sex: "male", role: "ADMIN" } }).value).toEqual({ about: { sex: "male" } });
    expect(pruneInvalid(draft, "nonsense").value).toEqual({});
    expect(pruneInvalid(draft, undefined).value).toEqual({});
  });
});

describe("remoteChanges (merging a draft saved elsewhere)", () => {
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
