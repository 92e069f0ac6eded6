"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { changePasswordAction } from "@/app/(auth)/account/actions";
import { clinicErrors, labelsFrom } from "@/lib/forms/messages";
import { changePasswordLabels, changePasswordSchema, PASSWORD_MIN, type ChangePasswordInput } from "@/lib/forms/password-schema";
import { schemaResolver } from "@/lib/forms/resolver";
import { FormAlert, TextField } from "@/components/ui/text-field";

const labels = labelsFrom(changePasswordLabels);

export function ChangePasswordForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<ChangePasswordInput>({
    resolver: schemaResolver(changePasswordSchema, labels, clinicErrors),
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
      setFormError(r.formError ?? "The password was not changed. Please correct the marked fields.");
    } catch {
      setFormError("The password was not changed: the server could not be reached. Try again.");
    }
  });

  const field = (name: keyof ChangePasswordInput, autoComplete: string, hint?: string) => (
    <TextField
      registration={register(name)}
      label={changePasswordLabels[name]}
      hint={hint}
      error={errors[name]?.message}
      type="password"
      autoComplete={autoComplete}
    />
  );

  if (done) return <p role="status">Password changed. Your other sessions have been signed out.</p>;
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormAlert message={formError} />
      {field("currentPassword", "current-password")}
      {field(
        "newPassword",
        "new-password",
        `At least ${PASSWORD_MIN} characters; any characters, spaces welcome. Three or four unrelated words work well. Common or breached passwords are refused.`,
      )}
      {field("confirmPassword", "new-password")}
      <button type="submit" className="btn" disabled={isSubmitting}>
        {isSubmitting ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
