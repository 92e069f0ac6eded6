"use client";

import { StrengthChart } from "@/components/charts/strength-chart";
import type { GroupDerived } from "@/lib/assessment/exam-derived";
import { MUSCLE_GROUP_LABELS, POSITION_LABELS, positionsFor } from "@/lib/assessment/exam-labels";
import { FORCE_LIMITS_N, LEVER_ARM_LIMITS_M, MUSCLE_GROUPS, type MuscleGroupKey } from "@/lib/assessment/exam-schema";
import type { ProtocolSource } from "@/lib/assessment/exam-start";
import { FORCE_UNITS, fromStored, rangeIn, type ForceUnit } from "@/lib/assessment/exam-units";
import { formatDate, formatNewtons, formatOneDecimal, formatPercent, formatPerKg } from "@/lib/format";
import { Check, Choices, NoteFor, NumberField, SelectField } from "./fields";
import { useDerived } from "./derived-store";
import { UnitSwitch } from "./unit-switch";
import styles from "./exam-form.module.css";

const SIDES = ["left", "right"] as const;

export function forceText(n: number | null | undefined, unit: ForceUnit): string {
  if (n === null || n === undefined) return "–";
  const spec = FORCE_UNITS[unit];
  return `${unit === "N" ? formatNewtons(n) : formatOneDecimal(fromStored(n, spec))}\u00a0${unit}`;
}

