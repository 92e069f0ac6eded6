"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createApiTokenAction, revokeApiTokenAction } from "@/app/(clinic)/admin/actions";
import { labelsFrom } from "@/lib/forms/messages";
import { schemaResolver } from "@/lib/forms/resolver";
import { apiTokenSchema, type ApiTokenInput } from "@/lib/forms/api-token-schema";
import { FormAlert, TextField } from "@/components/ui/text-field";
import { useClinicWords } from "@/components/clinic/clinic-words";

/** Make a token; its secret is shown here once and never again. */
export function CreateApiTokenForm() {
  const { t: words } = useClinicWords();
  const t = words.admin.tokens;
  const labels = labelsFrom(t.labels, words.admin.fallbackLabel);
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<ApiTokenInput>({
    resolver: schemaResolver(apiTokenSchema, labels, words.errors),
    defaultValues: { expiresInDays: 90 },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const r = await createApiTokenAction(values);
      if (r.ok) {
        setCreated({ name: r.name, secret: r.secret });
        reset();
        router.refresh();
        return;
      }
      for (const [path, message] of Object.entries(r.fieldErrors)) setError(path as keyof ApiTokenInput, { message });
      setFormError(r.formError ?? t.notMade);
    } catch {
      setFormError(t.notReached);
    }
  });

  return (
    <div className="stack">
      {created && (
        <div className="stack" role="status">
          <p>
            {t.madeBefore}
            <strong>{created.name}</strong>
            {t.madeAfter}
          </p>
          <p>
            <label htmlFor="new-api-token">{t.secret}</label>
            <input id="new-api-token" className="input" readOnly value={created.secret} />
          </p>
          <p className="muted">
            {t.howBefore}
            <code>Authorization: Bearer …</code>
            {t.howMiddle}
            <code>/api/fhir/Patient/&#123;id&#125;/$everything</code>
            {t.howAfter}
          </p>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate>
        <FormAlert message={formError} />
        <TextField registration={register("name")} label={t.labels.name} error={errors.name?.message} autoComplete="off" />
        <TextField
          registration={register("expiresInDays", { valueAsNumber: true })}
          label={t.labels.expiresInDays}
          error={errors.expiresInDays?.message}
          type="number"
          inputMode="numeric"
          min={1}
          max={366}
        />
        <button type="submit" className="btn" disabled={isSubmitting}>
          {isSubmitting ? t.making : t.makeButton}
        </button>
      </form>
    </div>
  );
}

export function RevokeApiToken({ tokenId, name }: { tokenId: string; name: string }) {
  const { t: words, f } = useClinicWords();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function revoke() {
    setBusy(true);
    setError(null);
    try {
      const r = await revokeApiTokenAction(tokenId);
      if (r.ok) router.refresh();
      else setError(r.formError);
    } catch {
      setError(words.admin.notReachedNothingChanged);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" className="btn btn-danger" disabled={busy} onClick={revoke} aria-label={f(words.admin.tokens.revokeLabel, { name })}>
        {words.admin.tokens.revoke}
      </button>
      {error && <span role="alert"> {error}</span>}
    </>
  );
}
