"use client";

// The derived values as a small external store: the form's watch callback recomputes them without
// rendering the form, and each display subscribes to just its slice (useSyncExternalStore), so a keystroke
// re-renders the few displays whose values changed, not the 200 inputs around them.
import { createContext, useContext, useSyncExternalStore } from "react";
import type { ExamDerived, ExamNote } from "@/lib/assessment/exam-derived";
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

/** A note from the live values (lib/assessment/exam-derived.ts) in the clinic's language, from its code and numbers. */
export function noteText(note: ExamNote, t: ExamWords["notes"], f: (template: string, params?: Params) => string): string {
  const p = note.params;
  switch (note.code) {
    case "ignored-trials":
      return t.ignoredTrials;
    case "trial-spread":
      return f(t.trialSpread, { n: String(p.n), pct: p.pct! });
    case "low-force":
      return f(t.lowForce, { force: String(p.force) });
    case "large-asymmetry":
      return f(t.largeAsymmetry, { pct: String(p.pct) });
  }
}

/** The "check this" notes beside one field, as one string (re-renders only when it changes). */
export function useNoteText(path: string): string {
  const { t, f } = useClinicWords();
  return useDerived((d) =>
    d.notes
      .filter((n) => n.path === path)
      .map((n) => noteText(n, t.exam.notes, f))
      .join(" "),
  );
}
