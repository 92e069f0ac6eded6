import Link from "next/link";
import { clientWordsFor } from "@/lib/i18n/clinic";
import { currentSession, requireStaff } from "@/lib/auth/session";
import { IdleGuard } from "@/components/auth/idle-guard";
import { SignOutButton } from "@/components/clinic/sign-out-button";
import { endIdleSessionAction, keepAliveAction } from "./actions";
import styles from "./layout.module.css";
import { getClinicWords } from "@/lib/data/clinics";
import { ClinicWordsProvider } from "@/components/clinic/clinic-words";
import { htmlLang } from "@/lib/i18n/locales";

// The check here only shapes the page; every page, action and data function checks again on its own
// (a layout does not run for server actions). Clinicians see the clinical pages, admins the admin pages.
export default async function ClinicLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireStaff();
  const session = (await currentSession())!;
  const { t: words, locale } = await getClinicWords(actor);
  const t = words.shell;
  // The root layout's <html lang> is English; this subtree says the clinic's language.
  return (
    <div lang={htmlLang(locale)}>
      <a href="#main" className="skip-link">
        {t.skipToContent}
      </a>
      <header className="topbar">
        <div className={`container ${styles.bar}`}>
          <Link href={actor.kind === "admin" ? "/admin" : "/patients"} className="brand">
            {t.brand}
          </Link>
          <nav aria-label={t.mainNav} className={styles.nav}>
            {actor.kind === "clinician" ? (
              <>
                <Link href="/patients">{t.worklist}</Link>
                <Link href="/patients/new">{t.newPatient}</Link>
              </>
            ) : (
              <>
                <Link href="/admin/users">{t.accounts}</Link>
                <Link href="/admin/settings">{t.settings}</Link>
                <Link href="/admin/audit">{t.audit}</Link>
              </>
            )}
            <Link href="/account">{t.account}</Link>
            <SignOutButton />
          </nav>
        </div>
      </header>
      <main id="main" className="container">
        <ClinicWordsProvider words={clientWordsFor(words, actor.kind)} locale={locale}>
          <IdleGuard timeoutMinutes={session.idleTimeoutMinutes} keepAlive={keepAliveAction} endSession={endIdleSessionAction}>
            {children}
          </IdleGuard>
        </ClinicWordsProvider>
      </main>
    </div>
  );
}
