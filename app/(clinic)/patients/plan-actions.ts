"use server";

import { redirect } from "next/navigation";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { dischargePatient, newPlanLink, requestFollowUp } from "@/lib/data/plan";
import { isUuid } from "@/lib/data/patients";
import { DISCHARGE_REASON_TEXT, dischargeSchema } from "@/lib/forms/discharge-schema";
import { labelsFrom } from "@/lib/forms/messages";
import { getClinicWords } from "@/lib/data/clinics";
import { validate, type FormResult } from "@/lib/forms/validate";

/** A form field from FormData, or from a plain object when a client posts JSON (never a crash). */
function field(form: unknown, key: string): unknown {
  if (form instanceof FormData) return form.get(key);
  return form && typeof form === "object" ? (form as Record<string, unknown>)[key] : undefined;
}

/** Withdraw the patient's "My plan" link and make a new one (shown on the patient page; emailed if possible). */
export async function newPlanLinkAction(form: FormData | unknown): Promise<void> {
  const actor = await requireClinician();
  const patientId = String(field(form, "patientId") ?? "");
  if (isUuid(patientId)) await newPlanLink(actor, patientId, await requestMeta());
  redirect(`/patients/${encodeURIComponent(patientId)}#plan-h`);
}

/** Discharge: the plan link stops with a plain page for the patient; the check-ins stay in the record. */
export async function dischargeAction(input: unknown): Promise<FormResult<never>> {
  const actor = await requireClinician();
  const { t } = await getClinicWords(actor);
  const parsed = validate(dischargeSchema, input, labelsFrom(t.patients.dischargeLabels), t.errors);
  if (!parsed.ok) return parsed;
  const d = parsed.data;
  // The record keeps the reason in English whatever the clinic's language (as before); the patient page words
  // it in the clinic's language when it shows it (components/clinic/between-visits.tsx).
  const reason = d.note ? `${DISCHARGE_REASON_TEXT[d.reason]}: ${d.note}` : DISCHARGE_REASON_TEXT[d.reason];
  const r = await dischargePatient(actor, d.patientId, { date: d.date, reason }, await requestMeta());
  if (!r.ok) return { ok: false, fieldErrors: {}, formError: r.reason === "already" ? t.patients.discharge.already : t.patients.discharge.notFound };
  redirect(`/patients/${d.patientId}?discharged=1`);
}

/** Ask for the follow-up questions now: My plan offers them at once; the patient is emailed when possible. */
export async function requestFollowUpAction(form: FormData | unknown): Promise<void> {
  const actor = await requireClinician();
  const patientId = String(field(form, "patientId") ?? "");
  const r = isUuid(patientId) ? await requestFollowUp(actor, patientId, await requestMeta()) : null;
  const outcome = r?.ok ? (r.emailed ? "emailed" : "no-email") : "failed";
  redirect(`/patients/${encodeURIComponent(patientId)}?followUp=${outcome}#follow-up-h`);
}
