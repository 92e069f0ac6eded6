"use client";

import { useState } from "react";
import { dischargeAction } from "@/app/(clinic)/patients/plan-actions";
import { DISCHARGE_REASONS } from "@/lib/forms/discharge-text";
import { fieldErrorsFrom, labelsFrom } from "@/lib/forms/messages";
import { describedBy, FieldError } from "../ui/field-error";
import { FormAlert } from "../ui/text-field";
import { useClinicWords } from "./clinic-words";

/** Discharge (date and reason), checked with the server's schema before it is sent. */
export function DischargeForm({ patientId, today }: { patientId: string; today: string }) {
  const { t: words, f } = useClinicWords();
  const t = words.patients.discharge;
  const dischargeLabels = words.patients.dischargeLabels;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const input = { patientId, date: String(f.get("date") ?? ""), reason: String(f.get("reason") ?? ""), note: String(f.get("note") ?? "") || undefined };
    // The schema loads at the first submit: the patient page does not carry zod for a rarely used form.
    const { dischargeSchema } = await import("@/lib/forms/discharge-schema");
    const parsed = dischargeSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(parsed.error.issues, labelsFrom(dischargeLabels), words.errors));
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const r = await dischargeAction(parsed.data);
      if (r && !r.ok) {
        setErrors(r.fieldErrors);
        setFormError(r.formError ?? null);
      }
    } catch (err) {
      // A redirect (success) is thrown by the framework and handled by it.
      if (!(err instanceof Error && /NEXT_REDIRECT/.test(err.message))) setFormError(t.unreachable);
      else throw err;
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <FormAlert message={formError} />
      <div className="row">
        <div className="field">
          <label htmlFor="discharge-date">{dischargeLabels.date}</label>
          <input
            id="discharge-date"
            name="date"
            type="date"
            className="input"
            defaultValue={today}
            aria-invalid={!!errors.date}
            aria-describedby={describedBy(errors.date && "discharge-date-error")}
          />
          <FieldError id="discharge-date-error" message={errors.date} />
        </div>
        <div className="field">
          <label htmlFor="discharge-reason">{dischargeLabels.reason}</label>
          <select
            id="discharge-reason"
            name="reason"
            className="input"
            defaultValue=""
            aria-invalid={!!errors.reason}
            aria-describedby={describedBy(errors.reason && "discharge-reason-error")}
          >
            <option value="" disabled>
              {t.choose}
            </option>
            {DISCHARGE_REASONS.map((r) => (
              <option key={r} value={r}>
                {t.reasons[r]}
              </option>
            ))}
          </select>
          <FieldError id="discharge-reason-error" message={errors.reason} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="discharge-note">{f(t.noteOptional, { label: dischargeLabels.note })}</label>
        <input id="discharge-note" name="note" className="input" maxLength={500} />
      </div>
      <div>
        <button type="submit" className="btn btn-danger" disabled={busy}>
          {t.submit}
        </button>
      </div>
    </form>
  );
}
