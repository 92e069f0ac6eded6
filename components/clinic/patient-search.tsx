"use client";

import Link from "next/link";
import { useState } from "react";
import { searchPatientsAction, type SearchPatientsActionResult } from "@/app/(clinic)/patients/actions";
import { formatIsoDate } from "@/lib/i18n/format";
import { useClinicWords } from "./clinic-words";

type Found = Extract<SearchPatientsActionResult, { ok: true }>["patients"];

/**
 * Find a patient by name or date of birth. The query goes to the server in a POST body (a server action),
 * never in the page's address: a name or date of birth typed on a shared clinic computer stays out of the
 * browser's history, the address bar's suggestions and any proxy's log.
 */
export function PatientSearch() {
  const { t: words, f, locale } = useClinicWords();
  const t = words.patients.search;
  const [query, setQuery] = useState("");
  const [result, setResult] = useState<{ q: string; found: Found } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const q = query.trim();
    setError(null);
    // A query of spaces is no query: no "no patient matches" for it.
    if (!q) return setResult(null);
    setBusy(true);
    try {
      const r = await searchPatientsAction(q);
      if (r.ok) setResult({ q, found: r.patients });
      else setError(t.cannotRun);
    } catch {
      setError(t.unreachable);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form role="search" className="card" onSubmit={onSubmit} noValidate>
      <div className="row" style={{ alignItems: "flex-end" }}>
        <div className="field" style={{ flex: "1 1 260px", marginBottom: 0 }}>
          <label htmlFor="q">{t.label}</label>
          <input
            id="q"
            name="q"
            className="input"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t.placeholder}
            autoComplete="off"
            maxLength={200}
          />
        </div>
        <button type="submit" className="btn btn-secondary" disabled={busy}>
          {busy ? t.searching : t.search}
        </button>
      </div>
      <div aria-live="polite">
        {error && (
          <p className="alert alert-danger" role="alert" style={{ marginTop: 16 }}>
            {error}
          </p>
        )}
        {result && (
          <div style={{ marginTop: 16 }}>
            {result.found.length === 0 ? (
              <p>{f(t.noMatch, { q: result.q })}</p>
            ) : (
              <ul>
                {result.found.map((p) => (
                  <li key={p.id}>
                    <Link href={`/patients/${p.id}`}>
                      {p.lastName}, {p.firstName}
                    </Link>{" "}
                    <span className="muted">{f(t.born, { date: formatIsoDate(locale, p.dateOfBirth) })}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
