// The summary the patient takes home: plain language, exercise cards with drawings, the pain rule
// as a traffic light, the walk-run calendar with boxes to tick, and when to stop and call the clinic.
// Server-rendered; the same component is the print view and the PDF. A refer summary has no running
// content at all. Every word comes from the `summary` catalog in the given locale (the patient's), through
// lib/i18n/summary.ts: the engine's English is printed only where the catalog has no sentence for it.
import type { Assessment, ExercisePrescription, ReturnToRun, StretchPrescription } from "@/lib/assessment/types";
import { messagesFor } from "@/lib/i18n";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { calendarShowsEffort, SummaryWords } from "@/lib/i18n/summary";
import { ExerciseDrawing } from "./exercise-drawing";
import styles from "./summary.module.css";

export function TrafficLight({ r, w }: { r: ReturnToRun; w: SummaryWords }) {
  const rows = [
    { colour: "Green", shape: "circle", ...w.light(r, "green") },
    { colour: "Amber", shape: "triangle", ...w.light(r, "amber") },
    { colour: "Red", shape: "square", ...w.light(r, "red") },
  ] as const;
  return (
    <ul className={styles.traffic} aria-label={w.t((m) => m.trafficLight.label)}>
      {rows.map((r) => (
        <li key={r.colour} className={styles[`light${r.colour}`]}>
          {/* Shapes as well as colours, so it reads in black and white. */}
          <svg viewBox="0 0 20 20" width="22" height="22" aria-hidden="true">
            {r.shape === "circle" && <circle cx="10" cy="10" r="8" />}
            {r.shape === "triangle" && <path d="M10 2 L18 17 H2 Z" />}
            {r.shape === "square" && <rect x="3" y="3" width="14" height="14" />}
          </svg>
          <span>
            <strong>{r.label}:</strong> {r.text}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** `forWeeks`: the card says its own weeks (when the exercises' weeks differ). */
export function ExerciseCard({ e, w, forWeeks = false }: { e: ExercisePrescription | StretchPrescription; w: SummaryWords; forWeeks?: boolean }) {
  const name = w.exerciseName(e);
  const dose = "exerciseId" in e ? w.exerciseDose(e) : w.stretchDose(e);
  return (
    <article className={styles.card}>
      <div className={styles.cardDrawing}>
        <ExerciseDrawing drawing={e.drawing} title={w.t((m) => m.card.drawing, { name })} size={130} />
      </div>
      <div>
        <h3 className={styles.cardTitle}>{name}</h3>
        <p className={styles.dose}>{forWeeks && "dose" in e ? w.t((m) => m.card.forWeeks, { dose, weeks: e.dose.weeks }) : dose}</p>
        <p>{w.howTo(e)}</p>
        <p>
          <strong>{w.t((m) => m.card.feel)}</strong> {w.feel(e)}
        </p>
        {"exerciseId" in e && (
          <p>
            {(() => {
              const line = w.progression(e);
              return (
                <>
                  <strong>{line.label}</strong> {line.text}
                </>
              );
            })()}
          </p>
        )}
      </div>
    </article>
  );
}

/** A week's identical sessions as one entry with a box per session ("3 × Easy run, 2.6 km"), in the order
 * each first appears: a week of 6 sessions of two kinds is two entries, not six lines. */
function groupSessions(r: ReturnToRun, sessions: ReturnToRun["calendar"][number]["sessions"], w: SummaryWords): { text: string; count: number }[] {
  const out: { text: string; count: number }[] = [];
  for (const s of sessions) {
    const text = w.session(s, r.unit);
    const same = out.find((g) => g.text === text);
    if (same) same.count += 1;
    else out.push({ text, count: 1 });
  }
  return out;
}

export function RunCalendar({ r, w }: { r: ReturnToRun; w: SummaryWords }) {
  return (
    <table className={styles.calendar}>
      <caption className="visually-hidden">{w.t((m) => m.calendar.caption)}</caption>
      <thead>
        <tr>
          <th scope="col">{w.t((m) => m.calendar.week)}</th>
          <th scope="col">{w.t((m) => m.calendar.runs)}</th>
          <th scope="col">{w.t((m) => m.calendar.total)}</th>
        </tr>
      </thead>
      <tbody>
        {r.calendar.map((wk) => (
          <tr key={wk.week}>
            <th scope="row">{wk.week}</th>
            <td>
              <ul className={styles.sessions}>
                {groupSessions(r, wk.sessions, w).map((g, i) => (
                  <li key={i}>
                    <span className={styles.ticks} aria-hidden="true">
                      {Array.from({ length: g.count }, (_, k) => (
                        <span key={k} className={styles.tick} />
                      ))}
                    </span>
                    {g.count > 1 ? w.t((m) => m.calendar.times, { count: g.count, session: g.text }) : g.text}
                  </li>
                ))}
              </ul>
            </td>
            {/* The week total is the sum of the sessions printed beside it (km, miles, or minutes for a week planned by time). */}
            <td>{w.weekTotal(r, wk)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PatientSummary({
  a,
  clinicPhone,
  locale = DEFAULT_LOCALE,
  onFallback,
}: {
  a: Assessment;
  clinicPhone: string | null;
  /** The reader's language: the patient's for the take-home sheet. */
  locale?: Locale;
  /** Told of each engine sentence printed in English because the catalog has none for it (tests). */
  onFallback?: (english: string) => void;
}) {
  const w = new SummaryWords(messagesFor(locale).summary, locale, onFallback);
  const h = messagesFor(locale).summary.headings;
  const stop = clinicPhone ? w.t((m) => m.stop.headingPhone, { phone: clinicPhone }) : w.t((m) => m.stop.heading);
  if (a.status === "refer") {
    const referral = w.referral(a);
    return (
      <div className="stack" lang={locale}>
        <section className={styles.urgent} aria-labelledby="refer-h">
          <h2 id="refer-h">{h.refer}</h2>
          <p className={styles.big}>{referral.advice}</p>
          <p>{h.why}</p>
          <ul>
            {referral.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </section>
        {a.plan && a.plan.exercises.length > 0 && (
          <section aria-labelledby="ex-h">
            <h2 id="ex-h">{h.exercisesChosen}</h2>
            <div className={styles.cards}>
              {a.plan.exercises.map((e) => (
                <ExerciseCard key={e.exerciseId} e={e} w={w} />
              ))}
            </div>
          </section>
        )}
        {a.clinicianNotes && (
          <section aria-labelledby="notes-h">
            <h2 id="notes-h">{h.notes}</h2>
            <p className={styles.notes}>{a.clinicianNotes}</p>
          </section>
        )}
      </div>
    );
  }
  const p = a.plan;
  const r = a.returnToRun;
  if (!p) return <p lang={locale}>{h.notComplete}</p>;
  const waits = r ? (r.waitsForScreen ?? (r.start.mode === "walk-run" && r.calendar.length === 0)) && !r.criteriaMet : false;
  const stretches = p.stretches.length > 0 && (
    <section aria-labelledby="st-h" className={styles.stretches}>
      <h2 id="st-h">{h.stretches}</h2>
      <div className={styles.cards}>
        {p.stretches.map((s) => (
          <ExerciseCard key={s.stretchId} e={s} w={w} />
        ))}
      </div>
    </section>
  );
  return (
    <div className="stack" lang={locale}>
      <section aria-labelledby="what-h">
        <h2 id="what-h">{h.whatIsGoingOn}</h2>
        <ul className={styles.points}>
          {p.education.map((e) => (
            <li key={e.id}>{w.education(e)}</li>
          ))}
        </ul>
      </section>

      {p.exercises.length > 0 && (
        <section aria-labelledby="ex-h">
          <h2 id="ex-h">{h.exercises}</h2>
          {(() => {
            // One shared line only when it is true of every exercise; otherwise each card says its own weeks.
            const first = p.exercises[0]!.dose;
            const same = p.exercises.every((e) => e.dose.daysPerWeek === first.daysPerWeek && e.dose.weeks === first.weeks);
            return (
              <>
                <p>
                  {same ? w.t((m) => m.exerciseIntro.same, { days: first.daysPerWeek, weeks: first.weeks }) : w.t((m) => m.exerciseIntro.each)}{" "}
                  {w.t((m) =>
                    p.exercises.some((e) => e.progression === undefined || e.progression.startsWith("Next: "))
                      ? m.exerciseIntro.cards
                      : m.exerciseIntro.cardsOld,
                  )}
                </p>
                {/* In print the exercise and stretch cards flow through three columns together, so no card
                    row leaves a gap beside a short card (the sheet's two pages hold the longest plan in
                    Spanish too); on screen they stay two grids. */}
                <div className={styles.cardFlow}>
                  <div className={styles.cards}>
                    {p.exercises.map((e) => (
                      <ExerciseCard key={e.exerciseId} e={e} w={w} forWeeks={!same} />
                    ))}
                  </div>
                  {stretches}
                </div>
              </>
            );
          })()}
        </section>
      )}
      {p.exercises.length === 0 && stretches}

      <section aria-labelledby="day-h">
        <h2 id="day-h">{h.everyday}</h2>
        <ul className={styles.points}>
          {p.activity.map((x) => (
            <li key={x.id}>{w.activity(x)}</li>
          ))}
          {p.cadence && <li>{w.cadence(p.cadence)}</li>}
        </ul>
      </section>

      {r && (
        <section aria-labelledby="run-h" className={styles.runSection}>
          <h2 id="run-h">{h.running}</h2>
          {p.runningOnHold ? (
            <p className={styles.hold}>{w.t((m) => (p.exercises.length ? m.onHold.line : m.onHold.lineNoExercises), { reason: w.onHoldReason(a) })}</p>
          ) : (
            <>
              <p className={styles.big}>{w.painRule(r)}</p>
              <TrafficLight r={r} w={w} />
              {/* One paragraph for the start, the build-up and the race: the sheet must hold the longest plan on two pages. */}
              <p>
                {w.start(r)} {w.progressionRule(r)}
                {r.targetWeeklyKm !== null && r.projectedWeeks !== null && r.projectedWeeks > 0 ? ` ${w.backBy(r)}` : ""}
                {r.goalRace ? ` ${w.goalRace(r.goalRace, r.unit)}` : ""}
              </p>
              {waits && <p>{w.entryTests(r)}</p>}
              {r.calendar.length > 0 && <RunCalendar r={r} w={w} />}
              {/* Summaries signed from ruleset 2026.12.5 carry no English: the scales show when the calendar has effort
                  numbers to explain. Older ones as signed. */}
              {r.calendar.length > 0 && (r.scales !== undefined || (r.start.text === undefined && calendarShowsEffort(r))) && (
                <p className={styles.scales}>{w.scales(r.scales)}</p>
              )}
              <p>
                {r.projectedWeeks !== null &&
                  r.projectedWeeks > r.calendar.length &&
                  w.t((m) => m.afterCalendar, { week: r.calendar.length, cap: r.progression.weeklyIncreaseCapPercent })}
                <strong>{w.t((m) => m.rulesLabel)}</strong> {r.rules.map((x) => w.rule(x)).join(" ")}
              </p>
            </>
          )}
        </section>
      )}

      {a.clinicianNotes && (
        <section aria-labelledby="notes-h">
          <h2 id="notes-h">{h.notes}</h2>
          <p className={styles.notes}>{a.clinicianNotes}</p>
        </section>
      )}

      <section className={styles.stop} aria-labelledby="stop-h">
        <h2 id="stop-h">{stop}</h2>
        <p>
          {w.t((m) => m.stop.body)}
          {a.followUp && w.t((m) => m.stop.nextVisit, { weeks: a.followUp.inWeeks })}
          {a.followUp?.outcomeInWeeks && a.followUp.outcomeInWeeks !== a.followUp.inWeeks
            ? w.t((m) => m.stop.outcomeVisit, { weeks: a.followUp.outcomeInWeeks })
            : ""}
        </p>
        {/* Signs that need medical care, not the clinic's phone line (§5). */}
        <p>
          <strong>{w.t((m) => m.stop.careNow)}</strong>
          {w.t((m) => m.stop.careNowWhen)}
        </p>
      </section>
    </div>
  );
}
