"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { loginSchema, type LoginInput } from "@/lib/forms/login-schema";
import { clinicErrors, labelsFrom } from "@/lib/forms/messages";
import { schemaResolver } from "@/lib/forms/resolver";

const labels = labelsFrom({ email: "Email", password: "Password", totp: "6-digit code" });

const MESSAGES = {
  wrong: "The email or password is not right. Please try again.",
  wait: "Too many sign-in attempts. Please wait 15 minutes and try again.",
  totpWrong: "That code is not right, or was already used. Enter the code your authenticator app shows now.",
  offline: "Sign-in is not reachable right now. Check your connection and try again.",
};

export function LoginForm({ initialError }: { initialError?: "rate-limited" | null }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(initialError === "rate-limited" ? MESSAGES.wait : null);
  const [askCode, setAskCode] = useState(false);
  const { register, handleSubmit, formState, setFocus } = useForm<LoginInput>({ resolver: schemaResolver(loginSchema, labels, clinicErrors) });
  const { errors, isSubmitting } = formState;
  // The code field appears once the password proved right: move the cursor into it.
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
      {formError && (
        <div className="alert alert-danger" role="alert">
          {formError}
        </div>
      )}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" className="input" type="email" autoComplete="username" readOnly={askCode} aria-invalid={!!errors.email} aria-describedby={errors.email ? "email-error" : undefined} {...register("email")} />
        {errors.email && (
          <p id="email-error" className="error">
            {errors.email.message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" className="input" type="password" autoComplete="current-password" readOnly={askCode} aria-invalid={!!errors.password} aria-describedby={errors.password ? "password-error" : undefined} {...register("password")} />
        {errors.password && (
          <p id="password-error" className="error">
            {errors.password.message}
          </p>
        )}
      </div>
      {askCode && (
        <div className="field">
          <label htmlFor="totp">6-digit code</label>
          <p className="hint" id="totp-hint">
            Open your authenticator app and enter the code it shows for Stride.
          </p>
          <input id="totp" className="input input-short" inputMode="numeric" autoComplete="one-time-code" aria-describedby="totp-hint" {...register("totp")} />
        </div>
      )}
      <button type="submit" className="btn btn-block" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : askCode ? "Verify and sign in" : "Sign in"}
      </button>
    </form>
  );
}
