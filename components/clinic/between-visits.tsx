// The patient page's "Between visits" section: the plan link, the engine's reading of the check-ins,
// adherence, distance (or minutes) run against the calendar and pain during runs as server-rendered
// charts, the check-ins themselves, the follow-up questions, and discharge. Server component: no client code but the discharge form.
import type { PatientProgressDTO, PlanLinkDTO } from "@/lib/data/plan";
import { formatDate, formatDateTime } from "@/lib/format";
import { englishWords } from "@/lib/i18n/summary";
import { PainChart, PlanVsDoneChart } from "../charts/week-charts";
import { DropQueryParam } from "../ui/drop-query-param";
import { DischargeForm } from "./discharge-form";
import { newPlanLinkAction, requestFollowUpAction } from "@/app/(clinic)/patients/plan-actions";

const ALERT_TEXT = {
  "red-twice": "Red twice: running paused, the patient was told to wait for the clinic's call",
  "pain-up": "Pain during runs trending up (2 points or more)",
} as const;

export function PlanLinkField({ link, origin, id = "plan-link" }: { link: PlanLinkDTO; origin: string; id?: string }) {
  if (!link.token) return null;
  return (
    <div className="field">
      <label htmlFor={id}>&ldquo;My plan&rdquo; link</label>
      <input id={id} className="input" readOnly value={`${origin}/i/${link.token}`} />
      <p className="hint">
        The patient opens it on their phone and confirms their date of birth. It works until they are discharged or a new link is made.{" "}
        {link.firstUsedAt ? "The patient has opened it." : "Not opened yet."}
      </p>
    </div>
  );
}

const FOLLOW_UP_OUTCOME: Record<string, string> = {
  emailed: "Asked: My plan offers the follow-up questions now, and the patient has been emailed.",
  "no-email": "Asked: My plan offers the follow-up questions now. The patient has no email address on file (or opted out): tell them to open My plan.",
  failed: "The follow-up questions could not be asked for: the patient has no open plan link.",
};

/** The follow-up questions (the follow-up visit's short intake, by the plan link): their state, and a button
 * to ask for them now rather than on the date the plan set. */
function FollowUpQuestions({ patientId, offer, requestOutcome }: { patientId: string; offer: PatientProgressDTO["followUp"]; requestOutcome: string | null }) {
  const state =
    offer.state === "answered"
      ? "Answered: they are the intake of the follow-up visit."
      : offer.state === "open"
        ? `Open on My plan${offer.requested ? " (asked for by the clinic)" : ""}${offer.dueOn ? `; the follow-up visit is due about ${formatDate(offer.dueOn)}` : ""}. Not answered yet.`
        : offer.state === "later"
          ? `My plan offers them from ${formatDate(offer.opensOn)} (3 days before the follow-up the plan set, ${formatDate(offer.dueOn)}).`
          : "The plan set no follow-up date.";
  return (
    <div>
      <h3 id="follow-up-h" style={{ margin: 0 }}>
        Follow-up questions
      </h3>
      <p>{state}</p>
      {requestOutcome && FOLLOW_UP_OUTCOME[requestOutcome] && (
        <p role="status" className={requestOutcome === "failed" ? "alert alert-danger" : "alert alert-ok"}>
          {FOLLOW_UP_OUTCOME[requestOutcome]}
          <DropQueryParam name="followUp" />
        </p>
      )}
      {offer.state !== "answered" && (
        <form action={requestFollowUpAction}>
          <input type="hidden" name="patientId" value={patientId} />
          <button type="submit" className="btn btn-secondary">
            {offer.state === "open" ? "Remind the patient by email" : "Ask for the follow-up questions now"}
          </button>
        </form>
      )}
    </div>
  );
}

