"use client";

import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { submitIntakeAction } from "@/app/(patient)/intake/actions";
import { intakeSchema, KNEE_SIDES, type IntakeAnswers } from "@/lib/assessment/intake-schema";
import { labelsFrom, type ErrorCatalog } from "@/lib/forms/messages";
import { schemaResolver } from "@/lib/forms/resolver";
import type { Messages } from "@/lib/i18n/en";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { ThankYou } from "./thank-you";

type M = Messages["intake"];

const toNumber = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(String(v).replace(",", ".")));

/** A key for this form's submission: a double tap or a retry lands once (crypto.randomUUID needs HTTPS). */
function newKey(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

function get(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}

export function IntakeForm({ greeting, messages: m, errors: errorCatalog, thanks }: { greeting: string; messages: M; errors: ErrorCatalog; thanks: Messages["thanks"] }) {
  const [key] = useState(newKey);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { register, handleSubmit, setError, control, formState } = useForm<IntakeAnswers>({
    resolver: schemaResolver(intakeSchema, labelsFrom(m.fields), errorCatalog),
    shouldFocusError: true,
  });
  const { errors, isSubmitting } = formState;
  const err = (path: string) => (get(errors, path) as { message?: string } | undefined)?.message;
  const [hotSwollen, calf] = useWatch({ control, name: ["safety.hotSwollenWithFever", "safety.calfSwelling"] });
  const urgent = hotSwollen === true || calf === true;

  const onSubmit = handleSubmit(
    async (values) => {
      setFormError(null);
      try {
        const r = await submitIntakeAction(values, key);
        if (r.ok) {
          setDone(true);
          window.scrollTo(0, 0);
          return;
        }
        for (const [path, message] of Object.entries(r.fieldErrors)) setError(path as never, { message });
        setFormError(r.formError ?? m.fixErrors);
      } catch {
        setFormError(m.sendFailed);
      }
    },
    () => setFormError(m.fixErrors),
  );

  if (done) return <ThankYou messages={thanks} urgent={urgent ? { title: m.urgentTitle, body: m.urgentBody } : null} />;

  const yesNo = (name: `safety.${keyof IntakeAnswers["safety"]}` | "running.hillsOrBanked") => (
    <ChoiceGroup
      control={control}
      name={name}
      legend={m.fields[name]!}
      error={err(name)}
      choices={[
        { value: true, label: m.yes },
        { value: false, label: m.no },
      ]}
    />
  );
  const scale = (name: "pain.now" | "pain.worstWeek") => (
    <ChoiceGroup control={control} name={name} legend={m.fields[name]!} error={err(name)} scale choices={Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) }))} />
  );
  const km = (name: "running.weeklyKm.thisWeek" | "running.weeklyKm.fourWeeksAgo") => {
    const id = name.replace(/\./g, "-");
    const e = err(name);
    return (
      <div className="field">
        <label htmlFor={id}>{m.fields[name]}</label>
        <input id={id} className="input input-short" inputMode="decimal" autoComplete="off" aria-invalid={!!e} aria-describedby={describedBy("km-hint", e && `${id}-error`)} {...register(name, { setValueAs: toNumber })} />
        <FieldError id={`${id}-error`} message={e} />
      </div>
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <div>
        <h1>{m.title}</h1>
        <p>{greeting}</p>
      </div>
      {formError && (
        <div className="alert alert-danger" role="alert">
          {formError}
        </div>
      )}
      <section className="card" aria-labelledby="s-knee">
        <h2 id="s-knee" style={{ marginTop: 0 }}>
          {m.sections.knee}
        </h2>
        <ChoiceGroup control={control} name="knee.side" legend={m.fields["knee.side"]!} error={err("knee.side")} choices={KNEE_SIDES.map((s) => ({ value: s, label: m.kneeOptions[s] }))} />
      </section>
      <section className="card" aria-labelledby="s-pain">
        <h2 id="s-pain" style={{ marginTop: 0 }}>
          {m.sections.pain}
        </h2>
        <p className="hint">{m.hints.pain}</p>
        {scale("pain.now")}
        {scale("pain.worstWeek")}
      </section>
      <section className="card" aria-labelledby="s-safety">
        <h2 id="s-safety" style={{ marginTop: 0 }}>
          {m.sections.safety}
        </h2>
        {yesNo("safety.injuryOrFall")}
        {yesNo("safety.hotSwollenWithFever")}
        {yesNo("safety.calfSwelling")}
        {urgent && (
          <div className="alert alert-danger" role="alert">
            <strong>{m.urgentTitle}.</strong> {m.urgentBody}
          </div>
        )}
        {yesNo("safety.nightOrRestPain")}
        {yesNo("safety.givingWay")}
      </section>
      <section className="card" aria-labelledby="s-running">
        <h2 id="s-running" style={{ marginTop: 0 }}>
          {m.sections.running}
        </h2>
        <p id="km-hint" className="hint">
          {m.hints.weeklyKm}
        </p>
        {km("running.weeklyKm.thisWeek")}
        {km("running.weeklyKm.fourWeeksAgo")}
        {yesNo("running.hillsOrBanked")}
      </section>
      <button type="submit" className="btn btn-block" disabled={isSubmitting}>
        {isSubmitting ? m.submitting : m.submit}
      </button>
    </form>
  );
}
