"use client";

// The derived values as a small external store: the form's watch callback recomputes them without
// rendering the form, and each display subscribes to just its slice (useSyncExternalStore), so a keystroke
// re-renders the few displays whose values changed, not the 200 inputs around them.
import { createContext, useContext, useSyncExternalStore } from "react";
import type { ExamDerived } from "@/lib/assessment/exam-derived";
import type { ExamWords } from "@/lib/i18n/clinic/exam";
import type { Params } from "@/lib/i18n/format";
import { useClinicWords } from "@/components/clinic/clinic-words";

export interface DerivedStore {
  get: () => ExamDerived;
  set: (d: ExamDerived) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createDerivedStore(initial: ExamDerived): DerivedStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set: (d) => {
      current = d;
      for (const l of listeners) l();
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

export const DerivedStoreContext = createContext<DerivedStore | null>(null);

/** A slice of the derived values; `select` must return the same value for the same derived object. */
export function useDerived<T>(select: (d: ExamDerived) => T): T {
  const store = useContext(DerivedStoreContext);
  if (!store) throw new Error("useDerived outside the exam form");
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.get()),
    () => select(store.get()),
  );
}

/**
 * A note from the live values (lib/assessment/exam-derived.ts, which words them in English) in the clinic's
 * language: each kind of note is recognised with its numbers and worded from the catalog; a note not
 * recognised is shown as the engine wrote it.
 */
export function noteText(message: string, t: ExamWords["notes"], f: (template: string, params?: Params) => string, decimal: string): string {
  const n = (s: string) => s.replace(".", decimal);
  if (message === "Marked not tested: the trials typed on this side are ignored.") return t.ignoredTrials;
  let m = /^Check this: trial (\d+) is more than (\d+(?:\.\d+)?)% from the others\.$/.exec(message);
  if (m) return f(t.trialSpread, { n: m[1]!, pct: n(m[2]!) });
  m = /^Check this: (-?\d+) N is unusually low\. Was it read in kg-force\?$/.exec(message);
  if (m) return f(t.lowForce, { force: m[1]! });
  m = /^Check this: symmetry of (-?\d+)% is a very large difference\. Confirm the readings and the sides\.$/.exec(message);
  if (m) return f(t.largeAsymmetry, { pct: m[1]! });
  return message;
}

/** The "check this" notes beside one field, as one string (re-renders only when it changes). */
export function useNoteText(path: string): string {
  const { t, f } = useClinicWords();
  const decimal = t.exam.labels.values.decimal;
  return useDerived((d) =>
    d.notes
      .filter((n) => n.path === path)
      .map((n) => noteText(n.message, t.exam.notes, f, decimal))
      .join(" "),
  );
}
