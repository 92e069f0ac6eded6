"use client";

import { Fragment, useRef, type ReactNode } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import type { Choice } from "@/components/ui/choice-group";
import { flexibilityFromAngle, Y_BALANCE_ANTERIOR_DIFF_CM, Y_BALANCE_COMPOSITE_PERCENT, type FlexibilityTest } from "@/lib/assessment/functional";
import { buildExamLabels, fillLabel, type ExamLabelWords } from "@/lib/assessment/exam-labels";
import { BODY_MASS_LIMITS_KG, HEIGHT_LIMITS_CM, MMT_GRADES, type ExamData } from "@/lib/assessment/exam-schema";
import { MASS_UNITS, rangeIn, type MassUnit } from "@/lib/assessment/exam-units";
import { formatOneDecimal, formatPercent, formatPerKg } from "@/lib/format";
import { Check, Choices, NumberField, NumberOrNotTested, SelectField, TextAreaField } from "./fields";
import { useDerived } from "./derived-store";
import { UnitSwitch } from "./unit-switch";
import { useClinicWords } from "@/components/clinic/clinic-words";
import styles from "./exam-form.module.css";

type Side = "left" | "right";
const SIDES: Side[] = ["left", "right"];
const choicesOf = <K extends string>(labels: Record<K, string>): Choice<K>[] =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
const Hidden = ({ children }: { children: ReactNode }) => <span className="visually-hidden">{children}</span>;

function Section({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section className={`card ${styles.section}`} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {intro && <p className={styles.intro}>{intro}</p>}
      {children}
    </section>
  );
}

/** The exam's words in the clinic's language: the sections' sentences, the labels' words, every field's
 * label by path, the side inside a label, a number with the language's decimal separator. */
function useExamWords() {
  const { t, f } = useClinicWords();
  const L: ExamLabelWords = t.exam.labels;
  return {
    w: t.exam.sections,
    L,
    f,
    label: buildExamLabels(L),
    side: (s: Side) => L.sidesInLabel[s],
    dec: (n: number | string) => String(n).replace(".", L.values.decimal),
    tri: choicesOf(L.tri),
  };
}

/** Rows of answers under two column headings ("Left", "Right"); each control names its side itself. */
function Pairs({ label, heads, children }: { label: string; heads?: [string, string]; children: ReactNode }) {
  const { L } = useExamWords();
  const cols = heads ?? [L.sides.left, L.sides.right];
  return (
    <div className={styles.pairs} role="group" aria-label={label}>
      <div className={styles.pairHead} aria-hidden="true" />
      {cols.map((h) => (
        <div key={h} className={styles.pairHead} aria-hidden="true">
          {h}
        </div>
      ))}
      {children}
    </div>
  );
}

function PairRow({ label, render, after }: { label: ReactNode; render: (side: Side) => ReactNode; after?: ReactNode }) {
  return (
    <>
      <div className={styles.rowLabel} aria-hidden="true">
        {label}
      </div>
      {SIDES.map((s) => (
        <div key={s} className={styles.cell}>
          {render(s)}
        </div>
      ))}
      {after}
    </>
  );
}

export function BodySection(props: { massUnit: MassUnit; onMassUnit: (u: MassUnit) => void; prefilled: { bodyMassKg: boolean; heightCm: boolean } }) {
  const { w, f, dec } = useExamWords();
  const { t } = useClinicWords();
  const spec = MASS_UNITS[props.massUnit];
  const range = rangeIn(BODY_MASS_LIMITS_KG, spec);
  return (
    <Section id="body" title={w.body}>
      <div className={styles.toolbar}>
        <NumberField
          name="bodyMassKg"
          label={f(w.bodyMass, { unit: props.massUnit })}
          spec={spec}
          size="short"
          suffix={props.massUnit}
          rangeInUnit={props.massUnit === "kg" ? undefined : f(t.exam.fields.range, { min: dec(range.min), max: dec(range.max) })}
          hint={props.prefilled.bodyMassKg ? w.fromIntake : f(w.rangeWithUnit, { min: dec(range.min), max: dec(range.max), unit: props.massUnit })}
          beside={<UnitSwitch legend={w.bodyMassIn} name="mass-unit" value={props.massUnit} options={["kg", "lb"]} onChange={props.onMassUnit} hideLegend />}
        />
        <NumberField
          name="heightCm"
          label={w.height}
          size="short"
          suffix="cm"
          hint={props.prefilled.heightCm ? w.fromIntake : f(w.rangeWithUnit, { min: dec(HEIGHT_LIMITS_CM.min), max: dec(HEIGHT_LIMITS_CM.max), unit: "cm" })}
        />
      </div>
    </Section>
  );
}

