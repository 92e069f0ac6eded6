"use client";

import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createPatientAction } from "@/app/(clinic)/patients/actions";
import type { DuplicateMatch } from "@/lib/data/patients";
import { formatIsoDate } from "@/lib/i18n/format";
import { labelsFrom } from "@/lib/forms/messages";
import { patientSchema, SEXES, type PatientInput } from "@/lib/forms/patient-schema";
import { schemaResolver } from "@/lib/forms/resolver";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { FormAlert, TextField } from "@/components/ui/text-field";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { useClinicWords } from "./clinic-words";

/** `today`: the clinic's date (lib/format.ts todayIn), the latest date of birth the picker offers;
 * `clinicLocale`: the language the patient's pages start in unless the clinic picks another. */
export function PatientForm({ today, clinicLocale }: { today: string; clinicLocale: Locale }) {
  const { t: words, f, locale } = useClinicWords();
  const t = words.patients.form;
  const [formError, setFormError] = useState<string | null>(null);
  // Patients the clinic already has with this name and date of birth: shown, and the clinician decides.
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<PatientInput>({
    resolver: schemaResolver(patientSchema, labelsFrom(words.patients.patientLabels), words.errors),
    defaultValues: { sex: "UNDISCLOSED", locale: clinicLocale },
  });
  const { errors, isSubmitting } = formState;

  const save = (confirmedNew: boolean) =>
    handleSubmit(async (values) => {
      setFormError(null);
      setDuplicates(null);
      try {
        const result = await createPatientAction(values, confirmedNew);
        // On success the action redirects; a value means the server refused the input or found a match.
        if (result && !result.ok) {
          if ("duplicates" in result) {
            setDuplicates(result.duplicates);
            return;
          }
          for (const [path, message] of Object.entries(result.fieldErrors)) setError(path as keyof PatientInput, { message });
          setFormError(result.formError ?? t.correct);
        }
      } catch (e) {
        if (isRedirect(e)) throw e;
        setFormError(t.unreachable);
      }
    });
  const onSubmit = save(false);

  const text = (name: keyof PatientInput, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <TextField registration={register(name)} label={label} error={errors[name]?.message} {...props} />
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormAlert message={formError} />
      <div className="grid-2">
        {text("firstName", t.firstName, { autoComplete: "off" })}
        {text("lastName", t.lastName, { autoComplete: "off" })}
      </div>
      {text("dateOfBirth", t.dateOfBirth, { type: "date", className: "input input-short", max: today })}
      <fieldset className="field" aria-describedby={describedBy(errors.sex && "sex-error")}>
        <legend>{t.sex}</legend>
        <div className="choices">
          {SEXES.map((s) => (
            <label key={s} className="choice">
              <input type="radio" value={s} {...register("sex")} />
              <span>{t.sexes[s]}</span>
            </label>
          ))}
        </div>
        <FieldError id="sex-error" message={errors.sex?.message} />
      </fieldset>
      <div className="grid-2">
        {text("email", t.emailOptional, { type: "email", autoComplete: "off" })}
        {text("phone", t.phoneOptional, { type: "tel", autoComplete: "off" })}
      </div>
      <div className="field">
        <label htmlFor="patient-locale">{t.language}</label>
        <p id="patient-locale-hint" className="hint">
          {t.languageHint}
        </p>
        <select id="patient-locale" className="input input-short" aria-describedby="patient-locale-hint" {...register("locale")}>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
      {duplicates && (
        <div className="alert alert-info" role="alert">
          <p style={{ marginTop: 0 }}>
            <strong>{duplicates.length === 1 ? t.duplicateOne : t.duplicateMany}</strong>
          </p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link href={`/patients/${d.id}`}>{f(t.open, { name: `${d.firstName} ${d.lastName}`, date: formatIsoDate(locale, d.dateOfBirth) })}</Link>
              </li>
            ))}
          </ul>
          <p>{t.sameOrNew}</p>
          <button type="button" className="btn btn-secondary" disabled={isSubmitting} onClick={save(true)}>
            {isSubmitting ? t.saving : t.createAnyway}
          </button>
        </div>
      )}
      <button type="submit" className="btn" disabled={isSubmitting}>
        {isSubmitting ? t.saving : duplicates ? t.checkAgain : t.create}
      </button>
    </form>
  );
}

/** next/navigation's redirect() works by throwing; let it through. */
function isRedirect(e: unknown): boolean {
  return typeof e === "object" && e !== null && "digest" in e && String((e as { digest: unknown }).digest).startsWith("NEXT_REDIRECT");
}
