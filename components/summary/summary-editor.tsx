"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { amendSummaryAction, finalizeSummaryAction, saveSummaryEditsAction, type SummaryActionResult } from "@/app/(clinic)/visits/[visitId]/summary/actions";
import { rtrStartProblem, type SummaryEdits } from "@/lib/assessment/edits";
import type { Resolver } from "react-hook-form";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { DoseList } from "./dose-list";
import styles from "./summary-editor.module.css";

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
      <DoseList
        title="Exercises"
        empty="No exercises. Add one from the library below."
        idPrefix="ex"
        reasonLabel="Why this exercise"
        items={exercises.fields.map((f) => {
          const lib = inLibrary.get(f.exerciseId);
          const doses = [
            { key: "sets", label: "Sets" },
            lib?.hold ? { key: "holdSeconds", label: "Hold (s)" } : { key: "reps", label: "Repetitions" },
            { key: "daysPerWeek", label: "Days a week" },
            { key: "weeks", label: "Weeks" },
          ];
          return {
            key: f.id,
            name: lib?.name ?? f.exerciseId,
            detail: lib ? `level ${lib.level}, ${lib.target}` : undefined,
            reason: props.reasons[f.exerciseId],
            doses,
          };
        })}
        register={(i, k) => register(`exercises.${i}.${k}` as "exercises.0.sets", { setValueAs: num })}
        error={(i, k) => (errors.exercises?.[i] as Record<string, { message?: string }> | undefined)?.[k]?.message}
        listError={errors.exercises?.message}
        errorId="exercises-error"
        move={exercises.move}
        remove={exercises.remove}
        add={{
          selectId: "add-exercise",
          label: "Add from the library",
          placeholder: "Choose an exercise…",
          button: "Add",
          options: props.library.filter((l) => !chosen.has(l.id)).map((l) => ({ id: l.id, label: `${l.name} (level ${l.level}, ${l.target})` })),
          onAdd: (id) => {
            const l = inLibrary.get(id);
            if (l) exercises.append({ exerciseId: l.id, sets: l.sets, reps: l.reps, holdSeconds: l.holdSeconds, daysPerWeek: 3, weeks: 6 });
          },
        }}
      />

      <DoseList
        title="Stretches"
        empty="No stretches. Add one from the library below."
        idPrefix="st"
        reasonLabel="Why this stretch"
        items={stretches.fields.map((f) => ({
          key: f.id,
          name: stretchNames.get(f.stretchId) ?? f.stretchId,
          reason: props.reasons[`stretch:${f.stretchId}`],
          doses: [
            { key: "holdSeconds", label: "Hold (s)" },
            { key: "reps", label: "Times on each side" },
            { key: "daysPerWeek", label: "Days a week" },
          ],
        }))}
        register={(i, k) => register(`stretches.${i}.${k}` as "stretches.0.reps", { setValueAs: num })}
        error={(i, k) => (errors.stretches?.[i] as Record<string, { message?: string }> | undefined)?.[k]?.message}
        listError={errors.stretches?.message}
        errorId="stretches-error"
        move={stretches.move}
        remove={stretches.remove}
        add={{
          selectId: "add-stretch",
          label: "Add a stretch from the library",
          placeholder: "Choose a stretch…",
          button: "Add stretch",
          options: props.stretchLibrary.filter((l) => !chosenStretchIds.has(l.id)).map((l) => ({ id: l.id, label: l.name })),
          // The library's dose (§7.3): 30 s, twice on each side, once a day.
          onAdd: (id) => {
            if (stretchNames.has(id)) stretches.append({ stretchId: id, holdSeconds: 30, reps: 2, daysPerWeek: 7 });
          },
        }}
      />

      <fieldset className="card">
        <legend>
          <h2 className={styles.sectionTitle}>What the patient is told</h2>
        </legend>
        {education.fields.map((f, i) => {
          const msg = errors.education?.[i]?.text?.message;
          const pointId = points?.[i]?.id;
          const reason = pointId ? props.reasons[pointId] : undefined;
          return (
            <div key={f.id} className="field">
              <label htmlFor={`edu-${i}`}>Point {i + 1}</label>
              <textarea
                id={`edu-${i}`}
                className="input"
                rows={3}
                aria-invalid={!!msg}
                aria-describedby={describedBy(msg && `edu-${i}-error`)}
                {...register(`education.${i}.text`)}
              />
              <FieldError id={`edu-${i}-error`} message={msg} />
              <div className={`row ${styles.itemHead}`}>
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
            <h2 className={styles.sectionTitle}>Return to running</h2>
          </legend>
          {props.holdReason && (
            <div className="field">
              <label className={`row ${styles.strongLabel}`}>
                <input type="checkbox" className={styles.checkbox} {...register("confirmRunning")} />I have reviewed the flags: the running part may start. (
                {props.holdReason})
              </label>
            </div>
          )}
          <fieldset className="field">
            <legend>Start point</legend>
            <div className={`stack ${styles.choices}`}>
              <label className={`row ${styles.radioRow}`}>
                <input type="radio" className={styles.radio} value="engine" {...register("rtrMode")} /> As drafted
                {props.draftedStart ? `: ${props.draftedStart}` : ""}
              </label>
              {props.currentWeeklyKm !== null && props.currentWeeklyKm > 0 && (
                <label className={`row ${styles.radioRow}`}>
                  <input type="radio" className={styles.radio} value="keep-continuous" {...register("rtrMode")} /> Keep the current weekly distance (
                  {km(props.currentWeeklyKm)} km)
                </label>
              )}
              <label className={`row ${styles.radioRow}`}>
                <input type="radio" className={styles.radio} value="reduced-continuous" {...register("rtrMode")} /> Reduce to a weekly distance
              </label>
              {rtrMode === "reduced-continuous" && (
                <div className={`field ${styles.indented}`}>
                  <label htmlFor="rtr-km">
                    Weekly distance to start from (km){props.currentWeeklyKm ? `, below the current ${km(props.currentWeeklyKm)} km` : ""}
                  </label>
                  <input
                    id="rtr-km"
                    className="input input-short"
                    inputMode="decimal"
                    aria-invalid={!!errors.rtrKm}
                    aria-describedby={describedBy(errors.rtrKm && "rtr-km-error")}
                    {...register("rtrKm", { setValueAs: num })}
                  />
                  <FieldError id="rtr-km-error" message={errors.rtrKm?.message} />
                </div>
              )}
              <label className={`row ${styles.radioRow}`}>
                <input type="radio" className={styles.radio} value="walk-run" {...register("rtrMode")} /> Walk-run phase
              </label>
              {rtrMode === "walk-run" && (
                <div className={`field ${styles.indented}`}>
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
        <div className={`field ${styles.tightField}`}>
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
          <h2 id="sign-h" className={styles.sectionTitleTop}>
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