export function StrengthSection(props: {
  forceUnit: ForceUnit;
  onForceUnit: (u: ForceUnit) => void;
  sources: Record<MuscleGroupKey, ProtocolSource>;
  previousDate: string | null;
}) {
  return (
    <section className={`card ${styles.section}`} aria-labelledby="hhd-h">
      <h2 id="hhd-h">Hand-held dynamometry</h2>
      <div className={styles.toolbar}>
        <p className={styles.intro} style={{ flex: "1 1 20rem" }}>
          Up to three trials per side; the best counts (§2.2). Forces are stored in newtons. Mark a side &ldquo;not tested&rdquo; rather than leaving it blank
          when it was not done.
        </p>
        <UnitSwitch legend="Dynamometer reads in" name="force-unit" value={props.forceUnit} options={["N", "kgf"]} onChange={props.onForceUnit} />
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
  const name = MUSCLE_GROUP_LABELS[group];
  const spec = FORCE_UNITS[unit];
  const range = rangeIn(FORCE_LIMITS_N, spec);
  const p = `strength.${group}`;
  const sourceText =
    source.kind === "previous"
      ? `Protocol carried forward from the exam of ${formatDate(source.visitDate)}.`
      : source.kind === "clinic"
        ? "Protocol: the clinic's standard."
        : null;
  return (
    <div className={styles.group} role="group" aria-labelledby={`${group}-h`}>
      <h3 id={`${group}-h`}>
        {name}
        {group === "kneeExtension" && <span className="muted"> (optional)</span>}
      </h3>
      <div className={styles.protocol}>
        <SelectField
          name={`${p}.protocol.position`}
          label={
            <>
              <span className="visually-hidden">{name} </span>Position
            </>
          }
          options={positionsFor(group).map((v) => ({ value: v, label: POSITION_LABELS[v] ?? v }))}
        />
        <NumberField
          name={`${p}.protocol.leverArmM`}
          label={
            <>
              <span className="visually-hidden">{name} </span>Lever arm (m)
            </>
          }
          size="tiny"
          hint={`${LEVER_ARM_LIMITS_M.min}–${LEVER_ARM_LIMITS_M.max} m`}
        />
        <Choices
          name={`${p}.protocol.contraction`}
          legend={`${name}: make or break`}
          shownLegend="Make or break"
          choices={[
            { value: "break", label: "Break" },
            { value: "make", label: "Make" },
          ]}
        />
        <Choices
          name={`${p}.protocol.belt`}
          legend={`${name}: belt`}
          shownLegend="Belt"
          choices={[
            { value: true, label: "Belt" },
            { value: false, label: "No belt" },
          ]}
        />
        {sourceText && <p className={styles.protocolSource}>{sourceText}</p>}
      </div>
      <div className={styles.hhd}>
        {SIDES.map((side) => (
          <fieldset key={side} className={styles.side}>
            <legend>
              <span className="visually-hidden">{name}, </span>
              {side === "left" ? "Left" : "Right"} <span className="muted">({unit})</span>
            </legend>
            <div className={styles.trials}>
              {[0, 1, 2].map((i) => (
                <NumberField
                  key={i}
                  name={`${p}.${side}.trialsN.${i}`}
                  empty={null}
                  spec={spec}
                  size="tiny"
                  rangeInUnit={unit === "N" ? undefined : `${range.min} to ${range.max}`}
                  label={
                    <>
                      <span className="visually-hidden">
                        {name}, {side},{" "}
                      </span>
                      Trial {i + 1}
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
                  <span className="visually-hidden">
                    {name}, {side}:{" "}
                  </span>
                  Not tested
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
  const d = useDerived((x) => x.strength[group][side]);
  if (!d || d.state === "blank") return null;
  if (d.state === "not-tested") return <p className={styles.sideDerived}>Not tested.</p>;
  return (
    <dl className={styles.sideDerived}>
      <div>
        <dt>Best</dt>
        <dd>{forceText(d.bestN, unit)}</dd>
      </div>
      <div>
        <dt>N/kg</dt>
        <dd>{formatPerKg(d.nPerKg)}</dd>
      </div>
      <div>
        <dt>Nm/kg</dt>
        <dd>{formatPerKg(d.nmPerKg)}</dd>
      </div>
    </dl>
  );
}

const VERDICT_TEXT = {
  asymmetry: "Asymmetry",
  "possible-retest": "Possible asymmetry, within measurement error: retest",
  symmetric: "No asymmetry flag",
} as const;

export function GroupDerivedView({ group, unit, previousDate }: { group: MuscleGroupKey; unit: ForceUnit; previousDate: string | null }) {
  const d = useDerived((x) => x.strength[group]);
  const name = MUSCLE_GROUP_LABELS[group];
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
          previous={
            d.change?.comparable && previousDate
              ? { leftN: d.change.left?.previousN ?? null, rightN: d.change.right?.previousN ?? null, label: `Previous visit (${formatDate(previousDate)})` }
              : null
          }
        />
      )}
    </div>
  );
}

function GroupFacts({ d, unit }: { d: GroupDerived; unit: ForceUnit }) {
  const s = d.symmetry;
  return (
    <>
      {s ? (
        <>
          <p>
            Symmetry <strong>{formatPercent(s.symmetryPercent)}%</strong>
            {s.weakerSide ? `, ${s.weakerSide} weaker` : ", equal"} ({forceText(s.differenceN, unit)} apart).
            <br />
            <span className={`badge ${s.verdict === "asymmetry" ? "badge-review" : s.verdict === "symmetric" ? "badge-ok" : ""} ${styles.verdict}`}>
              {VERDICT_TEXT[s.verdict]}
            </span>
          </p>
          <p className="muted">
            Flag: below {s.thresholdPercent}% (a convention, not validated for knee pain) and more than the measurement error of{" "}
            {forceText(s.error.newtons, unit)}
            {s.error.basis === "mdc" ? " (MDC, §2.2)" : " (10% of the stronger side, a convention)"}.
          </p>
          {s.involvedPercent !== null && <p>Involved ÷ uninvolved: {formatPercent(s.involvedPercent)}%</p>}
        </>
      ) : (
        <p className="muted">Symmetry: enter both sides.</p>
      )}
      {d.norm && <NormFacts d={d} />}
      {d.change && <ChangeFacts d={d} unit={unit} />}
    </>
  );
}

function NormFacts({ d }: { d: GroupDerived }) {
  const n = d.norm!;
  if (n.verdict === "not-applicable") {
    return <p className="muted">Norm not compared: {n.reasons.join("; ")}.</p>;
  }
  const side = (label: string, s: typeof n.left) => (s ? `${label} ${formatPerKg(s.nmPerKg)}` : null);
  const text = { "bilateral-weakness": "Weak on both sides against the norm", "one-side-below": "One side below the norm", "within-norm": "Within the norm" }[
    n.verdict
  ];
  return (
    <p>
      <span className={`badge ${n.verdict === "bilateral-weakness" ? "badge-review" : n.verdict === "within-norm" ? "badge-ok" : ""}`}>{text}</span>
      <br />
      <span className="muted">
        Expected {formatPerKg(n.expectedNmPerKg)} Nm/kg; cut-off {formatPerKg(n.cutoffNmPerKg)} ({n.cutoffSd} SD below, a convention). Measured:{" "}
        {[side("left", n.left), side("right", n.right)].filter(Boolean).join(", ")}. {n.source}.
      </span>
    </p>
  );
}

function ChangeFacts({ d, unit }: { d: GroupDerived; unit: ForceUnit }) {
  const c = d.change!;
  if (!c.comparable) return <p className="muted">Change since the previous visit not compared: the protocol changed ({c.protocolDifferences.join(", ")}).</p>;
  const word = {
    stronger: "stronger, beyond the measurement error",
    weaker: "weaker, beyond the measurement error",
    "within-error": "within the measurement error",
  } as const;
  const side = (label: string, s: typeof c.left) =>
    s ? `${label} ${s.deltaN >= 0 ? "+" : "−"}${forceText(Math.abs(s.deltaN), unit)} (${word[s.verdict]} of ${forceText(s.error.newtons, unit)})` : null;
  return <p>Since the previous visit: {[side("left", c.left), side("right", c.right)].filter(Boolean).join("; ")}.</p>;
}
