"use client";

// Autosave for the exam: debounced while typing (1.2 s after the last change, at most 5 s while changes keep
// coming: security-requirements §5 "≤ 5 s"), one save in flight at a time, retried when the server cannot
// be reached. Typing never waits for it. A save refused as stale stops autosave and hands the other
// person's version to the conflict panel; nothing is overwritten either way.
import { useCallback, useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { saveExamAction } from "@/app/(clinic)/visits/[visitId]/exam/actions";
import { EMPTY_EXAM, examSchema, type ExamData } from "@/lib/assessment/exam-schema";
import type { ExamDTO } from "@/lib/data/exams";
import { fingerprint, validPart } from "@/lib/forms/valid-part";

export const DEBOUNCE_MS = 1200;
export const MAX_WAIT_MS = 5000;
const RETRY_MS = [2000, 5000, 10000, 20000];

export type SaveStatus =
  | { kind: "saved"; at: string | null; version: number | null; leftOut: number }
  | { kind: "pending"; leftOut: number }
  | { kind: "saving"; leftOut: number }
  | { kind: "offline"; retryInS: number }
  | { kind: "conflict"; theirs: ExamDTO }
  | { kind: "locked"; theirs: ExamDTO }
  | { kind: "error"; message: string };

export interface Autosave {
  status: SaveStatus;
  version: number | null;
  /** The version the server last accepted (current even inside a callback). */
  getVersion: () => number | null;
  /** What the server has at `version` (the merge's base). */
  getBase: () => ExamData;
  /** Save now (returns once the form's current state is saved, or why not). */
  flush: () => Promise<"saved" | "invalid" | "blocked">;
  /** After a conflict is resolved: the other version becomes the base, and `data` (the result) is saved. */
  resolve: (data: ExamData, theirs: ExamDTO, save: boolean) => void;
  /** Whether leaving now would lose anything. */
  hasUnsaved: () => boolean;
}

export function useAutosave(opts: {
  visitId: string;
  form: UseFormReturn<ExamData>;
  initialVersion: number | null;
  initialBase: ExamData;
  enabled: boolean;
}): Autosave {
  const { form, visitId, enabled } = opts;
  const version = useRef(opts.initialVersion);
  const base = useRef(opts.initialBase);
  const lastKey = useRef(fingerprint(opts.initialBase));
  const inFlight = useRef<Promise<unknown> | null>(null);
  const again = useRef(false);
  /** Stopped by a conflict or a lock until the clinician resolves it. */
  const paused = useRef(false);
  const debounce = useRef<ReturnType<typeof setTimeout> | null>(null);
  const maxWait = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retry = useRef(0);
  const leftOut = useRef(0);
  /** The latest flush, for timers and callbacks made before it (it is recreated when its inputs change). */
  const flushRef = useRef<() => Promise<"saved" | "invalid" | "blocked">>(async () => "blocked");
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved", at: null, version: opts.initialVersion, leftOut: 0 });
  const [versionShown, setVersionShown] = useState(opts.initialVersion);

  const clearTimers = () => {
    if (debounce.current) clearTimeout(debounce.current);
    if (maxWait.current) clearTimeout(maxWait.current);
    debounce.current = maxWait.current = null;
  };

  const leftOutPaths = useRef<string[]>([]);
  /** Mark the values autosave had to leave out, with the schema's own messages; clear the marks of those
   * corrected since (without waiting for the field to lose focus). */
  const markLeftOut = useCallback(
    (paths: string[]) => {
      leftOut.current = paths.length;
      const corrected = leftOutPaths.current.filter((p) => !paths.includes(p));
      leftOutPaths.current = paths;
      if (corrected.length) form.clearErrors(corrected as never);
      if (paths.length) void form.trigger(paths as never);
    },
    [form],
  );

  const saveOnce = useCallback(async (): Promise<"saved" | "invalid" | "blocked"> => {
    if (paused.current || !enabled) return "blocked";
    const part = validPart(examSchema, form.getValues(), EMPTY_EXAM);
    markLeftOut(part.leftOut);
    if (part.key === lastKey.current) {
      setStatus((s) =>
        s.kind === "saved" && s.leftOut === part.leftOut.length
          ? s
          : { kind: "saved", at: s.kind === "saved" ? s.at : null, version: version.current, leftOut: part.leftOut.length },
      );
      return part.leftOut.length ? "invalid" : "saved";
    }
    setStatus({ kind: "saving", leftOut: part.leftOut.length });
    try {
      const r = await saveExamAction(visitId, part.data, version.current);
      retry.current = 0;
      if (r.ok) {
        version.current = r.version;
        base.current = part.data;
        lastKey.current = part.key;
        setVersionShown(r.version);
        setStatus({ kind: "saved", at: r.savedAt, version: r.version, leftOut: part.leftOut.length });
        return part.leftOut.length ? "invalid" : "saved";
      }
      if ("conflict" in r) {
        paused.current = true;
        setStatus({ kind: "conflict", theirs: r.conflict });
        return "blocked";
      }
      if ("locked" in r) {
        paused.current = true;
        setStatus({ kind: "locked", theirs: r.locked });
        return "blocked";
      }
      for (const [path, message] of Object.entries(r.fieldErrors)) form.setError(path as never, { message });
      setStatus({ kind: "error", message: r.formError ?? "Some values need correcting; they are marked." });
      return "invalid";
    } catch {
      // The server could not be reached: the entries stay on screen and the save is retried.
      const wait = RETRY_MS[Math.min(retry.current, RETRY_MS.length - 1)]!;
      retry.current++;
      setStatus({ kind: "offline", retryInS: Math.round(wait / 1000) });
      clearTimers();
      debounce.current = setTimeout(() => void flushRef.current(), wait);
      return "blocked";
    }
  }, [form, visitId, markLeftOut, enabled]);

  const flush = useCallback(async (): Promise<"saved" | "invalid" | "blocked"> => {
    clearTimers();
    if (inFlight.current) {
      again.current = true;
      await inFlight.current;
      return flushRef.current();
    }
    const p = saveOnce();
    inFlight.current = p;
    try {
      return await p;
    } finally {
      inFlight.current = null;
      if (again.current && !paused.current) {
        again.current = false;
        void flushRef.current();
      }
    }
  }, [saveOnce]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  // Every change schedules a save; typing itself never waits on it.
  useEffect(() => {
    if (!enabled) return;
    const sub = form.watch(() => {
      if (paused.current) return;
      setStatus((s) => (s.kind === "pending" ? s : s.kind === "offline" ? s : { kind: "pending", leftOut: leftOut.current }));
      if (debounce.current) clearTimeout(debounce.current);
      debounce.current = setTimeout(() => void flushRef.current(), DEBOUNCE_MS);
      maxWait.current ??= setTimeout(() => void flushRef.current(), MAX_WAIT_MS);
    });
    return () => sub.unsubscribe();
  }, [form, enabled]);

  // Leaving the tab (or the app going to the background on a tablet) saves at once.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden") void flushRef.current();
    };
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onHide);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onHide);
      clearTimers();
    };
  }, []);

  const resolve = useCallback(
    (data: ExamData, theirs: ExamDTO, save: boolean) => {
      version.current = theirs.version;
      base.current = theirs.data;
      lastKey.current = fingerprint(theirs.data);
      paused.current = false;
      form.reset(data);
      setVersionShown(theirs.version);
      setStatus({ kind: "saved", at: theirs.updatedAt, version: theirs.version, leftOut: 0 });
      if (save) void flushRef.current();
    },
    [form],
  );

  const hasUnsaved = useCallback(() => {
    if (!enabled) return false;
    if (inFlight.current || paused.current) return true;
    const part = validPart(examSchema, form.getValues(), EMPTY_EXAM);
    return part.key !== lastKey.current || part.leftOut.length > 0;
  }, [form, enabled]);

  const getBase = useCallback(() => base.current, []);
  const getVersion = useCallback(() => version.current, []);
  return { status, version: versionShown, getVersion, getBase, flush, resolve, hasUnsaved };
}
