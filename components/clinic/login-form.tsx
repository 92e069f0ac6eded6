"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { loginSchema, type LoginInput } from "@/lib/forms/login-schema";
import { clinicErrors, labelsFrom } from "@/lib/forms/messages";
import { schemaResolver } from "@/lib/forms/resolver";

const labels = labelsFrom({ email: "Email", password: "Password" });

export function LoginForm() {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<LoginInput>({ resolver: schemaResolver(loginSchema, labels, clinicErrors) });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const res = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
      if (res?.status === 429) setFormError("Too many sign-in attempts. Please wait 15 minutes and try again.");
      else if (!res || res.error) setFormError("The email or password is not right. Please try again.");
      else {
        router.replace("/patients");
        router.refresh();
      }
    } catch {
      setFormError("Sign-in is not reachable right now. Check your connection and try again.");
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
        <input id="email" className="input" type="email" autoComplete="username" aria-invalid={!!errors.email} aria-describedby={errors.email ? "email-error" : undefined} {...register("email")} />
        {errors.email && (
          <p id="email-error" className="error">
            {errors.email.message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" className="input" type="password" autoComplete="current-password" aria-invalid={!!errors.password} aria-describedby={errors.password ? "password-error" : undefined} {...register("password")} />
        {errors.password && (
          <p id="password-error" className="error">
            {errors.password.message}
          </p>
        )}
      </div>
      <button type="submit" className="btn btn-block" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
