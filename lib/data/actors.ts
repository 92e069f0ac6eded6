// Who is asking. Every function in lib/data takes one and scopes its queries by it.
export interface ClinicianActor {
  kind: "clinician";
  userId: string;
  clinicId: string;
  role: "ADMIN" | "CLINICIAN";
  name: string;
  sessionId: string;
}

/** A patient's browser holding an intake session for one visit (reached by an invite link). */
export interface PatientActor {
  kind: "patient";
  intakeSessionId: string;
  inviteId: string;
  visitId: string;
  patientId: string;
  clinicId: string;
}

export type Actor = ClinicianActor | PatientActor;

/** Request facts for the audit trail (no health data). */
export interface RequestMeta {
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}
