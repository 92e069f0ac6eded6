"use client";

import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createPatientAction } from "@/app/(clinic)/patients/actions";
import type { DuplicateMatch } from "@/lib/data/patients";
import { formatDate } from "@/lib/format";
import { clinicErrors, labelsFrom } from "@/lib/forms/messages";
import { patientLabels, patientSchema, SEXES, type PatientInput } from "@/lib/forms/patient-schema";
import { schemaResolver } from "@/lib/forms/resolver";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { FormAlert, TextField } from "@/components/ui/text-field";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";

const labels = labelsFrom(patientLabels);
const SEX_LABEL: Record<(typeof SEXES)[number], string> = { FEMALE: "Female", MALE: "Male", OTHER: "Other", UNDISCLOSED: "Prefer not to say" };

/** `today`: the clinic's date (lib/format.ts todayIn), the latest date of birth the picker offers;
 * `clinicLocale`: the language the patient's pages start in unless the clinic picks another. */
export function PatientForm({ today, clinicLocale }: { today: string; clinicLocale: Locale }) {
  const [formError, setFormError] = useState<string | null>(null);
  // Patients the clinic already has with this name and date of birth: shown, and the clinician decides.
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<PatientInput>({
    resolver: schemaResolver(patientSchema, labels, clinicErrors),
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
          setFormError(result.formError ?? "Please correct the marked fields.");
        }
      } catch (e) {
        if (isRedirect(e)) throw e;
        setFormError("The patient was not saved: the server could not be reached. Your entries are still here; try again.");
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
        {text("firstName", "First name", { autoComplete: "off" })}
        {text("lastName", "Last name", { autoComplete: "off" })}
      </div>
      {text("dateOfBirth", "Date of birth", { type: "date", className: "input input-short", max: today })}
      <fieldset className="field" aria-describedby={describedBy(errors.sex && "sex-error")}>
        <legend>Sex</legend>
        <div className="choices">
          {SEXES.map((s) => (
            <label key={s} className="choice">
              <input type="radio" value={s} {...register("sex")} />
              <span>{SEX_LABEL[s]}</span>
            </label>
          ))}
        </div>
        <FieldError id="sex-error" message={errors.sex?.message} />
      </fieldset>
      <div className="grid-2">
        {text("email", "Email (optional)", { type: "email", autoComplete: "off" })}
        {text("phone", "Phone (optional)", { type: "tel", autoComplete: "off" })}
      </div>
      <div className="field">
        <label htmlFor="patient-locale">Language for the patient</label>
        <p id="patient-locale-hint" className="hint">
          The intake and every page the patient reads use it; the patient can change it on the intake&apos;s first screen.
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
            <strong>
              {duplicates.length === 1
                ? "This clinic already has a patient with this name and date of birth:"
                : "This clinic already has patients with this name and date of birth:"}
            </strong>
          </p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link href={`/patients/${d.id}`}>
                  Open {d.firstName} {d.lastName}, born {formatDate(d.dateOfBirth)}
                </Link>
              </li>
            ))}
          </ul>
          <p>If this is the same person, open their record instead. If it is someone else, create the new patient.</p>
          <button type="button" className="btn btn-secondary" disabled={isSubmitting} onClick={save(true)}>
            {isSubmitting ? "Saving…" : "Create a new patient anyway"}
          </button>
        </div>
      )}
      <button type="submit" className="btn" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : duplicates ? "Check again" : "Create patient"}
      </button>
    </form>
  );
}

/** next/navigation's redirect() works by throwing; let it through. */
function isRedirect(e: unknown): boolean {
  return typeof e === "object" && e !== null && "digest" in e && String((e as { digest: unknown }).digest).startsWith("NEXT_REDIRECT");
}
