"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { startVisitAction } from "@/app/(clinic)/patients/actions";
import { labelsFrom } from "@/lib/forms/messages";
import { schemaResolver } from "@/lib/forms/resolver";
import { startVisitSchema, type StartVisitInput } from "@/lib/forms/visit-schema";
import { describedBy, FieldError } from "@/components/ui/field-error";
import { FormAlert } from "@/components/ui/text-field";
import { InviteLink } from "./invite-link";
import { useClinicWords } from "./clinic-words";

/** `today`: the clinic's date (lib/format.ts todayIn), the new visit's default; `timeZone`: the clinic's zone. */
export function StartVisit({ patientId, today, timeZone, hasVisits }: { patientId: string; today: string; timeZone: string; hasVisits: boolean }) {
  const router = useRouter();
  const { t: words } = useClinicWords();
  const t = words.patients.startVisit;
  const [invite, setInvite] = useState<{ visitId: string; link: string; expiresAt: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<StartVisitInput>({
    resolver: schemaResolver(startVisitSchema, labelsFrom(words.patients.startVisitLabels), words.errors),
    defaultValues: { patientId, kind: hasVisits ? "FOLLOW_UP" : "INITIAL", date: today },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const r = await startVisitAction(values);
      if (r.ok) {
        setInvite(r as { visitId: string; link: string; expiresAt: string });
        // The page's list of visits (a server component) shows the new visit without a reload.
        router.refresh();
      } else {
        for (const [path, message] of Object.entries(r.fieldErrors)) setError(path as keyof StartVisitInput, { message });
        setFormError(r.formError ?? t.correct);
      }
    } catch {
      setFormError(t.unreachable);
    }
  });

  if (invite) {
    return (
      <div className="stack" role="status">
        <InviteLink
          link={invite.link}
          expiresAt={invite.expiresAt}
          timeZone={timeZone}
          intro={
            <>
              <strong>{t.started}</strong> {t.send}
            </>
          }
        />
        <p>
          <Link className="btn btn-secondary" href={`/visits/${invite.visitId}`}>
            {t.openVisit}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormAlert message={formError} />
      <input type="hidden" {...register("patientId")} />
      <div className="row" style={{ alignItems: "flex-start" }}>
        <fieldset className="field">
          <legend>{t.kind}</legend>
          <div className="choices">
            <label className="choice">
              <input type="radio" value="INITIAL" {...register("kind")} />
              <span>{words.patients.visitKind.INITIAL}</span>
            </label>
            <label className="choice">
              <input type="radio" value="FOLLOW_UP" {...register("kind")} />
              <span>{words.patients.visitKind.FOLLOW_UP}</span>
            </label>
          </div>
          <FieldError id="kind-error" message={errors.kind?.message} />
        </fieldset>
        <div className="field">
          <label htmlFor="visit-date">{t.date}</label>
          <input
            id="visit-date"
            type="date"
            className="input input-short"
            aria-invalid={!!errors.date}
            aria-describedby={describedBy(errors.date && "date-error")}
            {...register("date")}
          />
          <FieldError id="date-error" message={errors.date?.message} />
        </div>
      </div>
      <button type="submit" className="btn" disabled={isSubmitting}>
        {isSubmitting ? t.starting : t.submit}
      </button>
    </form>
  );
}
