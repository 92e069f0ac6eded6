"use client";

import { Fragment, useState } from "react";
import { useForm } from "react-hook-form";
import { updateSettingsAction } from "@/app/(clinic)/admin/actions";
import { clinicSettingsSchema, DEFAULT_SETTINGS, type ClinicSettings } from "@/lib/assessment/settings";
import { labelsFrom } from "@/lib/forms/messages";
import { schemaResolver } from "@/lib/forms/resolver";
import type { AdminWords } from "@/lib/i18n/clinic/admin";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { useClinicWords } from "@/components/clinic/clinic-words";
import styles from "./admin.module.css";
import { ProtocolSettings } from "./protocol-settings";
import { REFERRAL_KEYS, REFERRAL_WORDING, urgencyChoices } from "@/lib/assessment/referral-wording";
import { formNumber } from "@/components/ui/number-text";

type Key = keyof ClinicSettings;
type SettingsWords = AdminWords["settings"];
interface Def {
  key: Key;
  kind: "number" | "bool" | "text" | "painRule" | "timeZone";
  /** Where the clinical reference sets the default; a threshold it calls a convention says so. */
  source?: string;
  convention?: boolean;
}

/** The sections in order; a field's help, if it has one, is `settings.help[key]` in the clinic's words. */
const SECTIONS: { id: keyof SettingsWords["sections"]; defs: Def[] }[] = [
  {
    id: "clinic",
    defs: [{ key: "timeZone", kind: "timeZone" }],
  },
  {
    id: "strength",
    defs: [
      { key: "asymmetryThresholdPercent", kind: "number", source: "§2.3", convention: true },
      { key: "relativeErrorPercent", kind: "number", source: "§2.3", convention: true },
      { key: "normCutoffSd", kind: "number", source: "§2.2, §2.3", convention: true },
    ],
  },
  {
    id: "load",
    defs: [
      { key: "rampWeekPercent", kind: "number", source: "§6.3", convention: true },
      { key: "rampTwoWeekPercent", kind: "number", source: "§6.3", convention: true },
      { key: "rampFourWeekPercent", kind: "number", source: "§6.3", convention: true },
      { key: "returnWeeklyIncreasePercent", kind: "number", source: "§6.3", convention: true },
      { key: "timeBasedBelowKm", kind: "number", source: "§6.3", convention: true },
      { key: "painRule", kind: "painRule", source: "§6.1", convention: true },
    ],
  },
  {
    id: "intake",
    defs: [
      { key: "akpsEnabled", kind: "bool" },
      { key: "lefsEnabled", kind: "bool" },
      { key: "consentText", kind: "text" },
      { key: "terrainAdvice", kind: "text", source: "§6.4" },
    ],
  },
  {
    id: "security",
    defs: [
      { key: "idleTimeoutMinutes", kind: "number" },
      { key: "requireClinicianTotp", kind: "bool" },
    ],
  },
];

/** The default texts the patients read (consent, terrain advice) as the clinic's language says them. */
export type DefaultTexts = { consentText: string; terrainAdvice: string };

const showDefault = (k: Key, t: SettingsWords, locale: Locale, texts?: DefaultTexts) => {
  // A default sentence keeps its own full stop; the hint adds one after the value.
  if (texts && (k === "consentText" || k === "terrainAdvice")) return texts[k].replace(/\.$/, "");
  const v = DEFAULT_SETTINGS[k];
  if (typeof v === "boolean") return v ? t.on : t.off;
  if (k === "painRule") return v === "trek" ? t.painRuleDefaults.trek : t.painRuleDefaults["pain-monitoring"];
  if (typeof v === "number") return formatNumber(locale, v, { useGrouping: false, maximumFractionDigits: 20 });
  return String(v).replace(/\.$/, "");
};

/** `timeZones`: the zones to offer, computed by the server page (lib/format.ts timeZoneChoices) so the list
 * matches the zones the server accepts. */
