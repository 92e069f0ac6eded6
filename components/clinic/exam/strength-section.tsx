"use client";

import { StrengthChart } from "@/components/charts/strength-chart";
import type { GroupDerived } from "@/lib/assessment/exam-derived";
import { positionsFor } from "@/lib/assessment/exam-labels";
import { FORCE_LIMITS_N, LEVER_ARM_LIMITS_M, MUSCLE_GROUPS, type MuscleGroupKey } from "@/lib/assessment/exam-schema";
import type { ProtocolSource } from "@/lib/assessment/exam-start";
import { FORCE_UNITS, fromStored, rangeIn, type ForceUnit } from "@/lib/assessment/exam-units";
import { formatNewtons, formatOneDecimal, formatPercent, formatPerKg } from "@/lib/format";
import { formatIsoDate } from "@/lib/i18n/format";
import { useClinicWords } from "@/components/clinic/clinic-words";
import { Check, Choices, NoteFor, NumberField, SelectField } from "./fields";
import { useDerived } from "./derived-store";
import { UnitSwitch } from "./unit-switch";
import styles from "./exam-form.module.css";

const SIDES = ["left", "right"] as const;

export function forceText(n: number | null | undefined, unit: ForceUnit, decimal = "."): string {
  if (n === null || n === undefined) return "–";
  const spec = FORCE_UNITS[unit];
  return `${unit === "N" ? formatNewtons(n) : formatOneDecimal(fromStored(n, spec)).replace(".", decimal)}\u00a0${unit}`;
}

/** The section's words in the clinic's language, with its numbers the language's way. */
function useStrengthWords() {
  const { t, f, locale } = useClinicWords();
  const decimal = t.exam.labels.values.decimal;
  return {
    w: t.exam.strength,
    L: t.exam.labels,
    f,
    locale,
    dec: (s: number | string) => String(s).replace(".", decimal),
    force: (n: number | null | undefined, unit: ForceUnit) => forceText(n, unit, decimal),
    chart: t.exam.chart,
  };
}

export function StrengthSection(props: {
  forceUnit: ForceUnit;
  onForceUnit: (u: ForceUnit) => void;
  sources: Record<MuscleGroupKey, ProtocolSource>;
  previousDate: string | null;
}) {
  const { w } = useStrengthWords();
  return (
    <section className={`card ${styles.section}`} aria-labelledby="hhd-h">
      <h2 id="hhd-h">{w.heading}</h2>
      <div className={styles.toolbar}>
        <p className={styles.intro} style={{ flex: "1 1 20rem" }}>
          {w.intro}
        </p>
        <UnitSwitch legend={w.readsIn} name="force-unit" value={props.forceUnit} options={["N", "kgf"]} onChange={props.onForceUnit} />
      </div>
      {MUSCLE_GROUPS.map((g) => (
        <MuscleGroupBlock key={g} group={g} unit={props.forceUnit} source={props.sources[g]} previousDate={props.previousDate} />
      ))}
    </section>
  );
}

