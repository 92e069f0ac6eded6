import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/data/api-tokens";
import { CreateApiTokenForm, RevokeApiToken } from "@/components/admin/api-tokens";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "API tokens" };

const STATUS = { active: "Active", expired: "Expired", revoked: "Revoked" } as const;

export default async function ApiTokensPage() {
  const admin = await requireAdmin();
  const tokens = await listApiTokens(admin);
  return (
    <div className="stack">
      <h1>API tokens</h1>
      <p>
        A token lets another system, such as the clinic&apos;s EHR, read a patient&apos;s record as FHIR R4. It can only read (export), only this clinic&apos;s
        patients, until it expires or is revoked; every export is in the audit trail.
      </p>
      <section className="card" aria-labelledby="new-token-h">
        <h2 id="new-token-h" style={{ marginTop: 0 }}>
          Make a token
        </h2>
        <CreateApiTokenForm />
      </section>
      <section aria-labelledby="tokens-h">
        <h2 id="tokens-h">Tokens</h2>
        {tokens.length === 0 ? (
          <p className="muted">No tokens yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Starts with</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <tr key={t.id}>
                    <td>{t.name}</td>
                    <td>
                      <code>{t.prefix}…</code>
                    </td>
                    <td>{formatDate(t.expiresAt.slice(0, 10))}</td>
                    <td>{t.lastUsedAt ? formatDate(t.lastUsedAt.slice(0, 10)) : "Never"}</td>
                    <td>{STATUS[t.status]}</td>
                    <td>{t.status === "active" && <RevokeApiToken tokenId={t.id} name={t.name} />}</td>
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
