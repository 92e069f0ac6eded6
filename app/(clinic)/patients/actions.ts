"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requestMeta, requireClinician } from "@/lib/auth/session";
import { createPatient } from "@/lib/data/patients";
import { startVisit } from "@/lib/data/visits";
import { clinicErrors, labelsFrom } from "@/lib/forms/messages";
import { patientLabels, patientSchema } from "@/lib/forms/patient-schema";
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
  return { ok: true, visitId: result.visitId, link: `${await origin()}/i/${result.token}`, expiresAt: result.expiresAt };
}

/** The origin the clinician's browser used, for building links (NEXTAUTH_URL wins when set). */
async function origin(): Promise<string> {
  if (process.env.NEXTAUTH_URL) return process.env.NEXTAUTH_URL.replace(/\/$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
