import Link from "next/link";
import { clientWordsFor } from "@/lib/i18n/clinic";
import { SignOutButton } from "@/components/clinic/sign-out-button";
import { ClinicWordsProvider } from "@/components/clinic/clinic-words";
import { requireSignedIn } from "@/lib/auth/session";
import { getClinicWords } from "@/lib/data/clinics";
import { htmlLang } from "@/lib/i18n/locales";

// Account pages are open to a session that still has something to do (a password to change, two-factor
// sign-in to set up), so they do not use the clinic layout, whose pages such a session may not open yet.
// Such a session has a clinic all the same: the pages speak its language.
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const { actor } = await requireSignedIn();
  const { t: words, locale } = await getClinicWords(actor);
  const t = words.shell;
  // The root layout's <html lang> is English; this subtree says the clinic's language.
  return (
    <div lang={htmlLang(locale)}>
      <a href="#main" className="skip-link">
        {t.skipToContent}
      </a>
      <header className="topbar">
        <div className="container">
          <Link href="/" className="brand">
            {t.brand}
          </Link>
          <nav aria-label={t.account}>
            <Link href="/account">{t.account}</Link>
            <SignOutButton />
          </nav>
        </div>
      </header>
      <main id="main" className="container-narrow">
        <ClinicWordsProvider words={clientWordsFor(words, actor.kind)} locale={locale}>
          {children}
        </ClinicWordsProvider>
      </main>
    </div>
  );
}