export function MmtSection() {
  const { w, L, label } = useExamWords();
  const options = MMT_GRADES.map((g) => ({ value: g, label: L.mmt[g] }));
  return (
    <Section id="mmt" title={w.mmt} intro={w.mmtIntro}>
      <Pairs label={w.mmt}>
        {Object.entries(L.mmtMuscles).map(([k, name]) => (
          <PairRow
            key={k}
            label={name}
            render={(s) => <SelectField name={`mmt.${k}.${s}`} label={<Hidden>{label[`mmt.${k}.${s}`]}</Hidden>} options={options} />}
          />
        ))}
      </Pairs>
    </Section>
  );
}

function StepDownTotal({ side }: { side: Side }) {
  const { w, f } = useExamWords();
  const score = useDerived((d) => d.stepDown[side]);
  return <p className={styles.hint}>{score ? f(w.stepDownTotal, { total: String(score.total), band: w.bands[score.band] }) : w.stepDownNoTotal}</p>;
}

function SidePlankRatio() {
  const { w, f, dec } = useExamWords();
  const { control } = useFormContext<ExamData>();
  const [l, r] = useWatch({ control, name: ["functional.sidePlankS.left", "functional.sidePlankS.right"] });
  if (typeof l !== "number" || typeof r !== "number" || !r || !Number.isFinite(l) || !Number.isFinite(r)) return null;
  return <p className={styles.derivedLine}>{f(w.sidePlankRatio, { ratio: dec(formatPerKg(l / r)) })}</p>;
}

function YBalanceDerived() {
  const { w, f, dec } = useExamWords();
  const y = useDerived((d) => d.yBalance);
  if (!y || (y.left === null && y.right === null && y.anteriorDiffCm === null)) return null;
  const values = {
    left: formatPercent(y.left),
    right: formatPercent(y.right),
    diff: dec(Y_BALANCE_ANTERIOR_DIFF_CM),
    composite: dec(Y_BALANCE_COMPOSITE_PERCENT),
  };
  return (
    <p className={styles.derivedLine}>
      {y.anteriorDiffCm !== null ? f(w.yBalanceAnterior, { ...values, anterior: dec(formatOneDecimal(y.anteriorDiffCm)) }) : f(w.yBalance, values)}
    </p>
  );
}

