// The patient page's "Between visits" section: the plan link, the engine's reading of the check-ins,
// adherence, distance (or minutes) run against the calendar and pain during runs as server-rendered
// charts, the check-ins themselves, the follow-up questions, and discharge. Server component: no client code but the discharge form.
import type { PatientProgressDTO, PlanLinkDTO } from "@/lib/data/plan";
import { englishWords, SummaryWords } from "@/lib/i18n/summary";
import { messagesFor } from "@/lib/i18n";
import { DISCHARGE_REASON_TEXT } from "@/lib/forms/discharge-text";
import type { PatientsWords } from "@/lib/i18n/clinic/patients";
import { staffWords } from "@/lib/i18n/clinic/server";
import { format, formatIsoDate, formatNumber } from "@/lib/i18n/format";
import { formatDateTimeIn } from "@/lib/i18n/format-staff";
import type { Locale } from "@/lib/i18n/locales";
import type { DistanceUnit } from "@/lib/assessment/intake-options";
import { fromKm } from "@/lib/assessment/units";
import { PainChart, PlanVsDoneChart } from "../charts/week-charts";
import { DropQueryParam } from "../ui/drop-query-param";
import { DischargeForm } from "./discharge-form";
import { newPlanLinkAction, requestFollowUpAction } from "@/app/(clinic)/patients/plan-actions";

type BetweenWords = PatientsWords["between"];

/** A figure the check-ins recorded (3.5 km): as the page always printed it in English, with the language's
 * decimal comma otherwise. */
const figure = (locale: Locale, n: number) => (locale.startsWith("en") ? String(n) : formatNumber(locale, n, { maximumFractionDigits: 20 }));

/** The record keeps the discharge reason in English ("Goals met" or "Goals met: the clinician's note"): the
 * reason itself in the clinic's language, the note as written. */
function reasonText(stored: string, reasons: PatientsWords["discharge"]["reasons"]): string {
  for (const [key, english] of Object.entries(DISCHARGE_REASON_TEXT) as [keyof typeof reasons, string][]) {
    if (stored === english) return reasons[key];
    if (stored.startsWith(`${english}: `)) return `${reasons[key]}${stored.slice(english.length)}`;
  }
  return stored;
}

/** The plan's words (sessions) in the clinic's language: exactly today's US English for an English clinic. */
/** A week's km in the plan's unit (miles to the tenth, as the runner's plan prints them). */
const inUnit = <T extends number | null>(km: T, unit: DistanceUnit): T => (km === null || unit === "km" ? km : (fromKm(km, unit, 1) as T));

const planWords = (locale: Locale): SummaryWords => (locale === "es" ? new SummaryWords(messagesFor(locale).summary, locale) : englishWords());

/** Server component (the patient page, the visit page and the summary page): worded in the clinic's language. */
export async function PlanLinkField({ link, origin, id = "plan-link" }: { link: PlanLinkDTO; origin: string; id?: string }) {
  if (!link.token) return null;
  const t = (await staffWords()).t.patients.between;
  return (
    <div className="field">
      <label htmlFor={id}>{t.linkLabel}</label>
      <input id={id} className="input" readOnly value={`${origin}/i/${link.token}`} />
      <p className="hint">
        {t.linkHint} {link.firstUsedAt ? t.opened : t.notOpened}
      </p>
    </div>
  );
}

const outcomeWords = (t: BetweenWords): Record<string, string> => ({
  emailed: t.followUpEmailed,
  "no-email": t.followUpNoEmail,
  failed: t.followUpFailed,
});

/** The follow-up questions (the follow-up visit's short intake, by the plan link): their state, and a button
 * to ask for them now rather than on the date the plan set. */
function FollowUpQuestions({
  patientId,
  offer,
  requestOutcome,
  t,
  locale,
}: {
  patientId: string;
  offer: PatientProgressDTO["followUp"];
  requestOutcome: string | null;
  t: BetweenWords;
  locale: Locale;
}) {
  const date = (iso: string) => formatIsoDate(locale, iso);
  const state =
    offer.state === "answered"
      ? t.answered
      : offer.state === "open"
        ? offer.dueOn
          ? format(offer.requested ? t.openRequestedDue : t.openDue, { due: date(offer.dueOn) }, locale)
          : offer.requested
            ? t.openRequested
            : t.open
        : offer.state === "later"
          ? format(t.later, { opens: date(offer.opensOn), due: date(offer.dueOn) }, locale)
          : t.noFollowUp;
  const outcomes = outcomeWords(t);
  return (
    <div>
      <h3 id="follow-up-h" style={{ margin: 0 }}>
        {t.followUpHeading}
      </h3>
      <p>{state}</p>
      {requestOutcome && Object.hasOwn(outcomes, requestOutcome) && (
        <p role="status" className={requestOutcome === "failed" ? "alert alert-danger" : "alert alert-ok"}>
          {outcomes[requestOutcome]}
          <DropQueryParam name="followUp" />
        </p>
      )}
      {offer.state !== "answered" && (
        <form action={requestFollowUpAction}>
          <input type="hidden" name="patientId" value={patientId} />
          <button type="submit" className="btn btn-secondary">
            {offer.state === "open" ? t.remind : t.askNow}
          </button>
        </form>
      )}
    </div>
  );
}

