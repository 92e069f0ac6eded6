// The patient's intake at a glance for the clinician: red flags first, then the scores with their
// meaning and the change since the previous visit, then the answers grouped as the form asked them, with
// the knee drawing showing the marked areas. Server-rendered; no client code.
import type { EngineIntake, IntakeAnswers } from "@/lib/assessment/intake-schema";
import { KNEE_AREAS, kneesFor, type KneeArea } from "@/lib/assessment/intake-options";
import { assessLoadChange, weekName, type LoadChange } from "@/lib/assessment/load";
import { safetyFlags } from "@/lib/assessment/safety";
import { LOCALE_NAMES } from "@/lib/i18n/locales";
import { AKPS_MAX, AKPS_MCID, LEFS_MAX, LEFS_MCID } from "@/lib/assessment/scoring";
import type { ClinicSettings } from "@/lib/assessment/settings";
import { formatPace, fromKm, KM_PER_MILE } from "@/lib/assessment/units";
import type { IntakeDTO } from "@/lib/data/intake-clinic";
import { formatDate, formatDateTime, round } from "@/lib/format";
import { en } from "@/lib/i18n/en";
import { KneeDrawing } from "@/components/intake/knee-drawing";

const o = en.intake.options;
const f = en.intake.fields;
const yn = (v: boolean | null | undefined) => (v === true ? "Yes" : v === false ? "No" : "–");
const list = <K extends string>(values: readonly K[] | null | undefined, labels: Record<K, string>) =>
  values && values.length ? values.map((v) => labels[v]).join(", ") : "None";
const pick = <K extends string>(v: K | null | undefined, labels: Record<K, string>) => (v ? labels[v] : "–");

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
function distance(km: number | null | undefined, unit: "km" | "mi" | undefined) {
  if (typeof km !== "number") return "–";
  return unit === "mi" ? `${round(km, 1)} km (${fromKm(km, "mi")} mi)` : `${round(km, 1)} km`;
}

const signed = (n: number) => `${n > 0 ? "+" : ""}${round(n)}`;

function ScoreRow({
  name,
  score,
  max,
  mcid,
  previous,
  previousDate,
}: {
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
          ? "No earlier score"
          : `${signed(change)} since ${formatDate(previousDate!)} (${Math.abs(change) >= mcid ? `${change > 0 ? "better" : "worse"}, a clinically important change` : "within the minimal important change"})`}
      </td>
    </tr>
  );
}

const BASIS: Record<LoadChange["basis"], string> = { week: "One week", "two-weeks": "Two weeks", "four-weeks": "Four weeks" };

