"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { verifyDobAction } from "@/app/(patient)/intake/actions";
import type { Messages } from "@/lib/i18n/en";

/** Date of birth as day, month and year boxes: quicker than a calendar picker for a date decades ago. */
export function DobForm({ messages }: { messages: Messages["dob"] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [locked, setLocked] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const pad = (v: FormDataEntryValue | null, n: number) =>
      String(v ?? "")
        .trim()
        .padStart(n, "0");
    const dob = `${pad(f.get("year"), 4)}-${pad(f.get("month"), 2)}-${pad(f.get("day"), 2)}`;
    setBusy(true);
    setError(null);
    try {
      const r = await verifyDobAction(dob);
      if (r.ok) router.refresh();
      else {
        setError(r.message);
        setLocked(!!r.locked);
      }
    } catch {
      setError(messages.checkFailed);
    } finally {
      setBusy(false);
    }
  }

  if (locked) {
    return (
      <div className="card" role="alert">
        <h1>{messages.lockedTitle}</h1>
        <p>{messages.lockedBody}</p>
      </div>
    );
  }

  return (
    <div className="card">
      <h1>{messages.title}</h1>
      <p>{messages.intro}</p>
      <form onSubmit={onSubmit} noValidate>
        <fieldset className="field" aria-describedby={error ? "dob-hint dob-error" : "dob-hint"}>
          <legend>{messages.label}</legend>
          <p id="dob-hint" className="hint">
            {messages.hint}
          </p>
          <div className="row" style={{ alignItems: "flex-end" }}>
            <div className="field" style={{ marginBottom: 0 }}>
              <label htmlFor="dob-day">{messages.day}</label>
              <input id="dob-day" name="day" className="input" style={{ width: "4.5rem" }} inputMode="numeric" autoComplete="bday-day" maxLength={2} required />
            </div>
            <div className="field" style={{ marginBottom: 0 }}>
              <label htmlFor="dob-month">{messages.month}</label>
              <input
                id="dob-month"
                name="month"
                className="input"
                style={{ width: "4.5rem" }}
                inputMode="numeric"
                autoComplete="bday-month"
                maxLength={2}
                required
              />
            </div>
            <div className="field" style={{ marginBottom: 0 }}>
              <label htmlFor="dob-year">{messages.year}</label>
              <input
                id="dob-year"
                name="year"
                className="input"
                style={{ width: "6.5rem" }}
                inputMode="numeric"
                autoComplete="bday-year"
                maxLength={4}
                required
              />
            </div>
          </div>
          {error && (
            <p id="dob-error" className="error" role="alert">
              {error}
            </p>
          )}
        </fieldset>
        <button type="submit" className="btn btn-block" disabled={busy}>
          {messages.submit}
        </button>
      </form>
    </div>
  );
}