export function FunctionalSection() {
  const { w, L, f, label, side, tri } = useExamWords();
  const rating = choicesOf(L.squatRating);
  const knee: Choice<number>[] = L.stepDownKnee.map((_, value) => ({ value, label: String(value) }));
  return (
    <Section id="functional" title={w.functional} intro={w.functionalIntro}>
      <Pairs label={w.functional}>
        <PairRow
          label={w.singleLegSquat}
          render={(s) => (
            <>
              <Choices name={`functional.singleLegSquat.${s}.rating`} legend={label[`functional.singleLegSquat.${s}.rating`]!} choices={rating} hideLegend />
              <div className={styles.checks}>
                {Object.entries(L.singleLegSquatItems).map(([k, v]) => (
                  <Check
                    key={k}
                    name={`functional.singleLegSquat.${s}.${k}`}
                    label={
                      <>
                        <Hidden>{f(w.singleLegSquatPrefix, { side: side(s) })}</Hidden>
                        {v}
                      </>
                    }
                  />
                ))}
              </div>
            </>
          )}
        />
        <div className={styles.rowDivider} />
        <PairRow
          label={
            <>
              {w.stepDown}
              <span className={styles.hint} style={{ display: "block", fontWeight: 400 }}>
                {w.stepDownHint}
              </span>
            </>
          }
          render={(s) => (
            <>
              <Check
                name={`functional.stepDown.${s}.notTested`}
                label={
                  <>
                    <Hidden>{f(w.stepDownPrefix, { side: side(s) })}</Hidden>
                    {w.notTested}
                  </>
                }
              />
              <Choices
                name={`functional.stepDown.${s}.knee`}
                legend={fillLabel(L.templates.stepDownItem, { side: side(s), item: L.stepDownKneeQuestion })}
                shownLegend={w.kneeShort}
                choices={knee}
              />
              <div className={styles.checks}>
                {Object.entries(L.stepDownItems).map(([k, v]) => (
                  <Check
                    key={k}
                    name={`functional.stepDown.${s}.${k}`}
                    label={
                      <>
                        <Hidden>{f(w.stepDownPrefix, { side: side(s) })}</Hidden>
                        {v}
                      </>
                    }
                  />
                ))}
              </div>
              <StepDownTotal side={s} />
            </>
          )}
        />
        <div className={styles.rowDivider} />
        <PairRow
          label={w.trendelenburg}
          render={(s) => <Choices name={`functional.trendelenburg.${s}`} legend={label[`functional.trendelenburg.${s}`]!} choices={tri} hideLegend />}
        />
        <PairRow
          label={w.sidePlank}
          render={(s) => (
            <NumberOrNotTested
              name={`functional.sidePlankS.${s}`}
              label={
                <>
                  <Hidden>{f(w.sidePlankPrefix, { side: side(s) })}</Hidden>
                  {w.seconds}
                </>
              }
              notTestedLabel={w.notTested}
              suffix="s"
            />
          )}
          after={<SidePlankRatio />}
        />
        <div className={styles.rowDivider} />
        <div className={styles.rowLabel}>{w.yBalanceRow}</div>
        <div className={styles.cell} style={{ gridColumn: "2 / -1" }}>
          <NumberField name="functional.yBalance.limbLengthCm" label={w.limbLength} size="tiny" suffix="cm" />
        </div>
        {Object.entries(L.yBalanceReaches).map(([k, v]) => (
          <PairRow
            key={k}
            label={f(w.reach, { reach: v, reachLower: v.toLowerCase() })}
            render={(s) => (
              <NumberField
                name={`functional.yBalance.${s}.${k}`}
                label={<Hidden>{f(w.reachLabel, { side: side(s), reach: v.toLowerCase() })}</Hidden>}
                suffix="cm"
                size="tiny"
              />
            )}
          />
        ))}
        <YBalanceDerived />
      </Pairs>
    </Section>
  );
}

export function ScreenSection() {
  const { w, L, f } = useExamWords();
  const results = choicesOf(L.screenResult);
  return (
    <Section id="rtr" title={w.screen} intro={w.screenIntro}>
      <Pairs label={w.screen} heads={[w.result, w.pain]}>
        {Object.entries(L.rtrScreen).map(([k, v]) => (
          <Fragment key={k}>
            <div className={styles.rowLabel} aria-hidden="true">
              {v}
            </div>
            <div className={styles.cell}>
              <Choices name={`rtrScreen.${k}.result`} legend={v} choices={results} hideLegend />
            </div>
            <div className={styles.cell}>
              <NumberField
                name={`rtrScreen.${k}.pain`}
                inputMode="numeric"
                size="tiny"
                suffix="/10"
                label={
                  <>
                    <Hidden>{f(w.painPrefix, { name: v })}</Hidden>
                    {w.painLabel}
                  </>
                }
              />
            </div>
          </Fragment>
        ))}
      </Pairs>
    </Section>
  );
}

export function SafetySection() {
  const { w, L, label, tri } = useExamWords();
  const yesNo: Choice<boolean>[] = [
    { value: true, label: w.yes },
    { value: false, label: w.no },
  ];
  return (
    <Section id="safety" title={w.safety} intro={w.safetyIntro}>
      <div className={styles.pairs} role="group" aria-label={w.safety}>
        {Object.entries(L.ottawa).map(([k, v]) => (
          <Fragment key={k}>
            <div className={styles.rowLabel} aria-hidden="true">
              {v}
            </div>
            <div className={styles.cell} style={{ gridColumn: "2 / -1" }}>
              <Choices name={`safety.ottawa.${k}`} legend={label[`safety.ottawa.${k}`]!} choices={yesNo} hideLegend />
            </div>
          </Fragment>
        ))}
        <div className={styles.rowDivider} />
        <div className={styles.rowLabel} aria-hidden="true">
          {w.calf}
        </div>
        <div className={styles.cell} style={{ gridColumn: "2 / -1" }}>
          <NumberOrNotTested
            name="safety.calfCircumferenceDiffCm"
            label={
              <>
                {w.calfDifference}
                <Hidden>{w.calfHidden}</Hidden>
              </>
            }
            notTestedLabel={w.notMeasured}
            suffix="cm"
          />
        </div>
        {Object.entries(L.safetyTri).map(([k, v]) => (
          <Fragment key={k}>
            <div className={styles.rowLabel} aria-hidden="true">
              {v}
            </div>
            <div className={styles.cell} style={{ gridColumn: "2 / -1" }}>
              <Choices name={`safety.${k}`} legend={v} choices={tri} hideLegend />
            </div>
          </Fragment>
        ))}
      </div>
    </Section>
  );
}

