// The one autosave of both forms (the patient's intake and the clinician's exam), without React or the DOM so
// its rules are tested as plain functions: a save a little after typing stops (and at most `maxWaitMs` after the
// first change: security-requirements §5, at most 5 s of input at risk), one save in flight at a time, retries
// with backoff while the server cannot be reached, and a save refused as stale either merged (given `merge`, the
// intake: the other device's answers are taken in and this one's saved over them) or handed to the person
// (no `merge`, the exam's conflict panel). Nothing on screen is ever overwritten.

export interface Prepared<D> {
  data: D;
  /** A fingerprint of `data`: the same key as the last save means there is nothing to send. */
  key: string;
  /** Answers left out of `data` because they do not validate yet. */
  leftOut: number;
}

export type SaveOutcome<D, C> =
  | { ok: true; version: number; savedAt: string }
  /** Someone saved a newer version: `current` is what the server holds, `theirs` what the person is shown. */
  | { ok: false; reason: "stale"; current: { data: D; version: number }; theirs: C }
  /** Finalized elsewhere: nothing more can be saved until the person decides. */
  | { ok: false; reason: "locked"; theirs: C }
  /** The form is gone for good (submitted elsewhere, a closed link). */
  | { ok: false; reason: "closed"; why: string }
  /** The server refused the values (field errors are the caller's to show). */
  | { ok: false; reason: "refused"; message: string | null };

export type AutosaveStatus<C> =
  /** `version` null: nothing saved yet. `at`: when this screen last saved (kept until the next save). */
  | { kind: "saved"; at: string | null; version: number | null; leftOut: number }
  | { kind: "pending"; leftOut: number }
  | { kind: "saving"; leftOut: number }
  | { kind: "retrying"; inMs: number; offline: boolean }
  | { kind: "refused"; message: string | null }
  | { kind: "conflict"; theirs: C }
  | { kind: "locked"; theirs: C }
  | { kind: "closed"; why: string };

export type FlushResult = "saved" | "invalid" | "blocked";

export interface AutosaveOptions<D, C> {
  debounceMs: number;
  /** Longest wait after the first unsaved change while changes keep coming (none: only the debounce). */
  maxWaitMs?: number;
  /** Waits before each retry; the last one repeats. */
  retryMs: readonly number[];
  /** Whether "pending" is reported between a change and its save (otherwise the last status stays). */
  showPending?: boolean;
  /** What the server holds when the form opens (nothing saved from this screen yet). */
  initial: { version: number | null; data: D };
  keyOf: (data: D) => string;
  /** What to send now; may load code (a rejection counts as unreachable and is retried). */
  prepare: () => Prepared<D> | Promise<Prepared<D>>;
  /** Sends; a rejection means the server could not be reached. */
  send: (data: D, version: number | null) => Promise<SaveOutcome<D, C>>;
  /** A stale save: take what the other side saved since `base` into the form and save over it. Without it, a
   * stale save is a conflict for the person to resolve. */
  merge?: (base: D, current: D) => void | Promise<void>;
  onStatus: (status: AutosaveStatus<C>) => void;
}

export interface Autosave<D, C> {
  /** A change on screen: schedules a save. */
  changed: () => void;
  /** Save now; resolves once the form as it stands is saved, or says why not. */
  flush: () => Promise<FlushResult>;
  /** Hold saves (while the form is sent, or read-only); changes are still counted. */
  stop: () => void;
  resume: () => void;
  /** A conflict or a lock was resolved: `current` becomes the base and saving resumes. */
  resolve: (current: { data: D; version: number; at: string | null }) => void;
  getVersion: () => number | null;
  getBase: () => D;
  getKey: () => string;
  /** A change on screen since the last save (or the last check that found nothing new). */
  isDirty: () => boolean;
  /** A save failed to reach the server and is waiting for its retry. */
  isRetrying: () => boolean;
  /** Whether saves are held back (a conflict, a lock, a closed form, a stop). */
  isStopped: () => boolean;
  /** Whether a save is in flight or saves are held back. */
  isBusy: () => boolean;
  /** New callbacks (a React form's latest closures); the timings and the state stay. */
  update: (next: Pick<AutosaveOptions<D, C>, "prepare" | "send" | "merge" | "keyOf">) => void;
  dispose: () => void;
}

