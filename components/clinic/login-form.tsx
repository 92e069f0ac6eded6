"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { loginSchema, type LoginInput } from "@/lib/forms/login-schema";
import { labelsFrom, type ErrorCatalog } from "@/lib/forms/messages";
import { schemaResolver } from "@/lib/forms/resolver";
import type { AccountWords } from "@/lib/i18n/clinic/account";
import { FormAlert, TextField } from "@/components/ui/text-field";

// Before sign-in the clinic is not known: the page passes the words of the browser's language. For an
// account with two-factor sign-in the server never says which of the two was wrong (no password oracle).
export function LoginForm({ initialError, t, errors: catalog }: { initialError?: "rate-limited" | null; t: AccountWords["signIn"]; errors: ErrorCatalog }) {
  const MESSAGES = t;
  const labels = labelsFrom(t.labels);
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(initialError === "rate-limited" ? MESSAGES.wait : null);
  const [askCode, setAskCode] = useState(false);
  const { register, handleSubmit, formState, setFocus } = useForm<LoginInput>({ resolver: schemaResolver(loginSchema, labels, catalog) });
  const { errors, isSubmitting } = formState;
  // The code field appears for an account with two-factor sign-in (before anyone knows whether the password
  // was right): move the cursor into it.
  useEffect(() => {
    if (askCode) setFocus("totp");
  }, [askCode, setFocus]);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const res = await signIn("credentials", { email: values.email, password: values.password, totp: askCode ? (values.totp ?? "") : "", redirect: false });
      if (res?.status === 429 || res?.error === "rate-limited") setFormError(MESSAGES.wait);
      else if (res?.error === "totp-required") {
        setAskCode(true);
      } else if (res?.error === "totp-invalid") setFormError(MESSAGES.totpWrong);
      else if (!res || res.error) setFormError(MESSAGES.wrong);
      else {
        // "/" sends each role to its start page, or the session to the step it must finish first.
        router.replace("/");
        router.refresh();
      }
    } catch {
      setFormError(MESSAGES.offline);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormAlert message={formError} />
      <TextField
        registration={register("email")}
        label={t.labels.email}
        error={errors.email?.message}
        type="email"
        autoComplete="username"
        readOnly={askCode}
      />
      <TextField
        registration={register("password")}
        label={t.labels.password}
        error={errors.password?.message}
        type="password"
        autoComplete="current-password"
      />
      {askCode && (
        <TextField
          registration={register("totp")}
          label={t.labels.totp}
          hint={t.totpHint}
          error={errors.totp?.message}
          className="input input-short"
          inputMode="numeric"
          autoComplete="one-time-code"
        />
      )}
      <button type="submit" className="btn btn-block" disabled={isSubmitting}>
        {isSubmitting ? t.signingIn : askCode ? t.verify : t.submit}
      </button>
    </form>
  );
}
