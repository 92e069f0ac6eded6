"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { confirmTwoFactorAction } from "@/app/(auth)/account/actions";
import { clinicErrors, labelsFrom } from "@/lib/forms/messages";
import { totpCodeLabels, totpCodeSchema } from "@/lib/forms/password-schema";
import { schemaResolver } from "@/lib/forms/resolver";
import { FormAlert, TextField } from "@/components/ui/text-field";

const labels = labelsFrom(totpCodeLabels);

export function TwoFactorForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<{ code: string }>({ resolver: schemaResolver(totpCodeSchema, labels, clinicErrors) });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const r = await confirmTwoFactorAction(values);
      if (r.ok) {
        window.location.assign(r.next);
        return;
      }
      for (const [path, message] of Object.entries(r.fieldErrors)) setError(path as "code", { message });
      if (r.formError) setFormError(r.formError);
    } catch {
      setFormError("Not saved: the server could not be reached. Try again.");
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormAlert message={formError} />
      <TextField
        registration={register("code")}
        label={totpCodeLabels.code}
        error={errors.code?.message}
        className="input input-short"
        inputMode="numeric"
        autoComplete="one-time-code"
      />
      <button type="submit" className="btn" disabled={isSubmitting}>
        {isSubmitting ? "Checking…" : "Turn on two-factor sign-in"}
      </button>
    </form>
  );
}
