// Shared builders for demo data (prisma/seed.ts) and tests: realistic answers and rows made through the
// app's own data layer, so the demo and the tests exercise the real paths.
import { randomUUID } from "node:crypto";
import type { ExamData } from "../lib/assessment/exam-schema";
import type { IntakeAnswers } from "../lib/assessment/intake-schema";
import { fullExam as completeExam } from "../lib/assessment/test-fixtures";
import { sampleFollowUpIntake, sampleIntake, type IntakeOverrides } from "../lib/assessment/intake-sample";
import type { AdminActor, ClinicianActor, PatientActor, StaffRole } from "../lib/data/actors";
import type { CheckInInput } from "../lib/forms/check-in-schema";
import { mintActor } from "../lib/data/actor-mint";

/** A complete, valid v2 intake (lib/assessment/intake-sample.ts); overrides merge at any depth, e.g.
 * `intakeAnswers({ running: { weeklyKm: { thisWeek: 40 } }, safety: { calfSwelling: true } })`. */
export function intakeAnswers(over: IntakeOverrides = {}): IntakeAnswers {
  return sampleIntake(over);
}

export { sampleFollowUpIntake as followUpIntakeAnswers };

export function examData(leftN: number | null, rightN: number | null, bodyMassKg = 62): ExamData {
  // The return-to-run screen passed (§6.2), so a runner whose running hurts gets a walk-run calendar.
  const pass = { result: "pass" as const, pain: 0 };
  return {
    bodyMassKg,
    rtrScreen: { walk30Min: pass, singleLegStand10s: pass, singleLegSquat10: pass, jogOnSpot1Min: pass, hop10: pass },
    strength: {
      hipAbduction: {
        left: { trialsN: leftN === null ? [] : [leftN - 8, leftN, leftN - 3] },
        right: { trialsN: rightN === null ? [] : [rightN - 5, rightN - 2, rightN] },
      },
    },
  };
}

/** The demo runner's complete initial exam: the tests' one complete exam (lib/assessment/test-fixtures.ts)
 * with this runner's readings, so a new exam field is added in one place. */
export function fullExam(): ExamData {
  const protocol = (position: string, leverArmM: number) => ({ position, leverArmM, contraction: "break" as const, belt: true });
  const tri = <T>(left: T, right: T) => ({ left, right });
  const flex = (deg: number, result: "positive" | "negative") => ({ result, degrees: deg });
  const exam = completeExam({
    bodyMassKg: 62,
    heightCm: 170,
    strength: {
      hipAbduction: { protocol: protocol("side-lying-long-lever", 0.82), left: { trialsN: [142, 150, 147] }, right: { trialsN: [205, 210, 198] } },
      hipExtension: { protocol: protocol("prone-knee-90", 0.4), left: { trialsN: [230, 241, 236] }, right: { trialsN: [250, 244, 252] } },
      hipExternalRotation: { protocol: protocol("prone-knee-90", 0.35), left: { trialsN: [110, 115, 112] }, right: { trialsN: [118, 121, 119] } },
      kneeExtension: { protocol: protocol("seated-90", 0.38), left: { notTested: true }, right: { notTested: true } },
    },
    mmt: { gluteusMedius: tri("4", "4+"), gluteusMaximus: tri("4+", "5") },
    functional: {
      trendelenburg: tri("positive" as const, "negative" as const),
      sidePlankS: tri(48, 61),
      yBalance: {
        limbLengthCm: 88,
        left: { anteriorCm: 58, posteromedialCm: 92, posterolateralCm: 88 },
        right: { anteriorCm: 63, posteromedialCm: 97, posterolateralCm: 93 },
      },
    },
    safety: {
      ottawa: { age55OrOver: false, isolatedPatellarTenderness: false, fibularHeadTenderness: false, cannotFlexTo90: false, cannotBearWeight4Steps: false },
      calfCircumferenceDiffCm: 0.5,
      focalBonyTenderness: "negative",
      painOnHop: "not-tested",
      painfulHipInternalRotation: "negative",
    },
    flexibility: {
      thomasOneJoint: tri(flex(5, "positive"), flex(-5, "negative")),
      thomasTwoJoint: tri(flex(60, "positive"), flex(70, "negative")),
      ober: tri({ result: "negative" as const }, { result: "negative" as const }),
      ely: tri({ result: "positive" as const }, { result: "negative" as const }),
      hamstring9090: tri(flex(35, "negative"), flex(30, "negative")),
    },
    palpation: {
      patellarFacets: tri("positive" as const, "negative" as const),
      effusion: tri("trace" as const, "none" as const),
    },
    impression: "Peripatellar pain on squatting and step-down; left hip abductors weaker.",
    classification: "pfp",
  });
  // The return-to-run screen and the movement-quality items are this runner's own, whole (a deep merge would
  // keep the base's ticks): the jog hurt and the hop was not tested; items not seen are left unticked
  // (absent), as the form stores them; the step-down's knee item is always answered.
  return {
    ...exam,
    functional: {
      ...exam.functional,
      singleLegSquat: tri({ rating: "fair" as const, kneeValgus: true, pelvicDrop: true }, { rating: "good" as const }),
      stepDown: tri({ trunkLean: true, pelvisTilt: true, knee: 1 }, { knee: 0 }),
    },
    rtrScreen: {
      walk30Min: { result: "pass", pain: 0 },
      singleLegStand10s: { result: "pass", pain: 0 },
      singleLegSquat10: { result: "pass", pain: 2 },
      jogOnSpot1Min: { result: "fail", pain: 4 },
      hop10: { result: "not-tested" },
    },
  };
}

