"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { loginSchema, type LoginInput } from "@/lib/forms/login-schema";
import { clinicErrors, labelsFrom } from "@/lib/forms/messages";
import { schemaResolver } from "@/lib/forms/resolver";
import { FormAlert, TextField } from "@/components/ui/text-field";

const labels = labelsFrom({ email: "Email", password: "Password", totp: "6-digit code" });

const MESSAGES = {
  wrong: "The email or password is not right. Please try again.",
  wait: "Too many sign-in attempts. Please wait a few minutes (at most 15) and try again.",
  // For an account with two-factor sign-in the server never says which of the two was wrong (no password oracle).
  totpWrong: "The password or the code is not right (a code works once). Check your password and enter the code your authenticator app shows now.",
  offline: "Sign-in is not reachable right now. Check your connection and try again.",
};

export function LoginForm({ initialError }: { initialError?: "rate-limited" | null }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(initialError === "rate-limited" ? MESSAGES.wait : null);
  const [askCode, setAskCode] = useState(false);
  const { register, handleSubmit, formState, setFocus } = useForm<LoginInput>({ resolver: schemaResolver(loginSchema, labels, clinicErrors) });
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
      <TextField registration={register("email")} label="Email" error={errors.email?.message} type="email" autoComplete="username" readOnly={askCode} />
      <TextField registration={register("password")} label="Password" error={errors.password?.message} type="password" autoComplete="current-password" />
      {askCode && (
        <TextField
          registration={register("totp")}
          label="6-digit code"
          hint="Open your authenticator app and enter the code it shows for Stride."
          error={errors.totp?.message}
          className="input input-short"
          inputMode="numeric"
          autoComplete="one-time-code"
        />
      )}
      <button type="submit" className="btn btn-block" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : askCode ? "Verify and sign in" : "Sign in"}
      </button>
    </form>
  );
}
