// Server side: the clinic's catalog for its language (Clinic.locale). Staff pages are in the clinic's
// language; the patient's pages and the patient's version of the print are in the patient's (lib/i18n).
// British English shares the US catalog here: staff wording avoids the words the two spell differently.
import "server-only";
import { clinicErrors } from "../../forms/messages";
import type { Locale } from "../locales";
import { accountEn, accountEs } from "./account";
import { adminEn, adminEs } from "./admin";
import { clinicalEn, clinicalEs } from "./clinical";
import { clinicErrorsEs } from "./errors";
import { examEn, examEs } from "./exam";
import { patientsEn, patientsEs } from "./patients";
import { shellEn, shellEs } from "./shell";
import { summaryEn, summaryEs } from "./summary";
import { visitEn, visitEs } from "./visit";
import type { ClientClinicWords, ClinicWords } from "./words";

export type { ClinicWords } from "./words";

export const CLINIC_EN: ClinicWords = {
  shell: shellEn,
  admin: adminEn,
  account: accountEn,
  patients: patientsEn,
  exam: examEn,
  visit: visitEn,
  summary: summaryEn,
  clinical: clinicalEn,
  errors: clinicErrors,
};

export const CLINIC_ES: ClinicWords = {
  shell: shellEs,
  admin: adminEs,
  account: accountEs,
  patients: patientsEs,
  exam: examEs,
  visit: visitEs,
  summary: summaryEs,
  clinical: clinicalEs,
  errors: clinicErrorsEs,
};

/**
 * What a staff layout sends to the browser for its client components: the sections they read, and of those
 * only the ones the member's role opens (an admin's pages never render the clinical forms, and a clinician's
 * never the admin forms). Of the 86 KB English catalog (27 KB gzip) a clinician's pages carry 39 KB (13 KB
 * gzip), an admin's 20 KB (7 KB gzip); under half and under a quarter, as catalog.test.ts checks.
 */
export function clientWordsFor(t: ClinicWords, role: "clinician" | "admin"): ClientClinicWords {
  const { account, errors, admin, patients, exam, summary } = t;
  // The other role's sections are left out; their type stays, as no page of this role reads them.
  const none = {} as never;
  return role === "admin" ? { account, errors, admin, patients: none, exam: none, summary: none } : { account, errors, admin: none, patients, exam, summary };
}

export function clinicWordsFor(locale: Locale): ClinicWords {
  return locale === "es" ? CLINIC_ES : CLINIC_EN;
}
