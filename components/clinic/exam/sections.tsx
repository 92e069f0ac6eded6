"use client";

import { Fragment, useRef, type ReactNode } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import type { Choice } from "@/components/ui/choice-group";
import { flexibilityFromAngle, Y_BALANCE_ANTERIOR_DIFF_CM, Y_BALANCE_COMPOSITE_PERCENT, type FlexibilityTest } from "@/lib/assessment/functional";
import {
  CLASSIFICATION_LABELS,
  EFFUSION_LABELS,
  FLEXIBILITY_LABELS,
  MMT_LABELS,
  OTTAWA_LABELS,
  PALPATION_LABELS,
  RTR_SCREEN_LABELS,
  SAFETY_TRI_LABELS,
  SCREEN_RESULT_LABELS,
  SINGLE_LEG_SQUAT_ITEMS,
  SQUAT_RATING_LABELS,
  STEP_DOWN_ITEMS,
  STEP_DOWN_KNEE_LABELS,
  STEP_DOWN_KNEE_QUESTION,
  TRI_LABELS,
  Y_BALANCE_REACHES,
} from "@/lib/assessment/exam-labels";
import { BODY_MASS_LIMITS_KG, HEIGHT_LIMITS_CM, MMT_GRADES, type ExamData } from "@/lib/assessment/exam-schema";
import { MASS_UNITS, rangeIn, type MassUnit } from "@/lib/assessment/exam-units";
import { formatOneDecimal, formatPercent, formatPerKg } from "@/lib/format";
import { Check, Choices, NumberField, NumberOrNotTested, SelectField, TextAreaField } from "./fields";
import { useDerived } from "./derived-store";
import { UnitSwitch } from "./unit-switch";
import styles from "./exam-form.module.css";

type Side = "left" | "right";
const SIDES: Side[] = ["left", "right"];
const choicesOf = <K extends string>(labels: Record<K, string>): Choice<K>[] =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
const TRI = choicesOf(TRI_LABELS);
const YES_NO: Choice<boolean>[] = [
  { value: true, label: "Yes" },
  { value: false, label: "No" },
];
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

