"use client";

// Autosave to the server (never browser storage: it is health data, security-requirements §0.4): a few
// seconds after typing stops, at once on every step change and when the page is hidden, with retries and
// backoff. A draft saved meanwhile by another tab or device is merged, never overwritten (lib/forms/drafts.ts).
import { useCallback, useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { saveDraftAction, type SaveDraftActionResult } from "@/app/(patient)/intake/actions";
import { remoteChanges } from "@/lib/forms/drafts";

export type SaveStatus = "idle" | "saving" | "saved" | "retrying" | "offline" | "invalid" | "closed";

/** Typing pause before a save (security-requirements §5: at most 5 s of input at risk). */
export const AUTOSAVE_DELAY_MS = 2000;
const BACKOFF_MS = [2000, 4000, 8000, 15000, 30000];

interface Options {
  form: UseFormReturn<Record<string, unknown>>;
  initialVersion: number | null;
  initialAnswers: unknown;
  /** The step to resume at, saved with every draft. */
  step: string;
  /** The draft schema's pruning (invalid answers stay on screen, unsaved), loaded when first needed. */
  prune: (values: unknown) => Promise<unknown>;
  /** Another device submitted, or the link closed: the page should show why. */
  onClosed: (reason: "submitted" | "closed" | "not-verified") => void;
  onMerged: () => void;
}

export function useAutosave({ form, initialVersion, initialAnswers, step, prune, onClosed, onMerged }: Options) {
  const [status, setStatus] = useState<SaveStatus>(initialVersion === null ? "idle" : "saved");
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const version = useRef(initialVersion);
  const lastSaved = useRef<unknown>(initialAnswers ?? {});
  const lastStep = useRef<string | null>(initialVersion === null ? null : step);
  const stepRef = useRef(step);
  const changes = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  const again = useRef(false);
  const attempt = useRef(0);
  const stopped = useRef(false);
  const unsaved = useRef(false);
  /** The latest save, for timers set inside it (a retry, a save after a merge). */
  const saveLater = useRef<(delay: number) => void>(() => {});

  const save = useCallback(async (): Promise<void> => {
    if (stopped.current) return;
    clearTimeout(timer.current);
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    const seen = changes.current;
    const values = form.getValues();
    let result: SaveDraftActionResult | "unreachable" | "unchanged";
    try {
      const draft = await prune(values);
      if (JSON.stringify(draft) === JSON.stringify(lastSaved.current) && lastStep.current === stepRef.current) {
        result = "unchanged";
      } else {
        setStatus("saving");
        result = await saveDraftAction(draft, version.current, stepRef.current);
        if (result.ok) lastSaved.current = draft;
      }
    } catch {
      result = "unreachable";
    }
    inFlight.current = false;
    if (stopped.current) return;

    if (result === "unreachable") {
      // Offline, a server restart, a lost response: keep everything on screen and try again later.
      const wait = BACKOFF_MS[Math.min(attempt.current, BACKOFF_MS.length - 1)]!;
      attempt.current++;
      setStatus(typeof navigator !== "undefined" && navigator.onLine === false ? "offline" : "retrying");
      saveLater.current(wait);
      return;
    }
    attempt.current = 0;
    if (result === "unchanged" || result.ok) {
      if (result !== "unchanged") {
        version.current = result.version;
        lastStep.current = stepRef.current;
        setSavedAt(new Date(result.savedAt));
      }
      if (changes.current === seen) unsaved.current = false;
      if (result !== "unchanged" || version.current !== null) setStatus("saved");
    } else if (result.reason === "conflict") {
      // Take what the other device changed and this one did not; keep this one's changes and save them.
      for (const [path, value] of remoteChanges(lastSaved.current, values, result.current.answers)) {
        form.setValue(path, value as never, { shouldDirty: true });
      }
      lastSaved.current = result.current.answers;
      version.current = result.current.version;
      onMerged();
      again.current = true;
    } else if (result.reason === "invalid") {
      setStatus("invalid");
    } else {
      stopped.current = true;
      setStatus("closed");
      onClosed(result.reason);
      return;
    }
    if (again.current || changes.current !== seen) {
      again.current = false;
      saveLater.current(0);
    }
  }, [form, prune, onClosed, onMerged]);

  useEffect(() => {
    saveLater.current = (delay) => {
      clearTimeout(timer.current);
      if (!stopped.current) timer.current = setTimeout(() => void save(), delay);
    };
  }, [save]);

  // A save a little after each change.
  useEffect(() => {
    const sub = form.watch(() => {
      changes.current++;
      unsaved.current = true;
      saveLater.current(AUTOSAVE_DELAY_MS);
    });
    return () => sub.unsubscribe();
  }, [form]);

  // At once on every step change (not on the first render).
  useEffect(() => {
    if (stepRef.current === step) return;
    stepRef.current = step;
    void save();
  }, [step, save]);

  // Phones kill hidden tabs: save when the page is hidden, and when the connection comes back.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden" && unsaved.current) void save();
    };
    const onOnline = () => {
      if (unsaved.current || attempt.current > 0) void save();
    };
    const onLeave = (e: BeforeUnloadEvent) => {
      if (unsaved.current && !stopped.current) {
        void save();
        e.preventDefault();
      }
    };
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("online", onOnline);
    window.addEventListener("beforeunload", onLeave);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("beforeunload", onLeave);
      clearTimeout(timer.current);
    };
  }, [save]);

  const stop = useCallback(() => {
    stopped.current = true;
    clearTimeout(timer.current);
  }, []);
  const resume = useCallback(() => {
    stopped.current = false;
  }, []);

  return { status, savedAt, save, stop, resume };
}
