// The summary the patient takes home (issue 5): plain language, exercise cards with drawings, the pain rule
// as a traffic light, the walk-run calendar with boxes to tick, and when to stop and call the clinic.
// Server-rendered; the same component is the print view and the PDF. A refer summary has no running
// content at all.
import type { Assessment, ExercisePrescription, ReturnToRun, StretchPrescription } from "@/lib/assessment/types";
import { PROGRESSION_RULE } from "@/lib/assessment/progression-rule";
import { ExerciseDrawing } from "./exercise-drawing";
import styles from "./summary.module.css";

export function TrafficLight({ t }: { t: ReturnToRun["trafficLight"] }) {
  const rows = [
    { label: "Green", shape: "circle", text: t.green },
    { label: "Amber", shape: "triangle", text: t.amber },
    { label: "Red", shape: "square", text: t.red },
  ] as const;
  return (
    <ul className={styles.traffic} aria-label="The pain rule as a traffic light">
      {rows.map((r) => (
        <li key={r.label} className={styles[`light${r.label}`]}>
          {/* Shapes as well as colours, so it reads in black and white. */}
          <svg viewBox="0 0 20 20" width="22" height="22" aria-hidden="true">
            {r.shape === "circle" && <circle cx="10" cy="10" r="8" />}
            {r.shape === "triangle" && <path d="M10 2 L18 17 H2 Z" />}
            {r.shape === "square" && <rect x="3" y="3" width="14" height="14" />}
          </svg>
          <span>
            <strong>{r.label}:</strong> {r.text.replace(/^(Green|Amber|Red): /, "")}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function ExerciseCard({ e }: { e: ExercisePrescription | StretchPrescription }) {
  return (
    <article className={styles.card}>
      <div className={styles.cardDrawing}>
        <ExerciseDrawing drawing={e.drawing} title={`Drawing: ${e.name}`} size={130} />
      </div>
      <div>
        <h3 className={styles.cardTitle}>{e.name}</h3>
        <p className={styles.dose}>{e.doseText}</p>
        <p>{e.howTo}</p>
        <p>
          <strong>It should feel like:</strong> {e.feel}
        </p>
        {"progression" in e && e.progression && (
          <p>
            <strong>{e.progression.startsWith("Next: ") ? "Next:" : "Progress:"}</strong> {e.progression.replace(/^Next: /, "")}
          </p>
        )}
      </div>
    </article>
  );
}

/** A week's identical sessions as one entry with a box per session ("3 × Easy run, 2.6 km"), in the order
 * each first appears: a week of 6 sessions of two kinds is two entries, not six lines. */
function groupSessions(sessions: ReturnToRun["calendar"][number]["sessions"]): { text: string; count: number }[] {
  const out: { text: string; count: number }[] = [];
  for (const s of sessions) {
    const same = out.find((g) => g.text === s.text);
    if (same) same.count += 1;
    else out.push({ text: s.text, count: 1 });
  }
  return out;
}

export function RunCalendar({ r }: { r: ReturnToRun }) {
  return (
    <table className={styles.calendar}>
      <caption className="visually-hidden">Running calendar: tick each run when done</caption>
      <thead>
        <tr>
          <th scope="col">Week</th>
          <th scope="col">Runs (tick each one when done)</th>
          <th scope="col">Week total</th>
        </tr>
      </thead>
      <tbody>
        {r.calendar.map((w) => (
          <tr key={w.week}>
            <th scope="row">{w.week}</th>
            <td>
              <ul className={styles.sessions}>
                {groupSessions(w.sessions).map((g, i) => (
                  <li key={i}>
                    <span className={styles.ticks} aria-hidden="true">
                      {Array.from({ length: g.count }, (_, k) => (
                        <span key={k} className={styles.tick} />
                      ))}
                    </span>
                    {g.count > 1 ? `${g.count} × ` : ""}
                    {g.text}
                  </li>
                ))}
              </ul>
            </td>
            {/* The engine's week total is the sum of the sessions printed beside it (km, or minutes for a week planned by time). */}
            <td>{w.weeklyKm !== null ? `${w.weeklyKm} km` : w.weeklyMinutes ? `${w.weeklyMinutes} min of running` : `${w.sessions.reduce((t, s) => t + (s.km ?? 0), 0).toFixed(1)} km`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PatientSummary({ a, clinicPhone }: { a: Assessment; clinicPhone: string | null }) {
  const call = clinicPhone ? `call the clinic on ${clinicPhone}` : "call the clinic";
  if (a.status === "refer") {
    return (
      <div className="stack">
        <section className={styles.urgent} aria-labelledby="refer-h">
          <h2 id="refer-h">Please see a doctor</h2>
          <p className={styles.big}>{a.referral?.advice}</p>
          <p>Why:</p>
          <ul>
            {(a.referral?.reasons ?? []).map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </section>
        {a.plan && a.plan.exercises.length > 0 && (
          <section aria-labelledby="ex-h">
            <h2 id="ex-h">Exercises your clinician chose</h2>
            <div className={styles.cards}>
              {a.plan.exercises.map((e) => (
                <ExerciseCard key={e.exerciseId} e={e} />
              ))}
            </div>
          </section>
        )}
        {a.clinicianNotes && (
          <section aria-labelledby="notes-h">
            <h2 id="notes-h">Notes from your clinician</h2>
            <p className={styles.notes}>{a.clinicianNotes}</p>
          </section>
        )}
      </div>
    );
  }
  const p = a.plan;
  const r = a.returnToRun;
  if (!p) return <p>This summary is not complete yet.</p>;
  return (
    <div className="stack">
      <section aria-labelledby="what-h">
        <h2 id="what-h">What is going on</h2>
        <ul className={styles.points}>
          {p.education.map((e) => (
            <li key={e.id}>{e.text}</li>
          ))}
        </ul>
      </section>

      {p.exercises.length > 0 && (
        <section aria-labelledby="ex-h">
          <h2 id="ex-h">Your exercises</h2>
          {(() => {
            // One shared line only when it is true of every exercise; otherwise each card says its own weeks.
            const first = p.exercises[0]!.dose;
            const same = p.exercises.every((e) => e.dose.daysPerWeek === first.daysPerWeek && e.dose.weeks === first.weeks);
            return (
              <>
                <p>
                  {same ? `Do these ${first.daysPerWeek === 7 ? "every day" : `${first.daysPerWeek} days a week`} for ${first.weeks} weeks.` : "Each exercise shows its own dose and how many weeks to do it."}{" "}
                  {PROGRESSION_RULE}
                </p>
                <div className={styles.cards}>
                  {p.exercises.map((e) => (
                    <ExerciseCard key={e.exerciseId} e={same ? e : { ...e, doseText: `${e.doseText}, for ${e.dose.weeks} ${e.dose.weeks === 1 ? "week" : "weeks"}` }} />
                  ))}
                </div>
              </>
            );
          })()}
        </section>
      )}
      {p.stretches.length > 0 && (
        <section aria-labelledby="st-h">
          <h2 id="st-h">Your stretches</h2>
          <div className={styles.cards}>
            {p.stretches.map((s) => (
              <ExerciseCard key={s.stretchId} e={s} />
            ))}
          </div>
        </section>
      )}

      <section aria-labelledby="day-h">
        <h2 id="day-h">Everyday changes</h2>
        <ul className={styles.points}>
          {p.activity.map((x) => (
            <li key={x.id}>{x.text}</li>
          ))}
          {p.cadence && <li>{p.cadence.text}</li>}
        </ul>
      </section>

      {r && (
        <section aria-labelledby="run-h" className={styles.runSection}>
          <h2 id="run-h">Getting back to running</h2>
          {p.runningOnHold ? (
            <p className={styles.hold}>
              {p.runningOnHoldReason} Until then, walk, cycle or swim within the pain rule{p.exercises.length ? " and do your exercises" : ""}.
            </p>
          ) : (
            <>
              <p className={styles.big}>{r.painRule.text}</p>
              <TrafficLight t={r.trafficLight} />
              {/* One paragraph for the start, the build-up and the race: the sheet must hold the longest plan on two pages. */}
              <p>
                {r.start.text} {r.progression.text}
                {r.targetWeeklyKm !== null && r.projectedWeeks !== null && r.projectedWeeks > 0
                  ? ` If all goes well you will be back to about ${r.targetWeeklyKm} km a week in about ${r.projectedWeeks} weeks.`
                  : ""}
                {r.goalRace ? ` ${r.goalRace.text}` : ""}
              </p>
              {(r.waitsForScreen ?? (r.start.mode === "walk-run" && r.calendar.length === 0)) && !r.criteriaMet && (
                <p>
                  Tests to pass with your clinician first (pain 2/10 or less):{" "}
                  {r.entryCriteria.map((c) => `${c.label.charAt(0).toLowerCase()}${c.label.slice(1)}${c.status === "met" ? " (passed)" : ""}`).join("; ")}.
                </p>
              )}
              {r.calendar.length > 0 && <RunCalendar r={r} />}
              {r.scales && r.calendar.length > 0 && <p className={styles.scales}>{r.scales}</p>}
              <p>
                {r.projectedWeeks !== null && r.projectedWeeks > r.calendar.length && `After week ${r.calendar.length}, keep adding no more than ${r.progression.weeklyIncreaseCapPercent}% a week. `}
                <strong>Rules:</strong> {r.rules.join(" ")}
              </p>
            </>
          )}
        </section>
      )}

      {a.clinicianNotes && (
        <section aria-labelledby="notes-h">
          <h2 id="notes-h">Notes from your clinician</h2>
          <p className={styles.notes}>{a.clinicianNotes}</p>
        </section>
      )}

      <section className={styles.stop} aria-labelledby="stop-h">
        <h2 id="stop-h">Stop and {call} if</h2>
        <p>
          your knee swells, locks or gives way; the pain wakes you at night or keeps getting worse; or you get a red on the traffic light twice.
          {a.followUp && ` Your next check-up: in about ${a.followUp.inWeeks} weeks.`}
          {a.followUp?.outcomeInWeeks && a.followUp.outcomeInWeeks !== a.followUp.inWeeks ? ` We will check how well the plan is working at about ${a.followUp.outcomeInWeeks} weeks.` : ""}
        </p>
        {/* Signs that need medical care, not the clinic's phone line (§5). */}
        <p>
          <strong>Get medical care straight away</strong> (not the clinic) if your calf becomes swollen, red or tender, or you become breathless or have chest
          pain (call the emergency number); or if your knee becomes hot, red and swollen with a fever, or you cannot put weight on the leg (go to an emergency
          department).
        </p>
      </section>
    </div>
  );
}