function MuscleGroupBlock({
  group,
  unit,
  source,
  previousDate,
}: {
  group: MuscleGroupKey;
  unit: ForceUnit;
  source: ProtocolSource;
  previousDate: string | null;
}) {
  const { w, L, f, locale, dec } = useStrengthWords();
  const { t } = useClinicWords();
  const name = L.muscleGroups[group];
  const spec = FORCE_UNITS[unit];
  const range = rangeIn(FORCE_LIMITS_N, spec);
  const p = `strength.${group}`;
  const sourceText =
    source.kind === "previous" ? f(w.carriedForward, { date: formatIsoDate(locale, source.visitDate) }) : source.kind === "clinic" ? w.clinicStandard : null;
  return (
    <div className={styles.group} role="group" aria-labelledby={`${group}-h`}>
      <h3 id={`${group}-h`}>
        {name}
        {group === "kneeExtension" && <span className="muted">{w.optional}</span>}
      </h3>
      <div className={styles.protocol}>
        <SelectField
          name={`${p}.protocol.position`}
          label={
            <>
              <span className="visually-hidden">{name} </span>
              {w.position}
            </>
          }
          options={positionsFor(group).map((v) => ({ value: v, label: L.positions[v] ?? v }))}
        />
        <NumberField
          name={`${p}.protocol.leverArmM`}
          label={
            <>
              <span className="visually-hidden">{name} </span>
              {w.leverArm}
            </>
          }
          size="tiny"
          hint={f(w.leverRange, { min: dec(LEVER_ARM_LIMITS_M.min), max: dec(LEVER_ARM_LIMITS_M.max) })}
        />
        <Choices
          name={`${p}.protocol.contraction`}
          legend={f(w.makeOrBreakLegend, { name })}
          shownLegend={w.makeOrBreak}
          choices={[
            { value: "break", label: w.breakTest },
            { value: "make", label: w.makeTest },
          ]}
        />
        <Choices
          name={`${p}.protocol.belt`}
          legend={f(w.beltLegend, { name })}
          shownLegend={w.belt}
          choices={[
            { value: true, label: w.withBelt },
            { value: false, label: w.noBelt },
          ]}
        />
        {sourceText && <p className={styles.protocolSource}>{sourceText}</p>}
      </div>
      <div className={styles.hhd}>
        {SIDES.map((side) => (
          <fieldset key={side} className={styles.side}>
            <legend>
              <span className="visually-hidden">{f(w.namePrefix, { name })}</span>
              {L.sides[side]} <span className="muted">({unit})</span>
            </legend>
            <div className={styles.trials}>
              {[0, 1, 2].map((i) => (
                <NumberField
                  key={i}
                  name={`${p}.${side}.trialsN.${i}`}
                  empty={null}
                  spec={spec}
                  size="tiny"
                  rangeInUnit={unit === "N" ? undefined : f(t.exam.fields.range, { min: dec(range.min), max: dec(range.max) })}
                  label={
                    <>
                      <span className="visually-hidden">{f(w.trialPrefix, { name, side: L.sidesInLabel[side] })}</span>
                      {f(w.trial, { n: String(i + 1) })}
                      <span className="visually-hidden"> ({unit})</span>
                    </>
                  }
                />
              ))}
            </div>
            <NoteFor path={`${p}.${side}.trialsN`} />
            <Check
              name={`${p}.${side}.notTested`}
              label={
                <>
                  <span className="visually-hidden">{f(w.notTestedPrefix, { name, side: L.sidesInLabel[side] })}</span>
                  {w.notTested}
                </>
              }
            />
            <SideDerived group={group} side={side} unit={unit} />
          </fieldset>
        ))}
        <GroupDerivedView group={group} unit={unit} previousDate={previousDate} />
      </div>
    </div>
  );
}

function SideDerived({ group, side, unit }: { group: MuscleGroupKey; side: "left" | "right"; unit: ForceUnit }) {
  const { w, dec, force } = useStrengthWords();
  const d = useDerived((x) => x.strength[group][side]);
  if (!d || d.state === "blank") return null;
  if (d.state === "not-tested") return <p className={styles.sideDerived}>{w.sideNotTested}</p>;
  return (
    <dl className={styles.sideDerived}>
      <div>
        <dt>{w.best}</dt>
        <dd>{force(d.bestN, unit)}</dd>
      </div>
      <div>
        <dt>N/kg</dt>
        <dd>{dec(formatPerKg(d.nPerKg))}</dd>
      </div>
      <div>
        <dt>Nm/kg</dt>
        <dd>{dec(formatPerKg(d.nmPerKg))}</dd>
      </div>
    </dl>
  );
}

export function GroupDerivedView({ group, unit, previousDate }: { group: MuscleGroupKey; unit: ForceUnit; previousDate: string | null }) {
  const { w, L, f, locale, chart } = useStrengthWords();
  const d = useDerived((x) => x.strength[group]);
  const name = L.muscleGroups[group];
  return (
    <div className={styles.derived} data-testid={`derived-${group}`}>
      <NoteFor path={`strength.${group}`} />
      {d ? <GroupFacts d={d} unit={unit} /> : null}
      {d && (d.left.bestN !== null || d.right.bestN !== null) && (
        <StrengthChart
          id={`chart-${group}`}
          title={name}
          leftN={d.left.bestN}
          rightN={d.right.bestN}
          weakerSide={d.symmetry?.weakerSide ?? null}
          symmetryPercent={d.symmetry?.symmetryPercent ?? null}
          unit={unit}
          words={chart}
          previous={
            d.change?.comparable && previousDate
              ? {
                  leftN: d.change.left?.previousN ?? null,
                  rightN: d.change.right?.previousN ?? null,
                  label: f(w.previousVisit, { date: formatIsoDate(locale, previousDate) }),
                }
              : null
          }
        />
      )}
    </div>
  );
}

