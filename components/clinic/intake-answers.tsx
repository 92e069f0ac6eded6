// The patient's intake at a glance for the clinician: red flags first, then the scores with their
// meaning and the change since the previous visit, then the answers grouped as the form asked them, with
// the knee drawing showing the marked areas. Server-rendered; no client code.
import type { EngineIntake, IntakeAnswers } from "@/lib/assessment/intake-schema";
import { KNEE_AREAS, kneesFor, type KneeArea } from "@/lib/assessment/intake-options";
import { assessLoadChange } from "@/lib/assessment/load";
import { safetyFlags } from "@/lib/assessment/safety";
import { LOCALE_NAMES } from "@/lib/i18n/locales";
import { AKPS_MAX, AKPS_MCID, LEFS_MAX, LEFS_MCID } from "@/lib/assessment/scoring";
import type { ClinicSettings } from "@/lib/assessment/settings";
import { formatPace, fromKm, KM_PER_MILE } from "@/lib/assessment/units";
import type { IntakeDTO } from "@/lib/data/intake-clinic";
import { round } from "@/lib/format";
import { messagesFor } from "@/lib/i18n";
import type { VisitWords } from "@/lib/i18n/clinic/visit";
import { staffWords } from "@/lib/i18n/clinic/server";
import { format, formatIsoDate } from "@/lib/i18n/format";
import { formatDateTimeIn } from "@/lib/i18n/format-staff";
import type { Locale } from "@/lib/i18n/locales";
import { KneeDrawing } from "@/components/intake/knee-drawing";
import { Say } from "@/components/ui/say";
import { findingLabel, flagDetail, flagTitle } from "@/lib/i18n/clinic/clinical-say";

type Words = VisitWords["answers"];
const pick = <K extends string>(v: K | null | undefined, labels: Record<K, string>) => (v ? labels[v] : "–");
/** A number as the page printed it in English ("32.5"), with the decimal comma in Spanish. */
const numberIn = (locale: Locale, n: string | number) => (locale === "es" ? String(n).replace(".", ",") : String(n));

function Facts({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <dl className="facts">
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: "contents" }}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "32 km" or, for a patient who answered in miles, "32 km (19.9 mi)". */
function distance(locale: Locale, km: number | null | undefined, unit: "km" | "mi" | undefined) {
  if (typeof km !== "number") return "–";
  return unit === "mi" ? `${numberIn(locale, round(km, 1))} km (${numberIn(locale, fromKm(km, "mi"))} mi)` : `${numberIn(locale, round(km, 1))} km`;
}

const signed = (n: number) => `${n > 0 ? "+" : ""}${round(n)}`;

function ScoreRow({
  t,
  locale,
  name,
  score,
  max,
  mcid,
  previous,
  previousDate,
}: {
  t: Words;
  locale: Locale;
  name: string;
  score: number | null;
  max: number;
  mcid: number;
  previous: number | null | undefined;
  previousDate: string | undefined;
}) {
  if (score === null) return null;
  const change = typeof previous === "number" ? score - previous : null;
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        <strong>
          {score}/{max}
        </strong>
      </td>
      <td>
        {change === null
          ? t.noEarlierScore
          : format(
              Math.abs(change) >= mcid ? (change > 0 ? t.changeBetter : t.changeWorse) : t.changeWithin,
              { change: signed(change), date: formatIsoDate(locale, previousDate!) },
              locale,
            )}
      </td>
    </tr>
  );
}

/** "this week", "last week", "2 weeks ago"… as the patient's answers name them, in the clinic's language. */
const weekName = (t: Words, locale: Locale, weeksAgo: number) =>
  weeksAgo === 0 ? t.weekName.thisWeek : weeksAgo === 1 ? t.weekName.lastWeek : format(t.weekName.weeksAgo, { n: String(weeksAgo) }, locale);

