"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createApiTokenAction, revokeApiTokenAction } from "@/app/(clinic)/admin/actions";
import { clinicErrors, labelsFrom } from "@/lib/forms/messages";
import { schemaResolver } from "@/lib/forms/resolver";
import { apiTokenLabels, apiTokenSchema, type ApiTokenInput } from "@/lib/forms/api-token-schema";
import { FormAlert, TextField } from "@/components/ui/text-field";

const labels = labelsFrom(apiTokenLabels);

/** Make a token; its secret is shown here once and never again. */
export function CreateApiTokenForm() {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<ApiTokenInput>({
    resolver: schemaResolver(apiTokenSchema, labels, clinicErrors),
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
      setFormError(r.formError ?? "The token was not made. Please correct the marked fields.");
    } catch {
      setFormError("The token was not made: the server could not be reached. Try again.");
    }
  });

  return (
    <div className="stack">
      {created && (
        <div className="stack" role="status">
          <p>
            Token <strong>{created.name}</strong> made. Copy it now: it is shown only once and cannot be shown again.
          </p>
          <p>
            <label htmlFor="new-api-token">API token</label>
            <input id="new-api-token" className="input" readOnly value={created.secret} />
          </p>
          <p className="muted">
            The other system sends it as <code>Authorization: Bearer …</code> to <code>/api/fhir/Patient/&#123;id&#125;/$everything</code>.
          </p>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate>
        <FormAlert message={formError} />
        <TextField registration={register("name")} label={apiTokenLabels.name} error={errors.name?.message} autoComplete="off" />
        <TextField
          registration={register("expiresInDays", { valueAsNumber: true })}
          label={apiTokenLabels.expiresInDays}
          error={errors.expiresInDays?.message}
          type="number"
          inputMode="numeric"
          min={1}
          max={366}
        />
        <button type="submit" className="btn" disabled={isSubmitting}>
          {isSubmitting ? "Making…" : "Make token"}
        </button>
      </form>
    </div>
  );
}

export function RevokeApiToken({ tokenId, name }: { tokenId: string; name: string }) {
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
      setError("Nothing was changed: the server could not be reached. Try again.");
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" className="btn btn-danger" disabled={busy} onClick={revoke} aria-label={`Revoke ${name}`}>
        Revoke
      </button>
      {error && <span role="alert"> {error}</span>}
    </>
  );
}
