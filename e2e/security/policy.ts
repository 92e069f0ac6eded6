// The authorization policy the matrix test enforces: one entry for every route and every server action in
// the build. A route or action with no entry here fails the test (security-matrix.spec.ts), so a new page
// or action cannot ship unclassified: add its entry, saying who may use it and what they may see.
import { sampleIntake } from "../../lib/assessment/intake-sample";
import { DEFAULT_CONSENT_TEXT, DEFAULT_SETTINGS } from "../../lib/assessment/settings";
import type { Principal, World } from "./world";

/** What a principal gets from a route. `see` lists the sentinels it must contain; any other sentinel in the
 * body is a leak. "login" is a redirect to /login; "redirect" any other redirect, to `to`. */
export type Expect = { status: 200; see?: string[] } | { status: "login" } | { status: "redirect"; to: string } | { status: 401 | 403 | 404 | 410 | 500 };

export interface RoutePolicy {
  /** The concrete address to request (the victim's records where the route takes an id). */
  path: (w: World) => string;
  expect: Record<Principal, Expect>;
  /** Why the route exists in this shape (for the reader). */
  note?: string;
}

const ok = (...see: string[]): Expect => ({ status: 200, see });
const login: Expect = { status: "login" };
const forbidden: Expect = { status: 403 };
const notFound: Expect = { status: 404 };

/** Clinical pages: clinician 1 sees clinic 1's patient; clinician 2 gets not-found (indistinguishable from
 * no such record); admins 403 (no clinical records); everyone without a staff session signs in. */
const clinical = (see: string[], c2: Expect = notFound): Record<Principal, Expect> => ({
  anonymous: login,
  patientA: login,
  patientB: login,
  disabled: login,
  clinician1: ok(...see),
  clinician2: c2,
  admin: forbidden,
});

const adminOnly = (see: string[] = []): Record<Principal, Expect> => ({
  anonymous: login,
  patientA: login,
  patientB: login,
  disabled: login,
  clinician1: forbidden,
  clinician2: forbidden,
  admin: ok(...see),
});

/** Account pages: any staff member, showing their own email only. */
const anyStaff: Record<Principal, Expect> = {
  anonymous: login,
  patientA: login,
  patientB: login,
  disabled: login,
  clinician1: ok("clinician1.email"),
  clinician2: ok("clinician2.email"),
  admin: ok(),
};
const everyone = (e: Expect): Record<Principal, Expect> => ({ anonymous: e, patientA: e, patientB: e, disabled: e, clinician1: e, clinician2: e, admin: e });
const A2 = ["A2.firstName", "A2.lastName"];

