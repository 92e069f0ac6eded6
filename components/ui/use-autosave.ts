"use client";

// The React side of the one autosave (lib/forms/autosave-core.ts), for the intake and the exam: every change in
// the form schedules a save, and the page being hidden (a phone locking, a tablet switching apps) or the
// connection coming back saves at once. Autosave goes to the server only, never to browser storage: it is
// health data (security-requirements §0.4).
import { useEffect, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { createAutosave, type Autosave, type AutosaveOptions, type AutosaveStatus } from "@/lib/forms/autosave-core";

export type { AutosaveStatus } from "@/lib/forms/autosave-core";

export interface UseAutosaveOptions<D, C> extends Omit<AutosaveOptions<D, C>, "onStatus"> {
  /** False: a read-only form; nothing is saved. */
  enabled?: boolean;
}

export function useAutosave<T extends FieldValues, D, C>(
  form: UseFormReturn<T>,
  options: UseAutosaveOptions<D, C>,
): { status: AutosaveStatus<C>; autosave: Autosave<D, C> } {
  const [status, setStatus] = useState<AutosaveStatus<C>>({ kind: "saved", at: null, version: options.initial.version, leftOut: 0 });
  const [autosave] = useState(() => createAutosave<D, C>({ ...options, onStatus: setStatus }));
  // The form's latest closures (the step shown, the visit) for the next save.
  useEffect(() => autosave.update(options));
  const enabled = options.enabled ?? true;

  useEffect(() => {
    if (!enabled) {
      autosave.stop();
      return;
    }
    const sub = form.watch(() => autosave.changed());
    return () => sub.unsubscribe();
  }, [form, autosave, enabled]);

  useEffect(() => {
    const saveNow = (e: Event) => {
      if ((autosave.isDirty() || autosave.isRetrying()) && (e.type == "online" || document.visibilityState == "hidden")) void autosave.flush();
    };
    document.addEventListener("visibilitychange", saveNow);
    window.addEventListener("pagehide", saveNow);
    window.addEventListener("online", saveNow);
    return () => {
      document.removeEventListener("visibilitychange", saveNow);
      window.removeEventListener("pagehide", saveNow);
      window.removeEventListener("online", saveNow);
      autosave.dispose();
    };
  }, [autosave]);

  return { status, autosave };
}
