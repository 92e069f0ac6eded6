"use client";

// The clinic's standard hand-held dynamometry protocol per muscle group (clinical reference §2.2): a new
// exam starts from it unless the patient's previous exam used another (carried forward so the two stay
// comparable). The lever arm is the patient's own measurement, so it has no clinic default.
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { positionsFor } from "@/lib/assessment/exam-labels";
import { MUSCLE_GROUPS } from "@/lib/assessment/exam-schema";
import { DEFAULT_HHD_PROTOCOLS, type ClinicSettings } from "@/lib/assessment/settings";
import type { AdminWords } from "@/lib/i18n/clinic/admin";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { useClinicWords } from "@/components/clinic/clinic-words";
import styles from "./admin.module.css";

type ProtocolWords = AdminWords["protocol"];

/** The test kinds in the select's order. */
const CONTRACTIONS = ["break", "make"] as const;

/** The clinic default's parts, as a list: "Side-lying, long lever (malleolus), break test, belt". */
function defaultText(group: (typeof MUSCLE_GROUPS)[number], t: ProtocolWords): string {
  const d = DEFAULT_HHD_PROTOCOLS[group];
  return [
    d.position ? (t.positions[d.position] ?? d.position) : null,
    d.contraction ? t.defaultContraction[d.contraction] : null,
    d.belt ? t.defaultBelt : t.defaultNoBelt,
  ]
    .filter(Boolean)
    .join(", ");
}

export function ProtocolSettings({ register, errors }: { register: UseFormRegister<ClinicSettings>; errors: FieldErrors<ClinicSettings>["hhdProtocols"] }) {
  const { t: words, f } = useClinicWords();
  const t = words.admin.protocol;
  return (
    <fieldset className="card">
      <legend>
        <h2 style={{ margin: 0 }}>{t.title}</h2>
      </legend>
      <p className="hint">{t.hint}</p>
      <div className="stack">
        {MUSCLE_GROUPS.map((g) => {
          const name = t.groups[g];
          const id = `s-hhd-${g}`;
          const posErr = errors?.[g]?.position?.message;
          const conErr = errors?.[g]?.contraction?.message;
          return (
            <fieldset key={g} className={styles.protocol} aria-describedby={`${id}-default`}>
              <legend>
                <h3 style={{ margin: 0 }}>{name}</h3>
              </legend>
              <p className="hint" id={`${id}-default`}>
                {f(words.admin.settings.default, { value: defaultText(g, t) })}
              </p>
              <div className={styles.protocolRow}>
                <div className="field">
                  <label htmlFor={`${id}-position`}>
                    <span className="visually-hidden">{name}: </span>
                    {t.position}
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
                        {t.positions[p] ?? p}
                      </option>
                    ))}
                  </select>
                  <FieldError id={`${id}-position-error`} message={posErr} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-contraction`}>
                    <span className="visually-hidden">{name}: </span>
                    {t.test}
                  </label>
                  <select
                    id={`${id}-contraction`}
                    className="input"
                    aria-invalid={!!conErr}
                    aria-describedby={describedBy(conErr && `${id}-contraction-error`)}
                    {...register(`hhdProtocols.${g}.contraction`)}
                  >
                    {CONTRACTIONS.map((c) => (
                      <option key={c} value={c}>
                        {t.contractions[c]}
                      </option>
                    ))}
                  </select>
                  <FieldError id={`${id}-contraction-error`} message={conErr} />
                </div>
                <label className={styles.check} htmlFor={`${id}-belt`}>
                  <input id={`${id}-belt`} type="checkbox" {...register(`hhdProtocols.${g}.belt`)} />
                  <span>
                    <span className="visually-hidden">{name}: </span>
                    {t.belt}
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
