import type { IntakeAnswers } from "@/lib/assessment/intake-schema";
import { percentChange } from "@/lib/assessment/load";
import { en } from "@/lib/i18n/en";
import { round } from "@/lib/format";

const yn = (v: boolean) => (v ? "Yes" : "No");
const f = en.intake.fields;

/** The patient's answers at a glance, safety answers first. */
export function IntakeAnswersView({ answers }: { answers: IntakeAnswers }) {
  const safety = Object.entries(answers.safety) as [keyof IntakeAnswers["safety"], boolean][];
  const positives = safety.filter(([, v]) => v);
  const change = percentChange(answers.running.weeklyKm.fourWeeksAgo, answers.running.weeklyKm.thisWeek);
  return (
    <div className="stack">
      {positives.length > 0 ? (
        <div className="alert alert-danger" role="note">
          <strong>Safety answers to review:</strong>
          <ul>
            {positives.map(([k]) => (
              <li key={k}>{f[`safety.${k}`]}: Yes</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="badge badge-ok">No safety concerns reported</p>
      )}
      <div className="grid-2">
        <div>
          <h3>{en.intake.sections.knee}</h3>
          <dl className="facts">
            <dt>Painful knee</dt>
            <dd>{en.intake.kneeOptions[answers.knee.side]}</dd>
            <dt>Pain now</dt>
            <dd>{answers.pain.now}/10</dd>
            <dt>Worst, past week</dt>
            <dd>{answers.pain.worstWeek}/10</dd>
          </dl>
        </div>
        <div>
          <h3>{en.intake.sections.running}</h3>
          <dl className="facts">
            <dt>This week</dt>
            <dd>{round(answers.running.weeklyKm.thisWeek, 1)} km</dd>
            <dt>Four weeks ago</dt>
            <dd>{round(answers.running.weeklyKm.fourWeeksAgo, 1)} km</dd>
            <dt>Change</dt>
            <dd>{change === null ? (answers.running.weeklyKm.thisWeek > 0 ? "new running" : "–") : `${change > 0 ? "+" : ""}${round(change)}%`}</dd>
            <dt>Hills or banked roads</dt>
            <dd>{yn(answers.running.hillsOrBanked)}</dd>
          </dl>
        </div>
      </div>
      <details>
        <summary>All safety answers</summary>
        <dl className="facts" style={{ marginTop: 8 }}>
          {safety.map(([k, v]) => (
            <div key={k} style={{ display: "contents" }}>
              <dt>{f[`safety.${k}`]}</dt>
              <dd>{yn(v)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