export function BetweenVisits({
  patientId,
  progress,
  link,
  origin,
  timeZone,
  followUpOutcome = null,
}: {
  patientId: string;
  progress: PatientProgressDTO | null;
  link: PlanLinkDTO | null;
  origin: string;
  timeZone: string;
  followUpOutcome?: string | null;
}) {
  if (!progress) {
    return (
      <section className="card" aria-labelledby="plan-h">
        <h2 id="plan-h" style={{ marginTop: 0 }}>
          Between visits
        </h2>
        <p className="muted">No signed plan yet: signing a summary gives the patient a &ldquo;My plan&rdquo; link for check-ins.</p>
      </section>
    );
  }
  const p = progress;
  const weeks = p.weeks;
  const byTime = p.basis === "time";
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const runsPlanned = sum(weeks.map((w) => w.plannedRuns));
  const runsDone = sum(weeks.map((w) => w.runsDone));
  const exPlanned = sum(weeks.map((w) => w.exerciseDaysPlanned));
  const exDone = sum(weeks.map((w) => w.exerciseDaysDone));
  const painPoints = [...p.checkIns]
    .reverse()
    .filter((c) => c.kind === "run" && c.done && c.painDuring !== null)
    .map((c) => ({ date: c.date, pain: c.painDuring! }));
  return (
    <section className="card stack" aria-labelledby="plan-h">
      <h2 id="plan-h" style={{ marginTop: 0 }}>
        Between visits
      </h2>
      <p>
        Plan signed {formatDateTime(p.signedAt, timeZone)}.{" "}
        {p.discharged ? (
          <strong>
            Discharged on {formatDate(p.discharged.on)} ({p.discharged.reason}). The plan link no longer works; the check-ins stay in the record.
          </strong>
        ) : (
          <>
            {p.progress?.paused
              ? "Running is paused (red twice)."
              : p.progress
                ? p.progress.week
                  ? `The next run is from week ${p.progress.week} of the calendar: ${p.progress.next[0] ? englishWords().session(p.progress.next[0], "km") : ""}`
                  : "The running calendar is done."
                : "The plan has no running calendar."}
          </>
        )}
      </p>
      {!p.discharged && (p.alert || p.missed) && (
        <div className="alert alert-danger" role="note" aria-label="Alerts">
          <ul style={{ margin: 0, paddingLeft: "1.25rem" }}>
            {p.alert && <li>{ALERT_TEXT[p.alert]}</li>}
            {p.missed && <li>No check-in for a week</li>}
          </ul>
        </div>
      )}
      {link && !p.discharged && (
        <div>
          <PlanLinkField link={link} origin={origin} />
          <form action={newPlanLinkAction}>
            <input type="hidden" name="patientId" value={patientId} />
            <button type="submit" className="btn btn-secondary">
              Withdraw this link and make a new one
            </button>
          </form>
        </div>
      )}
      {!p.discharged && <FollowUpQuestions patientId={patientId} offer={p.followUp} requestOutcome={followUpOutcome} />}
      <p>
        <strong>Adherence:</strong> {runsDone} of {runsPlanned} runs done; exercise days {exDone} of {exPlanned}.
        {p.trend.newer !== null && ` Pain during runs: ${p.trend.older}/10 earlier, ${p.trend.newer}/10 lately.`}
      </p>
      <PlanVsDoneChart
        id="chart-adherence"
        title="Runs done against runs planned, by week"
        unit="runs"
        rows={weeks.map((w) => ({ label: `Week ${w.week}`, planned: w.plannedRuns, done: w.runsDone }))}
      />
      <PlanVsDoneChart
        id="chart-distance"
        title={byTime ? "Minutes run against the plan, by week" : "Distance run against the plan, by week"}
        unit={byTime ? "min" : "km"}
        rows={weeks.map((w) => ({ label: `Week ${w.week}`, planned: byTime ? (w.plannedMinutes ?? null) : w.plannedKm, done: byTime ? w.minutes : w.km }))}
      />
      <PainChart id="chart-pain" title="Pain during runs" points={painPoints} />
      {p.checkIns.length > 0 && (
        <details>
          <summary>All check-ins ({p.checkIns.length})</summary>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Kind</th>
                <th scope="col">Done</th>
                <th scope="col">Run</th>
                <th scope="col">Pain</th>
                <th scope="col">Settled within 1 h</th>
                <th scope="col">Limped</th>
                <th scope="col">Worse next morning</th>
                <th scope="col">Exercises</th>
              </tr>
            </thead>
            <tbody>
              {p.checkIns.map((c) => (
                <tr key={c.key}>
                  <td>{formatDate(c.date)}</td>
                  <td>{c.kind === "run" ? "Run" : "Exercise day"}</td>
                  <td>{c.done ? "yes" : "no"}</td>
                  <td>{[c.km !== null ? `${c.km} km` : null, c.minutes !== null ? `${c.minutes} min` : null].filter(Boolean).join(", ") || "–"}</td>
                  <td>{c.painDuring ?? "–"}</td>
                  <td>{c.settledWithinHour === null ? "–" : c.settledWithinHour ? "yes" : "no"}</td>
                  <td>{c.limped == null ? "–" : c.limped ? "yes" : "no"}</td>
                  <td>{c.worseNextMorning === null ? "–" : c.worseNextMorning ? "yes" : "no"}</td>
                  <td>{c.exercises ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {!p.discharged && (
        <details>
          <summary>Discharge the patient</summary>
          <p>The &ldquo;My plan&rdquo; link stops working with a plain page for the patient; the check-ins stay in the record.</p>
          <DischargeForm patientId={patientId} today={p.today} />
        </details>
      )}
    </section>
  );
}
