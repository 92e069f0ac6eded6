"use client";

// The derived values as a small external store: the form's watch callback recomputes them without
// rendering the form, and each display subscribes to just its slice (useSyncExternalStore), so a keystroke
// re-renders the few displays whose values changed, not the 200 inputs around them.
import { createContext, useContext, useSyncExternalStore } from "react";
import type { ExamDerived } from "@/lib/assessment/exam-derived";

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

/** The "check this" notes beside one field, as one string (re-renders only when it changes). */
export function useNoteText(path: string): string {
  return useDerived((d) =>
    d.notes
      .filter((n) => n.path === path)
      .map((n) => n.message)
      .join(" "),
  );
}
