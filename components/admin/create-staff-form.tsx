"use client";

import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createStaffAction } from "@/app/(clinic)/admin/actions";
import { labelsFrom } from "@/lib/forms/messages";
import { schemaResolver } from "@/lib/forms/resolver";
import { ROLES, staffSchema, type StaffInput } from "@/lib/forms/staff-schema";
import { FormAlert, TextField } from "@/components/ui/text-field";
import { useClinicWords } from "@/components/clinic/clinic-words";

export function CreateStaffForm() {
  const { t: words } = useClinicWords();
  const t = words.admin.newUser;
  const labels = labelsFrom(t.labels, words.admin.fallbackLabel);
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ userId: string; password: string; email: string } | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<StaffInput>({
    resolver: schemaResolver(staffSchema, labels, words.errors),
    defaultValues: { role: "CLINICIAN" },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const r = await createStaffAction(values);
      if (r.ok) {
        setCreated({ userId: r.userId, password: r.password, email: values.email });
        return;
      }
      for (const [path, message] of Object.entries(r.fieldErrors)) setError(path as keyof StaffInput, { message });
      setFormError(r.formError ?? t.notCreated);
    } catch {
      setFormError(t.notReached);
    }
  });

  if (created) {
    return (
      <div className="stack" role="status">
        <p>
          {t.createdBefore}
          <strong>{created.email}</strong>
          {t.createdAfter}
        </p>
        <p>
          <label htmlFor="one-time-password">{t.oneTimePassword}</label>
          <input id="one-time-password" className="input" readOnly value={created.password} />
        </p>
        <p className="muted">{t.giveIt}</p>
        <Link href={`/admin/users/${created.userId}`}>{t.open}</Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormAlert message={formError} />
      {(["name", "email"] as const).map((name) => (
        <TextField
          key={name}
          registration={register(name)}
          label={t.labels[name]}
          error={errors[name]?.message}
          type={name === "email" ? "email" : "text"}
          autoComplete="off"
        />
      ))}
      <fieldset className="field">
        <legend>{t.labels.role}</legend>
        <div className="choices">
          {ROLES.map((r) => (
            <label key={r} className="choice">
              <input type="radio" value={r} {...register("role")} />
              <span>{t.roleChoices[r]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="btn" disabled={isSubmitting}>
        {isSubmitting ? t.creating : t.create}
      </button>
    </form>
  );
}