/** Server component: worded in the clinic's language (staffWords). */
export async function BetweenVisits({
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
  const { t: words, locale } = await staffWords();
  const t = words.patients.between;
  const date = (iso: string) => formatIsoDate(locale, iso);
  if (!progress) {
    return (
      <section className="card" aria-labelledby="plan-h">
        <h2 id="plan-h" style={{ marginTop: 0 }}>
          {t.heading}
        </h2>
        <p className="muted">{t.noPlan}</p>
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
        {t.heading}
      </h2>
      <p>
        {format(t.signed, { when: formatDateTimeIn(locale, p.signedAt, timeZone) }, locale)}{" "}
        {p.discharged ? (
          <strong>
            {format(t.dischargedOn, { date: date(p.discharged.on), reason: reasonText(p.discharged.reason, words.patients.discharge.reasons) }, locale)}
          </strong>
        ) : (
          <>
            {p.progress?.paused
              ? t.paused
              : p.progress
                ? p.progress.week
                  ? format(
                      t.nextRun,
                      { week: p.progress.week, session: p.progress.next[0] ? planWords(locale).session(p.progress.next[0], p.unit) : "" },
                      locale,
                    )
                  : t.calendarDone
                : t.noCalendar}
          </>
        )}
      </p>
      {!p.discharged && (p.alert || p.missed) && (
        <div className="alert alert-danger" role="note" aria-label={t.alerts}>
          <ul style={{ margin: 0, paddingLeft: "1.25rem" }}>
            {p.alert && <li>{p.alert === "red-twice" ? t.redTwice : t.painUp}</li>}
            {p.missed && <li>{t.noCheckIn}</li>}
          </ul>
        </div>
      )}
      {link && !p.discharged && (
        <div>
          <PlanLinkField link={link} origin={origin} />
          <form action={newPlanLinkAction}>
            <input type="hidden" name="patientId" value={patientId} />
            <button type="submit" className="btn btn-secondary">
              {t.newLink}
            </button>
          </form>
        </div>
      )}
      {!p.discharged && <FollowUpQuestions patientId={patientId} offer={p.followUp} requestOutcome={followUpOutcome} t={t} locale={locale} />}
      <p>
        <strong>{t.adherenceTitle}</strong> {format(t.adherence, { runsDone, runsPlanned, exDone, exPlanned }, locale)}
        {p.trend.newer !== null && ` ${format(t.painTrend, { older: figure(locale, p.trend.older!), newer: figure(locale, p.trend.newer) }, locale)}`}
      </p>
      <PlanVsDoneChart
        id="chart-adherence"
        title={t.runsChart}
        unit={t.runsUnit}
        rows={weeks.map((w) => ({ label: format(t.week, { n: w.week }, locale), planned: w.plannedRuns, done: w.runsDone }))}
        words={words.patients.charts}
        locale={locale}
      />
      <PlanVsDoneChart
        id="chart-distance"
        title={byTime ? t.minutesChart : t.distanceChart}
        unit={byTime ? "min" : p.unit}
        rows={weeks.map((w) => ({
          label: format(t.week, { n: w.week }, locale),
          // A miles runner's weeks in miles, as their plan prints them.
          planned: byTime ? (w.plannedMinutes ?? null) : inUnit(w.plannedKm, p.unit),
          done: byTime ? w.minutes : inUnit(w.km, p.unit),
        }))}
        words={words.patients.charts}
        locale={locale}
      />
      <PainChart id="chart-pain" title={t.painChart} points={painPoints} words={words.patients.charts} locale={locale} />
      {p.checkIns.length > 0 && (
        <details>
          <summary>{format(t.allCheckIns, { n: p.checkIns.length }, locale)}</summary>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.day}</th>
                <th scope="col">{t.kind}</th>
                <th scope="col">{t.done}</th>
                <th scope="col">{t.run}</th>
                <th scope="col">{t.pain}</th>
                <th scope="col">{t.settled}</th>
                <th scope="col">{t.limped}</th>
                <th scope="col">{t.worse}</th>
                <th scope="col">{t.exercises}</th>
              </tr>
            </thead>
            <tbody>
              {p.checkIns.map((c) => (
                <tr key={c.key}>
                  <td>{date(c.date)}</td>
                  <td>{c.kind === "run" ? t.kindRun : t.kindExercise}</td>
                  <td>{c.done ? t.yes : t.no}</td>
                  <td>
                    {[c.km !== null ? `${figure(locale, c.km)} km` : null, c.minutes !== null ? `${figure(locale, c.minutes)} min` : null]
                      .filter(Boolean)
                      .join(", ") || "–"}
                  </td>
                  <td>{c.painDuring ?? "–"}</td>
                  <td>{c.settledWithinHour === null ? "–" : c.settledWithinHour ? t.yes : t.no}</td>
                  <td>{c.limped == null ? "–" : c.limped ? t.yes : t.no}</td>
                  <td>{c.worseNextMorning === null ? "–" : c.worseNextMorning ? t.yes : t.no}</td>
                  <td>{c.exercises ? t.exercisesDone[c.exercises] : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {!p.discharged && (
        <details>
          <summary>{t.dischargeSummary}</summary>
          <p>{t.dischargeIntro}</p>
          <DischargeForm patientId={patientId} today={p.today} />
        </details>
      )}
    </section>
  );
}