export function createAutosave<D, C>(options: AutosaveOptions<D, C>): Autosave<D, C> {
  let o = options;
  let version = o.initial.version;
  let base = o.initial.data;
  let key = o.keyOf(o.initial.data);
  let at: string | null = null;
  let leftOut = 0;
  let changes = 0;
  let savedChanges = 0;
  let attempt = 0;
  let held = false;
  let again = false;
  let inFlight: Promise<FlushResult> | null = null;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let maxWait: ReturnType<typeof setTimeout> | undefined;
  let current: AutosaveStatus<C> = { kind: "saved", at, version, leftOut: 0 };
  /** Reports "saved" and says whether every answer was in it. */
  const saved = (): FlushResult => {
    report({ kind: "saved", at, version, leftOut });
    return leftOut ? "invalid" : "saved";
  };

  const report = (s: AutosaveStatus<C>) => {
    current = s;
    o.onStatus(s);
  };
  const clearTimers = () => {
    clearTimeout(debounce);
    clearTimeout(maxWait);
    debounce = maxWait = undefined;
  };
  const later = (ms: number) => {
    clearTimers();
    debounce = setTimeout(() => void flush(), ms);
  };
  const blocked = () => held || current.kind === "conflict" || current.kind === "locked" || current.kind === "closed";

  async function once(): Promise<FlushResult> {
    const seen = changes;
    let outcome: SaveOutcome<D, C>;
    let prepared: Prepared<D>;
    try {
      prepared = await o.prepare();
      leftOut = prepared.leftOut;
      if (prepared.key === key) {
        attempt = 0;
        savedChanges = seen;
        return saved();
      }
      report({ kind: "saving", leftOut });
      outcome = await o.send(prepared.data, version);
    } catch {
      // Offline, a server restart, a lost response: everything stays on screen and the save is tried again.
      const wait = o.retryMs[Math.min(attempt, o.retryMs.length - 1)]!;
      attempt++;
      report({ kind: "retrying", inMs: wait, offline: typeof navigator != "undefined" && navigator.onLine === false });
      if (!blocked()) later(wait);
      return "blocked";
    }
    attempt = 0;
    if (outcome.ok) {
      version = outcome.version;
      base = prepared.data;
      key = prepared.key;
      at = outcome.savedAt;
      savedChanges = seen;
      return saved();
    }
    switch (outcome.reason) {
      case "stale":
        if (o.merge) {
          await o.merge(base, outcome.current.data);
          base = outcome.current.data;
          version = outcome.current.version;
          key = o.keyOf(base);
          again = true;
        } else {
          report({ kind: "conflict", theirs: outcome.theirs });
        }
        return "blocked";
      case "locked":
        report({ kind: "locked", theirs: outcome.theirs });
        return "blocked";
      case "closed":
        report({ kind: "closed", why: outcome.why });
        return "blocked";
      case "refused":
        report({ kind: "refused", message: outcome.message });
        return "invalid";
    }
  }

  async function flush(): Promise<FlushResult> {
    clearTimers();
    if (inFlight) {
      again = true;
      await inFlight;
      return flush();
    }
    if (blocked()) return "blocked";
    const p = once();
    inFlight = p;
    try {
      return await p;
    } finally {
      inFlight = null;
      if (again && !blocked()) {
        again = false;
        later(0);
      }
    }
  }

  return {
    changed() {
      changes++;
      if (blocked()) return;
      if (o.showPending && current.kind !== "pending" && current.kind !== "retrying") report({ kind: "pending", leftOut });
      clearTimeout(debounce);
      debounce = setTimeout(() => void flush(), o.debounceMs);
      if (o.maxWaitMs) maxWait ??= setTimeout(() => void flush(), o.maxWaitMs);
    },
    flush,
    stop() {
      held = true;
      clearTimers();
    },
    resume() {
      held = false;
    },
    resolve(next) {
      version = next.version;
      base = next.data;
      key = o.keyOf(next.data);
      at = next.at;
      leftOut = 0;
      saved();
    },
    getVersion: () => version,
    getBase: () => base,
    getKey: () => key,
    isDirty: () => changes !== savedChanges,
    isRetrying: () => attempt > 0,
    isStopped: blocked,
    isBusy: () => inFlight !== null || blocked(),
    update(next) {
      o = { ...o, prepare: next.prepare, send: next.send, merge: next.merge, keyOf: next.keyOf };
    },
    dispose: clearTimers,
  };
}
