"use client";

import { Fragment, useState } from "react";
import { useForm } from "react-hook-form";
import { updateSettingsAction } from "@/app/(clinic)/admin/actions";
import { clinicSettingsSchema, DEFAULT_SETTINGS, type ClinicSettings } from "@/lib/assessment/settings";
import { clinicErrors, labelsFrom } from "@/lib/forms/messages";
import { schemaResolver } from "@/lib/forms/resolver";
import { settingsLabels } from "@/lib/forms/staff-schema";
import { describedBy, FieldError } from "@/components/ui/field-error";
import styles from "./admin.module.css";
import { ProtocolSettings } from "./protocol-settings";
import { REFERRAL_KEYS, REFERRAL_WORDING, urgencyChoices, type ReferralUrgency } from "@/lib/assessment/referral-wording";

const labels = labelsFrom(settingsLabels);

type Key = keyof ClinicSettings;
interface Def {
  key: Key;
  kind: "number" | "bool" | "text" | "painRule" | "timeZone";
  /** Where the clinical reference sets the default; a threshold it calls a convention says so. */
  source?: string;
  convention?: boolean;
  help?: string;
}

const SECTIONS: { title: string; defs: Def[] }[] = [
  {
    title: "Clinic",
    defs: [{ key: "timeZone", kind: "timeZone", help: "Times on every page and print, and which visits are today, follow this zone." }],
  },
  {
    title: "Strength",
    defs: [
      {
        key: "asymmetryThresholdPercent",
        kind: "number",
        source: "§2.3",
        convention: true,
        help: "Symmetry (weaker ÷ stronger) below this is flagged, when the difference is also beyond measurement error.",
      },
      {
        key: "relativeErrorPercent",
        kind: "number",
        source: "§2.3",
        convention: true,
        help: "Used for muscle groups with no published minimal detectable change.",
      },
      {
        key: "normCutoffSd",
        kind: "number",
        source: "§2.2, §2.3",
        convention: true,
        help: "Both sides this many standard deviations below the same-protocol norm (Ramskov 2014) flag bilateral weakness.",
      },
    ],
  },
  {
    title: "Running load",
    defs: [
      { key: "rampWeekPercent", kind: "number", source: "§6.3", convention: true },
      { key: "rampTwoWeekPercent", kind: "number", source: "§6.3", convention: true },
      { key: "rampFourWeekPercent", kind: "number", source: "§6.3", convention: true },
      { key: "returnWeeklyIncreasePercent", kind: "number", source: "§6.3", convention: true, help: "From 5 to 20." },
      { key: "timeBasedBelowKm", kind: "number", source: "§6.3", convention: true },
      { key: "painRule", kind: "painRule", source: "§6.1", convention: true },
    ],
  },
  {
    title: "Intake",
    defs: [
      { key: "akpsEnabled", kind: "bool" },
      { key: "lefsEnabled", kind: "bool" },
      { key: "consentText", kind: "text" },
      { key: "terrainAdvice", kind: "text", source: "§6.4" },
    ],
  },
  {
    title: "Security",
    defs: [
      { key: "idleTimeoutMinutes", kind: "number", help: "From 5 to 30 (ONC §170.315(d)(5); NIST SP 800-63B allows at most 30)." },
      { key: "requireClinicianTotp", kind: "bool", help: "Administrators always use two-factor sign-in." },
    ],
  },
];

/** §5's urgencies as the settings page names them. */
const URGENCY_LABELS: Record<ReferralUrgency, string> = {
  emergency: "Emergency: now",
  "same-day": "Same day",
  "next-day": "Same or next day",
  urgent: "Within days",
};

const num = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v));
const showDefault = (k: Key) => {
  const v = DEFAULT_SETTINGS[k];
  if (typeof v === "boolean") return v ? "on" : "off";
  if (k === "painRule") return v === "trek" ? "TREK, pain at most 2/10" : "pain-monitoring model, up to 5/10";
  return String(v);
};

