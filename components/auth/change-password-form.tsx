"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { changePasswordAction } from "@/app/(auth)/account/actions";
import { labelsFrom } from "@/lib/forms/messages";
import { changePasswordSchema, PASSWORD_MIN, type ChangePasswordInput } from "@/lib/forms/password-schema";
import { schemaResolver } from "@/lib/forms/resolver";
import { FormAlert, TextField } from "@/components/ui/text-field";
import { useClinicWords } from "@/components/clinic/clinic-words";

export function ChangePasswordForm() {
  const { t: words, f } = useClinicWords();
  const t = words.account.password;
  const labels = labelsFrom(t.labels, words.account.fallbackLabel);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<ChangePasswordInput>({
    resolver: schemaResolver(changePasswordSchema, labels, words.errors),
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const r = await changePasswordAction(values);
      if (r.ok) {
        setDone(true);
        window.location.assign(r.next);
        return;
      }
      for (const [path, message] of Object.entries(r.fieldErrors)) setError(path as keyof ChangePasswordInput, { message });
      setFormError(r.formError ?? t.notChanged);
    } catch {
      setFormError(t.notReached);
    }
  });

  const field = (name: keyof ChangePasswordInput, autoComplete: string, hint?: string) => (
    <TextField registration={register(name)} label={t.labels[name]} hint={hint} error={errors[name]?.message} type="password" autoComplete={autoComplete} />
  );

  if (done) return <p role="status">{t.done}</p>;
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormAlert message={formError} />
      {field("currentPassword", "current-password")}
      {field("newPassword", "new-password", f(t.hint, { min: String(PASSWORD_MIN) }))}
      {field("confirmPassword", "new-password")}
      <button type="submit" className="btn" disabled={isSubmitting}>
        {isSubmitting ? t.changing : t.change}
      </button>
    </form>
  );
}
