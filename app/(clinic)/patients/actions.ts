"use server";

import { redirect } from "next/navigation";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { createPatientUnlessDuplicate, searchPatients, setPatientLocale, type DuplicateMatch } from "@/lib/data/patients";
import { cleanText } from "@/lib/forms/input-hygiene";
import { startVisit } from "@/lib/data/visits";
import { requestOrigin } from "@/lib/request-origin";
import { labelsFrom } from "@/lib/forms/messages";
import { patientLocaleSchema, patientSchema } from "@/lib/forms/patient-schema";
import { startVisitSchema } from "@/lib/forms/visit-schema";
import { getClinicWords } from "@/lib/data/clinics";
import { format } from "@/lib/i18n/format";
import { validate, type FormResult } from "@/lib/forms/validate";

export type CreatePatientActionResult = FormResult<never> | { ok: false; duplicates: DuplicateMatch[]; fieldErrors: Record<string, string>; formError: string };

/** Create a patient; when the clinic has one with the same name and date of birth, show the match and ask
 * (`confirmedNew` true: the clinician said this is someone else). */
export async function createPatientAction(input: unknown, confirmedNew?: unknown): Promise<CreatePatientActionResult> {
  const actor = await requireClinician();
  const { t, locale } = await getClinicWords(actor);
  const parsed = validate(patientSchema, input, labelsFrom(t.patients.patientLabels), t.errors);
  if (!parsed.ok) return parsed;
  const r = await createPatientUnlessDuplicate(actor, parsed.data, confirmedNew === true, await requestMeta());
  if (!r.ok) {
    return {
      ok: false,
      duplicates: r.duplicates,
      fieldErrors: {},
      formError: format(t.patients.form.duplicates, { n: r.duplicates.length }, locale),
    };
  }
  redirect(`/patients/${r.patient.id}?created=1`);
}

export type SearchPatientsActionResult = { ok: true; patients: { id: string; firstName: string; lastName: string; dateOfBirth: string }[] } | { ok: false };

/** Patient search. A server action, so the name or date of birth travels in the request body and never
 * lands in the address bar, the browser's history or a proxy's log. */
export async function searchPatientsAction(query: unknown): Promise<SearchPatientsActionResult> {
  const actor = await requireClinician();
  if (typeof query !== "string" || query.length > 200) return { ok: false };
  const q = cleanText(query).trim();
  if (!q) return { ok: true, patients: [] };
  const found = await searchPatients(actor, q, await requestMeta());
  return { ok: true, patients: found.map((p) => ({ id: p.id, firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth })) };
}

export type StartVisitActionResult = FormResult<never> | { ok: true; visitId: string; link: string; expiresAt: string };

/** Start a visit and return its invite link, shown once to copy (only its hash is kept). */
export async function startVisitAction(input: unknown): Promise<StartVisitActionResult> {
  const actor = await requireClinician();
  const { t } = await getClinicWords(actor);
  const parsed = validate(startVisitSchema, input, labelsFrom(t.patients.startVisitLabels), t.errors);
  if (!parsed.ok) return parsed;
  const result = await startVisit(actor, parsed.data, await requestMeta());
  if (!result.ok) return { ok: false, fieldErrors: {}, formError: t.patients.startVisit.notFound };
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
  const { t } = await getClinicWords(actor);
  const parsed = validate(patientLocaleSchema, { locale: field(form, "locale") }, labelsFrom(t.patients.patientLabels), t.errors);
  if (parsed.ok) await setPatientLocale(actor, patientId, parsed.data.locale, await requestMeta());
  redirect(`/patients/${encodeURIComponent(patientId)}`);
}
