"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { amendSummaryAction, finalizeSummaryAction, saveSummaryEditsAction, type SummaryActionResult } from "@/app/(clinic)/visits/[visitId]/summary/actions";
import { summaryEditLabel, summaryEditsSchema, type SummaryEdits } from "@/lib/assessment/edits";
import { clinicErrors } from "@/lib/forms/messages";
import { schemaResolver } from "@/lib/forms/resolver";
import { describedBy, FieldError } from "@/components/ui/field-error";

export interface LibraryItem {
  id: string;
  name: string;
  level: number;
  target: string;
  hold: boolean;
  sets: number;
  reps?: number;
  holdSeconds?: number;
}

export interface Reason {
  rule: string;
  because: string;
}

type FormValues = {
  exercises: NonNullable<SummaryEdits["exercises"]>;
  education: NonNullable<SummaryEdits["education"]>;
  rtrMode: "engine" | "walk-run" | "reduced-continuous";
  rtrPhase?: number;
  rtrKm?: number;
  confirmRunning: boolean;
  notes: string;
};

const num = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v));

function toEdits(v: FormValues): SummaryEdits {
  return {
    exercises: v.exercises.map((e) => ({ ...e, note: e.note || undefined })),
    education: v.education,
    rtrStart: v.rtrMode === "walk-run" ? { mode: "walk-run", phase: v.rtrPhase ?? 1 } : v.rtrMode === "reduced-continuous" ? { mode: "reduced-continuous", weeklyKm: v.rtrKm ?? 0 } : null,
    confirmRunning: v.confirmRunning || undefined,
    notes: v.notes || undefined,
  };
}

