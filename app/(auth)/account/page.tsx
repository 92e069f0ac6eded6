import type { Metadata } from "next";
import Link from "next/link";
import { requireSignedIn } from "@/lib/auth/session";
import { getClinicWords } from "@/lib/data/clinics";

export async function generateMetadata(): Promise<Metadata> {
  const { actor } = await requireSignedIn();
  const { t } = await getClinicWords(actor);
  return { title: t.account.home.title };
}

export default async function AccountPage() {
  const { actor, session } = await requireSignedIn();
  const { t: words } = await getClinicWords(actor);
  const t = words.account.home;
  return (
    <div className="stack">
      <h1>{t.title}</h1>
      <div className="card">
        <dl className="facts">
          <dt>{t.name}</dt>
          <dd>{session.name}</dd>
          <dt>{t.email}</dt>
          <dd>{session.email}</dd>
          <dt>{t.role}</dt>
          <dd>{session.role === "ADMIN" ? t.roles.ADMIN : t.roles.CLINICIAN}</dd>
          <dt>{t.twoFactor}</dt>
          <dd>{session.twoFactorEnabled ? t.on : t.off}</dd>
        </dl>
      </div>
      <ul>
        <li>
          <Link href="/account/password">{t.changePassword}</Link>
        </li>
        {!session.twoFactorEnabled && (
          <li>
            <Link href="/account/two-factor">{t.setUpTwoFactor}</Link>
          </li>
        )}
        {!session.pending && (
          <li>
            <Link href={session.role === "ADMIN" ? "/admin" : "/patients"}>{session.role === "ADMIN" ? t.backAdmin : t.backWorklist}</Link>
          </li>
        )}
      </ul>
    </div>
  );
}