/** A My plan check-in after a green run today (2 km, pain 1/10, settled within the hour, exercises done), as the
 * phone sends it, with its own key; overrides change any answer. */
export function greenRunCheckIn(over: Partial<CheckInInput> = {}): CheckInInput {
  return {
    key: randomUUID(),
    date: new Date().toISOString().slice(0, 10),
    kind: "run",
    done: true,
    km: 2,
    minutes: null,
    painDuring: 1,
    settledWithinHour: true,
    exercises: "yes",
    ...over,
  };
}

/** Unique enough for test rows that share one database. */
export function uniqueSuffix(): string {
  return Math.random().toString(36).slice(2, 10);
}

export async function createClinicianAndClinic(
  opts: { clinicName?: string; email?: string; password?: string; name?: string; role?: StaffRole; timeZone?: string } = {},
) {
  const { createClinic } = await import("../lib/data/clinics");
  const { createUser } = await import("../lib/data/users");
  const clinic = await createClinic({
    name: opts.clinicName ?? `Clinic ${uniqueSuffix()}`,
    phone: "+1 555 0100",
    email: "front-desk@example.com",
    address: "12 River Road",
    ...(opts.timeZone ? { settings: { timeZone: opts.timeZone } } : {}),
  });
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
  const { openSessionForUser } = await import("./factories-internal");
  const sessionId = await openSessionForUser(user.id);
  return mintActor({ kind: "clinician", userId: user.id, clinicId, role: "CLINICIAN", name: "Alex Morgan", sessionId });
}

/** An admin actor as a signed-in session would produce it (the user must have the ADMIN role). */
export async function adminActor(user: { id: string }, clinicId: string): Promise<AdminActor> {
  const { openSessionForUser } = await import("./factories-internal");
  const sessionId = await openSessionForUser(user.id);
  return mintActor({ kind: "admin", userId: user.id, clinicId, role: "ADMIN", name: "Alex Morgan", sessionId });
}

/** Open an invite link and pass the date-of-birth check, as the patient's browser would. */
export async function patientThroughInvite(token: string, dob: string): Promise<PatientActor> {
  const { redeemInvite, getIntakeSession, verifyDateOfBirth } = await import("../lib/data/intake-link");
  const r = await redeemInvite(token);
  if (!r.ok) throw new Error(`invite not usable: ${r.reason}`);
  const s = await getIntakeSession(r.sessionToken);
  if (!s.ok) throw new Error(`no session: ${s.reason}`);
  const v = await verifyDateOfBirth(s.actor, dob);
  if (!v.ok) throw new Error("date of birth refused");
  return s.actor;
}

/**
 * The longest plan a patient realistically takes home, made from an engine-built assessment: its stretches
 * made up to 3 from the library (with the engine's own dose wording), and its running calendar made up to 12
 * weeks of 6 sessions, each week alternating the engine's own kinds of session. Exercises come through the
 * clinician's edits (see longestPlanEdits), as a clinician would add them.
 */
export async function lengthenPlan(
  a: import("../lib/assessment/types").Assessment,
  weeks = 12,
  sessions = 6,
): Promise<import("../lib/assessment/types").Assessment> {
  const { STRETCHES, STRETCH_DOSE } = await import("../lib/assessment/exercises");
  const plan = a.plan!;
  const model = plan.stretches[0] ?? null;
  const first = plan.exercises[0]!;
  const stretches = [...plan.stretches];
  for (const s of STRETCHES) {
    if (stretches.length >= 3) break;
    if (stretches.some((x) => x.stretchId === s.id)) continue;
    stretches.push({
      stretchId: s.id,
      holdSeconds: STRETCH_DOSE.holdSeconds,
      reps: STRETCH_DOSE.reps,
      perSide: true,
      daysPerWeek: STRETCH_DOSE.daysPerWeek,
      drawing: model?.drawing ?? first.drawing,
      rule: model?.rule ?? first.rule,
      because: [],
    });
  }
  const r = a.returnToRun!;
  const kinds = r.calendar.flatMap((w) => w.sessions);
  const calendar = Array.from({ length: weeks }, (_, i) => {
    const base = r.calendar[Math.min(i, r.calendar.length - 1)]!;
    const pool = base.sessions.length ? base.sessions : kinds;
    return { ...base, week: i + 1, sessions: Array.from({ length: sessions }, (_, k) => pool[k % pool.length]!) };
  });
  return { ...a, plan: { ...plan, stretches }, returnToRun: { ...r, calendar } };
}

/** Edits that give a plan 8 exercises: the engine's own, then others from the library, at library doses. */
export async function longestPlanEdits(engineExercises: { exerciseId: string }[], count = 8) {
  const { EXERCISES } = await import("../lib/assessment/exercises");
  const ids = engineExercises.map((e) => e.exerciseId);
  for (const e of EXERCISES) if (ids.length < count && !ids.includes(e.id)) ids.push(e.id);
  return ids.map((id) => {
    const l = EXERCISES.find((e) => e.id === id)!;
    return { exerciseId: id, sets: l.sets, reps: l.reps, holdSeconds: l.holdSeconds, daysPerWeek: 3, weeks: 6 };
  });
}
