// Who is asking. Every function in lib/data takes one and scopes its queries by it.
import type { Role } from "../generated/prisma/enums";

/** A staff member's role, as the database's enum has it (one definition for every form and check). */
export type StaffRole = Role;

// Actors are branded: a plain object literal is not one. Only code that has just checked a credential
// (a staff session, a patient's link session, an API token) makes one, through lib/data/actor-mint.ts,
// and a lint rule keeps every other module from importing it (eslint.config.mjs). Tests make theirs
// through prisma/factories.ts, which signs in for real.
declare const verified: unique symbol;
type Verified = { readonly [verified]: true };

/** A signed-in clinician: patients and visits of their own clinic. */
export type ClinicianActor = Verified & {
  kind: "clinician";
  userId: string;
  clinicId: string;
  role: "CLINICIAN";
  name: string;
  sessionId: string;
  /** The clinic's language as this request's session check read it (lib/data/users.ts joins the clinic):
   * staff pages and actions word their answers without asking the database again. Absent: they ask it. */
  clinicLocale?: string;
};

/** A signed-in clinic administrator: accounts, clinic settings and the audit trail of their own clinic.
 * Admins do not open clinical records (minimum necessary, HIPAA §164.502(b)); docs/security.md. */
export type AdminActor = Verified & {
  kind: "admin";
  userId: string;
  clinicId: string;
  role: "ADMIN";
  name: string;
  sessionId: string;
  /** The clinic's language as this request's session check read it (lib/data/users.ts joins the clinic):
   * staff pages and actions word their answers without asking the database again. Absent: they ask it. */
  clinicLocale?: string;
};

/** Any signed-in staff member. */
export type StaffActor = ClinicianActor | AdminActor;

/** A patient's browser holding an intake session for one visit (reached by an invite link). */
export type PatientActor = Verified & {
  kind: "patient";
  intakeSessionId: string;
  inviteId: string;
  visitId: string;
  patientId: string;
  clinicId: string;
};

/** Another system holding an admin-made API token: read-only FHIR export of its own clinic's records. */
export type ApiTokenActor = Verified & {
  kind: "api-token";
  tokenId: string;
  clinicId: string;
  scope: "fhir-export:read";
};

export type Actor = StaffActor | PatientActor | ApiTokenActor;

/** Request facts for the audit trail (no health data). */
export interface RequestMeta {
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}