export function SummaryEditor(props: {
  visitId: string;
  state: "none" | "draft" | "final";
  draftVersion: number | null;
  initial: FormValues;
  library: LibraryItem[];
  reasons: Record<string, Reason>;
  holdReason: string | null;
  hasRunningPlan: boolean;
  canFinalize: boolean;
  /** What the signature commits to, for the confirmation: the plan's status ("Plan", "Refer") with its reason. */
  planStatus: string;
  /** The engine's drafted start of running, in words ("Walk-run phase 2"), or null without a running plan. */
  draftedStart: string | null;
}) {
  const router = useRouter();
  const [version, setVersion] = useState<number | null>(props.draftVersion);
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "error"; text?: string }>({ kind: "idle" });
  const [adding, setAdding] = useState("");
  const [confirming, setConfirming] = useState(false);
  const locked = props.state === "final";
  const { register, control, handleSubmit, setError, reset, formState, getValues } = useForm<FormValues>({
    defaultValues: props.initial,
    resolver: schemaResolver<FormValues>(summaryEditsSchema, summaryEditLabel, clinicErrors, {
      transform: toEdits,
      mapPath: (p) => (p[0] === "rtrStart" ? [p[1] === "phase" ? "rtrPhase" : "rtrKm"] : p),
    }),
  });
  const exercises = useFieldArray({ control, name: "exercises" });
  const education = useFieldArray({ control, name: "education" });
  const rtrMode = useWatch({ control, name: "rtrMode" });
  const chosenExercises = useWatch({ control, name: "exercises" });
  // The field array's own `id` is react-hook-form's render key; the point's id is in its value.
  const points = useWatch({ control, name: "education" });
  const confirmRunning = useWatch({ control, name: "confirmRunning" });
  const rtrPhase = useWatch({ control, name: "rtrPhase" });
  const rtrKm = useWatch({ control, name: "rtrKm" });
  const runningStart = !props.hasRunningPlan
    ? "No running plan"
    : props.holdReason && !confirmRunning
      ? `On hold (${props.holdReason})`
      : rtrMode === "walk-run"
        ? `Walk-run phase ${rtrPhase ?? 1}`
        : rtrMode === "reduced-continuous"
          ? `Running at a reduced ${rtrKm ?? "–"} km a week`
          : (props.draftedStart ?? "As drafted");
  const { errors, isDirty } = formState;

  useEffect(() => {
    if (!isDirty || locked) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isDirty, locked]);

  function handle(r: SummaryActionResult, done: string) {
    if (r.ok) {
      if (r.version !== null) setVersion(r.version);
      setStatus({ kind: "saved", text: done });
      reset(getValues());
      router.refresh();
    } else if ("conflict" in r) {
      setVersion(r.conflict.version);
      setStatus({ kind: "error", text: r.formError });
    } else {
      for (const [path, message] of Object.entries(r.fieldErrors)) setError(path as never, { message });
      setStatus({ kind: "error", text: r.formError });
    }
  }

  const run = (action: "save" | "finalize") =>
    handleSubmit(async (values) => {
      setStatus({ kind: "saving" });
      try {
        const edits = toEdits(values);
        const r = action === "save" ? await saveSummaryEditsAction(props.visitId, edits, version) : await finalizeSummaryAction(props.visitId, edits, version);
        handle(r, action === "save" ? "Saved. The preview below shows the changes." : "Finalized and signed.");
      } catch {
        setStatus({ kind: "error", text: "Not saved: the server could not be reached. Your changes are still here; try again." });
      }
    });

  // Focus follows the exercise a button acted on, so it never falls back to the top of the page: a moved
  // exercise keeps it (on the other arrow once it reaches an end), a removal passes it to the next exercise's
  // Remove, or to the library list when none is left.
  const focusAfterRender = (selector: string, fallback?: string) =>
    requestAnimationFrame(() => {
      const el = document.querySelector<HTMLElement>(selector);
      (el && !(el as HTMLButtonElement).disabled ? el : fallback ? document.querySelector<HTMLElement>(fallback) : null)?.focus();
    });
  const exerciseName = (i: number) => {
    const id = getValues(`exercises.${i}.exerciseId`);
    return inLibrary.get(id)?.name ?? id;
  };
  function moveExercise(i: number, by: -1 | 1) {
    const name = exerciseName(i);
    exercises.move(i, i + by);
    const same = `button[aria-label="${CSS.escape(`Move ${name} ${by < 0 ? "up" : "down"}`)}"]`;
    focusAfterRender(same, `button[aria-label="${CSS.escape(`Move ${name} ${by < 0 ? "down" : "up"}`)}"]`);
  }
  function removeExercise(i: number) {
    const count = exercises.fields.length;
    const neighbour = i + 1 < count ? exerciseName(i + 1) : i > 0 ? exerciseName(i - 1) : null;
    exercises.remove(i);
    focusAfterRender(neighbour ? `button[aria-label="${CSS.escape(`Remove ${neighbour}`)}"]` : "#add-exercise", "#add-exercise");
  }

  const inLibrary = new Map(props.library.map((l) => [l.id, l]));
  const chosen = new Set((chosenExercises ?? []).map((e) => e.exerciseId));

  if (locked) {
    return (
      <div className="stack">
        <p>This summary is finalized and locked. An amendment makes a new version; the signed one stays on record.</p>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={async () => {
            try {
              handle(await amendSummaryAction(props.visitId), "Amendment started.");
            } catch {
              setStatus({ kind: "error", text: "The server could not be reached. Try again." });
            }
          }}
        >
          Amend the summary
        </button>
        {status.text && <p role="status">{status.text}</p>}
      </div>
    );
  }

  return (
    <form onSubmit={run("save")} noValidate className="stack">
      <fieldset className="card">
        <legend>
          <h2 style={{ margin: 0 }}>Exercises</h2>
        </legend>
        {exercises.fields.length === 0 && <p className="muted">No exercises. Add one from the library below.</p>}
        <ol className="stack" style={{ paddingLeft: 18 }}>
          {exercises.fields.map((f, i) => {
            const lib = inLibrary.get(f.exerciseId);
            const name = lib?.name ?? f.exerciseId;
            const reason = props.reasons[f.exerciseId];
            const err = (k: string) => (errors.exercises?.[i] as Record<string, { message?: string }> | undefined)?.[k]?.message;
            const field = (k: "sets" | "reps" | "holdSeconds" | "daysPerWeek" | "weeks", label: string) => (
              <div className="field" style={{ marginBottom: 0 }}>
                <label htmlFor={`ex-${i}-${k}`}>{label}</label>
                <input id={`ex-${i}-${k}`} className="input" style={{ width: "5.5rem" }} inputMode="numeric" aria-invalid={!!err(k)} aria-describedby={describedBy(err(k) && `ex-${i}-${k}-error`)} {...register(`exercises.${i}.${k}`, { setValueAs: num })} />
                <FieldError id={`ex-${i}-${k}-error`} message={err(k)} />
              </div>
            );
            return (
              <li key={f.id}>
                <div className="row" style={{ justifyContent: "space-between" }}>
                  <strong>
                    {name} <span className="muted">(level {lib?.level}, {lib?.target})</span>
                  </strong>
                  <span className="row" style={{ gap: 4 }}>
                    <button type="button" className="btn btn-secondary" aria-label={`Move ${name} up`} disabled={i === 0} onClick={() => moveExercise(i, -1)}>
                      ↑
                    </button>
                    <button type="button" className="btn btn-secondary" aria-label={`Move ${name} down`} disabled={i === exercises.fields.length - 1} onClick={() => moveExercise(i, 1)}>
                      ↓
                    </button>
                    <button type="button" className="btn btn-secondary" aria-label={`Remove ${name}`} onClick={() => removeExercise(i)}>
                      Remove
                    </button>
                  </span>
                </div>
                <div className="row" style={{ alignItems: "flex-start" }}>
                  {field("sets", "Sets")}
                  {lib?.hold ? field("holdSeconds", "Hold (s)") : field("reps", "Repetitions")}
                  {field("daysPerWeek", "Days a week")}
                  {field("weeks", "Weeks")}
                </div>
                {reason && (
                  <details>
                    <summary>Why this exercise</summary>
                    <p className="muted">
                      {reason.rule}
                      {reason.because ? ` Because: ${reason.because}.` : ""}
                    </p>
                  </details>
                )}
              </li>
            );
          })}
        </ol>
        <div className="row" style={{ alignItems: "flex-end" }}>
          <div className="field" style={{ marginBottom: 0 }}>
            <label htmlFor="add-exercise">Add from the library</label>
            <select id="add-exercise" className="input" value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">Choose an exercise…</option>
              {props.library
                .filter((l) => !chosen.has(l.id))
                .map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name} (level {l.level}, {l.target})
                  </option>
                ))}
            </select>
          </div>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={!adding}
            onClick={() => {
              const l = inLibrary.get(adding);
              if (!l) return;
              exercises.append({ exerciseId: l.id, sets: l.sets, reps: l.reps, holdSeconds: l.holdSeconds, daysPerWeek: 3, weeks: 6 });
              setAdding("");
            }}
          >
            Add
          </button>
        </div>
        <FieldError id="exercises-error" message={errors.exercises?.message} />
      </fieldset>

      <fieldset className="card">
        <legend>
          <h2 style={{ margin: 0 }}>What the patient is told</h2>
        </legend>
        {education.fields.map((f, i) => {
          const msg = errors.education?.[i]?.text?.message;
          const pointId = points?.[i]?.id;
          const reason = pointId ? props.reasons[pointId] : undefined;
          return (
            <div key={f.id} className="field">
              <label htmlFor={`edu-${i}`}>Point {i + 1}</label>
              <textarea id={`edu-${i}`} className="input" rows={3} aria-invalid={!!msg} aria-describedby={describedBy(msg && `edu-${i}-error`)} {...register(`education.${i}.text`)} />
              <FieldError id={`edu-${i}-error`} message={msg} />
              <div className="row" style={{ justifyContent: "space-between" }}>
                {reason ? (
                  <details>
                    <summary>Why this point</summary>
                    <p className="muted">
                      {reason.rule}
                      {reason.because ? ` Because: ${reason.because}.` : ""}
                    </p>
                  </details>
                ) : (
                  <span className="muted">Written by the clinician.</span>
                )}
                <button type="button" className="btn-link" onClick={() => education.remove(i)} aria-label={`Remove point ${i + 1}`}>
                  Remove
                </button>
              </div>
            </div>
          );
        })}
        <button type="button" className="btn btn-secondary" onClick={() => education.append({ id: `clinician.${Date.now()}`, text: "" })}>
          Add a point
        </button>
      </fieldset>

      {props.hasRunningPlan && (
        <fieldset className="card">
          <legend>
            <h2 style={{ margin: 0 }}>Return to running</h2>
          </legend>
          {props.holdReason && (
            <div className="field">
              <label className="row" style={{ fontWeight: 600 }}>
                <input type="checkbox" style={{ width: 24, height: 24 }} {...register("confirmRunning")} />
                I have reviewed the flags: the running part may start. ({props.holdReason})
              </label>
            </div>
          )}
          <fieldset className="field">
            <legend>Start point</legend>
            <div className="stack" style={{ gap: 8 }}>
              <label className="radio-row">
                <input type="radio" value="engine" {...register("rtrMode")} /> As drafted{props.draftedStart ? `: ${props.draftedStart}` : ""}
              </label>
              <label className="radio-row">
                <input type="radio" value="walk-run" {...register("rtrMode")} /> Walk-run phase
              </label>
              {rtrMode === "walk-run" && (
                <div className="field" style={{ marginLeft: 28 }}>
                  <label htmlFor="rtr-phase">Phase (1–6)</label>
                  <select id="rtr-phase" className="input input-short" {...register("rtrPhase", { setValueAs: num })}>
                    {[1, 2, 3, 4, 5, 6].map((p) => (
                      <option key={p} value={p}>
                        {p}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <label className="radio-row">
                <input type="radio" value="reduced-continuous" {...register("rtrMode")} /> Keep running at a reduced weekly distance
              </label>
              {rtrMode === "reduced-continuous" && (
                <div className="field" style={{ marginLeft: 28 }}>
                  <label htmlFor="rtr-km">Weekly distance to start from (km)</label>
                  <input id="rtr-km" className="input input-short" inputMode="decimal" aria-describedby={describedBy(errors.rtrKm && "rtr-km-error")} {...register("rtrKm", { setValueAs: num })} />
                  <FieldError id="rtr-km-error" message={errors.rtrKm?.message} />
                </div>
              )}
            </div>
          </fieldset>
        </fieldset>
      )}

      <div className="card">
        <div className="field" style={{ marginBottom: 0 }}>
          <label htmlFor="notes">Notes for the summary (printed)</label>
          <textarea id="notes" className="input" rows={3} {...register("notes")} />
        </div>
      </div>

      <div aria-live="polite">
        {status.kind === "saving" && <p>Saving…</p>}
        {status.kind === "saved" && <p className="alert alert-ok">{status.text}</p>}
        {status.kind === "error" && (
          <p className="alert alert-danger" role="alert">
            {status.text}
          </p>
        )}
      </div>
      <div className="row">
        <button type="submit" className="btn btn-secondary" disabled={status.kind === "saving"}>
          Save draft
        </button>
        {!confirming && (
          <button type="button" className="btn" disabled={!props.canFinalize || status.kind === "saving"} onClick={() => setConfirming(true)}>
            Finalize and sign
          </button>
        )}
        {!props.canFinalize && <span className="muted">The intake and the exam are both needed before finalizing.</span>}
      </div>
      {confirming && (
        // Signing is the weightier act than finalizing the exam: it asks first, showing what is signed.
        <section className="card alert-warning" aria-labelledby="sign-h" role="group">
          <h2 id="sign-h" style={{ marginTop: 0 }}>
            Sign this plan?
          </h2>
          <dl className="facts">
            <dt>Status</dt>
            <dd>{props.planStatus}</dd>
            <dt>Start of running</dt>
            <dd>{runningStart}</dd>
            <dt>Exercises</dt>
            <dd>{(chosenExercises ?? []).length}</dd>
          </dl>
          <p>Signing locks the summary; later changes need an amendment, which keeps this version.</p>
          <div className="row">
            <button
              type="button"
              className="btn"
              autoFocus
              disabled={status.kind === "saving"}
              onClick={(e) => {
                setConfirming(false);
                void run("finalize")(e);
              }}
            >
              Confirm: sign the plan
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </section>
      )}
    </form>
  );
}