export const ROUTES: Record<string, RoutePolicy> = {
  "/": {
    path: () => "/",
    expect: {
      anonymous: login,
      patientA: login,
      patientB: login,
      disabled: login,
      clinician1: { status: "redirect", to: "/patients" },
      clinician2: { status: "redirect", to: "/patients" },
      admin: { status: "redirect", to: "/admin" },
    },
  },
  "/_not-found": { path: () => "/_not-found", expect: everyone(notFound), note: "Next's not-found page" },
  "/_global-error": { path: () => "/_global-error", expect: everyone({ status: 500 }), note: "Next's own error page, rendered as is: no data, no details" },
  "/icon.svg": { path: () => "/icon.svg", expect: everyone(ok()) },
  "/api/health": { path: () => "/api/health", expect: everyone(ok()) },
  "/api/auth/[...nextauth]": { path: () => "/api/auth/providers", expect: everyone(ok()), note: "next-auth: public metadata; sign-in has its own tests" },
  "/login": {
    path: () => "/login",
    expect: {
      anonymous: ok(),
      patientA: ok(),
      patientB: ok(),
      disabled: ok(),
      clinician1: { status: "redirect", to: "/" },
      clinician2: { status: "redirect", to: "/" },
      admin: { status: "redirect", to: "/" },
    },
  },
  "/i/[token]": { path: (w) => `/i/${w.A2.token}`, expect: everyone({ status: 410 }), note: "a used link: gone for everyone" },
  "/intake": {
    path: () => "/intake",
    expect: { ...everyone(ok()), patientA: ok("A.firstName", "A.lastName"), patientB: ok("B.firstName", "B.lastName") },
    note: "each patient's browser sees only its own visit (its full name, for the name check); no cookie, no data",
  },
  "/plan": {
    path: () => "/plan",
    expect: { ...everyone(ok()), patientA: { status: "redirect", to: "/intake" }, patientB: { status: "redirect", to: "/intake" } },
    note: "My plan: only a browser that opened a plan link and passed the date-of-birth check sees a plan (plan.int.test.ts, between-visits.spec.ts); an intake session goes back to its intake; no cookie, no data",
  },
  "/patients": {
    path: () => "/patients",
    expect: {
      ...clinical(["A.firstName", "A2.firstName", "A3.firstName"]),
      clinician2: ok("B.firstName", "B.lastName"),
      clinician1: ok("A.firstName", "A2.firstName", "A3.firstName", "A.lastName", "A2.lastName", "A3.lastName"),
    },
  },
  "/patients/new": { path: () => "/patients/new", expect: { ...clinical([]), clinician2: ok() } },
  "/patients/[patientId]": { path: (w) => `/patients/${w.A2.patientId}`, expect: clinical(A2) },
  "/visits/[visitId]": { path: (w) => `/visits/${w.A2.visitId}`, expect: clinical(A2) },
  "/visits/[visitId]/exam": { path: (w) => `/visits/${w.A2.visitId}/exam`, expect: clinical(A2) },
  "/visits/[visitId]/summary": { path: (w) => `/visits/${w.A2.visitId}/summary`, expect: clinical(A2) },
  "/visits/[visitId]/print": { path: (w) => `/visits/${w.A2.visitId}/print`, expect: clinical(A2) },
  "/visits/[visitId]/print/pdf": {
    path: (w) => `/visits/${w.A2.visitId}/print/pdf`,
    expect: clinical([]),
    note: "the print page rendered to PDF on the server; the PDF's text is checked in summary-print.spec.ts",
  },
  "/bench-empty": { path: () => "/bench-empty", expect: everyone(ok()), note: "an empty page: the page-weight benchmark's baseline; no data" },
  "/account": { path: () => "/account", expect: anyStaff },
  "/account/password": { path: () => "/account/password", expect: { ...anyStaff, clinician1: ok(), clinician2: ok() } },
  "/account/two-factor": { path: () => "/account/two-factor", expect: { ...anyStaff, clinician1: ok(), clinician2: ok() }, note: "own secret only" },
  "/admin": { path: () => "/admin", expect: adminOnly() },
  "/admin/users": { path: () => "/admin/users", expect: adminOnly(["clinician1.email"]) },
  "/admin/users/new": { path: () => "/admin/users/new", expect: adminOnly() },
  "/admin/users/[userId]": { path: (w) => `/admin/users/${w.users.clinician1.id}`, expect: adminOnly(["clinician1.email"]) },
  "/admin/settings": { path: () => "/admin/settings", expect: adminOnly() },
  "/admin/api-tokens": { path: () => "/admin/api-tokens", expect: adminOnly() },
  "/api/fhir/Patient/[patientId]/$everything": {
    path: (w) => `/api/fhir/Patient/${w.A2.patientId}/$everything`,
    expect: { ...clinical(A2), anonymous: { status: 401 }, patientA: { status: 401 }, patientB: { status: 401 }, disabled: { status: 401 } },
    note: "an API for other systems: 401 (not a sign-in redirect) without a session or token; tokens are probed in fhir-export.spec.ts",
  },
  "/admin/audit": { path: (w) => `/admin/audit?patient=${w.A2.dob}`, expect: adminOnly(["A2.lastName", "A2.firstName"]) },
  "/admin/messages": { path: () => "/admin/messages", expect: adminOnly(), note: "the dead-letter list: kinds, addresses and reasons, no clinical data" },
  "/o/[token]": {
    path: () => "/o/not-a-token",
    expect: everyone(ok()),
    note: "the opt-out link's page: opening it changes nothing; its button posts the signed token",
  },
};

/**
 * What a server action may do. Each is called with arguments aimed at clinic 1's records (the victim) by
 * every principal. `probe` reads what the action could change about the victim; for principals not in
 * `allowed` the probe must not change and the answer must not report success. `ownOnly` principals may
 * succeed on their own data, but the victim's probe must not change. Allowed principals are not run
 * (their success is covered by the journeys); the replay spec runs real captured requests.
 */
export interface ActionPolicy {
  args: (w: World) => unknown[];
  /** A page the action can be posted to. */
  page: (w: World) => string;
  probe: (w: World) => Promise<string>;
  allowed: Principal[];
  ownOnly?: Principal[];
}

