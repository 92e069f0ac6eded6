"use client";

import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { saveExamAction } from "@/app/(clinic)/visits/[visitId]/actions";
import { examLabels } from "@/lib/assessment/exam-labels";
import { examSchema, FORCE_LIMITS_N, BODY_MASS_LIMITS_KG, type ExamData } from "@/lib/assessment/exam-schema";
import type { ClinicSettings } from "@/lib/assessment/settings";
import { assessSymmetry, bestTrial, newtonsPerKg } from "@/lib/assessment/strength";
import { clinicErrors, labelsFrom } from "@/lib/forms/messages";
import { schemaResolver } from "@/lib/forms/resolver";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { round } from "@/lib/format";

const labels = labelsFrom(examLabels);
const num = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v));
const numOrNull = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));

type Status = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; version: number } | { kind: "error"; message: string } | { kind: "conflict"; theirs: { version: number; data: ExamData; by: string | null; at: string } };

export function ExamForm(props: { visitId: string; initial: ExamData; initialVersion: number | null; locked: boolean; settings: ClinicSettings; painfulKnee: "left" | "right" | "both" | null }) {
  const [version, setVersion] = useState<number | null>(props.initialVersion);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const { register, handleSubmit, control, reset, setError, getValues, formState } = useForm<ExamData>({
    resolver: schemaResolver(examSchema, labels, clinicErrors),
    defaultValues: props.initial,
  });
  const { errors } = formState;

  const values = useWatch({ control });
  const left = bestTrial(values.strength?.hipAbduction?.left?.trialsN);
  const right = bestTrial(values.strength?.hipAbduction?.right?.trialsN);
  const sym = assessSymmetry("hipAbduction", left, right, props.settings, props.painfulKnee);

  async function save(data: ExamData, base: number | null) {
    setStatus({ kind: "saving" });
    try {
      const r = await saveExamAction(props.visitId, data, base);
      if (r.ok) {
        setVersion(r.version);
        setStatus({ kind: "saved", version: r.version });
        reset(data);
      } else if ("conflict" in r) {
        setStatus({ kind: "conflict", theirs: { version: r.conflict.version, data: r.conflict.data, by: r.conflict.updatedByName, at: r.conflict.updatedAt } });
      } else {
        for (const [path, message] of Object.entries(r.fieldErrors)) setError(path as never, { message });
        setStatus({ kind: "error", message: r.formError ?? "Some values need correcting; they are marked." });
      }
    } catch {
      setStatus({ kind: "error", message: "Not saved: the server could not be reached. Your entries are still here; save again." });
    }
  }

  const onSubmit = handleSubmit((data) => save(data, version));

  const trial = (side: "left" | "right") => {
    const name = `strength.hipAbduction.${side}.trialsN.0` as const;
    const err = errors.strength?.hipAbduction?.[side]?.trialsN?.[0]?.message ?? errors.strength?.hipAbduction?.[side]?.trialsN?.message;
    const id = `hipabd-${side}`;
    return (
      <div className="field">
        <label htmlFor={id}>{side === "left" ? "Left" : "Right"} (N)</label>
        <input
          id={id}
          className="input input-short"
          inputMode="decimal"
          min={FORCE_LIMITS_N.min}
          max={FORCE_LIMITS_N.max}
          disabled={props.locked}
          aria-invalid={!!err}
          aria-describedby={describedBy(err && `${id}-error`)}
          {...register(name, { setValueAs: numOrNull })}
        />
        <FieldError id={`${id}-error`} message={err} />
        <p className="hint">{newtonsPerKg(side === "left" ? left : right, values.bodyMassKg) === null ? "\u00a0" : `${round(newtonsPerKg(side === "left" ? left : right, values.bodyMassKg), 2)} N/kg`}</p>
      </div>
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      {props.locked && <div className="alert alert-info">This exam is finalized and locked.</div>}
      <section className="card" aria-labelledby="body-h">
        <h2 id="body-h" style={{ marginTop: 0 }}>
          Body
        </h2>
        <div className="field">
          <label htmlFor="bodyMassKg">Body mass (kg)</label>
          <input
            id="bodyMassKg"
            className="input input-short"
            inputMode="decimal"
            min={BODY_MASS_LIMITS_KG.min}
            max={BODY_MASS_LIMITS_KG.max}
            disabled={props.locked}
            aria-invalid={!!errors.bodyMassKg}
            aria-describedby={describedBy(errors.bodyMassKg && "bodyMassKg-error")}
            {...register("bodyMassKg", { setValueAs: num })}
          />
          <FieldError id="bodyMassKg-error" message={errors.bodyMassKg?.message} />
        </div>
      </section>

      <section className="card" aria-labelledby="hhd-h">
        <h2 id="hhd-h" style={{ marginTop: 0 }}>
          Hip abduction, hand-held dynamometer
        </h2>
        <div className="row" style={{ alignItems: "flex-start", gap: 24 }}>
          {trial("left")}
          {trial("right")}
          <div aria-live="polite" style={{ minWidth: 220 }}>
            <p className="muted" style={{ marginBottom: 4 }}>
              Symmetry (weaker ÷ stronger)
            </p>
            {sym ? (
              <p>
                <strong>{round(sym.symmetryPercent)}%</strong>
                {sym.weakerSide ? `, ${sym.weakerSide} weaker` : ", equal"}
                <br />
                {sym.verdict === "asymmetry" && <span className="badge badge-review">Asymmetry (below {sym.thresholdPercent}%, a convention)</span>}
                {sym.verdict === "possible-retest" && <span className="badge">Possible, within measurement error: retest</span>}
                {sym.verdict === "symmetric" && <span className="badge badge-ok">Within {sym.thresholdPercent}%</span>}
              </p>
            ) : (
              <p>Enter both sides.</p>
            )}
          </div>
        </div>
      </section>

      <div aria-live="polite">
        {status.kind === "saved" && <p className="alert alert-ok">Saved (version {status.version}).</p>}
        {status.kind === "error" && (
          <p className="alert alert-danger" role="alert">
            {status.message}
          </p>
        )}
        {status.kind === "conflict" && (
          <div className="alert alert-warning" role="alert">
            <p>
              <strong>Not saved: someone else saved this exam first</strong> (version {status.theirs.version}
              {status.theirs.by ? ` by ${status.theirs.by}` : ""}). Nothing was overwritten. Your entries are still on screen.
            </p>
            <div className="row">
              <button type="button" className="btn" onClick={() => save(getValues(), status.theirs.version)}>
                Keep mine (save over version {status.theirs.version})
              </button>
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => {
                  reset(status.theirs.data);
                  setVersion(status.theirs.version);
                  setStatus({ kind: "idle" });
                }}
              >
                Take theirs
              </button>
            </div>
          </div>
        )}
      </div>
      {!props.locked && (
        <div>
          <button type="submit" className="btn" disabled={status.kind === "saving"}>
            {status.kind === "saving" ? "Saving…" : "Save exam"}
          </button>
        </div>
      )}
    </form>
  );
}