/** Rows of answers under two column headings ("Left", "Right"); each control names its side itself. */
function Pairs({ label, heads = ["Left", "Right"], children }: { label: string; heads?: [string, string]; children: ReactNode }) {
  return (
    <div className={styles.pairs} role="group" aria-label={label}>
      <div className={styles.pairHead} aria-hidden="true" />
      {heads.map((h) => (
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
  const spec = MASS_UNITS[props.massUnit];
  const range = rangeIn(BODY_MASS_LIMITS_KG, spec);
  return (
    <Section id="body" title="Body">
      <div className={styles.toolbar}>
        <NumberField
          name="bodyMassKg"
          label={`Body mass (${props.massUnit})`}
          spec={spec}
          size="short"
          suffix={props.massUnit}
          rangeInUnit={props.massUnit === "kg" ? undefined : `${range.min} to ${range.max}`}
          hint={props.prefilled.bodyMassKg ? "From the patient's intake; check it." : `${range.min}–${range.max} ${props.massUnit}`}
          beside={<UnitSwitch legend="Body mass in" name="mass-unit" value={props.massUnit} options={["kg", "lb"]} onChange={props.onMassUnit} hideLegend />}
        />
        <NumberField
          name="heightCm"
          label="Height (cm)"
          size="short"
          suffix="cm"
          hint={props.prefilled.heightCm ? "From the patient's intake; check it." : `${HEIGHT_LIMITS_CM.min}–${HEIGHT_LIMITS_CM.max} cm`}
        />
      </div>
    </Section>
  );
}

export function MmtSection() {
  const options = MMT_GRADES.map((g) => ({ value: g, label: MMT_LABELS[g] }));
  const muscles = { gluteusMedius: "Gluteus medius", gluteusMaximus: "Gluteus maximus" } as const;
  return (
    <Section
      id="mmt"
      title="Manual muscle testing"
      intro="MRC / Daniels & Worthingham grades, break test (§2.1). Grades alone never show a left/right imbalance: grade 5 does not mean symmetric."
    >
      <Pairs label="Manual muscle testing">
        {Object.entries(muscles).map(([k, name]) => (
          <PairRow
            key={k}
            label={name}
            render={(s) => <SelectField name={`mmt.${k}.${s}`} label={<Hidden>{`${name} MMT, ${s}`}</Hidden>} options={options} />}
          />
        ))}
      </Pairs>
    </Section>
  );
}

function StepDownTotal({ side }: { side: Side }) {
  const score = useDerived((d) => d.stepDown[side]);
  return <p className={styles.hint}>{score ? `Total ${score.total} of 6: ${score.band}` : "Total: –"}</p>;
}

function SidePlankRatio() {
  const { control } = useFormContext<ExamData>();
  const [l, r] = useWatch({ control, name: ["functional.sidePlankS.left", "functional.sidePlankS.right"] });
  if (typeof l !== "number" || typeof r !== "number" || !r || !Number.isFinite(l) || !Number.isFinite(r)) return null;
  return <p className={styles.derivedLine}>Left ÷ right: {formatPerKg(l / r)} (about 1 is expected, §3).</p>;
}

function YBalanceDerived() {
  const y = useDerived((d) => d.yBalance);
  if (!y || (y.left === null && y.right === null && y.anteriorDiffCm === null)) return null;
  return (
    <p className={styles.derivedLine}>
      Composite: left {formatPercent(y.left)}%, right {formatPercent(y.right)}%
      {y.anteriorDiffCm !== null ? `; anterior difference ${formatOneDecimal(y.anteriorDiffCm)} cm` : ""}. For context only: an anterior difference over{" "}
      {Y_BALANCE_ANTERIOR_DIFF_CM} cm or a composite under {Y_BALANCE_COMPOSITE_PERCENT}% went with injury in basketball players, not validated in runners (§3).
    </p>
  );
}

export function FunctionalSection() {
  const rating = choicesOf(SQUAT_RATING_LABELS);
  const knee: Choice<number>[] = STEP_DOWN_KNEE_LABELS.map((_, value) => ({ value, label: String(value) }));
  return (
    <Section
      id="functional"
      title="Functional tests"
      intro="Single-leg squat over about 5 squats; lateral step-down from 20 cm, hands on the waist, 5 repetitions (Piva, §3)."
    >
      <Pairs label="Functional tests">
        <PairRow
          label="Single-leg squat"
          render={(s) => (
            <>
              <Choices name={`functional.singleLegSquat.${s}.rating`} legend={`Single-leg squat, ${s}`} choices={rating} hideLegend />
              <div className={styles.checks}>
                {Object.entries(SINGLE_LEG_SQUAT_ITEMS).map(([k, v]) => (
                  <Check
                    key={k}
                    name={`functional.singleLegSquat.${s}.${k}`}
                    label={
                      <>
                        <Hidden>{`Single-leg squat, ${s}: `}</Hidden>
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
              Lateral step-down
              <span className={styles.hint} style={{ display: "block", fontWeight: 400 }}>
                Knee: 0 over the 2nd toe, 1 medial to it, 2 medial to the foot&apos;s border. One point for each item seen.
              </span>
            </>
          }
          render={(s) => (
            <>
              <Check
                name={`functional.stepDown.${s}.notTested`}
                label={
                  <>
                    <Hidden>{`Step-down, ${s}: `}</Hidden>Not tested
                  </>
                }
              />
              <Choices name={`functional.stepDown.${s}.knee`} legend={`Step-down, ${s}: ${STEP_DOWN_KNEE_QUESTION}`} shownLegend="Knee (0–2)" choices={knee} />
              <div className={styles.checks}>
                {Object.entries(STEP_DOWN_ITEMS).map(([k, v]) => (
                  <Check
                    key={k}
                    name={`functional.stepDown.${s}.${k}`}
                    label={
                      <>
                        <Hidden>{`Step-down, ${s}: `}</Hidden>
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
          label="Trendelenburg"
          render={(s) => <Choices name={`functional.trendelenburg.${s}`} legend={`Trendelenburg, ${s}`} choices={TRI} hideLegend />}
        />
        <PairRow
          label="Side plank (s)"
          render={(s) => (
            <NumberOrNotTested
              name={`functional.sidePlankS.${s}`}
              label={
                <>
                  <Hidden>{`Side plank, ${s}, `}</Hidden>Seconds
                </>
              }
              notTestedLabel="Not tested"
              suffix="s"
            />
          )}
          after={<SidePlankRatio />}
        />
        <div className={styles.rowDivider} />
        <div className={styles.rowLabel}>Y-balance (optional)</div>
        <div className={styles.cell} style={{ gridColumn: "2 / -1" }}>
          <NumberField name="functional.yBalance.limbLengthCm" label="Limb length (cm)" size="tiny" suffix="cm" />
        </div>
        {Object.entries(Y_BALANCE_REACHES).map(([k, v]) => (
          <PairRow
            key={k}
            label={`${v} reach`}
            render={(s) => (
              <NumberField
                name={`functional.yBalance.${s}.${k}`}
                label={<Hidden>{`Y-balance, ${s}, ${v.toLowerCase()} reach (cm)`}</Hidden>}
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
  const results = choicesOf(SCREEN_RESULT_LABELS);
  return (
    <Section id="rtr" title="Return-to-run screen" intro="Each test passes, fails or was not tested, with pain 0–10 when done (§6.2; pass means pain ≤ 2/10).">
      <Pairs label="Return-to-run screen" heads={["Result", "Pain"]}>
        {Object.entries(RTR_SCREEN_LABELS).map(([k, v]) => (
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
                    <Hidden>{`${v}: `}</Hidden>Pain (0–10)
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
  return (
    <Section id="safety" title="Safety findings" intro="Ottawa knee rule items after an injury; calf circumference 10 cm below the tibial tuberosity (§5).">
      <div className={styles.pairs} role="group" aria-label="Safety findings">
        {Object.entries(OTTAWA_LABELS).map(([k, v]) => (
          <Fragment key={k}>
            <div className={styles.rowLabel} aria-hidden="true">
              {v}
            </div>
            <div className={styles.cell} style={{ gridColumn: "2 / -1" }}>
              <Choices name={`safety.ottawa.${k}`} legend={`Ottawa: ${v.toLowerCase()}`} choices={YES_NO} hideLegend />
            </div>
          </Fragment>
        ))}
        <div className={styles.rowDivider} />
        <div className={styles.rowLabel} aria-hidden="true">
          Calf circumference difference
        </div>
        <div className={styles.cell} style={{ gridColumn: "2 / -1" }}>
          <NumberOrNotTested
            name="safety.calfCircumferenceDiffCm"
            label={
              <>
                Difference (cm)<Hidden> in calf circumference</Hidden>
              </>
            }
            notTestedLabel="Not measured"
            suffix="cm"
          />
        </div>
        {Object.entries(SAFETY_TRI_LABELS).map(([k, v]) => (
          <Fragment key={k}>
            <div className={styles.rowLabel} aria-hidden="true">
              {v}
            </div>
            <div className={styles.cell} style={{ gridColumn: "2 / -1" }}>
              <Choices name={`safety.${k}`} legend={v} choices={TRI} hideLegend />
            </div>
          </Fragment>
        ))}
      </div>
    </Section>
  );
}

function FlexibilityCell({ test, side }: { test: FlexibilityTest; side: Side }) {
  const { getValues, setValue } = useFormContext<ExamData>();
  const name = FLEXIBILITY_LABELS[test];
  const base = `flexibility.${test}.${side}` as const;
  // The result this cell last filled in from the angle: it follows the angle while it is typed ("7" then
  // "70"), until the clinician picks a result of their own.
  const suggested = useRef<string | null>(null);
  return (
    <>
      <Choices name={`${base}.result`} legend={`${name}, ${side}`} choices={TRI} hideLegend />
      <NumberField
        name={`${base}.degrees`}
        size="tiny"
        suffix="°"
        label={
          <>
            <Hidden>{`${name}, ${side}, `}</Hidden>Degrees
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
  return (
    <Section
      id="flexibility"
      title="Flexibility"
      intro="Positive, negative or not tested, and the angle where measured. Thomas: hip above 0° or knee under 67° is short; 90-90: knee more than 40° short of extension (§3)."
    >
      <Pairs label="Flexibility">
        {(Object.keys(FLEXIBILITY_LABELS) as FlexibilityTest[]).map((t) => (
          <PairRow key={t} label={FLEXIBILITY_LABELS[t]} render={(s) => <FlexibilityCell test={t} side={s} />} />
        ))}
      </Pairs>
    </Section>
  );
}

export function PalpationSection() {
  const effusion = Object.entries(EFFUSION_LABELS).map(([value, label]) => ({ value, label }));
  return (
    <Section id="palpation" title="Palpation and special tests" intro="Tender or positive is &ldquo;positive&rdquo;.">
      <Pairs label="Palpation and special tests">
        {Object.entries(PALPATION_LABELS).map(([k, v]) =>
          k === "effusion" ? (
            <PairRow
              key={k}
              label={v}
              render={(s) => <SelectField name={`palpation.effusion.${s}`} label={<Hidden>{`Effusion, ${s}`}</Hidden>} options={effusion} />}
            />
          ) : (
            <PairRow key={k} label={v} render={(s) => <Choices name={`palpation.${k}.${s}`} legend={`${v}, ${s}`} choices={TRI} hideLegend />} />
          ),
        )}
        <div className={styles.rowDivider} />
        <div className={styles.rowLabel} aria-hidden="true">
          Squat reproduces the pain
        </div>
        <div className={styles.cell} style={{ gridColumn: "2 / -1" }}>
          <Choices name="palpation.squatReproducesPain" legend="Squat reproduces the pain" choices={TRI} hideLegend />
        </div>
      </Pairs>
    </Section>
  );
}

export function ImpressionSection() {
  const options = Object.entries(CLASSIFICATION_LABELS).map(([value, label]) => ({ value, label }));
  return (
    <Section id="impression" title="Impression">
      <TextAreaField name="impression" label="Clinician impression" rows={4} />
      <SelectField
        name="classification"
        label="Working classification"
        options={options}
        hint="Agree with the classification the app suggests in the summary, or choose your own."
      />
    </Section>
  );
}