const VALID_EXAM = { bodyMassKg: 70, strength: { hipAbduction: { left: { trialsN: [100, 101, 102] }, right: { trialsN: [103, 104, 105] } } } };
const VALID_INTAKE = sampleIntake();

type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
let q: Query;
export function useQuery(fn: Query) {
  q = fn;
}
const snap = async (sql: string, params: unknown[]) => JSON.stringify(await q(sql, params));

const staffSessionsOf = (w: World) => snap(`SELECT id, "revokedAt" FROM "AuthSession" WHERE "userId" = $1 ORDER BY id`, [w.users.clinician1.id]);

const messagesOf = (w: World) => snap(`SELECT id, kind, status FROM "Message" WHERE "clinicId" = $1 ORDER BY "createdAt", id`, [w.clinic1]);

export const ACTIONS: Record<string, ActionPolicy> = {
  "app/(clinic)/visits/[visitId]/message-actions.ts#resendMessageAction": {
    args: (w) => [w.A2.visitId, "00000000-0000-4000-8000-000000000000"],
    page: (w) => `/visits/${w.A2.visitId}`,
    probe: messagesOf,
    allowed: ["clinician1"],
  },
  "app/(clinic)/admin/messages/actions.ts#retryDeadLetterAction": {
    args: () => ["00000000-0000-4000-8000-000000000000"],
    page: () => "/admin/messages",
    probe: messagesOf,
    allowed: ["admin"],
  },
  "app/(patient)/o/[token]/actions.ts#optOutAction": {
    // Needs the patient's signed token (only in their emails); a forged or absent one changes nothing.
    args: (w) => [`${w.A.patientId}.forged-signature-forged-signature0`],
    page: () => "/o/not-a-token",
    probe: (w) => snap(`SELECT "emailOptOut" FROM "Patient" WHERE id = $1`, [w.A.patientId]),
    allowed: [],
  },
  // The write-path benchmark's empty action: it reads and writes nothing, and outside a server
  // started with STRIDE_BENCH=1 (the benchmark's own) it answers { ok: false } to everyone.
  "app/(bench)/bench-empty/actions.ts#benchEmptyAction": {
    args: () => [{ about: { heightCm: 170 } }, 1, "about"],
    page: () => "/bench-empty",
    probe: async () => "touches no record",
    allowed: [],
  },
  "app/(clinic)/actions.ts#signOutAction": { args: () => [], page: () => "/patients", probe: staffSessionsOf, allowed: ["clinician1", "clinician2", "admin"] },
  "app/(clinic)/actions.ts#endIdleSessionAction": {
    args: () => [],
    page: () => "/patients",
    probe: staffSessionsOf,
    allowed: ["clinician1", "clinician2", "admin"],
  },
  "app/(clinic)/actions.ts#keepAliveAction": {
    args: () => [],
    page: () => "/patients",
    probe: (w) => snap(`SELECT "lastSeenAt" FROM "AuthSession" WHERE "userId" = $1 ORDER BY id`, [w.users.clinician1.id]),
    allowed: ["clinician1"],
    ownOnly: ["clinician2", "admin"],
  },
  "app/(clinic)/patients/actions.ts#createPatientAction": {
    args: () => [{ firstName: "Matrix", lastName: "Intruder", dateOfBirth: "1980-01-01", sex: "OTHER", email: "", phone: "" }],
    page: () => "/patients/new",
    probe: (w) => snap(`SELECT count(*)::int AS n FROM "Patient" WHERE "clinicId" = $1 OR "lastName" = 'Intruder'`, [w.clinic1]),
    allowed: ["clinician1", "clinician2"],
  },
  "app/(clinic)/patients/actions.ts#searchPatientsAction": {
    // The victim's name as the query: another clinic's clinician finds nothing (the sentinel check reads
    // the answer); the only write is the search's own audit row, in the searcher's clinic.
    args: (w) => [w.A.lastName],
    page: () => "/patients",
    probe: (w) => snap(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "clinicId" = $1 AND "recordType" = 'PatientSearch'`, [w.clinic1]),
    allowed: ["clinician1"],
    ownOnly: ["clinician2"],
  },
  "app/(clinic)/patients/actions.ts#startVisitAction": {
    args: (w) => [{ patientId: w.A2.patientId, kind: "FOLLOW_UP", date: "2026-12-01" }],
    page: (w) => `/patients/${w.A2.patientId}`,
    probe: (w) => snap(`SELECT count(*)::int AS n FROM "Visit" WHERE "patientId" = $1`, [w.A2.patientId]),
    allowed: ["clinician1"],
  },
  "app/(clinic)/visits/[visitId]/exam/actions.ts#saveExamAction": {
    args: (w) => [w.A3.visitId, VALID_EXAM, 1],
    page: (w) => `/visits/${w.A3.visitId}/exam`,
    probe: (w) => snap(`SELECT version, state, data FROM "Exam" WHERE "visitId" = $1 ORDER BY revision`, [w.A3.visitId]),
    allowed: ["clinician1"],
  },
  "app/(clinic)/visits/[visitId]/exam/actions.ts#finalizeExamAction": {
    args: (w) => [w.A3.visitId, 1],
    page: (w) => `/visits/${w.A3.visitId}/exam`,
    probe: (w) => snap(`SELECT version, state FROM "Exam" WHERE "visitId" = $1 ORDER BY revision`, [w.A3.visitId]),
    allowed: ["clinician1"],
  },
  "app/(clinic)/visits/[visitId]/exam/actions.ts#amendExamAction": {
    args: (w) => [w.A2.visitId],
    page: (w) => `/visits/${w.A2.visitId}/exam`,
    probe: (w) => snap(`SELECT revision, state FROM "Exam" WHERE "visitId" = $1 ORDER BY revision`, [w.A2.visitId]),
    allowed: ["clinician1"],
  },
  "app/(clinic)/visits/[visitId]/intake-actions.ts#reopenIntakeAction": {
    args: (w) => [w.A2.visitId],
    page: (w) => `/visits/${w.A2.visitId}`,
    probe: (w) =>
      snap(
        `SELECT (SELECT count(*)::int FROM "IntakeInvite" WHERE "visitId" = $1) AS invites, (SELECT count(*)::int FROM "IntakeResponse" WHERE "visitId" = $1) AS responses`,
        [w.A2.visitId],
      ),
    allowed: ["clinician1"],
  },
  "app/(clinic)/visits/[visitId]/intake-actions.ts#newIntakeLinkAction": {
    args: (w) => [w.A.visitId],
    page: (w) => `/visits/${w.A.visitId}`,
    probe: (w) => snap(`SELECT id, "revokedAt" FROM "IntakeInvite" WHERE "visitId" = $1 ORDER BY "createdAt"`, [w.A.visitId]),
    allowed: ["clinician1"],
  },
  "app/(clinic)/visits/[visitId]/summary/actions.ts#saveSummaryEditsAction": {
    args: (w) => [w.A3.visitId, { notes: "Matrix intruder" }, null],
    page: (w) => `/visits/${w.A3.visitId}/summary`,
    probe: (w) => snap(`SELECT revision, state, version, content FROM "Summary" WHERE "visitId" = $1 ORDER BY revision`, [w.A3.visitId]),
    allowed: ["clinician1"],
  },
  "app/(clinic)/visits/[visitId]/summary/actions.ts#finalizeSummaryAction": {
    args: (w) => [w.A3.visitId, {}, null],
    page: (w) => `/visits/${w.A3.visitId}/summary`,
    probe: (w) => snap(`SELECT revision, state FROM "Summary" WHERE "visitId" = $1 ORDER BY revision`, [w.A3.visitId]),
    allowed: ["clinician1"],
  },
  "app/(clinic)/visits/[visitId]/summary/actions.ts#amendSummaryAction": {
    args: (w) => [w.A2.visitId],
    page: (w) => `/visits/${w.A2.visitId}/summary`,
    probe: (w) => snap(`SELECT revision, state FROM "Summary" WHERE "visitId" = $1 ORDER BY revision`, [w.A2.visitId]),
    allowed: ["clinician1"],
  },
  "app/(patient)/intake/actions.ts#saveDraftAction": {
    args: () => [{ pain: { now: 9 } }, null, "pain"],
    page: () => "/intake",
    probe: (w) => snap(`SELECT version, answers FROM "IntakeResponse" WHERE "visitId" = $1 ORDER BY revision`, [w.A.visitId]),
    allowed: ["patientA"],
    ownOnly: ["patientB"],
  },
  "app/(patient)/intake/actions.ts#verifyDobAction": {
    args: (w) => [w.A.dob],
    page: () => "/intake",
    probe: (w) =>
      snap(
        `SELECT count(*)::int AS n FROM "IntakeSession" s JOIN "IntakeInvite" i ON i.id = s."inviteId" WHERE i."visitId" = $1 AND s."dobVerifiedAt" IS NOT NULL`,
        [w.A.visitId],
      ),
    allowed: [],
    ownOnly: ["patientA", "patientB"],
  },
  "app/(patient)/intake/actions.ts#submitIntakeAction": {
    args: () => [VALID_INTAKE, `matrix-${Date.now()}-0123456789`, DEFAULT_CONSENT_TEXT],
    page: () => "/intake",
    probe: (w) => snap(`SELECT count(*)::int AS n FROM "IntakeResponse" WHERE "visitId" = $1`, [w.A.visitId]),
    allowed: ["patientA"],
    ownOnly: ["patientB"],
  },
  "app/(auth)/account/actions.ts#changePasswordAction": {
    args: () => [{ currentPassword: "not-the-password", newPassword: "violet tractor pencil harbour", confirmPassword: "violet tractor pencil harbour" }],
    page: () => "/account/password",
    probe: (w) => snap(`SELECT "passwordHash", "sessionVersion" FROM "User" WHERE id = $1`, [w.users.clinician1.id]),
    allowed: [],
    ownOnly: ["clinician1", "clinician2", "admin"],
  },
  "app/(auth)/account/actions.ts#confirmTwoFactorAction": {
    args: () => [{ code: "123456" }],
    page: () => "/account/two-factor",
    probe: (w) => snap(`SELECT "totpEnabledAt" FROM "User" WHERE id = $1`, [w.users.clinician1.id]),
    allowed: [],
    ownOnly: ["clinician1", "clinician2", "admin"],
  },
  "app/(clinic)/admin/actions.ts#createStaffAction": {
    args: () => [{ name: "Matrix Intruder", email: `intruder-${Date.now()}@example.com`, role: "ADMIN" }],
    page: () => "/admin/users/new",
    probe: (w) => snap(`SELECT count(*)::int AS n FROM "User" WHERE "clinicId" = $1 OR name = 'Matrix Intruder'`, [w.clinic1]),
    allowed: ["admin"],
  },
  "app/(clinic)/admin/actions.ts#changeStaffAction": {
    args: (w) => [w.users.clinician1.id, "disable"],
    page: (w) => `/admin/users/${w.users.clinician1.id}`,
    probe: (w) => snap(`SELECT disabled, role, "sessionVersion" FROM "User" WHERE id = $1`, [w.users.clinician1.id]),
    allowed: ["admin"],
  },
  "app/(clinic)/admin/actions.ts#createApiTokenAction": {
    args: () => [{ name: "Matrix intruder token", expiresInDays: 30 }],
    page: () => "/admin/api-tokens",
    probe: (w) => snap(`SELECT count(*)::int AS n FROM "ApiToken" WHERE "clinicId" = $1 OR name = 'Matrix intruder token'`, [w.clinic1]),
    allowed: ["admin"],
  },
  "app/(clinic)/admin/actions.ts#revokeApiTokenAction": {
    args: () => ["00000000-0000-4000-8000-000000000000"],
    page: () => "/admin/api-tokens",
    probe: (w) => snap(`SELECT id, "revokedAt" FROM "ApiToken" WHERE "clinicId" = $1 ORDER BY id`, [w.clinic1]),
    allowed: ["admin"],
  },
  "app/(clinic)/admin/actions.ts#setClinicLocaleAction": {
    args: () => [{ locale: "en-GB" }],
    page: () => "/admin/settings",
    probe: (w) => snap(`SELECT locale FROM "Clinic" WHERE id = $1`, [w.clinic1]),
    allowed: ["admin"],
  },
  "app/(clinic)/patients/actions.ts#setPatientLocaleAction": {
    args: (w) => [{ patientId: w.A2.patientId, locale: "en-GB" }],
    page: (w) => `/patients/${w.A2.patientId}`,
    probe: (w) => snap(`SELECT locale FROM "Patient" WHERE id = $1`, [w.A2.patientId]),
    allowed: ["clinician1"],
  },
  "app/(patient)/intake/actions.ts#setIntakeLocaleAction": {
    args: () => [{ locale: "en-GB" }],
    page: () => "/intake",
    probe: (w) => snap(`SELECT p.locale FROM "Patient" p JOIN "Visit" v ON v."patientId" = p.id WHERE v.id = $1`, [w.A.visitId]),
    allowed: ["patientA"],
    ownOnly: ["patientB"],
  },
  // Between visits. No principal here holds a plan session: a plan link's own browser is checked in
  // lib/data/plan.int.test.ts ("reaches one patient's plan only") and e2e/between-visits.spec.ts.
  "app/(patient)/plan/actions.ts#saveCheckInAction": {
    args: () => [
      {
        key: `matrix-${Date.now()}-0123456789`,
        date: new Date().toISOString().slice(0, 10),
        kind: "run",
        done: true,
        km: 3,
        minutes: null,
        painDuring: 1,
        settledWithinHour: true,
        exercises: "yes",
      },
    ],
    page: () => "/plan",
    probe: (w) => snap(`SELECT count(*)::int AS n FROM "CheckIn" WHERE "clinicId" = $1`, [w.clinic1]),
    allowed: [],
  },
  "app/(patient)/plan/actions.ts#answerMorningAction": {
    args: () => [{ key: "00000000-0000-4000-8000-000000000000", worse: true }],
    page: () => "/plan",
    probe: (w) => snap(`SELECT id, "worseNextMorning" FROM "CheckIn" WHERE "clinicId" = $1 ORDER BY id`, [w.clinic1]),
    allowed: [],
  },
  // The follow-up questions from My plan: only a plan session opens them (none here); a new follow-up visit,
  // invite or session anywhere in clinic 1 would show.
  "app/(patient)/plan/actions.ts#startFollowUpAction": {
    args: () => [],
    page: () => "/plan",
    probe: (w) =>
      snap(
        `SELECT (SELECT count(*)::int FROM "Visit" WHERE "clinicId" = $1) AS visits, (SELECT count(*)::int FROM "IntakeSession" WHERE "clinicId" = $1) AS sessions`,
        [w.clinic1],
      ),
    allowed: [],
  },
  // Only moves the caller's own cookies back: no record changes for anyone.
  "app/(patient)/plan/actions.ts#backToPlanAction": {
    args: () => [],
    page: () => "/intake",
    probe: (w) => snap(`SELECT count(*)::int AS n FROM "IntakeSession" WHERE "clinicId" = $1`, [w.clinic1]),
    allowed: [],
  },
  "app/(clinic)/patients/plan-actions.ts#requestFollowUpAction": {
    args: (w) => [{ patientId: w.A2.patientId }],
    page: (w) => `/patients/${w.A2.patientId}`,
    probe: (w) =>
      snap(`SELECT p."followUpRequestedAt", (SELECT count(*)::int FROM "Message" m WHERE m."patientId" = p.id) AS messages FROM "Patient" p WHERE p.id = $1`, [
        w.A2.patientId,
      ]),
    allowed: ["clinician1"],
  },
  "app/(clinic)/patients/plan-actions.ts#newPlanLinkAction": {
    args: (w) => [{ patientId: w.A2.patientId }],
    page: (w) => `/patients/${w.A2.patientId}`,
    probe: (w) =>
      snap(
        `SELECT i.id, i."revokedAt" FROM "IntakeInvite" i JOIN "Visit" v ON v.id = i."visitId" WHERE v."patientId" = $1 AND i.purpose = 'plan' ORDER BY i."createdAt"`,
        [w.A2.patientId],
      ),
    allowed: ["clinician1"],
  },
  "app/(clinic)/patients/plan-actions.ts#dischargeAction": {
    args: (w) => [{ patientId: w.A2.patientId, date: new Date().toISOString().slice(0, 10), reason: "goals-met" }],
    page: (w) => `/patients/${w.A2.patientId}`,
    probe: (w) => snap(`SELECT "dischargedOn", "dischargeReason" FROM "Patient" WHERE id = $1`, [w.A2.patientId]),
    allowed: ["clinician1"],
  },
  "app/(clinic)/admin/actions.ts#updateSettingsAction": {
    args: () => [{ ...DEFAULT_SETTINGS, idleTimeoutMinutes: 5 }],
    page: () => "/admin/settings",
    probe: (w) => snap(`SELECT settings FROM "Clinic" WHERE id = $1`, [w.clinic1]),
    allowed: ["admin"],
  },
};
