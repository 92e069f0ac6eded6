// Shared builders for demo data (prisma/seed.ts) and tests: realistic answers and rows made through the
// app's own data layer, so the demo and the tests exercise the real paths.
import type { ExamData } from "../lib/assessment/exam-schema";
import type { IntakeAnswers } from "../lib/assessment/intake-schema";
import { sampleFollowUpIntake, sampleIntake, type IntakeOverrides } from "../lib/assessment/intake-sample";
import type { ClinicianActor, PatientActor } from "../lib/data/actors";

/** A complete, valid v2 intake (lib/assessment/intake-sample.ts); overrides merge at any depth, e.g.
 * `intakeAnswers({ running: { weeklyKm: { thisWeek: 40 } }, safety: { calfSwelling: true } })`. */
export function intakeAnswers(over: IntakeOverrides = {}): IntakeAnswers {
  return sampleIntake(over);
}

export { sampleFollowUpIntake as followUpIntakeAnswers };

export function examData(leftN: number | null, rightN: number | null, bodyMassKg = 62): ExamData {
  return {
    bodyMassKg,
    strength: {
      hipAbduction: {
        left: { trialsN: leftN === null ? [] : [leftN - 8, leftN, leftN - 3] },
        right: { trialsN: rightN === null ? [] : [rightN - 5, rightN - 2, rightN] },
      },
    },
  };
}

/** Unique enough for test rows that share one database. */
export function uniqueSuffix(): string {
  return Math.random().toString(36).slice(2, 10);
}

export async function createClinicianAndClinic(opts: { clinicName?: string; email?: string; password?: string; name?: string; role?: "ADMIN" | "CLINICIAN" } = {}) {
  const { createClinic } = await import("../lib/data/clinics");
  const { createUser } = await import("../lib/data/users");
  const clinic = await createClinic({ name: opts.clinicName ?? `Clinic ${uniqueSuffix()}`, phone: "+1 555 0100", email: "front-desk@example.com", address: "12 River Road" });
  const password = opts.password ?? `pw-${uniqueSuffix()}-${uniqueSuffix()}`;
  const user = await createUser({
    clinicId: clinic.id,
    email: opts.email ?? `clinician-${uniqueSuffix()}@example.com`,
    name: opts.name ?? "Alex Morgan",
    password,
    role: opts.role ?? "CLINICIAN",
  });
  return { clinic, user, password };
}

/** A clinician actor as a signed-in session would produce it. */
export async function clinicianActor(user: { id: string }, clinicId: string, role: "ADMIN" | "CLINICIAN" = "CLINICIAN"): Promise<ClinicianActor> {
  const { signInWithPasswordForUser } = await import("./factories-internal");
  const sessionId = await signInWithPasswordForUser(user.id);
  return { kind: "clinician", userId: user.id, clinicId, role, name: "Alex Morgan", sessionId };
}

/** Open an invite link and pass the date-of-birth check, as the patient's browser would. */
export async function patientThroughInvite(token: string, dob: string): Promise<PatientActor> {
  const { redeemInvite, getIntakeSession, verifyDateOfBirth } = await import("../lib/data/intake");
  const r = await redeemInvite(token);
  if (!r.ok) throw new Error(`invite not usable: ${r.reason}`);
  const s = await getIntakeSession(r.sessionToken);
  if (!s.ok) throw new Error(`no session: ${s.reason}`);
  const v = await verifyDateOfBirth(s.actor, dob);
  if (!v.ok) throw new Error("date of birth refused");
  return s.actor;
}