// The question and option names come from the patient's catalog in the clinic's language (British English
// shares the US one here, as on every staff page); the patient's own words stay as typed.
export async function IntakeAnswersView({ intake, settings }: { intake: IntakeDTO; settings: ClinicSettings }) {
  const { t: words, locale } = await staffWords();
  const t = words.visit.answers;
  const patientWords = messagesFor(locale === "es" ? "es" : "en-US").intake;
  const o = patientWords.options;
  const f = patientWords.fields;
  const yn = (v: boolean | null | undefined) => (v === true ? t.yes : v === false ? t.no : "–");
  const list = <K extends string>(values: readonly K[] | null | undefined, labels: Record<K, string>) =>
    values && values.length ? values.map((v) => labels[v]).join(", ") : t.none;
  const a = intake.answers as EngineIntake;
  const full = intake.kind === "INITIAL" ? (intake.answers as IntakeAnswers) : null;
  const flags = safetyFlags(a);
  const unit = a.running?.distanceUnit ?? "km";
  const dist = (km: number | null | undefined) => distance(locale, km, unit);
  const km = a.running?.weeklyKm ?? {};
  const loads = assessLoadChange(km, settings);
  const painful = kneesFor(a.knee?.side);

  return (
    <div className="stack">
      {flags.length > 0 ? (
        <div className="alert alert-danger" role="note">
          <strong>{t.safetyToReview}</strong>
          <ul>
            {flags.map((fl) => (
              <li key={fl.code}>
                <strong>{t.levels[fl.level]}:</strong> <Say s={flagTitle(fl, locale)} />
                {fl.findings.length > 1 || fl.findings[0]?.label !== fl.title
                  ? ` (${fl.findings.map((x) => findingLabel(x, locale).text).join(", ")})`
                  : ""}. <Say s={flagDetail(fl, locale)} /> <span className="muted">{fl.section}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="badge badge-ok">{t.noSafetyConcerns}</p>
      )}

      {(intake.akpsScore !== null || intake.lefsScore !== null) && (
        <div>
          <h3>{t.questionnaires}</h3>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.scale}</th>
                  <th scope="col">{t.score}</th>
                  <th scope="col">{t.change}</th>
                </tr>
              </thead>
              <tbody>
                <ScoreRow
                  t={t}
                  locale={locale}
                  name="Kujala AKPS"
                  score={intake.akpsScore}
                  max={AKPS_MAX}
                  mcid={AKPS_MCID}
                  previous={intake.previous?.akpsScore}
                  previousDate={intake.previous?.visitDate}
                />
                <ScoreRow
                  t={t}
                  locale={locale}
                  name="LEFS"
                  score={intake.lefsScore}
                  max={LEFS_MAX}
                  mcid={LEFS_MCID}
                  previous={intake.previous?.lefsScore}
                  previousDate={intake.previous?.visitDate}
                />
              </tbody>
            </table>
          </div>
          <p className="muted">
            {intake.locale && intake.questionnaireLocale && (
              <>
                {format(
                  intake.questionnaireLocale !== intake.locale ? t.languagesUnvalidated : t.languages,
                  { intake: LOCALE_NAMES[intake.locale], questionnaires: LOCALE_NAMES[intake.questionnaireLocale] },
                  locale,
                )}{" "}
              </>
            )}
            {format(t.mcid, { akps: String(AKPS_MCID), lefs: String(LEFS_MCID) }, locale)}
          </p>
        </div>
      )}

      <div className="grid-2">
        <div>
          <h3>{t.knee}</h3>
          <Facts
            rows={[
              [t.painfulKnee, pick(a.knee?.side, o.kneeSide)],
              ...(full
                ? ([
                    [t.started, format(t.startedValue, { weeks: String(full.knee.startedWeeksAgo), onset: o.onset[full.knee.onset].toLowerCase() }, locale)],
                    [t.broughtOnBy, list(full.knee.triggers, o.triggers)],
                    [t.footStrike, yn(full.knee.painEachFootStrike)],
                    [t.painStartsInRun, pick(full.knee.painStartsInRun, o.painStartsInRun)],
                    [t.lastsAfterRun, pick(full.knee.painLastsAfter, o.painLastsAfter)],
                    [t.restEases, yn(full.knee.restEases)],
                    [t.tried, `${list(full.knee.tried, o.tried)}${full.knee.triedOther ? ` (${full.knee.triedOther})` : ""}`],
                  ] as [string, React.ReactNode][])
                : []),
            ]}
          />
          {painful.map((k) => {
            const marked = (a.knee?.areas?.[k] ?? []) as KneeArea[];
            return (
              <figure key={k} style={{ margin: "12px 0" }}>
                <KneeDrawing knee={k} marked={marked} labels={patientWords.knee} />
                <figcaption className="muted">
                  {patientWords.knee[k]}:{" "}
                  {marked.length
                    ? KNEE_AREAS.filter((x) => marked.includes(x))
                        .map((x) => patientWords.knee.areas[x])
                        .join(", ")
                    : t.noAreaMarked}
                </figcaption>
              </figure>
            );
          })}
        </div>
        <div>
          <h3>{t.pain}</h3>
          <Facts
            rows={[
              [t.painNow, a.pain?.now ?? "–"],
              [t.painWorstWeek, a.pain?.worstWeek ?? "–"],
              [t.painDuringRun, a.pain?.duringRun ?? t.notRunning],
              [t.painMorningAfter, a.pain?.morningAfter ?? t.notRunning],
            ]}
          />
          <h3 style={{ marginTop: 24 }}>{t.running}</h3>
          <Facts
            rows={[
              [t.runsPerWeek, a.running?.runsPerWeek ?? "–"],
              [t.thisWeek, dist(km.thisWeek)],
              [t.lastWeek, dist(km.lastWeek)],
              [t.twoWeeksAgo, dist(km.twoWeeksAgo)],
              [t.threeWeeksAgo, dist(km.threeWeeksAgo)],
              [t.fourWeeksAgo, dist(km.fourWeeksAgo)],
              ...(loads.length === 0 ? [[t.change, typeof km.thisWeek === "number" && km.thisWeek > 0 ? t.newRunning : "–"] as [string, React.ReactNode]] : []),
              // Every comparison the engine makes (§6.3), each naming its two weeks, so the screen and the flag agree.
              ...loads.map(
                (l) =>
                  [
                    format(
                      t.loadComparison,
                      { basis: t.basis[l.basis], from: weekName(t, locale, l.fromWeeksAgo), to: weekName(t, locale, l.toWeeksAgo) },
                      locale,
                    ),
                    format(l.exceeds ? t.loadChangeOver : t.loadChange, { change: signed(l.changePercent ?? 0), limit: String(l.limitPercent) }, locale),
                  ] as [string, React.ReactNode],
              ),
              ...(full
                ? ([
                    [t.bestWeek, dist(full.running.weeklyKm.bestLastYear)],
                    [t.yearsRunning, typeof full.running.yearsRunning === "number" ? numberIn(locale, full.running.yearsRunning) : "–"],
                    [t.longestRun, dist(full.running.longestRunKm)],
                    [
                      t.easyPace,
                      full.running.paceMinPerKm
                        ? format(
                            unit === "mi" ? t.paceKmMi : t.paceKm,
                            { pace: formatPace(full.running.paceMinPerKm), paceMi: formatPace(full.running.paceMinPerKm * KM_PER_MILE) },
                            locale,
                          )
                        : "–",
                    ],
                    [t.surfaces, list(full.running.surfaces, o.surfaces)],
                    [t.downhill, pick(full.running.downhill, o.frequency)],
                    [t.bankedRoads, pick(full.running.bankedRoads, o.frequency)],
                    [
                      t.shoes,
                      typeof full.running.shoeAgeMonths === "number"
                        ? format(t.shoesAge, { shoes: full.running.shoes ?? "–", months: String(full.running.shoeAgeMonths) }, locale)
                        : (full.running.shoes ?? "–"),
                    ],
                    [t.cadence, full.running.cadenceSpm ? format(t.cadenceValue, { spm: String(full.running.cadenceSpm) }, locale) : "–"],
                    [t.recentChanges, list(full.running.recentChanges, o.recentChanges)],
                    [
                      t.goal,
                      full.running.goal.kind === "event"
                        ? full.running.goal.eventDate
                          ? format(
                              t.goalEventOn,
                              { name: full.running.goal.eventName ?? t.anEvent, date: formatIsoDate(locale, full.running.goal.eventDate) },
                              locale,
                            )
                          : (full.running.goal.eventName ?? t.anEvent)
                        : full.running.goal.kind === "distance"
                          ? format(t.goalDistance, { distance: dist(full.running.goal.weeklyKm) }, locale)
                          : t.noGoal,
                    ],
                  ] as [string, React.ReactNode][])
                : []),
            ]}
          />
        </div>
      </div>

      {full && (
        <div>
          <h3>{t.about}</h3>
          <Facts
            rows={[
              [t.nameAsRecorded, full.about.nameCorrect ? t.nameConfirmed : format(t.nameCorrection, { name: full.about.nameCorrection ?? "–" }, locale)],
              [t.sex, pick(full.about.sex, o.sex)],
              [t.height, full.about.heightCm ? `${numberIn(locale, full.about.heightCm)} cm` : "–"],
              [t.weight, full.about.bodyMassKg ? `${numberIn(locale, full.about.bodyMassKg)} kg` : "–"],
              [
                t.bmi,
                full.about.heightCm && full.about.bodyMassKg ? numberIn(locale, round(full.about.bodyMassKg / (full.about.heightCm / 100) ** 2, 1)) : "–",
              ],
              [t.occupation, full.about.occupation || "–"],
              [t.dailyActivity, pick(full.about.activityLevel, o.activityLevel)],
            ]}
          />
        </div>
      )}

      <details>
        <summary>{t.allSafetyAnswers}</summary>
        <div style={{ marginTop: 8 }}>
          <Facts rows={Object.entries(a.safety ?? {}).map(([k, v]) => [f[`safety.${k}`] ?? k, yn(v as boolean)])} />
        </div>
      </details>

      {intake.consent && (
        <details>
          <summary>
            {format(
              t.consentSigned,
              { name: (a.consent?.signatureName as string | undefined) ?? "–", at: formatDateTimeIn(locale, intake.consent.at, settings.timeZone) },
              locale,
            )}
          </summary>
          <blockquote className="muted">{intake.consent.text}</blockquote>
        </details>
      )}
    </div>
  );
}
