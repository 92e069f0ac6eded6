import type { Metadata } from "next";
import { staffWords } from "@/lib/i18n/clinic/server";
import { requireAdmin } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/data/api-tokens";
import { getClinicWords } from "@/lib/data/clinics";
import { CreateApiTokenForm, RevokeApiToken } from "@/components/admin/api-tokens";
import { formatIsoDate } from "@/lib/i18n/format";
import { formatIsoDateShort } from "@/lib/i18n/format-staff";

export async function generateMetadata(): Promise<Metadata> {
  // The page checks the role (and audits a refusal once); the title only needs the clinic's words.
  const { t } = await staffWords();
  return { title: t.admin.tokens.title };
}

export default async function ApiTokensPage() {
  const admin = await requireAdmin();
  const [tokens, { t: words, locale }] = await Promise.all([listApiTokens(admin), getClinicWords(admin)]);
  const t = words.admin.tokens;
  return (
    <div className="stack">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <section className="card" aria-labelledby="new-token-h">
        <h2 id="new-token-h" style={{ marginTop: 0 }}>
          {t.make}
        </h2>
        <CreateApiTokenForm />
      </section>
      <section aria-labelledby="tokens-h">
        <h2 id="tokens-h">{t.list}</h2>
        {tokens.length === 0 ? (
          <p className="muted">{t.none}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.name}</th>
                  <th scope="col">{t.startsWith}</th>
                  <th scope="col">{t.expires}</th>
                  <th scope="col">{t.lastUsed}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t.actions}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((tok) => (
                  <tr key={tok.id}>
                    <td>{tok.name}</td>
                    <td>
                      <code>{tok.prefix}…</code>
                    </td>
                    <td>{formatIsoDateShort(locale, tok.expiresAt.slice(0, 10))}</td>
                    <td>{tok.lastUsedAt ? formatIsoDate(locale, tok.lastUsedAt.slice(0, 10)) : words.admin.never}</td>
                    <td>{t.statuses[tok.status]}</td>
                    <td>{tok.status === "active" && <RevokeApiToken tokenId={tok.id} name={tok.name} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
