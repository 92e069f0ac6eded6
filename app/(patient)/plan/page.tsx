import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { lightFor } from "@/lib/assessment/progress";
import { requestMeta } from "@/lib/auth/session";
import { getMyPlan } from "@/lib/data/plan";
import { addDays } from "@/lib/format";
import { format, formatDate } from "@/lib/i18n/format";
import { patientPage } from "@/lib/i18n/patient-locale";
import { messagesFor } from "@/lib/i18n";
import { SummaryWords } from "@/lib/i18n/summary";
import { DobForm } from "@/components/intake/dob-form";
import { DobLocked, LinkEnded } from "@/components/intake/link-state";
import { CheckIn } from "@/components/plan/check-in";
import { startFollowUpAction } from "./actions";
import { ExerciseCard, TrafficLight } from "@/components/summary/patient-summary";
import summaryStyles from "@/components/summary/summary.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await patientPage();
  return { title: m.plan.title };
}

/**
 * "My plan", reached by the plan link made when the summary was signed: this week's runs from the signed
 * calendar as the traffic light has moved them, the last decision and why, the check-in, the exercises with
 * their drawings and doses, and the traffic light itself. Health data only after the date-of-birth check.
 */
export default async function PlanPage() {
  const { session, locale, m } = await patientPage();
  // The plan's own words (exercises, traffic light) in the patient's language, as on the printed sheet.
  const words = new SummaryWords(messagesFor(locale).summary, locale);
  if (!session.ok) {
    return <LinkEnded reason={session.reason} m={m.link} />;
  }
  if (session.purpose !== "plan") redirect("/intake");
  if (session.locked) return <DobLocked m={m.dob} />;
  if (!session.dobVerified) return <DobForm messages={{ ...m.dob, intro: m.plan.dobIntro }} />;
  const plan = await getMyPlan(session.actor, await requestMeta());
  if (!plan) {
    return (
      <div className="card">
        <h1>{m.link.revokedTitle}</h1>
        <p>{m.link.revokedBody}</p>
      </div>
    );
  }
  const p = m.plan;
  const a = plan.assessment;
  const rtr = a.returnToRun;
  const progress = plan.progress;
  const last = progress?.steps.at(-1);
  const running = !!progress;
  const dateText = (iso: string) => formatDate(locale, new Date(`${iso}T12:00:00Z`));
  // The follow-up questions: at the top while they are open (the one thing to do), else a line near the end.
  const f = plan.followUp;
  const followUp = f.state !== "none" && (
    <section className="card" aria-labelledby="follow-up-h" data-testid="follow-up">
      <h2 id="follow-up-h">{p.followUp.heading}</h2>
      {f.state === "open" && (
        <>
          <p>
            {f.requested && <>{p.followUp.requested} </>}
            {p.followUp.open}
          </p>
          {f.dueOn && f.dueOn >= plan.today && <p>{format(p.followUp.due, { date: dateText(f.dueOn) }, locale)}</p>}
          <form action={startFollowUpAction}>
            <button type="submit" className="btn btn-block">
              {p.followUp.start}
            </button>
          </form>
        </>
      )}
      {f.state === "later" && <p>{format(p.followUp.later, { date: dateText(f.opensOn) }, locale)}</p>}
      {f.state === "answered" && <p>{p.followUp.answered}</p>}
    </section>
  );
  const lightName = (l: string) => p.lights[l === "not-done" ? "notDone" : (l as "green" | "amber" | "red")];
  return (
    <div className="stack">
      <div>
        <h1>{p.title}</h1>
        <p>{format(p.greeting, { name: plan.firstName, clinic: plan.clinic.name, date: dateText(plan.signedAt.slice(0, 10)) }, locale)}</p>
      </div>

      {progress?.paused && (
        <section className="card" role="alert" aria-labelledby="paused-h">
          <h2 id="paused-h">{p.pausedTitle}</h2>
          <p>{p.pausedBody}</p>
          {plan.clinic.phone && <p>{format(p.callClinic, { phone: plan.clinic.phone }, locale)}</p>}
        </section>
      )}

      {running && (
        <section className="card" aria-labelledby="changed-h">
          <h2 id="changed-h">{p.changedHeading}</h2>
          {last ? (
            <p className={`plan-step plan-step-${last.light}`} data-testid="last-step">
              <strong>
                {dateText(last.date)}: {words.stepText(last)}
              </strong>{" "}
              {words.stepReason(last)}
            </p>
          ) : (
            <p>{p.nothingYet}</p>
          )}
        </section>
      )}

      {plan.followUp.state === "open" && followUp}

      <CheckIn
        m={p}
        errors={m.errors}
        locale={locale}
        today={plan.today}
        yesterday={addDays(plan.today, -1)}
        running={running && !progress?.paused}
        askMorning={plan.askMorning.map((x) => ({ ...x, label: dateText(x.date) }))}
        unit={rtr?.unit ?? "km"}
      />

      <section className="card" aria-labelledby="week-h">
        <h2 id="week-h">{format(p.weekHeading, { week: plan.week.week }, locale)}</h2>
        <p>
          {format(
            p.weekFigures,
            { done: plan.week.runsDone, planned: plan.week.plannedRuns, exDone: plan.week.exerciseDaysDone, exPlanned: plan.week.exerciseDaysPlanned },
            locale,
          )}
        </p>
        {running && !progress.paused && (
          <>
            <h3>{p.nextHeading}</h3>
            {progress.next.length > 0 ? (
              <ol className="plan-sessions" data-testid="next-sessions">
                {progress.next.map((s, i) => (
                  <li key={i}>{words.session(s, rtr?.unit)}</li>
                ))}
              </ol>
            ) : (
              <p>{p.finished}</p>
            )}
          </>
        )}
        {!running && <p>{p.noRunning}</p>}
      </section>

      {rtr && !a.plan?.runningOnHold && (
        <section className="card" aria-labelledby="light-h">
          <h2 id="light-h">{p.lightHeading}</h2>
          <p>{words.painRule(rtr)}</p>
          <TrafficLight r={rtr} w={words} />
        </section>
      )}

      {a.plan && a.plan.exercises.length > 0 && (
        <section aria-labelledby="ex-h">
          <h2 id="ex-h">{p.exercisesHeading}</h2>
          <div className={summaryStyles.cards}>
            {a.plan.exercises.map((e) => (
              <ExerciseCard key={e.exerciseId} e={e} w={words} />
            ))}
            {a.plan.stretches.map((s) => (
              <ExerciseCard key={s.stretchId} e={s} w={words} />
            ))}
          </div>
        </section>
      )}

      {plan.recent.length > 0 && (
        <section className="card" aria-labelledby="recent-h">
          <h2 id="recent-h">{p.recentHeading}</h2>
          <ul>
            {plan.recent.map((c) => (
              <li key={c.key}>
                {c.kind === "run"
                  ? format(
                      p.recentRun,
                      { date: dateText(c.date), light: c.done ? `${lightName(lightFor(c, rtr?.painRule.model))}, ${c.painDuring}/10` : p.lights.notDone },
                      locale,
                    )
                  : format(
                      p.recentExercise,
                      { date: dateText(c.date), done: c.exercises === "yes" ? p.checkIn.exYes : c.exercises === "part" ? p.checkIn.exPart : p.checkIn.exNo },
                      locale,
                    )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {(plan.followUp.state === "later" || plan.followUp.state === "answered") && followUp}
      {plan.clinic.phone && <p>{format(p.callClinic, { phone: plan.clinic.phone }, locale)}</p>}
    </div>
  );
}
