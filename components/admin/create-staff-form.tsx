"use client";

import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createStaffAction } from "@/app/(clinic)/admin/actions";
import { clinicErrors, labelsFrom } from "@/lib/forms/messages";
import { schemaResolver } from "@/lib/forms/resolver";
import { ROLES, staffLabels, staffSchema, type StaffInput } from "@/lib/forms/staff-schema";
import { FormAlert, TextField } from "@/components/ui/text-field";

const labels = labelsFrom(staffLabels);
const ROLE_LABEL = { CLINICIAN: "Clinician (patients and visits)", ADMIN: "Administrator (accounts, settings, audit trail)" } as const;

export function CreateStaffForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ userId: string; password: string; email: string } | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<StaffInput>({
    resolver: schemaResolver(staffSchema, labels, clinicErrors),
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
      setFormError(r.formError ?? "The account was not created. Please correct the marked fields.");
    } catch {
      setFormError("The account was not created: the server could not be reached. Try again.");
    }
  });

  if (created) {
    return (
      <div className="stack" role="status">
        <p>
          Account created for <strong>{created.email}</strong>. Its one-time password is shown only now:
        </p>
        <p>
          <label htmlFor="one-time-password">One-time password</label>
          <input id="one-time-password" className="input" readOnly value={created.password} />
        </p>
        <p className="muted">Give it to the person privately. They choose their own password when they first sign in.</p>
        <Link href={`/admin/users/${created.userId}`}>Open the account</Link>
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
          label={staffLabels[name]}
          error={errors[name]?.message}
          type={name === "email" ? "email" : "text"}
          autoComplete="off"
        />
      ))}
      <fieldset className="field">
        <legend>Role</legend>
        <div className="choices">
          {ROLES.map((r) => (
            <label key={r} className="choice">
              <input type="radio" value={r} {...register("role")} />
              <span>{ROLE_LABEL[r]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="btn" disabled={isSubmitting}>
        {isSubmitting ? "Creating…" : "Create account"}
      </button>
    </form>
  );
}
