// Shared builders for demo data (prisma/seed.ts) and tests: realistic answers and rows made through the
// app's own data layer, so the demo and the tests exercise the real paths.
import type { ExamData } from "../lib/assessment/exam-schema";
import type { IntakeAnswers } from "../lib/assessment/intake-schema";
import type { AdminActor, ClinicianActor, PatientActor } from "../lib/data/actors";

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

export function intakeAnswers(over: DeepPartial<IntakeAnswers> = {}): IntakeAnswers {
  return {
    knee: { side: "right", ...over.knee },
    pain: { now: 3, worstWeek: 6, ...over.pain },
    safety: { injuryOrFall: false, hotSwollenWithFever: false, calfSwelling: false, nightOrRestPain: false, givingWay: false, ...over.safety },
    running: {
      hillsOrBanked: over.running?.hillsOrBanked ?? true,
      weeklyKm: { thisWeek: 32, fourWeeksAgo: 22, ...over.running?.weeklyKm },
    },
  };
}

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
export async function clinicianActor(user: { id: string }, clinicId: string): Promise<ClinicianActor> {
  const { signInWithPasswordForUser } = await import("./factories-internal");
  const sessionId = await signInWithPasswordForUser(user.id);
  return { kind: "clinician", userId: user.id, clinicId, role: "CLINICIAN", name: "Alex Morgan", sessionId };
}

/** An admin actor as a signed-in session would produce it (the user must have the ADMIN role). */
export async function adminActor(user: { id: string }, clinicId: string): Promise<AdminActor> {
  const { signInWithPasswordForUser } = await import("./factories-internal");
  const sessionId = await signInWithPasswordForUser(user.id);
  return { kind: "admin", userId: user.id, clinicId, role: "ADMIN", name: "Alex Morgan", sessionId };
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
