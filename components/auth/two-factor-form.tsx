"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { confirmTwoFactorAction } from "@/app/(auth)/account/actions";
import { labelsFrom } from "@/lib/forms/messages";
import { totpCodeSchema } from "@/lib/forms/password-schema";
import { schemaResolver } from "@/lib/forms/resolver";
import { FormAlert, TextField } from "@/components/ui/text-field";
import { useClinicWords } from "@/components/clinic/clinic-words";

export function TwoFactorForm() {
  const { t: words } = useClinicWords();
  const t = words.account.twoFactor;
  const labels = labelsFrom(t.labels, words.account.fallbackLabel);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<{ code: string }>({ resolver: schemaResolver(totpCodeSchema, labels, words.errors) });
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
      setFormError(t.notReached);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormAlert message={formError} />
      <TextField
        registration={register("code")}
        label={t.labels.code}
        error={errors.code?.message}
        className="input input-short"
        inputMode="numeric"
        autoComplete="one-time-code"
      />
      <button type="submit" className="btn" disabled={isSubmitting}>
        {isSubmitting ? t.checking : t.turnOn}
      </button>
    </form>
  );
}
