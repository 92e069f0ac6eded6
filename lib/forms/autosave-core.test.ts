import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAutosave, type AutosaveOptions, type AutosaveStatus, type SaveOutcome } from "./autosave-core";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A clock the test moves by hand (Vitest's fake timers): timers run when `advance` passes their time. */
function manualClock() {
  const advance = async (ms: number) => {
    await vi.advanceTimersByTimeAsync(ms);
    await settle();
  };
  return { advance, pending: () => vi.getTimerCount() };
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

type Data = { text: string };
type Send = (data: Data, version: number | null) => Promise<SaveOutcome<Data, string>>;

function setup(over: Partial<AutosaveOptions<Data, string>> & { send?: Send } = {}) {
  const clock = manualClock();
  const screen = { text: "" };
  const sent: { data: Data; version: number | null }[] = [];
  const statuses: AutosaveStatus<string>[] = [];
  let version = 0;
  const send: Send =
    over.send ??
    (async (data, v) => {
      sent.push({ data, version: v });
      return { ok: true, version: ++version, savedAt: `t${version}` };
    });
  const autosave = createAutosave<Data, string>({
    debounceMs: 1000,
    maxWaitMs: 5000,
    retryMs: [2000, 4000],
    showPending: true,
    initial: { version: null, data: { text: "" } },
    keyOf: (d) => d.text,
    prepare: () => ({ data: { ...screen }, key: screen.text, leftOut: 0 }),
    onStatus: (s) => statuses.push(s),
    ...over,
    send: (d, v) => send(d, v),
  });
  const type = (text: string) => {
    screen.text = text;
    autosave.changed();
  };
  const last = () => statuses[statuses.length - 1];
  return { clock, screen, sent, statuses, autosave, type, last };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("autosave core: when it saves", () => {
  it("saves once, a debounce after typing stops, and reports pending then saved", async () => {
    const t = setup();
    t.type("a");
    t.type("ab");
    expect(t.last()).toEqual({ kind: "pending", leftOut: 0 });
    await t.clock.advance(999);
    expect(t.sent).toEqual([]);
    await t.clock.advance(1);
    expect(t.sent).toEqual([{ data: { text: "ab" }, version: null }]);
    expect(t.last()).toEqual({ kind: "saved", at: "t1", version: 1, leftOut: 0 });
    expect(t.autosave.isDirty()).toBe(false);
  });

  it("saves at most maxWait after the first change while changes keep coming", async () => {
    const t = setup();
    for (let i = 1; i <= 6; i++) {
      t.type("x".repeat(i));
      await t.clock.advance(900);
    }
    expect(t.sent.map((s) => s.data.text)).toEqual(["xxxxxx"]);
    expect(t.sent).toHaveLength(1);
  });

  it("sends nothing when the form is as last saved, and keeps the last save time", async () => {
    const t = setup();
    t.type("a");
    await t.clock.advance(1000);
    t.type("ab");
    t.type("a");
    await t.clock.advance(1000);
    expect(t.sent).toHaveLength(1);
    expect(t.last()).toEqual({ kind: "saved", at: "t1", version: 1, leftOut: 0 });
  });

  it("keeps one save in flight; a flush asked meanwhile waits for it and then saves the rest", async () => {
    const gates: ReturnType<typeof deferred<SaveOutcome<Data, string>>>[] = [];
    const t = setup({
      send: (data, v) => {
        t.sent.push({ data, version: v });
        const d = deferred<SaveOutcome<Data, string>>();
        gates.push(d);
        return d.promise;
      },
    });
    t.screen.text = "one";
    const first = t.autosave.flush();
    await settle();
    t.screen.text = "two";
    const second = t.autosave.flush();
    await settle();
    expect(t.sent).toHaveLength(1);
    expect(t.autosave.isBusy()).toBe(true);
    gates[0]!.resolve({ ok: true, version: 1, savedAt: "t1" });
    expect(await first).toBe("saved");
    await settle();
    expect(t.sent.map((s) => [s.data.text, s.version])).toEqual([
      ["one", null],
      ["two", 1],
    ]);
    gates[1]!.resolve({ ok: true, version: 2, savedAt: "t2" });
    expect(await second).toBe("saved");
    expect(t.autosave.getVersion()).toBe(2);
  });

  it("says a save is incomplete when answers were left out", async () => {
    const t = setup({ prepare: () => ({ data: { text: "ok" }, key: "ok", leftOut: 2 }) });
    expect(await t.autosave.flush()).toBe("invalid");
    expect(t.last()).toEqual({ kind: "saved", at: "t1", version: 1, leftOut: 2 });
  });
});

describe("autosave core: when the server cannot be reached", () => {
  it("retries with backoff, says whether the device is offline, and saves once it can", async () => {
    let online = false;
    let calls = 0;
    vi.stubGlobal("navigator", {
      get onLine() {
        return online;
      },
    });
    const t = setup({
      send: async (data, v) => {
        calls++;
        if (!online) throw new Error("Failed to fetch");
        t.sent.push({ data, version: v });
        return { ok: true, version: 1, savedAt: "t1" };
      },
    });
    t.type("a");
    await t.clock.advance(1000);
    expect(t.last()).toEqual({ kind: "retrying", inMs: 2000, offline: true });
    expect(t.autosave.isRetrying()).toBe(true);
    await t.clock.advance(2000);
    expect(t.last()).toEqual({ kind: "retrying", inMs: 4000, offline: true });
    await t.clock.advance(4000);
    expect(t.last()).toEqual({ kind: "retrying", inMs: 4000, offline: true });
    expect(calls).toBe(3);
    online = true;
    await t.clock.advance(4000);
    expect(t.sent.map((s) => s.data.text)).toEqual(["a"]);
    expect(t.last()).toMatchObject({ kind: "saved", version: 1 });
    expect(t.autosave.isRetrying()).toBe(false);
  });

  it("retries when the code to prepare the save fails to load", async () => {
    let loaded = false;
    const t = setup({
      prepare: () => {
        if (!loaded) throw new Error("ChunkLoadError");
        return { data: { text: "a" }, key: "a", leftOut: 0 };
      },
    });
    expect(await t.autosave.flush()).toBe("blocked");
    expect(t.last()).toMatchObject({ kind: "retrying", inMs: 2000, offline: false });
    loaded = true;
    await t.clock.advance(2000);
    expect(t.sent).toHaveLength(1);
  });
});

describe("autosave core: a newer version saved elsewhere", () => {
  const stale: SaveOutcome<Data, string> = { ok: false, reason: "stale", current: { data: { text: "theirs" }, version: 7 }, theirs: "their exam" };

  it("without merge, a conflict: stops, hands the other version over, and resumes from it once resolved", async () => {
    const t = setup({ send: async () => stale });
    t.type("mine");
    await t.clock.advance(1000);
    expect(t.last()).toEqual({ kind: "conflict", theirs: "their exam" });
    expect(await t.autosave.flush()).toBe("blocked");
    t.type("more");
    expect(t.last()).toEqual({ kind: "conflict", theirs: "their exam" });
    expect(t.clock.pending()).toBe(0);
    t.autosave.resolve({ data: { text: "theirs" }, version: 7, at: "t7" });
    expect(t.last()).toEqual({ kind: "saved", at: "t7", version: 7, leftOut: 0 });
    expect(t.autosave.getBase()).toEqual({ text: "theirs" });
    expect(t.autosave.getKey()).toBe("theirs");
  });

  it("with merge: takes their changes in, then saves the result over their version", async () => {
    const merged: [Data, Data][] = [];
    let calls = 0;
    const t = setup({
      merge: (base, current) => void merged.push([base, current]),
      send: async (data, v) => {
        t.sent.push({ data, version: v });
        return ++calls === 1 ? stale : { ok: true, version: 8, savedAt: "t8" };
      },
    });
    t.type("mine");
    await t.clock.advance(1000);
    expect(merged).toEqual([[{ text: "" }, { text: "theirs" }]]);
    await t.clock.advance(1);
    expect(t.sent.map((s) => [s.data.text, s.version])).toEqual([
      ["mine", null],
      ["mine", 7],
    ]);
    expect(t.last()).toEqual({ kind: "saved", at: "t8", version: 8, leftOut: 0 });
  });

  it("stops for good when the form is closed, and for a while when it is locked", async () => {
    const closed = setup({ send: async () => ({ ok: false, reason: "closed", why: "submitted" }) });
    closed.type("a");
    await closed.clock.advance(1000);
    expect(closed.last()).toEqual({ kind: "closed", why: "submitted" });
    closed.autosave.resume();
    expect(await closed.autosave.flush()).toBe("blocked");

    const locked = setup({ send: async () => ({ ok: false, reason: "locked", theirs: "final" }) });
    locked.type("a");
    expect(await locked.autosave.flush()).toBe("blocked");
    expect(locked.last()).toEqual({ kind: "locked", theirs: "final" });
  });

  it("reports a refusal and saves again after the next change", async () => {
    let calls = 0;
    const t = setup({
      send: async () => (++calls === 1 ? { ok: false, reason: "refused", message: "Check the marked values." } : { ok: true, version: 1, savedAt: "t1" }),
    });
    expect(await (t.type("bad"), t.autosave.flush())).toBe("invalid");
    expect(t.last()).toEqual({ kind: "refused", message: "Check the marked values." });
    t.type("good");
    expect(t.last()).toEqual({ kind: "pending", leftOut: 0 });
    await t.clock.advance(1000);
    expect(t.last()).toMatchObject({ kind: "saved", version: 1 });
  });
});

describe("autosave core: held and quiet", () => {
  it("holds saves while stopped (a form being sent) and counts the changes made meanwhile", async () => {
    const t = setup();
    t.autosave.stop();
    t.type("a");
    expect(t.clock.pending()).toBe(0);
    expect(await t.autosave.flush()).toBe("blocked");
    expect(t.autosave.isDirty()).toBe(true);
    t.autosave.resume();
    expect(await t.autosave.flush()).toBe("saved");
    expect(t.sent).toHaveLength(1);
  });

  it("reports no pending status when asked not to (the intake shows its last status while typing)", async () => {
    const t = setup({ showPending: false });
    t.type("a");
    expect(t.statuses).toEqual([]);
    await t.clock.advance(1000);
    expect(t.statuses.map((s) => s.kind)).toEqual(["saving", "saved"]);
  });
});
