"use server";

import { redirect } from "next/navigation";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { createPatient, setPatientLocale } from "@/lib/data/patients";
import { startVisit } from "@/lib/data/visits";
import { requestOrigin } from "@/lib/request-origin";
import { clinicErrors, labelsFrom } from "@/lib/forms/messages";
import { patientLabels, patientLocaleSchema, patientSchema } from "@/lib/forms/patient-schema";
import { startVisitSchema, startVisitLabels } from "@/lib/forms/visit-schema";
import { validate, type FormResult } from "@/lib/forms/validate";

export async function createPatientAction(input: unknown): Promise<FormResult<never>> {
  const actor = await requireClinician();
  const parsed = validate(patientSchema, input, labelsFrom(patientLabels), clinicErrors);
  if (!parsed.ok) return parsed;
  const patient = await createPatient(actor, parsed.data, await requestMeta());
  redirect(`/patients/${patient.id}?created=1`);
}

export type StartVisitActionResult = FormResult<never> | { ok: true; visitId: string; link: string; expiresAt: string };

/** Start a visit and return its invite link, shown once to copy (only its hash is kept). */
export async function startVisitAction(input: unknown): Promise<StartVisitActionResult> {
  const actor = await requireClinician();
  const parsed = validate(startVisitSchema, input, labelsFrom(startVisitLabels), clinicErrors);
  if (!parsed.ok) return parsed;
  const result = await startVisit(actor, parsed.data, await requestMeta());
  if (!result.ok) return { ok: false, fieldErrors: {}, formError: "This patient could not be found." };
  return { ok: true, visitId: result.visitId, link: `${await requestOrigin()}/i/${result.token}`, expiresAt: result.expiresAt };
}

/** The language of the patient's pages (the intake and every page they read). */
/** A form field from FormData, or from a plain object when a client posts JSON (never a crash). */
function field(form: unknown, key: string): unknown {
  if (form instanceof FormData) return form.get(key);
  return form && typeof form === "object" ? (form as Record<string, unknown>)[key] : undefined;
}

export async function setPatientLocaleAction(form: FormData | unknown): Promise<void> {
  const actor = await requireClinician();
  const patientId = String(field(form, "patientId") ?? "");
  const parsed = validate(patientLocaleSchema, { locale: field(form, "locale") }, labelsFrom(patientLabels), clinicErrors);
  if (parsed.ok) await setPatientLocale(actor, patientId, parsed.data.locale, await requestMeta());
  redirect(`/patients/${encodeURIComponent(patientId)}`);
}