/** `timeZones`: the zones to offer, computed by the server page (lib/format.ts timeZoneChoices) so the list
 * matches the zones the server accepts. */
export function SettingsForm({ initial, timeZones }: { initial: ClinicSettings; timeZones: string[] }) {
  const [status, setStatus] = useState<{ kind: "ok" | "danger"; text: string } | null>(null);
  const { register, handleSubmit, setError, formState, reset } = useForm<ClinicSettings>({
    resolver: schemaResolver(clinicSettingsSchema, labels, clinicErrors),
    defaultValues: initial,
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    try {
      const r = await updateSettingsAction(values);
      if (r.ok) {
        reset(values);
        setStatus({ kind: "ok", text: "Settings saved. They apply from the next page each person opens." });
        return;
      }
      for (const [path, message] of Object.entries(r.fieldErrors)) setError(path as Key, { message });
      setStatus({ kind: "danger", text: r.formError ?? "The settings were not saved. Please correct the marked fields." });
    } catch {
      setStatus({ kind: "danger", text: "Not saved: the server could not be reached. Your entries are still here; save again." });
    }
  });

  const field = (d: Def) => {
    const id = `s-${d.key}`;
    const err = errors[d.key]?.message;
    const note = [
      d.convention ? `A convention, not a fixed rule (clinical reference ${d.source}).` : d.source ? `Clinical reference ${d.source}.` : null,
      `Default: ${showDefault(d.key)}.`,
      d.help,
    ]
      .filter(Boolean)
      .join(" ");
    const hintId = `${id}-hint`;
    if (d.kind === "bool") {
      return (
        <div className="field" key={d.key}>
          <label className={styles.check} htmlFor={id}>
            <input id={id} type="checkbox" aria-describedby={hintId} {...register(d.key)} />
            {settingsLabels[d.key]}
          </label>
          <p className="hint" id={hintId}>
            {note}
          </p>
        </div>
      );
    }
    return (
      <div className="field" key={d.key}>
        <label htmlFor={id}>{settingsLabels[d.key]}</label>
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
            {...register(d.key, { setValueAs: num })}
          />
        )}
        {d.kind === "text" && (
          <textarea id={id} className="input" rows={4} aria-invalid={!!err} aria-describedby={describedBy(hintId, err && `${id}-error`)} {...register(d.key)} />
        )}
        {d.kind === "painRule" && (
          <select id={id} className="input" aria-describedby={describedBy(hintId, err && `${id}-error`)} {...register(d.key)}>
            <option value="trek">TREK: pain at most 2/10 during and after running</option>
            <option value="pain-monitoring">Pain-monitoring model: up to 5/10, settling by the next morning</option>
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
        <Fragment key={s.title}>
          <fieldset className="card">
            <legend>
              <h2 style={{ margin: 0 }}>{s.title}</h2>
            </legend>
            {s.defs.map(field)}
          </fieldset>
          {s.title === "Strength" && <ProtocolSettings register={register} errors={errors.hhdProtocols} />}
          {s.title === "Running load" && (
            <fieldset className="card">
              <legend>
                <h2 style={{ margin: 0 }}>Referral urgency</h2>
              </legend>
              <p className="hint">
                How soon each red flag sends the patient to medical care; the patient&apos;s sheet says it in words (&quot;today&quot;, &quot;in the next few
                days&quot;). Clinical reference §5 sets each default; a clinic can make a referral more urgent, never less.
              </p>
              {REFERRAL_KEYS.map((k) => {
                const id = `s-referralUrgency-${k}`;
                const err = errors.referralUrgency?.[k]?.message;
                return (
                  <div className="field" key={k}>
                    <label htmlFor={id}>{settingsLabels[`referralUrgency.${k}`]}</label>
                    <p className="hint" id={`${id}-hint`}>
                      Default: {URGENCY_LABELS[REFERRAL_WORDING[k].urgency].toLowerCase()}.
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
                          {URGENCY_LABELS[u]}
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
        {isSubmitting ? "Saving…" : "Save settings"}
      </button>
    </form>
  );
}
