// The clinician's version of the summary: findings, left/right strength per muscle group, scores and their
// change, flags with their sources, the classification with the findings for and against, and the plan.
// In the clinic's language (`locale`, English by default): the engine's English is said from its codes
// (lib/i18n/clinic/clinical-say.ts); what the catalog does not know is printed as stored, marked lang="en".
import { Fragment, type ReactNode } from "react";
import type { Assessment, StrengthDerived } from "@/lib/assessment/types";
import { StrengthChart } from "@/components/charts/strength-chart";
import { groupLabel } from "@/lib/assessment/plan";
import {
  classificationLabel,
  classificationOverride,
  clinicalWords,
  findingLabel,
  findingValue,
  flagDetail,
  flagTitle,
  goalRaceClinician,
  groupName,
  retestItem,
  statusReason,
} from "@/lib/i18n/clinic/clinical-say";
import { format, type Params } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { fromKm } from "@/lib/assessment/units";
import { clinicWordsFor } from "@/lib/i18n/clinic";
import { SummaryWords, englishWords } from "@/lib/i18n/summary";
import { summaryEs } from "@/lib/i18n/summary-es";
import { formatNewtons, formatPercent, formatPerKg } from "@/lib/format";
import styles from "./summary.module.css";
import { Say } from "@/components/ui/say";

const isEnglish = (l: Locale) => l.startsWith("en");
/** The patient summary's words for the plan lines: English pages keep the English they always printed. */
const summaryWords = (l: Locale) => (isEnglish(l) ? englishWords() : new SummaryWords(summaryEs, l));
/** A number as lib/format prints it ("1.50"), with the locale's decimal sign. */
const decimal = (l: Locale, s: string) => (isEnglish(l) ? s : s.replace(".", ","));
const num = (l: Locale, n: number) => decimal(l, String(n));
const signed = (l: Locale, n: number) => `${n > 0 ? "+" : ""}${num(l, n)}`;

/** A catalog sentence with elements in some of its places (`{name}`); the rest formatted as usual. */
function Slots({ template, locale, params = {}, slots }: { template: string; locale: Locale; params?: Params; slots: Record<string, ReactNode> }) {
  return template.split(/(\{\w+\})/).map((part, i) => {
    const slot = /^\{(\w+)\}$/.exec(part)?.[1];
    return <Fragment key={i}>{slot !== undefined && slot in slots ? slots[slot] : format(part, params, locale)}</Fragment>;
  });
}

/** Left vs right bars for one muscle group: the exam form's chart (left solid, right hatched), with the
 *  previous visit's values as dashed markers when there was one. */
export function StrengthBars({ s, locale = "en-US" }: { s: StrengthDerived; locale?: Locale }) {
  const t = clinicalWords(locale).summary;
  const before = (now: number, change: number | null | undefined) => (change === null || change === undefined ? null : now - change);
  const previous = s.change ? { leftN: before(s.leftN, s.change.left), rightN: before(s.rightN, s.change.right), label: t.lastVisit } : null;
  return (
    <StrengthChart
      id={`strength-${s.group}`}
      title={isEnglish(locale) ? groupLabel(s.group) : groupName(s.group, locale)}
      leftN={s.leftN}
      rightN={s.rightN}
      previous={previous}
      weakerSide={s.weakerSide}
      symmetryPercent={s.symmetryPercent}
      width={280}
      words={clinicWordsFor(locale).exam.chart}
    />
  );
}