export function IntakeAnswersView({ intake, settings }: { intake: IntakeDTO; settings: ClinicSettings }) {
  const a = intake.answers as EngineIntake;
  const full = intake.kind === "INITIAL" ? (intake.answers as IntakeAnswers) : null;
  const flags = safetyFlags(a);
  const unit = a.running?.distanceUnit ?? "km";
  const km = a.running?.weeklyKm ?? {};
  const loads = assessLoadChange(km, settings);
  const painful = kneesFor(a.knee?.side);
  const level = { hard: "Refer", soft: "Review before running", warning: "Note", info: "Note" } as const;

  return (
    <div className="stack">
      {flags.length > 0 ? (
        <div className="alert alert-danger" role="note">
          <strong>Safety answers to review:</strong>
          <ul>
            {flags.map((fl) => (
              <li key={fl.code}>
                <strong>{level[fl.level]}:</strong> {fl.title}
                {fl.findings.length > 1 || fl.findings[0]?.label !== fl.title ? ` (${fl.findings.map((x) => x.label).join(", ")})` : ""}. {fl.detail}{" "}
                <span className="muted">{fl.section}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="badge badge-ok">No safety concerns reported</p>
      )}

      {(intake.akpsScore !== null || intake.lefsScore !== null) && (
        <div>
          <h3>Questionnaires</h3>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Scale</th>
                  <th scope="col">Score</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                <ScoreRow
                  name="Kujala AKPS"
                  score={intake.akpsScore}
                  max={AKPS_MAX}
                  mcid={AKPS_MCID}
                  previous={intake.previous?.akpsScore}
                  previousDate={intake.previous?.visitDate}
                />
                <ScoreRow
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
                Intake read in {LOCALE_NAMES[intake.locale]}; questionnaires answered in {LOCALE_NAMES[intake.questionnaireLocale]}
                {intake.questionnaireLocale !== intake.locale && " (no validated translation yet)"}.{" "}
              </>
            )}
            Higher is better on both. A change of {AKPS_MCID} points (AKPS) or {LEFS_MCID} points (LEFS) or more is clinically important (MCID, clinical-rules
            §4.1, §4.2).
          </p>
        </div>
      )}

      <div className="grid-2">
        <div>
          <h3>Knee</h3>
          <Facts
            rows={[
              ["Painful knee", pick(a.knee?.side, o.kneeSide)],
              ...(full
                ? ([
                    [
                      "Started",
                      `${full.knee.startedWeeksAgo} ${full.knee.startedWeeksAgo === 1 ? "week" : "weeks"} ago, ${o.onset[full.knee.onset].toLowerCase()}`,
                    ],
                    ["Brought on by", list(full.knee.triggers, o.triggers)],
                    ["Sharp pain at each foot strike", yn(full.knee.painEachFootStrike)],
                    ["Pain starts in a run", pick(full.knee.painStartsInRun, o.painStartsInRun)],
                    ["Lasts after a run", pick(full.knee.painLastsAfter, o.painLastsAfter)],
                    ["Rest eases it", yn(full.knee.restEases)],
                    ["Tried", `${list(full.knee.tried, o.tried)}${full.knee.triedOther ? ` (${full.knee.triedOther})` : ""}`],
                  ] as [string, React.ReactNode][])
                : []),
            ]}
          />
          {painful.map((k) => {
            const marked = (a.knee?.areas?.[k] ?? []) as KneeArea[];
            return (
              <figure key={k} style={{ margin: "12px 0" }}>
                <KneeDrawing knee={k} marked={marked} labels={en.intake.knee} />
                <figcaption className="muted">
                  {en.intake.knee[k]}:{" "}
                  {marked.length
                    ? KNEE_AREAS.filter((x) => marked.includes(x))
                        .map((x) => en.intake.knee.areas[x])
                        .join(", ")
                    : "no area marked"}
                </figcaption>
              </figure>
            );
          })}
        </div>
        <div>
          <h3>Pain (0–10)</h3>
          <Facts
            rows={[
              ["Now", a.pain?.now ?? "–"],
              ["Worst, past week", a.pain?.worstWeek ?? "–"],
              ["During a run", a.pain?.duringRun ?? "not running"],
              ["Morning after a run", a.pain?.morningAfter ?? "not running"],
            ]}
          />
          <h3 style={{ marginTop: 24 }}>Running</h3>
          <Facts
            rows={[
              ["Runs per week", a.running?.runsPerWeek ?? "–"],
              ["This week", distance(km.thisWeek, unit)],
              ["Last week", distance(km.lastWeek, unit)],
              ["2 weeks ago", distance(km.twoWeeksAgo, unit)],
              ["3 weeks ago", distance(km.threeWeeksAgo, unit)],
              ["Four weeks ago", distance(km.fourWeeksAgo, unit)],
              ...(loads.length === 0
                ? [
                    ["Change", typeof km.thisWeek === "number" && km.thisWeek > 0 ? "new running (a start from zero is not a jump, §6.5)" : "–"] as [
                      string,
                      React.ReactNode,
                    ],
                  ]
                : []),
              // Every comparison the engine makes (§6.3), each naming its two weeks, so the screen and the flag agree.
              ...loads.map(
                (l) =>
                  [
                    `${BASIS[l.basis]}: ${weekName(l.fromWeeksAgo)} → ${weekName(l.toWeeksAgo)}`,
                    `${signed(l.changePercent ?? 0)}%${l.exceeds ? ` (above the clinic's ${l.limitPercent}% limit, a convention, §6.3)` : ""}`,
                  ] as [string, React.ReactNode],
              ),
              ...(full
                ? ([
                    ["Best week in the last year", distance(full.running.weeklyKm.bestLastYear, unit)],
                    ["Years running", full.running.yearsRunning ?? "–"],
                    ["Longest run, last month", distance(full.running.longestRunKm, unit)],
                    [
                      "Easy pace",
                      full.running.paceMinPerKm
                        ? `${formatPace(full.running.paceMinPerKm)} per km${unit === "mi" ? ` (${formatPace(full.running.paceMinPerKm * KM_PER_MILE)} per mile)` : ""}`
                        : "–",
                    ],
                    ["Surfaces", list(full.running.surfaces, o.surfaces)],
                    ["Downhill", pick(full.running.downhill, o.frequency)],
                    ["Banked or cambered roads", pick(full.running.bankedRoads, o.frequency)],
                    [
                      "Shoes",
                      `${full.running.shoes ?? "–"}${typeof full.running.shoeAgeMonths === "number" ? `, ${full.running.shoeAgeMonths} months old` : ""}`,
                    ],
                    ["Cadence", full.running.cadenceSpm ? `${full.running.cadenceSpm} steps/min` : "–"],
                    ["Recent changes", list(full.running.recentChanges, o.recentChanges)],
                    [
                      "Goal",
                      full.running.goal.kind === "event"
                        ? `${full.running.goal.eventName ?? "An event"}${full.running.goal.eventDate ? ` on ${formatDate(full.running.goal.eventDate)}` : ""}`
                        : full.running.goal.kind === "distance"
                          ? `Back to ${distance(full.running.goal.weeklyKm, unit)} a week`
                          : "No particular goal",
                    ],
                  ] as [string, React.ReactNode][])
                : []),
            ]}
          />
        </div>
      </div>

      {full && (
        <div>
          <h3>About the patient</h3>
          <Facts
            rows={[
              ["Name as recorded", full.about.nameCorrect ? "Confirmed" : `Patient corrects it to: ${full.about.nameCorrection ?? "–"}`],
              ["Sex", pick(full.about.sex, o.sex)],
              ["Height", full.about.heightCm ? `${full.about.heightCm} cm` : "–"],
              ["Weight", full.about.bodyMassKg ? `${full.about.bodyMassKg} kg` : "–"],
              ["BMI", full.about.heightCm && full.about.bodyMassKg ? round(full.about.bodyMassKg / (full.about.heightCm / 100) ** 2, 1) : "–"],
              ["Occupation", full.about.occupation || "–"],
              ["Daytime activity", pick(full.about.activityLevel, o.activityLevel)],
            ]}
          />
        </div>
      )}

      <details>
        <summary>All safety answers</summary>
        <div style={{ marginTop: 8 }}>
          <Facts rows={Object.entries(a.safety ?? {}).map(([k, v]) => [f[`safety.${k}`] ?? k, yn(v as boolean)])} />
        </div>
      </details>

      {intake.consent && (
        <details>
          <summary>
            Consent signed by “{(a.consent?.signatureName as string | undefined) ?? "–"}” on {formatDateTime(intake.consent.at, settings.timeZone)}
          </summary>
          <blockquote className="muted">{intake.consent.text}</blockquote>
        </details>
      )}
    </div>
  );
}