function FlexibilityCell({ test, side }: { test: FlexibilityTest; side: Side }) {
  const { w, L, f, label, side: sideWord, tri } = useExamWords();
  const { getValues, setValue } = useFormContext<ExamData>();
  const name = L.flexibility[test];
  const base = `flexibility.${test}.${side}` as const;
  // The result this cell last filled in from the angle: it follows the angle while it is typed ("7" then
  // "70"), until the clinician picks a result of their own.
  const suggested = useRef<string | null>(null);
  return (
    <>
      <Choices name={`${base}.result`} legend={label[base]!} choices={tri} hideLegend />
      <NumberField
        name={`${base}.degrees`}
        size="tiny"
        suffix="°"
        label={
          <>
            <Hidden>{f(w.degreesPrefix, { name, side: sideWord(side) })}</Hidden>
            {w.degrees}
          </>
        }
        onValue={(deg) => {
          // §3 angle criteria: an angle suggests the result (the clinician can change it).
          const suggestion = flexibilityFromAngle(test, typeof deg === "number" ? deg : null);
          const current = getValues(`${base}.result`);
          if (!suggestion || (current && current !== suggested.current)) return;
          suggested.current = suggestion;
          setValue(`${base}.result`, suggestion, { shouldDirty: true });
        }}
      />
    </>
  );
}

export function FlexibilitySection() {
  const { w, L } = useExamWords();
  return (
    <Section id="flexibility" title={w.flexibility} intro={w.flexibilityIntro}>
      <Pairs label={w.flexibility}>
        {(Object.keys(L.flexibility) as FlexibilityTest[]).map((t) => (
          <PairRow key={t} label={L.flexibility[t]} render={(s) => <FlexibilityCell test={t} side={s} />} />
        ))}
      </Pairs>
    </Section>
  );
}

export function PalpationSection() {
  const { w, L, label, tri } = useExamWords();
  const effusion = Object.entries(L.effusion).map(([value, label]) => ({ value, label }));
  return (
    <Section id="palpation" title={w.palpation} intro={w.palpationIntro}>
      <Pairs label={w.palpation}>
        {Object.entries(L.palpation).map(([k, v]) =>
          k === "effusion" ? (
            <PairRow
              key={k}
              label={v}
              render={(s) => <SelectField name={`palpation.effusion.${s}`} label={<Hidden>{label[`palpation.effusion.${s}`]}</Hidden>} options={effusion} />}
            />
          ) : (
            <PairRow
              key={k}
              label={v}
              render={(s) => <Choices name={`palpation.${k}.${s}`} legend={label[`palpation.${k}.${s}`]!} choices={tri} hideLegend />}
            />
          ),
        )}
        <div className={styles.rowDivider} />
        <div className={styles.rowLabel} aria-hidden="true">
          {L.fields.squatReproducesPain}
        </div>
        <div className={styles.cell} style={{ gridColumn: "2 / -1" }}>
          <Choices name="palpation.squatReproducesPain" legend={L.fields.squatReproducesPain} choices={tri} hideLegend />
        </div>
      </Pairs>
    </Section>
  );
}

export function ImpressionSection() {
  const { w, L } = useExamWords();
  const options = Object.entries(L.classification).map(([value, label]) => ({ value, label }));
  return (
    <Section id="impression" title={w.impression}>
      <TextAreaField name="impression" label={w.clinicianImpression} rows={4} />
      <SelectField name="classification" label={L.fields.classification} options={options} hint={w.classificationHint} />
    </Section>
  );
}
