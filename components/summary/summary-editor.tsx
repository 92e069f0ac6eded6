"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { amendSummaryAction, finalizeSummaryAction, saveSummaryEditsAction, type SummaryActionResult } from "@/app/(clinic)/visits/[visitId]/summary/actions";
import { rtrStartProblem, type SummaryEdits } from "@/lib/assessment/edits";
import type { Resolver } from "react-hook-form";
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

export interface StretchLibraryItem {
  id: string;
  name: string;
}

export interface Reason {
  rule: string;
  because: string;
}

type FormValues = {
  exercises: NonNullable<SummaryEdits["exercises"]>;
  stretches: NonNullable<SummaryEdits["stretches"]>;
  education: NonNullable<SummaryEdits["education"]>;
  rtrMode: "engine" | "walk-run" | "reduced-continuous" | "keep-continuous";
  rtrPhase?: number;
  rtrKm?: number;
  confirmRunning: boolean;
  notes: string;
};

const num = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v));

function toEdits(v: FormValues): SummaryEdits {
  return {
    exercises: v.exercises.map((e) => ({ ...e, note: e.note || undefined })),
    stretches: v.stretches,
    education: v.education,
    rtrStart:
      v.rtrMode === "walk-run"
        ? { mode: "walk-run", phase: v.rtrPhase ?? 1 }
        : v.rtrMode === "reduced-continuous"
          ? { mode: "reduced-continuous", weeklyKm: v.rtrKm ?? 0 }
          : v.rtrMode === "keep-continuous"
            ? { mode: "keep-continuous" }
            : null,
    confirmRunning: v.confirmRunning || undefined,
    notes: v.notes || undefined,
  };
}

/** The form field that shows a schema path's error (the start point has its own fields). */
const formPath = (p: string[]) => (p[0] === "rtrStart" ? [p[1] === "phase" ? "rtrPhase" : "rtrKm"] : p);

/** The review's schema check, loaded at the first validation (zod stays off the page's first load). */
let schemaCheck: Promise<Resolver<FormValues>> | null = null;
function loadSchemaCheck(): Promise<Resolver<FormValues>> {
  schemaCheck ??= import("./summary-validation")
    .then((m) => m.summarySchemaCheck<FormValues>({ transform: toEdits, mapPath: formPath }))
    .catch((e) => {
      schemaCheck = null;
      throw e;
    });
  return schemaCheck;
}

const radio = { width: 24, height: 24, flex: "none" } as const;
const radioRow = { minHeight: 44, gap: 12 } as const;

