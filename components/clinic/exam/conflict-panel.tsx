"use client";

// When someone else saved (or finalized) the exam while this screen was editing it: what they changed,
// what this screen changed, and a choice per field where both changed the same thing. Nothing is
// overwritten until the clinician chooses.
import { useEffect, useMemo, useRef, useState } from "react";
import { examLabels, formatExamValue } from "@/lib/assessment/exam-labels";
import type { ExamData } from "@/lib/assessment/exam-schema";
import type { ExamDTO } from "@/lib/data/exams";
import { formatDateTime } from "@/lib/format";
import { resolveMerge, threeWayMerge, valueAt } from "@/lib/forms/merge";
import { labelsFrom } from "@/lib/forms/messages";
import styles from "./exam-form.module.css";

const labelOf = labelsFrom(examLabels, "A field");

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
  const heading = useRef<HTMLHeadingElement>(null);
  const [mineAtOpen] = useState(() => props.getMine());
  const plan = useMemo(() => threeWayMerge(props.base, mineAtOpen, theirs.data), [props.base, mineAtOpen, theirs.data]);
  const [choices, setChoices] = useState<Record<string, "mine" | "theirs">>({});
  useEffect(() => heading.current?.focus(), []);

  /** The merge with the current screen as "mine" (the clinician may have kept typing meanwhile). */
  const merged = () => resolveMerge(threeWayMerge(props.base, props.getMine(), theirs.data), choices) as ExamData;
  const who = theirs.updatedByName ?? "Someone";
  const when = formatDateTime(theirs.state === "DRAFT" ? theirs.updatedAt : (theirs.finalizedAt ?? theirs.updatedAt), props.timeZone);

  return (
    <div className="alert alert-warning" role="alert" aria-labelledby="conflict-h">
      <h2 id="conflict-h" ref={heading} tabIndex={-1} style={{ marginTop: 0 }}>
        {props.kind === "conflict"
          ? `Not saved: ${who} saved this exam while you were editing it (version ${theirs.version}, ${when}).`
          : `Not saved: ${props.theirs.finalizedByName ?? who} finalized this exam while you were editing it (${when}).`}
      </h2>
      <p>Nothing was overwritten. Your entries are still on screen.</p>

      {props.kind === "conflict" && plan.takenFromTheirs.length > 0 && (
        <>
          <h3>Their changes to fields you did not change ({plan.takenFromTheirs.length})</h3>
          <ul>
            {plan.takenFromTheirs.map((p) => (
              <li key={p}>
                {labelOf(p)}: {formatExamValue(p, valueAt(props.base, p))} → <strong>{formatExamValue(p, valueAt(theirs.data, p))}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.keptMine.length > 0 && (
        <>
          <h3>
            Your changes {props.kind === "conflict" ? "they did not touch" : "not in the finalized exam"} ({plan.keptMine.length})
          </h3>
          <ul>
            {plan.keptMine.map((p) => (
              <li key={p}>
                {labelOf(p)}: {formatExamValue(p, valueAt(props.base, p))} → <strong>{formatExamValue(p, valueAt(mineAtOpen, p))}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.conflicts.length > 0 && (
        <>
          <h3>Changed by both of you ({plan.conflicts.length}): choose which to keep</h3>
          <div className="table-wrap">
            <table className={`table ${styles.conflictTable}`}>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Before</th>
                  <th scope="col">Keep</th>
                </tr>
              </thead>
              <tbody>
                {plan.conflicts.map((c) => {
                  const choice = choices[c.path] ?? "mine";
                  const name = `keep-${c.path}`;
                  return (
                    <tr key={c.path}>
                      <th scope="row">{labelOf(c.path)}</th>
                      <td>{formatExamValue(c.path, c.base)}</td>
                      <td>
                        <fieldset className={styles.conflictChoice} style={{ border: 0, padding: 0, margin: 0 }}>
                          <legend className="visually-hidden">Keep for {labelOf(c.path)}</legend>
                          <label className="choice">
                            <input type="radio" name={name} checked={choice === "mine"} onChange={() => setChoices((s) => ({ ...s, [c.path]: "mine" }))} />
                            <span>Yours: {formatExamValue(c.path, c.mine)}</span>
                          </label>
                          <label className="choice">
                            <input type="radio" name={name} checked={choice === "theirs"} onChange={() => setChoices((s) => ({ ...s, [c.path]: "theirs" }))} />
                            <span>Theirs: {formatExamValue(c.path, c.theirs)}</span>
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
              Save the merge
            </button>
            <button type="button" className="btn btn-secondary" disabled={props.busy} onClick={() => props.onResolve(props.getMine(), true)}>
              Keep all mine
            </button>
            <button type="button" className="btn btn-secondary" disabled={props.busy} onClick={() => props.onResolve(theirs.data, false)}>
              Take theirs
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
              Amend the exam with my changes
            </button>
            <button type="button" className="btn btn-secondary" disabled={props.busy} onClick={() => props.onResolve(theirs.data, false)}>
              Discard my changes
            </button>
          </>
        )}
      </div>
    </div>
  );
}
