"use client";

// When someone else saved (or finalized) the exam while this screen was editing it: what they changed,
// what this screen changed, and a choice per field where both changed the same thing. Nothing is
// overwritten until the clinician chooses.
import { useEffect, useMemo, useRef, useState } from "react";
import { buildExamLabels, formatExamValue } from "@/lib/assessment/exam-labels";
import type { ExamData } from "@/lib/assessment/exam-schema";
import type { ExamDTO } from "@/lib/data/exams";
import { formatDateTimeIn } from "@/lib/i18n/format-staff";
import { resolveMerge, threeWayMerge, valueAt } from "@/lib/forms/merge";
import { labelsFrom } from "@/lib/forms/messages";
import { useClinicWords } from "@/components/clinic/clinic-words";
import styles from "./exam-form.module.css";

export default function ConflictPanel(props: {
  kind: "conflict" | "locked";
  theirs: ExamDTO;
  base: ExamData;
  getMine: () => ExamData;
  /** Conflict: take the chosen result on top of their version. */
  onResolve: (data: ExamData, save: boolean) => void;
  /** Locked: amend the finalized exam and apply this screen's changes to the new revision. */
  onAmendWithMine: (data: ExamData) => void;
  busy: boolean;
  /** The clinic's time zone, for when the other version was saved. */
  timeZone: string;
}) {
  const { theirs } = props;
  const { t: words, f, locale } = useClinicWords();
  const t = words.exam.conflict;
  const L = words.exam.labels;
  const labelOf = useMemo(() => labelsFrom(buildExamLabels(L), t.aField), [L, t]);
  const valueOf = (path: string, value: unknown) => formatExamValue(path, value, L);
  const heading = useRef<HTMLHeadingElement>(null);
  const [mineAtOpen] = useState(() => props.getMine());
  const plan = useMemo(() => threeWayMerge(props.base, mineAtOpen, theirs.data), [props.base, mineAtOpen, theirs.data]);
  const [choices, setChoices] = useState<Record<string, "mine" | "theirs">>({});
  useEffect(() => heading.current?.focus(), []);

  /** The merge with the current screen as "mine" (the clinician may have kept typing meanwhile). */
  const merged = () => resolveMerge(threeWayMerge(props.base, props.getMine(), theirs.data), choices) as ExamData;
  const who = theirs.updatedByName ?? t.someone;
  const when = formatDateTimeIn(locale, theirs.state === "DRAFT" ? theirs.updatedAt : (theirs.finalizedAt ?? theirs.updatedAt), props.timeZone);

  return (
    <div className="alert alert-warning" role="alert" aria-labelledby="conflict-h">
      <h2 id="conflict-h" ref={heading} tabIndex={-1} style={{ marginTop: 0 }}>
        {props.kind === "conflict"
          ? f(t.conflictHeading, { who, version: String(theirs.version), when })
          : f(t.lockedHeading, { who: props.theirs.finalizedByName ?? who, when })}
      </h2>
      <p>{t.nothingOverwritten}</p>

      {props.kind === "conflict" && plan.takenFromTheirs.length > 0 && (
        <>
          <h3>{f(t.theirChanges, { n: String(plan.takenFromTheirs.length) })}</h3>
          <ul>
            {plan.takenFromTheirs.map((p) => (
              <li key={p}>
                {labelOf(p)}: {valueOf(p, valueAt(props.base, p))} → <strong>{valueOf(p, valueAt(theirs.data, p))}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.keptMine.length > 0 && (
        <>
          <h3>{f(props.kind === "conflict" ? t.yourChanges : t.yourChangesLocked, { n: String(plan.keptMine.length) })}</h3>
          <ul>
            {plan.keptMine.map((p) => (
              <li key={p}>
                {labelOf(p)}: {valueOf(p, valueAt(props.base, p))} → <strong>{valueOf(p, valueAt(mineAtOpen, p))}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.conflicts.length > 0 && (
        <>
          <h3>{f(t.both, { n: String(plan.conflicts.length) })}</h3>
          <div className="table-wrap">
            <table className={`table ${styles.conflictTable}`}>
              <thead>
                <tr>
                  <th scope="col">{t.field}</th>
                  <th scope="col">{t.before}</th>
                  <th scope="col">{t.keep}</th>
                </tr>
              </thead>
              <tbody>
                {plan.conflicts.map((c) => {
                  const choice = choices[c.path] ?? "mine";
                  const name = `keep-${c.path}`;
                  return (
                    <tr key={c.path}>
                      <th scope="row">{labelOf(c.path)}</th>
                      <td>{valueOf(c.path, c.base)}</td>
                      <td>
                        <fieldset className={styles.conflictChoice} style={{ border: 0, padding: 0, margin: 0 }}>
                          <legend className="visually-hidden">{f(t.keepFor, { field: labelOf(c.path) })}</legend>
                          <label className="choice">
                            <input type="radio" name={name} checked={choice === "mine"} onChange={() => setChoices((s) => ({ ...s, [c.path]: "mine" }))} />
                            <span>{f(t.yours, { value: valueOf(c.path, c.mine) })}</span>
                          </label>
                          <label className="choice">
                            <input type="radio" name={name} checked={choice === "theirs"} onChange={() => setChoices((s) => ({ ...s, [c.path]: "theirs" }))} />
                            <span>{f(t.theirs, { value: valueOf(c.path, c.theirs) })}</span>
                          </label>
                        </fieldset>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}

      <div className="row" style={{ marginTop: 12 }}>
        {props.kind === "conflict" ? (
          <>
            <button type="button" className="btn" disabled={props.busy} onClick={() => props.onResolve(merged(), true)}>
              {t.saveMerge}
            </button>
            <button type="button" className="btn btn-secondary" disabled={props.busy} onClick={() => props.onResolve(props.getMine(), true)}>
              {t.keepMine}
            </button>
            <button type="button" className="btn btn-secondary" disabled={props.busy} onClick={() => props.onResolve(theirs.data, false)}>
              {t.takeTheirs}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="btn"
              disabled={props.busy}
              onClick={() => props.onAmendWithMine(resolveMerge(threeWayMerge(props.base, props.getMine(), theirs.data), {}) as ExamData)}
            >
              {t.amendWithMine}
            </button>
            <button type="button" className="btn btn-secondary" disabled={props.busy} onClick={() => props.onResolve(theirs.data, false)}>
              {t.discardMine}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