export function SummaryEditor(props: {
  visitId: string;
  state: "none" | "draft" | "final";
  draftVersion: number | null;
  initial: FormValues;
  library: LibraryItem[];
  stretchLibrary: StretchLibraryItem[];
  /** The engine's own start point in words ("keep 40 km a week", "on hold"). */
  draftedStart: string | null;
  /** The runner's current weekly distance from the intake (null when unknown). */
  currentWeeklyKm: number | null;
  reasons: Record<string, Reason>;
  holdReason: string | null;
  hasRunningPlan: boolean;
  canFinalize: boolean;
  /** What the signature commits to, for the confirmation: the plan's status ("Plan", "Refer") with its reason. */
  planStatus: string;
}) {
  const router = useRouter();
  const [version, setVersion] = useState<number | null>(props.draftVersion);
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "error"; text?: string }>({ kind: "idle" });
  const [adding, setAdding] = useState("");
  const [confirming, setConfirming] = useState(false);
  const locked = props.state === "final";
  const { register, control, handleSubmit, setError, reset, formState, getValues } = useForm<FormValues>({
    defaultValues: props.initial,
    // The schema, then the limit the server checks too: a reduced start below the current weekly distance.
    resolver: async (values, context, options) => {
      const r = await (await loadSchemaCheck())(values, context, options);
      const problem = rtrStartProblem(props.currentWeeklyKm, toEdits(values).rtrStart);
      if (!problem || (r.errors as Record<string, unknown>).rtrKm) return r;
      return { values: {}, errors: { ...r.errors, rtrKm: { type: "limit", message: problem.message } } };
    },
  });
  const exercises = useFieldArray({ control, name: "exercises" });
  const stretches = useFieldArray({ control, name: "stretches" });
  const chosenStretches = useWatch({ control, name: "stretches" });
  const [addingStretch, setAddingStretch] = useState("");
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
      for (const [path, message] of Object.entries(r.fieldErrors)) setError(formPath(path.split(".")).join(".") as never, { message });
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
  const stretchNames = new Map(props.stretchLibrary.map((l) => [l.id, l.name]));
  const chosenStretchIds = new Set((chosenStretches ?? []).map((e) => e.stretchId));
  const km = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

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
          <h2 style={{ margin: 0 }}>Stretches</h2>
        </legend>
        {stretches.fields.length === 0 && <p className="muted">No stretches. Add one from the library below.</p>}
        <ol className="stack" style={{ paddingLeft: 18 }}>
          {stretches.fields.map((f, i) => {
            const name = stretchNames.get(f.stretchId) ?? f.stretchId;
            const reason = props.reasons[`stretch:${f.stretchId}`];
            const err = (k: string) => (errors.stretches?.[i] as Record<string, { message?: string }> | undefined)?.[k]?.message;
            const field = (k: "holdSeconds" | "reps" | "daysPerWeek", label: string) => (
              <div className="field" style={{ marginBottom: 0 }}>
                <label htmlFor={`st-${i}-${k}`}>{label}</label>
                <input id={`st-${i}-${k}`} className="input" style={{ width: "5.5rem" }} inputMode="numeric" aria-invalid={!!err(k)} aria-describedby={describedBy(err(k) && `st-${i}-${k}-error`)} {...register(`stretches.${i}.${k}`, { setValueAs: num })} />
                <FieldError id={`st-${i}-${k}-error`} message={err(k)} />
              </div>
            );
            return (
              <li key={f.id}>
                <div className="row" style={{ justifyContent: "space-between" }}>
                  <strong>{name}</strong>
                  <span className="row" style={{ gap: 4 }}>
                    <button type="button" className="btn btn-secondary" aria-label={`Move ${name} up`} disabled={i === 0} onClick={() => stretches.move(i, i - 1)}>
                      ↑
                    </button>
                    <button type="button" className="btn btn-secondary" aria-label={`Move ${name} down`} disabled={i === stretches.fields.length - 1} onClick={() => stretches.move(i, i + 1)}>
                      ↓
                    </button>
                    <button type="button" className="btn btn-secondary" aria-label={`Remove ${name}`} onClick={() => stretches.remove(i)}>
                      Remove
                    </button>
                  </span>
                </div>
                <div className="row" style={{ alignItems: "flex-start" }}>
                  {field("holdSeconds", "Hold (s)")}
                  {field("reps", "Times on each side")}
                  {field("daysPerWeek", "Days a week")}
                </div>
                {reason && (
                  <details>
                    <summary>Why this stretch</summary>
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
            <label htmlFor="add-stretch">Add a stretch from the library</label>
            <select id="add-stretch" className="input" value={addingStretch} onChange={(e) => setAddingStretch(e.target.value)}>
              <option value="">Choose a stretch…</option>
              {props.stretchLibrary
                .filter((l) => !chosenStretchIds.has(l.id))
                .map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
            </select>
          </div>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={!addingStretch}
            onClick={() => {
              if (!stretchNames.has(addingStretch)) return;
              // The library's dose (§7.3): 30 s, twice on each side, once a day.
              stretches.append({ stretchId: addingStretch, holdSeconds: 30, reps: 2, daysPerWeek: 7 });
              setAddingStretch("");
            }}
          >
            Add stretch
          </button>
        </div>
        <FieldError id="stretches-error" message={errors.stretches?.message} />
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
            <div className="stack" style={{ gap: 4 }}>
              <label className="row" style={radioRow}>
                <input type="radio" style={radio} value="engine" {...register("rtrMode")} /> As drafted{props.draftedStart ? `: ${props.draftedStart}` : ""}
              </label>
              {props.currentWeeklyKm !== null && props.currentWeeklyKm > 0 && (
                <label className="row" style={radioRow}>
                  <input type="radio" style={radio} value="keep-continuous" {...register("rtrMode")} /> Keep the current weekly distance ({km(props.currentWeeklyKm)} km)
                </label>
              )}
              <label className="row" style={radioRow}>
                <input type="radio" style={radio} value="reduced-continuous" {...register("rtrMode")} /> Reduce to a weekly distance
              </label>
              {rtrMode === "reduced-continuous" && (
                <div className="field" style={{ marginLeft: 36 }}>
                  <label htmlFor="rtr-km">Weekly distance to start from (km){props.currentWeeklyKm ? `, below the current ${km(props.currentWeeklyKm)} km` : ""}</label>
                  <input id="rtr-km" className="input input-short" inputMode="decimal" aria-invalid={!!errors.rtrKm} aria-describedby={describedBy(errors.rtrKm && "rtr-km-error")} {...register("rtrKm", { setValueAs: num })} />
                  <FieldError id="rtr-km-error" message={errors.rtrKm?.message} />
                </div>
              )}
              <label className="row" style={radioRow}>
                <input type="radio" style={radio} value="walk-run" {...register("rtrMode")} /> Walk-run phase
              </label>
              {rtrMode === "walk-run" && (
                <div className="field" style={{ marginLeft: 36 }}>
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
