"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { amendSummaryAction, finalizeSummaryAction, saveSummaryEditsAction, type SummaryActionResult } from "@/app/(clinic)/visits/[visitId]/summary/actions";
import { rtrStartProblem, type SummaryEdits } from "@/lib/assessment/edits";
import type { Resolver } from "react-hook-form";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { useClinicWords } from "@/components/clinic/clinic-words";
import type { ClientClinicWords } from "@/lib/i18n/clinic/words";
import { DoseList } from "./dose-list";
import styles from "./summary-editor.module.css";
import { formNumber } from "@/components/ui/number-text";

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

/** The review's schema check, loaded at the first validation (zod stays off the page's first load), worded in
 * the clinic's language. */
let schemaCheck: { words: ClientClinicWords; check: Promise<Resolver<FormValues>> } | null = null;
function loadSchemaCheck(words: ClientClinicWords): Promise<Resolver<FormValues>> {
  if (schemaCheck?.words !== words) {
    const check = import("./summary-validation")
      .then((m) => m.summarySchemaCheck<FormValues>({ labels: words.summary.labels, errors: words.errors }, { transform: toEdits, mapPath: formPath }))
      .catch((e) => {
        schemaCheck = null;
        throw e;
      });
    schemaCheck = { words, check };
  }
  return schemaCheck.check;
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
  /** The patient's language, when it is not the clinic's: the points are shown and edited in it. */
  patientLanguage?: { lang: string; name: string } | null;
}) {
  const router = useRouter();
  const { t: words, f: say, locale } = useClinicWords();
  const t = words.summary.editor;
  const [version, setVersion] = useState<number | null>(props.draftVersion);
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "error"; text?: string }>({ kind: "idle" });
  const [confirming, setConfirming] = useState(false);
  const locked = props.state === "final";
  const { register, control, handleSubmit, setError, reset, formState, getValues } = useForm<FormValues>({
    defaultValues: props.initial,
    // The schema, then the limit the server checks too: a reduced start below the current weekly distance.
    resolver: async (values, context, options) => {
      const r = await (await loadSchemaCheck(words))(values, context, options);
      const problem = rtrStartProblem(props.currentWeeklyKm, toEdits(values).rtrStart);
      if (!problem || (r.errors as Record<string, unknown>).rtrKm) return r;
      const message = say(t.startKmProblem, { km: km(props.currentWeeklyKm ?? 0) });
      return { values: {}, errors: { ...r.errors, rtrKm: { type: "limit", message } } };
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
  // Numbers as typed ("12.5"), with the decimal comma in Spanish.
  const typed = (n: unknown) => (locale === "es" ? String(n).replace(".", ",") : String(n));
  const km = (n: number) => typed(Number.isInteger(n) ? String(n) : n.toFixed(1));
  const runningStart = !props.hasRunningPlan
    ? t.noRunningPlan
    : props.holdReason && !confirmRunning
      ? say(t.onHold, { reason: props.holdReason })
      : rtrMode === "walk-run"
        ? say(t.walkRunPhase, { phase: typed(rtrPhase ?? 1) })
        : rtrMode === "reduced-continuous"
          ? say(t.reducedKm, { km: typed(rtrKm ?? "–") })
          : (props.draftedStart ?? t.asDrafted);
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
        handle(r, action === "save" ? t.saved : t.finalizedSigned);
      } catch {
        setStatus({ kind: "error", text: t.notSavedOffline });
      }
    });

  const inLibrary = new Map(props.library.map((l) => [l.id, l]));
  const chosen = new Set((chosenExercises ?? []).map((e) => e.exerciseId));
  const stretchNames = new Map(props.stretchLibrary.map((l) => [l.id, l.name]));
  const chosenStretchIds = new Set((chosenStretches ?? []).map((e) => e.stretchId));

  if (locked) {
    return (
      <div className="stack">
        <p>{t.locked}</p>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={async () => {
            try {
              handle(await amendSummaryAction(props.visitId), t.amendmentStarted);
            } catch {
              setStatus({ kind: "error", text: t.offline });
            }
          }}
        >
          {t.amend}
        </button>
        {status.text && <p role="status">{status.text}</p>}
      </div>
    );
  }

  return (
    <form onSubmit={run("save")} noValidate className="stack">
      <DoseList
        title={t.exercises}
        empty={t.noExercises}
        idPrefix="ex"
        reasonLabel={t.whyExercise}
        items={exercises.fields.map((f) => {
          const lib = inLibrary.get(f.exerciseId);
          const doses = [
            { key: "sets", label: t.sets },
            lib?.hold ? { key: "holdSeconds", label: t.holdSeconds } : { key: "reps", label: t.reps },
            { key: "daysPerWeek", label: t.daysPerWeek },
            { key: "weeks", label: t.weeks },
          ];
          return {
            key: f.id,
            name: lib?.name ?? f.exerciseId,
            detail: lib ? say(t.level, { level: String(lib.level), target: t.targets[lib.target] ?? lib.target }) : undefined,
            reason: props.reasons[f.exerciseId],
            doses,
          };
        })}
        register={(i, k) => register(`exercises.${i}.${k}` as "exercises.0.sets", { setValueAs: formNumber })}
        error={(i, k) => (errors.exercises?.[i] as Record<string, { message?: string }> | undefined)?.[k]?.message}
        listError={errors.exercises?.message}
        errorId="exercises-error"
        move={exercises.move}
        remove={exercises.remove}
        add={{
          selectId: "add-exercise",
          label: t.addFromLibrary,
          placeholder: t.chooseExercise,
          button: t.add,
          options: props.library
            .filter((l) => !chosen.has(l.id))
            .map((l) => ({ id: l.id, label: say(t.exerciseOption, { name: l.name, level: String(l.level), target: t.targets[l.target] ?? l.target }) })),
          onAdd: (id) => {
            const l = inLibrary.get(id);
            if (l) exercises.append({ exerciseId: l.id, sets: l.sets, reps: l.reps, holdSeconds: l.holdSeconds, daysPerWeek: 3, weeks: 6 });
          },
        }}
      />

      <DoseList
        title={t.stretches}
        empty={t.noStretches}
        idPrefix="st"
        reasonLabel={t.whyStretch}
        items={stretches.fields.map((f) => ({
          key: f.id,
          name: stretchNames.get(f.stretchId) ?? f.stretchId,
          reason: props.reasons[`stretch:${f.stretchId}`],
          doses: [
            { key: "holdSeconds", label: t.holdSeconds },
            { key: "reps", label: t.timesEachSide },
            { key: "daysPerWeek", label: t.daysPerWeek },
          ],
        }))}
        register={(i, k) => register(`stretches.${i}.${k}` as "stretches.0.reps", { setValueAs: formNumber })}
        error={(i, k) => (errors.stretches?.[i] as Record<string, { message?: string }> | undefined)?.[k]?.message}
        listError={errors.stretches?.message}
        errorId="stretches-error"
        move={stretches.move}
        remove={stretches.remove}
        add={{
          selectId: "add-stretch",
          label: t.addStretchFromLibrary,
          placeholder: t.chooseStretch,
          button: t.addStretch,
          options: props.stretchLibrary.filter((l) => !chosenStretchIds.has(l.id)).map((l) => ({ id: l.id, label: l.name })),
          // The library's dose (§7.3): 30 s, twice on each side, once a day.
          onAdd: (id) => {
            if (stretchNames.has(id)) stretches.append({ stretchId: id, holdSeconds: 30, reps: 2, daysPerWeek: 7 });
          },
        }}
      />

      <fieldset className="card">
        <legend>
          <h2 className={styles.sectionTitle}>{t.education}</h2>
        </legend>
        {props.patientLanguage && <p className="hint">{say(t.educationLanguage, { language: props.patientLanguage.name })}</p>}
        {education.fields.map((f, i) => {
          const msg = errors.education?.[i]?.text?.message;
          const pointId = points?.[i]?.id;
          const reason = pointId ? props.reasons[pointId] : undefined;
          return (
            <div key={f.id} className="field">
              <label htmlFor={`edu-${i}`}>{say(t.point, { n: String(i + 1) })}</label>
              <textarea
                id={`edu-${i}`}
                className="input"
                rows={3}
                lang={props.patientLanguage?.lang}
                aria-invalid={!!msg}
                aria-describedby={describedBy(msg && `edu-${i}-error`)}
                {...register(`education.${i}.text`)}
              />
              <FieldError id={`edu-${i}-error`} message={msg} />
              <div className={`row ${styles.itemHead}`}>
                {reason ? (
                  <details>
                    <summary>{t.whyPoint}</summary>
                    <p className="muted">
                      {reason.rule}
                      {reason.because ? ` ${say(t.because, { because: reason.because })}` : ""}
                    </p>
                  </details>
                ) : (
                  <span className="muted">{t.byClinician}</span>
                )}
                <button type="button" className="btn-link" onClick={() => education.remove(i)} aria-label={say(t.removePoint, { n: String(i + 1) })}>
                  {t.remove}
                </button>
              </div>
            </div>
          );
        })}
        <button type="button" className="btn btn-secondary" onClick={() => education.append({ id: `clinician.${Date.now()}`, text: "" })}>
          {t.addPoint}
        </button>
      </fieldset>

      {props.hasRunningPlan && (
        <fieldset className="card">
          <legend>
            <h2 className={styles.sectionTitle}>{t.returnToRunning}</h2>
          </legend>
          {props.holdReason && (
            <div className="field">
              <label className={`row ${styles.strongLabel}`}>
                <input type="checkbox" className={styles.checkbox} {...register("confirmRunning")} />
                {say(t.confirmRunning, { reason: props.holdReason })}
              </label>
            </div>
          )}
          <fieldset className="field">
            <legend>{t.startPoint}</legend>
            <div className={`stack ${styles.choices}`}>
              <label className={`row ${styles.radioRow}`}>
                <input type="radio" className={styles.radio} value="engine" {...register("rtrMode")} />{" "}
                {props.draftedStart ? say(t.asDraftedWith, { start: props.draftedStart }) : t.asDrafted}
              </label>
              {props.currentWeeklyKm !== null && props.currentWeeklyKm > 0 && (
                <label className={`row ${styles.radioRow}`}>
                  <input type="radio" className={styles.radio} value="keep-continuous" {...register("rtrMode")} />{" "}
                  {say(t.keepCurrent, { km: km(props.currentWeeklyKm) })}
                </label>
              )}
              <label className={`row ${styles.radioRow}`}>
                <input type="radio" className={styles.radio} value="reduced-continuous" {...register("rtrMode")} /> {t.reduce}
              </label>
              {rtrMode === "reduced-continuous" && (
                <div className={`field ${styles.indented}`}>
                  <label htmlFor="rtr-km">{props.currentWeeklyKm ? say(t.startKmBelow, { km: km(props.currentWeeklyKm) }) : t.startKm}</label>
                  <input
                    id="rtr-km"
                    className="input input-short"
                    inputMode="decimal"
                    aria-invalid={!!errors.rtrKm}
                    aria-describedby={describedBy(errors.rtrKm && "rtr-km-error")}
                    {...register("rtrKm", { setValueAs: formNumber })}
                  />
                  <FieldError id="rtr-km-error" message={errors.rtrKm?.message} />
                </div>
              )}
              <label className={`row ${styles.radioRow}`}>
                <input type="radio" className={styles.radio} value="walk-run" {...register("rtrMode")} /> {t.walkRun}
              </label>
              {rtrMode === "walk-run" && (
                <div className={`field ${styles.indented}`}>
                  <label htmlFor="rtr-phase">{t.phase}</label>
                  <select id="rtr-phase" className="input input-short" {...register("rtrPhase", { setValueAs: formNumber })}>
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
          <label htmlFor="notes">{t.notes}</label>
          <textarea id="notes" className="input" rows={3} {...register("notes")} />
        </div>
      </div>

      <div aria-live="polite">
        {status.kind === "saving" && <p>{t.saving}</p>}
        {status.kind === "saved" && <p className="alert alert-ok">{status.text}</p>}
        {status.kind === "error" && (
          <p className="alert alert-danger" role="alert">
            {status.text}
          </p>
        )}
      </div>
      <div className="row">
        <button type="submit" className="btn btn-secondary" disabled={status.kind === "saving"}>
          {t.saveDraft}
        </button>
        {!confirming && (
          <button type="button" className="btn" disabled={!props.canFinalize || status.kind === "saving"} onClick={() => setConfirming(true)}>
            {t.finalize}
          </button>
        )}
        {!props.canFinalize && <span className="muted">{t.needBoth}</span>}
      </div>
      {confirming && (
        // Signing is the weightier act than finalizing the exam: it asks first, showing what is signed.
        <section className="card alert-warning" aria-labelledby="sign-h" role="group">
          <h2 id="sign-h" className={styles.sectionTitleTop}>
            {t.signHeading}
          </h2>
          <dl className="facts">
            <dt>{t.status}</dt>
            <dd>{props.planStatus}</dd>
            <dt>{t.runningStart}</dt>
            <dd>{runningStart}</dd>
            <dt>{t.signExercises}</dt>
            <dd>{(chosenExercises ?? []).length}</dd>
          </dl>
          <p>{t.signNote}</p>
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
              {t.confirmSign}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setConfirming(false)}>
              {t.cancel}
            </button>
          </div>
        </section>
      )}
    </form>
  );
}