function GroupFacts({ d, unit }: { d: GroupDerived; unit: ForceUnit }) {
  const { w, L, f, dec, force } = useStrengthWords();
  const s = d.symmetry;
  // The sentence around the bold percent: worded whole, then split where the percent goes.
  const [beforePct, afterPct] = s
    ? f(s.weakerSide ? w.symmetryWeaker : w.symmetryEqual, {
        pct: "\u0000",
        side: s.weakerSide ? L.sidesInLabel[s.weakerSide] : "",
        difference: force(s.differenceN, unit),
      }).split("\u0000")
    : [];
  return (
    <>
      {s ? (
        <>
          <p>
            {beforePct}
            <strong>{f(w.percent, { pct: formatPercent(s.symmetryPercent) })}</strong>
            {afterPct}
            <br />
            <span className={`badge ${s.verdict === "asymmetry" ? "badge-review" : s.verdict === "symmetric" ? "badge-ok" : ""} ${styles.verdict}`}>
              {w.verdicts[s.verdict]}
            </span>
          </p>
          <p className="muted">
            {f(s.error.basis === "mdc" ? w.flagMdc : w.flagConvention, { threshold: dec(s.thresholdPercent), error: force(s.error.newtons, unit) })}
          </p>
          {s.involvedPercent !== null && <p>{f(w.involved, { pct: formatPercent(s.involvedPercent) })}</p>}
        </>
      ) : (
        <p className="muted">{w.enterBoth}</p>
      )}
      {d.norm && <NormFacts d={d} />}
      {d.change && <ChangeFacts d={d} unit={unit} />}
    </>
  );
}

function NormFacts({ d }: { d: GroupDerived }) {
  const { w, L, f, dec } = useStrengthWords();
  const n = d.norm!;
  if (n.verdict === "not-applicable") {
    return <p className="muted">{f(w.normNotCompared, { reasons: n.reasons.map((r) => w.normReasons[r] ?? r).join("; ") })}</p>;
  }
  const side = (label: string, s: typeof n.left) => (s ? f(w.normSide, { side: label, value: dec(formatPerKg(s.nmPerKg)) }) : null);
  const text = w.normVerdicts[n.verdict];
  return (
    <p>
      <span className={`badge ${n.verdict === "bilateral-weakness" ? "badge-review" : n.verdict === "within-norm" ? "badge-ok" : ""}`}>{text}</span>
      <br />
      <span className="muted">
        {f(w.normFacts, {
          expected: dec(formatPerKg(n.expectedNmPerKg)),
          cutoff: dec(formatPerKg(n.cutoffNmPerKg)),
          sd: dec(n.cutoffSd),
          measured: [side(L.sidesInLabel.left, n.left), side(L.sidesInLabel.right, n.right)].filter(Boolean).join(", "),
          source: w.normSources[n.source] ?? n.source,
        })}
      </span>
    </p>
  );
}

function ChangeFacts({ d, unit }: { d: GroupDerived; unit: ForceUnit }) {
  const { w, L, f, force } = useStrengthWords();
  const c = d.change!;
  if (!c.comparable)
    return <p className="muted">{f(w.changeNotCompared, { differences: c.protocolDifferences.map((x) => w.protocolDifferences[x] ?? x).join(", ") })}</p>;
  const side = (label: string, s: typeof c.left) =>
    s
      ? f(w.changeSide, {
          side: label,
          delta: `${s.deltaN >= 0 ? "+" : "−"}${force(Math.abs(s.deltaN), unit)}`,
          verdict: w.changeVerdicts[s.verdict],
          error: force(s.error.newtons, unit),
        })
      : null;
  return <p>{f(w.change, { changes: [side(L.sidesInLabel.left, c.left), side(L.sidesInLabel.right, c.right)].filter(Boolean).join("; ") })}</p>;
}
