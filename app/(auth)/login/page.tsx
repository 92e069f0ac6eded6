import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentSession } from "@/lib/auth/session";
import { LoginForm } from "@/components/clinic/login-form";
import { clinicWordsFor } from "@/lib/i18n/clinic";
import { htmlLang } from "@/lib/i18n/locales";
import { browserLocale } from "@/lib/i18n/browser-locale";

// Before sign-in the clinic (and its language) is not known: the page speaks the browser's language.
async function words() {
  const locale = browserLocale((await headers()).get("accept-language"));
  return { locale, t: clinicWordsFor(locale) };
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).t.account.signIn.title };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string; reason?: string; "signed-out"?: string }> }) {
  if (await currentSession()) redirect("/");
  const q = await searchParams;
  const { locale, t: all } = await words();
  const t = all.account.signIn;
  return (
    <main id="main" className="container-narrow" lang={htmlLang(locale)}>
      <div style={{ marginTop: "10vh" }}>
        <p className="brand" style={{ color: "var(--primary)", fontSize: "1.4rem", marginBottom: 8 }}>
          {all.shell.brand}
        </p>
        {q.reason === "idle" && (
          <div className="alert alert-info" role="status">
            {t.idle}
          </div>
        )}
        {q["signed-out"] && (
          <div className="alert alert-ok" role="status">
            {t.signedOut}
          </div>
        )}
        <div className="card">
          <h1>{t.heading}</h1>
          <LoginForm initialError={q.error === "rate-limited" ? "rate-limited" : null} t={t} errors={all.errors} />
        </div>
        <p className="muted" style={{ marginTop: 16 }}>
          {t.patients}
        </p>
      </div>
    </main>
  );
}
