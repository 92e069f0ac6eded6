// The clinician's version of the summary: findings, left/right strength per muscle group, scores and their
// change, flags with their sources, the classification with the findings for and against, and the plan.
import type { Assessment, StrengthDerived } from "@/lib/assessment/types";
import { StrengthChart } from "@/components/charts/strength-chart";
import { groupLabel } from "@/lib/assessment/plan";
import { goalRaceClinicianText } from "@/lib/assessment/return-to-run";
import { format } from "@/lib/i18n/format";
import { englishWords } from "@/lib/i18n/summary";

const weeks = (n: number) => format("{n, plural, one {# week} other {# weeks}}", { n });
import { formatNewtons, formatPercent, formatPerKg } from "@/lib/format";
import styles from "./summary.module.css";

/** Left vs right bars for one muscle group: the exam form's chart (left solid, right hatched), with the
 *  previous visit's values as dashed markers when there was one. */
export function StrengthBars({ s }: { s: StrengthDerived }) {
  const before = (now: number, change: number | null | undefined) => (change === null || change === undefined ? null : now - change);
  const previous = s.change ? { leftN: before(s.leftN, s.change.left), rightN: before(s.rightN, s.change.right), label: "Last visit" } : null;
  return (
    <StrengthChart
      id={`strength-${s.group}`}
      title={groupLabel(s.group)}
      leftN={s.leftN}
      rightN={s.rightN}
      previous={previous}
      weakerSide={s.weakerSide}
      symmetryPercent={s.symmetryPercent}
      width={280}
    />
  );
}

const STATUS_LABEL: Record<Assessment["status"], string> = {
  plan: "Plan drafted",
  refer: "Refer before any plan",
  incomplete: "Not enough to draft a plan yet",
};

const RUNNER_STATE: Record<string, string> = {
  green: "green: within the pain rule",
  amber: "amber: pain 3–4/10 or slow to settle",
  red: "red: pain 5/10 or more, or worse next morning",
  stopped: "not running now",
  novice: "new runner",
};

