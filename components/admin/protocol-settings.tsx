"use client";

// The clinic's standard hand-held dynamometry protocol per muscle group (clinical reference §2.2): a new
// exam starts from it unless the patient's previous exam used another (carried forward so the two stay
// comparable). The lever arm is the patient's own measurement, so it has no clinic default.
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { MUSCLE_GROUP_LABELS, POSITION_LABELS, positionsFor } from "@/lib/assessment/exam-labels";
import { MUSCLE_GROUPS } from "@/lib/assessment/exam-schema";
import { DEFAULT_HHD_PROTOCOLS, type ClinicSettings } from "@/lib/assessment/settings";
import { describedBy, FieldError } from "@/components/ui/field-error";
import styles from "./admin.module.css";

const CONTRACTION = { break: "Break test", make: "Make test" } as const;

function defaultText(group: (typeof MUSCLE_GROUPS)[number]): string {
  const d = DEFAULT_HHD_PROTOCOLS[group];
  return [d.position ? (POSITION_LABELS[d.position] ?? d.position) : null, d.contraction ? `${d.contraction} test` : null, d.belt ? "belt" : "no belt"]
    .filter(Boolean)
    .join(", ");
}

export function ProtocolSettings({ register, errors }: { register: UseFormRegister<ClinicSettings>; errors: FieldErrors<ClinicSettings>["hhdProtocols"] }) {
  return (
    <fieldset className="card">
      <legend>
        <h2 style={{ margin: 0 }}>Dynamometry protocol</h2>
      </legend>
      <p className="hint">
        The clinic&apos;s standard for each muscle group (clinical reference §2.2). A new exam starts from it, unless the patient&apos;s previous exam used
        another, which is carried forward so the two stay comparable. Norms are only compared when the protocol matches theirs, and make and break values are
        never mixed (break: the examiner overpowers the patient; make: the patient pushes into a fixed dynamometer).
      </p>
      <div className="stack">
        {MUSCLE_GROUPS.map((g) => {
          const name = MUSCLE_GROUP_LABELS[g];
          const id = `s-hhd-${g}`;
          const posErr = errors?.[g]?.position?.message;
          const conErr = errors?.[g]?.contraction?.message;
          return (
            <fieldset key={g} className={styles.protocol} aria-describedby={`${id}-default`}>
              <legend>
                <h3 style={{ margin: 0 }}>{name}</h3>
              </legend>
              <p className="hint" id={`${id}-default`}>
                Default: {defaultText(g)}.
              </p>
              <div className={styles.protocolRow}>
                <div className="field">
                  <label htmlFor={`${id}-position`}>
                    <span className="visually-hidden">{name}: </span>Position
                  </label>
                  <select
                    id={`${id}-position`}
                    className="input"
                    aria-invalid={!!posErr}
                    aria-describedby={describedBy(posErr && `${id}-position-error`)}
                    {...register(`hhdProtocols.${g}.position`)}
                  >
                    {positionsFor(g).map((p) => (
                      <option key={p} value={p}>
                        {POSITION_LABELS[p] ?? p}
                      </option>
                    ))}
                  </select>
                  <FieldError id={`${id}-position-error`} message={posErr} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-contraction`}>
                    <span className="visually-hidden">{name}: </span>Test
                  </label>
                  <select
                    id={`${id}-contraction`}
                    className="input"
                    aria-invalid={!!conErr}
                    aria-describedby={describedBy(conErr && `${id}-contraction-error`)}
                    {...register(`hhdProtocols.${g}.contraction`)}
                  >
                    {(Object.keys(CONTRACTION) as (keyof typeof CONTRACTION)[]).map((c) => (
                      <option key={c} value={c}>
                        {CONTRACTION[c]}
                      </option>
                    ))}
                  </select>
                  <FieldError id={`${id}-contraction-error`} message={conErr} />
                </div>
                <label className={styles.check} htmlFor={`${id}-belt`}>
                  <input id={`${id}-belt`} type="checkbox" {...register(`hhdProtocols.${g}.belt`)} />
                  <span>
                    <span className="visually-hidden">{name}: </span>Belt-stabilised
                  </span>
                </label>
              </div>
            </fieldset>
          );
        })}
      </div>
    </fieldset>
  );
}
