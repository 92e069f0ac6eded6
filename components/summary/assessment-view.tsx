import type { Assessment, Finding } from "@/lib/assessment/engine";
import { round } from "@/lib/format";

const STATUS_TEXT: Record<Assessment["status"], string> = {
  refer: "Refer: see a physician",
  plan: "Plan",
  incomplete: "Incomplete",
};

function Because({ findings }: { findings: Finding[] }) {
  if (!findings.length) return null;
  return (
    <span className="muted">
      {" "}
      Because: {findings.map((f) => `${f.label} ${f.value === true ? "yes" : f.value === false ? "no" : (f.value ?? "–")}`).join("; ")}.
    </span>
  );
}

/** The engine's output as the clinician reviews it (and as the print view lays it out). */
export function AssessmentView({ a, showReasons }: { a: Assessment; showReasons: boolean }) {
  const hip = a.derived.hipAbduction;
  return (
    <div className="stack">
      {a.status === "refer" ? (
        <div className="alert alert-danger" role="note">
          <h2 style={{ marginTop: 0 }}>{STATUS_TEXT.refer}</h2>
          <p>{a.statusReason}</p>
        </div>
      ) : (
        <div className={a.status === "incomplete" ? "alert alert-warning" : "alert alert-info"} role="note">
          <strong>{STATUS_TEXT[a.status]}.</strong> {a.statusReason}
        </div>
      )}

      <section aria-labelledby="findings-h">
        <h2 id="findings-h">Findings</h2>
        <table className="table">
          <tbody>
            <tr>
              <th scope="row">Hip abduction (best trial)</th>
              <td>{hip ? `Left ${round(hip.leftN)} N · Right ${round(hip.rightN)} N` : "Not recorded on both sides"}</td>
            </tr>
            <tr>
              <th scope="row">Symmetry (weaker ÷ stronger)</th>
              <td>
                {hip
                  ? `${round(hip.symmetryPercent)}%${hip.weakerSide ? `, ${hip.weakerSide} weaker` : ""} (difference ${round(hip.differenceN)} N; measurement error ${round(hip.error.newtons)} N)`
                  : "–"}
              </td>
            </tr>
            {a.derived.load.map((l) => (
              <tr key={l.basis}>
                <th scope="row">Weekly distance change</th>
                <td>
                  {l.fromKm} → {l.toKm} km {l.changePercent === null ? "(from none)" : `(${l.changePercent > 0 ? "+" : ""}${round(l.changePercent)}%)`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {a.flags.length > 0 && (
        <section aria-labelledby="flags-h">
          <h2 id="flags-h">Flags</h2>
          <ul>
            {a.flags.map((f) => (
              <li key={f.code}>
                <strong>{f.title}.</strong> {f.detail} <span className="muted">({f.section})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {a.plan && (
        <section aria-labelledby="plan-h">
          <h2 id="plan-h">Plan</h2>
          <ol>
            {a.plan.lines.map((line) => (
              <li key={line.id} style={{ marginBottom: 8 }}>
                {line.text}
                {line.dose && <strong> {line.dose}.</strong>}
                {showReasons && (
                  <>
                    <Because findings={line.because} />{" "}
                    <span className="muted">
                      [{line.rule.summary} {line.rule.section}]
                    </span>
                  </>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}

      {a.returnToRun && (
        <section aria-labelledby="rtr-h">
          <h2 id="rtr-h">Running while it settles</h2>
          <p>{a.returnToRun.painRule}</p>
          <p>
            Increase your weekly distance by no more than {a.returnToRun.weeklyIncreaseCapPercent}% a week
            {a.returnToRun.previousWeeklyKm !== null && a.returnToRun.currentWeeklyKm !== null && a.returnToRun.previousWeeklyKm > a.returnToRun.currentWeeklyKm
              ? `, working back towards ${round(a.returnToRun.previousWeeklyKm)} km a week`
              : ""}
            .
          </p>
        </section>
      )}

      {a.followUp && (
        <section aria-labelledby="fu-h">
          <h2 id="fu-h">Follow-up</h2>
          <p>
            In {a.followUp.inWeeks} weeks: retest {a.followUp.retest.join(", ").toLowerCase()}.
          </p>
        </section>
      )}
    </div>
  );
}