export function SettingsForm({ initial, timeZones, defaultTexts }: { initial: ClinicSettings; timeZones: string[]; defaultTexts?: DefaultTexts }) {
  const { t: words, f, locale } = useClinicWords();
  const t = words.admin.settings;
  const labels = labelsFrom(t.labels, words.admin.fallbackLabel);
  const label = (path: string) => (t.labels as Record<string, string>)[path];
  const help = t.help as Partial<Record<Key, string>>;
  const [status, setStatus] = useState<{ kind: "ok" | "danger"; text: string } | null>(null);
  const { register, handleSubmit, setError, formState, reset } = useForm<ClinicSettings>({
    resolver: schemaResolver(clinicSettingsSchema, labels, words.errors),
    defaultValues: initial,
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    try {
      const r = await updateSettingsAction(values);
      if (r.ok) {
        reset(values);
        setStatus({ kind: "ok", text: t.saved });
        return;
      }
      for (const [path, message] of Object.entries(r.fieldErrors)) setError(path as Key, { message });
      setStatus({ kind: "danger", text: r.formError ?? t.notSaved });
    } catch {
      setStatus({ kind: "danger", text: t.notReached });
    }
  });

  const field = (d: Def) => {
    const id = `s-${d.key}`;
    const err = errors[d.key]?.message;
    const note = [
      d.convention ? f(t.convention, { source: d.source ?? "" }) : d.source ? f(t.reference, { source: d.source }) : null,
      f(t.default, { value: showDefault(d.key, t, locale, defaultTexts) }),
      help[d.key],
    ]
      .filter(Boolean)
      .join(" ");
    const hintId = `${id}-hint`;
    if (d.kind === "bool") {
      return (
        <div className="field" key={d.key}>
          <label className={styles.check} htmlFor={id}>
            <input id={id} type="checkbox" aria-describedby={hintId} {...register(d.key)} />
            {label(d.key)}
          </label>
          <p className="hint" id={hintId}>
            {note}
          </p>
        </div>
      );
    }
    return (
      <div className="field" key={d.key}>
        <label htmlFor={id}>{label(d.key)}</label>
        <p className="hint" id={hintId}>
          {note}
        </p>
        {d.kind === "number" && (
          <input
            id={id}
            className="input input-short"
            inputMode="decimal"
            aria-invalid={!!err}
            aria-describedby={describedBy(hintId, err && `${id}-error`)}
            {...register(d.key, { setValueAs: formNumber })}
          />
        )}
        {d.kind === "text" && (
          <textarea id={id} className="input" rows={4} aria-invalid={!!err} aria-describedby={describedBy(hintId, err && `${id}-error`)} {...register(d.key)} />
        )}
        {d.kind === "painRule" && (
          <select id={id} className="input" aria-describedby={describedBy(hintId, err && `${id}-error`)} {...register(d.key)}>
            <option value="trek">{t.painRules.trek}</option>
            <option value="pain-monitoring">{t.painRules["pain-monitoring"]}</option>
          </select>
        )}
        {d.kind === "timeZone" && (
          <select id={id} className="input" aria-invalid={!!err} aria-describedby={describedBy(hintId, err && `${id}-error`)} {...register(d.key)}>
            {timeZones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        )}
        <FieldError id={`${id}-error`} message={err} />
      </div>
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      {status && (
        <div className={`alert alert-${status.kind}`} role={status.kind === "ok" ? "status" : "alert"}>
          {status.text}
        </div>
      )}
      {SECTIONS.map((s) => (
        <Fragment key={s.id}>
          <fieldset className="card">
            <legend>
              <h2 style={{ margin: 0 }}>{t.sections[s.id]}</h2>
            </legend>
            {s.defs.map(field)}
          </fieldset>
          {s.id === "strength" && <ProtocolSettings register={register} errors={errors.hhdProtocols} />}
          {s.id === "load" && (
            <fieldset className="card">
              <legend>
                <h2 style={{ margin: 0 }}>{t.referral.title}</h2>
              </legend>
              <p className="hint">{t.referral.hint}</p>
              {REFERRAL_KEYS.map((k) => {
                const id = `s-referralUrgency-${k}`;
                const err = errors.referralUrgency?.[k]?.message;
                return (
                  <div className="field" key={k}>
                    <label htmlFor={id}>{label(`referralUrgency.${k}`)}</label>
                    <p className="hint" id={`${id}-hint`}>
                      {f(t.default, { value: t.referral.urgencies[REFERRAL_WORDING[k].urgency].toLocaleLowerCase(locale) })}
                    </p>
                    <select
                      id={id}
                      className="input"
                      aria-invalid={!!err}
                      aria-describedby={describedBy(`${id}-hint`, err && `${id}-error`)}
                      {...register(`referralUrgency.${k}`)}
                    >
                      {urgencyChoices(k).map((u) => (
                        <option key={u} value={u}>
                          {t.referral.urgencies[u]}
                        </option>
                      ))}
                    </select>
                    <FieldError id={`${id}-error`} message={err} />
                  </div>
                );
              })}
            </fieldset>
          )}
        </Fragment>
      ))}
      <button type="submit" className="btn" disabled={isSubmitting}>
        {isSubmitting ? t.saving : t.save}
      </button>
    </form>
  );
}