export function ClinicianSummary({ a, showPlan = true, locale = "en-US" }: { a: Assessment; showPlan?: boolean; locale?: Locale }) {
  const t = clinicalWords(locale).summary;
  const f = (template: string, params: Record<string, string | number>) => format(template, params, locale);
  const words = summaryWords(locale);
  const strength = Object.values(a.derived.strength).filter((s): s is StrengthDerived => !!s);
  const score = (s: { score: number; change: number | null; beyondMcid: boolean | null } | null) =>
    s
      ? s.change !== null
        ? f(s.beyondMcid ? t.scoreChangeMeaningful : t.scoreChange, { score: num(locale, s.score), change: signed(locale, s.change) })
        : num(locale, s.score)
      : t.notCollected;
  const rtr = a.returnToRun;
  // A runner who answered in miles: the target is said in miles too (km beside it).
  const miles = rtr?.unit === "mi";
  return (
    <div className="stack">
      <section aria-labelledby="c-status">
        <h2 id="c-status">{t.status[a.status]}</h2>
        <p>
          <Say s={statusReason(a, locale)} />
        </p>
        {a.referral && (
          <ul>
            {a.flags
              .filter((fl) => fl.level === "hard")
              .map((fl) => (
                <li key={fl.code}>
                  <Say s={flagTitle(fl, locale, a)} />: <Say s={flagDetail(fl, locale, a)} />
                </li>
              ))}
          </ul>
        )}
      </section>
      {/* §5: a referral carries the reasons for referring, not a working classification or a plan. */}
      {a.status !== "refer" && (
        <section aria-labelledby="c-class">
          <h2 id="c-class">
            <Slots template={t.classification} locale={locale} slots={{ label: <Say s={classificationLabel(a.classification, locale)} /> }} />
          </h2>
          {a.classification.clinicianOverride && (
            <p>
              <Say s={classificationOverride(a.classification, locale)!} />
            </p>
          )}
          <div className="grid-2">
            <div>
              <h3>{t.for}</h3>
              <ul>
                {a.classification.for.length ? (
                  a.classification.for.map((x) => (
                    <li key={x.code}>
                      <Say s={findingLabel(x, locale)} />
                      {typeof x.value === "string" && (
                        <>
                          {": "}
                          <Say s={findingValue(x, locale)} />
                        </>
                      )}
                    </li>
                  ))
                ) : (
                  <li>{t.noneRecorded}</li>
                )}
              </ul>
            </div>
            <div>
              <h3>{t.against}</h3>
              <ul>
                {a.classification.against.length ? (
                  a.classification.against.map((x) => (
                    <li key={x.code}>
                      <Say s={findingLabel(x, locale)} />
                    </li>
                  ))
                ) : (
                  <li>{t.noneRecorded}</li>
                )}
              </ul>
            </div>
          </div>
        </section>
      )}
      <section aria-labelledby="c-strength">
        <h2 id="c-strength">{t.strengthHeading}</h2>
        {strength.length === 0 ? (
          <p>{t.noStrength}</p>
        ) : (
          <div className="table-wrap" role="region" aria-label={t.strengthTable} tabIndex={0}>
            <table className={`table ${styles.findings}`}>
              <thead>
                <tr>
                  <th scope="col">{t.colGroup}</th>
                  <th scope="col">{t.colBars}</th>
                  <th scope="col">{t.colSymmetry}</th>
                  <th scope="col">{t.colPerKg}</th>
                  <th scope="col">{t.colChange}</th>
                </tr>
              </thead>
              <tbody>
                {strength.map((s) => (
                  <tr key={s.group}>
                    <th scope="row">{isEnglish(locale) ? groupLabel(s.group) : groupName(s.group, locale)}</th>
                    <td>
                      <StrengthBars s={s} locale={locale} />
                    </td>
                    <td>
                      {f(t.percent, { n: decimal(locale, formatPercent(s.symmetryPercent)) })}
                      {s.weakerSide ? t.weaker[s.weakerSide] : ""}
                      <br />
                      <span className="muted">
                        {s.verdict === "asymmetry" ? t.verdict.asymmetry : s.verdict === "possible-retest" ? t.verdict.possible : t.verdict.within}{" "}
                        {f(t.error, { n: decimal(locale, formatNewtons(s.error.newtons)) })}
                      </span>
                    </td>
                    <td>
                      {decimal(locale, formatPerKg(s.leftNPerKg))} / {decimal(locale, formatPerKg(s.rightNPerKg))}
                    </td>
                    <td>
                      {s.change
                        ? `${s.change.left !== null ? f(t.changeLeft, { n: `${s.change.left > 0 ? "+" : ""}${decimal(locale, formatNewtons(s.change.left))}` }) : ""} ${s.change.right !== null ? f(t.changeRight, { n: `${s.change.right > 0 ? "+" : ""}${decimal(locale, formatNewtons(s.change.right))}` }) : ""}${s.change.beyondError ? t.beyondError : t.withinError}`
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
        <h2 id="c-scores">{t.scores}</h2>
        <dl className="facts">
          <dt>{t.kujala}</dt>
          <dd>{score(a.derived.akps)}</dd>
          <dt>{t.lefs}</dt>
          <dd>{score(a.derived.lefs)}</dd>
          <dt>{t.stepDown}</dt>
          <dd>
            {a.derived.stepDown.left ?? "–"} / {a.derived.stepDown.right ?? "–"}
          </dd>
        </dl>
      </section>
      {a.flags.length > 0 && (
        <section aria-labelledby="c-flags">
          <h2 id="c-flags">{t.flags}</h2>
          <ul>
            {a.flags.map((fl) => (
              <li key={fl.code}>
                <strong>
                  <Say s={flagTitle(fl, locale, a)} />.
                </strong>{" "}
                <Say s={flagDetail(fl, locale, a)} /> <span className="muted">({fl.section})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {showPlan && a.plan && (
        <section aria-labelledby="c-plan">
          <h2 id="c-plan">{t.plan}</h2>
          <ol>
            {a.plan.exercises.map((e) => (
              <li key={e.exerciseId}>{f(t.exercise, { name: words.exerciseName(e), level: e.level, dose: words.exerciseDose(e), weeks: e.dose.weeks })}</li>
            ))}
          </ol>
          {a.plan.stretches.length > 0 && <p>{f(t.stretches, { names: a.plan.stretches.map((s) => words.exerciseName(s)).join(", ") })}</p>}
          {rtr && (
            <>
              <p>
                {f(rtr.runnerState ? t.runningState : t.running, {
                  state: rtr.runnerState ? (t.runnerState[rtr.runnerState] ?? rtr.runnerState) : "",
                  start: a.plan.runningOnHold ? words.onHoldReason(a) : words.start(rtr),
                })}
                {!a.plan.runningOnHold &&
                  ` ${f(miles ? (rtr.projectedWeeks ? t.targetInMiles : t.targetMiles) : rtr.projectedWeeks ? t.targetIn : t.target, {
                    km: rtr.targetWeeklyKm === null ? "–" : num(locale, rtr.targetWeeklyKm),
                    mi: rtr.targetWeeklyKm === null ? "–" : num(locale, fromKm(rtr.targetWeeklyKm, "mi", 1)),
                    weeks: rtr.projectedWeeks ?? 0,
                    cap: num(locale, rtr.progression.weeklyIncreaseCapPercent),
                  })}`}
              </p>
              {rtr.goalRace && (
                <p>
                  <Slots template={t.goalRace} locale={locale} slots={{ text: <Say s={goalRaceClinician(rtr.goalRace, locale)} /> }} />
                </p>
              )}
            </>
          )}
          {a.followUp && (
            <p>
              <Slots
                template={a.followUp.outcomeInWeeks && a.followUp.outcomeInWeeks !== a.followUp.inWeeks ? t.followUpEarly : t.followUp}
                locale={locale}
                params={{ weeks: a.followUp.inWeeks, outcome: a.followUp.outcomeInWeeks ?? 0 }}
                slots={{
                  retest: a.followUp.retest.map((r, j) => (
                    <Fragment key={j}>
                      {j > 0 && "; "}
                      <Say s={retestItem(r, locale)} />
                    </Fragment>
                  )),
                }}
              />
            </p>
          )}
        </section>
      )}
      {a.clinicianNotes && (
        <section aria-labelledby="c-notes">
          <h2 id="c-notes">{t.notes}</h2>
          <p className={styles.notes}>{a.clinicianNotes}</p>
        </section>
      )}
    </div>
  );
}