export function ClinicianSummary({ a, showPlan = true }: { a: Assessment; showPlan?: boolean }) {
  const strength = Object.values(a.derived.strength).filter((s): s is StrengthDerived => !!s);
  return (
    <div className="stack">
      <section aria-labelledby="c-status">
        <h2 id="c-status">{STATUS_LABEL[a.status]}</h2>
        <p>{a.statusReason}</p>
        {a.referral && (
          <ul>
            {a.flags
              .filter((f) => f.level === "hard")
              .map((f) => (
                <li key={f.code}>
                  {f.title}: {f.detail}
                </li>
              ))}
          </ul>
        )}
      </section>
      {/* §5: a referral carries the reasons for referring, not a working classification or a plan. */}
      {a.status !== "refer" && (
        <section aria-labelledby="c-class">
          <h2 id="c-class">Working classification: {a.classification.label}</h2>
          {a.classification.clinicianOverride && <p>{a.classification.clinicianOverride}</p>}
          <div className="grid-2">
            <div>
              <h3>For</h3>
              <ul>
                {a.classification.for.length ? (
                  a.classification.for.map((f) => (
                    <li key={f.code}>
                      {f.label}
                      {typeof f.value === "string" ? `: ${f.value}` : ""}
                    </li>
                  ))
                ) : (
                  <li>None recorded</li>
                )}
              </ul>
            </div>
            <div>
              <h3>Against</h3>
              <ul>{a.classification.against.length ? a.classification.against.map((f) => <li key={f.code}>{f.label}</li>) : <li>None recorded</li>}</ul>
            </div>
          </div>
        </section>
      )}
      <section aria-labelledby="c-strength">
        <h2 id="c-strength">Hip strength, left and right</h2>
        {strength.length === 0 ? (
          <p>No dynamometry recorded on both sides.</p>
        ) : (
          <div className="table-wrap" role="region" aria-label="Hip strength table" tabIndex={0}>
            <table className={`table ${styles.findings}`}>
              <thead>
                <tr>
                  <th scope="col">Muscle group</th>
                  <th scope="col">Left / right (best trial)</th>
                  <th scope="col">Symmetry</th>
                  <th scope="col">N/kg L / R</th>
                  <th scope="col">Change since last visit</th>
                </tr>
              </thead>
              <tbody>
                {strength.map((s) => (
                  <tr key={s.group}>
                    <th scope="row">{groupLabel(s.group)}</th>
                    <td>
                      <StrengthBars s={s} />
                    </td>
                    <td>
                      {formatPercent(s.symmetryPercent)}%{s.weakerSide ? `, ${s.weakerSide} weaker` : ""}
                      <br />
                      <span className="muted">
                        {s.verdict === "asymmetry" ? "asymmetry" : s.verdict === "possible-retest" ? "possible, retest" : "within threshold"} (error{" "}
                        {formatNewtons(s.error.newtons)} N)
                      </span>
                    </td>
                    <td>
                      {formatPerKg(s.leftNPerKg)} / {formatPerKg(s.rightNPerKg)}
                    </td>
                    <td>
                      {s.change
                        ? `${s.change.left !== null ? `L ${s.change.left > 0 ? "+" : ""}${formatNewtons(s.change.left)} N` : ""} ${s.change.right !== null ? `R ${s.change.right > 0 ? "+" : ""}${formatNewtons(s.change.right)} N` : ""}${s.change.beyondError ? " (beyond error)" : " (within error)"}`
                        : "–"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="c-scores">
        <h2 id="c-scores">Scores</h2>
        <dl className="facts">
          <dt>Kujala (AKPS, 0–100, higher is better)</dt>
          <dd>
            {a.derived.akps
              ? `${a.derived.akps.score}${a.derived.akps.change !== null ? ` (${a.derived.akps.change > 0 ? "+" : ""}${a.derived.akps.change} since last visit${a.derived.akps.beyondMcid ? ", meaningful" : ""})` : ""}`
              : "not collected"}
          </dd>
          <dt>LEFS (0–80, higher is better)</dt>
          <dd>
            {a.derived.lefs
              ? `${a.derived.lefs.score}${a.derived.lefs.change !== null ? ` (${a.derived.lefs.change > 0 ? "+" : ""}${a.derived.lefs.change} since last visit${a.derived.lefs.beyondMcid ? ", meaningful" : ""})` : ""}`
              : "not collected"}
          </dd>
          <dt>Lateral step-down (0–6) L / R</dt>
          <dd>
            {a.derived.stepDown.left ?? "–"} / {a.derived.stepDown.right ?? "–"}
          </dd>
        </dl>
      </section>
      {a.flags.length > 0 && (
        <section aria-labelledby="c-flags">
          <h2 id="c-flags">Flags</h2>
          <ul>
            {a.flags.map((f) => (
              <li key={f.code}>
                <strong>{f.title}.</strong> {f.detail} <span className="muted">({f.section})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {showPlan && a.plan && (
        <section aria-labelledby="c-plan">
          <h2 id="c-plan">Plan</h2>
          <ol>
            {a.plan.exercises.map((e) => (
              <li key={e.exerciseId}>
                {englishWords().exerciseName(e)} (level {e.level}): {englishWords().exerciseDose(e)}, {e.dose.weeks} weeks
              </li>
            ))}
          </ol>
          {a.plan.stretches.length > 0 && <p>Stretches: {a.plan.stretches.map((s) => englishWords().exerciseName(s)).join(", ")}.</p>}
          {a.returnToRun && (
            <>
              <p>
                Running{a.returnToRun.runnerState ? ` (${RUNNER_STATE[a.returnToRun.runnerState]})` : ""}:{" "}
                {a.plan.runningOnHold ? englishWords().onHoldReason(a) : englishWords().start(a.returnToRun)}
                {!a.plan.runningOnHold && (
                  <>
                    {" "}
                    Target {a.returnToRun.targetWeeklyKm ?? "–"} km a week
                    {a.returnToRun.projectedWeeks ? ` in about ${weeks(a.returnToRun.projectedWeeks)}` : ""}; cap{" "}
                    {a.returnToRun.progression.weeklyIncreaseCapPercent}% a week (convention).
                  </>
                )}
              </p>
              {a.returnToRun.goalRace && <p>Goal race: {goalRaceClinicianText(a.returnToRun.goalRace)}</p>}
            </>
          )}
          {a.followUp && (
            <p>
              Follow-up in {weeks(a.followUp.inWeeks)}
              {a.followUp.outcomeInWeeks && a.followUp.outcomeInWeeks !== a.followUp.inWeeks
                ? ` (early review; outcome visit at ${weeks(a.followUp.outcomeInWeeks)})`
                : ""}
              : {a.followUp.retest.join("; ")}.
            </p>
          )}
        </section>
      )}
      {a.clinicianNotes && (
        <section aria-labelledby="c-notes">
          <h2 id="c-notes">Notes</h2>
          <p className={styles.notes}>{a.clinicianNotes}</p>
        </section>
      )}
    </div>
  );
}
