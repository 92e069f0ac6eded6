import type { Metadata } from "next";
import { staffWords } from "@/lib/i18n/clinic/server";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { getClinicWords } from "@/lib/data/clinics";

export async function generateMetadata(): Promise<Metadata> {
  // The page checks the role (and audits a refusal once); the title only needs the clinic's words.
  const { t } = await staffWords();
  return { title: t.admin.home.title };
}

export default async function AdminHome() {
  const admin = await requireAdmin();
  const { t: words } = await getClinicWords(admin);
  const t = words.admin.home;
  return (
    <div className="stack">
      <h1>{t.title}</h1>
      <ul className="stack">
        <li>
          <Link href="/admin/users">{t.accounts}</Link>: {t.accountsText}
        </li>
        <li>
          <Link href="/admin/settings">{t.settings}</Link>: {t.settingsText}
        </li>
        <li>
          <Link href="/admin/api-tokens">{t.apiTokens}</Link>: {t.apiTokensText}
        </li>
        <li>
          <Link href="/admin/audit">{t.audit}</Link>: {t.auditText}
        </li>
        <li>
          <Link href="/admin/messages">{t.messages}</Link>: {t.messagesText}
        </li>
      </ul>
    </div>
  );
}
