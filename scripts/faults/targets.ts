// The app's writes as the fault tests and the benchmarks drive them, over plain HTTP like a browser. When an
// action moves or changes its arguments, this is the one file to update; nothing else in the fault tests or
// bench/ knows how the app is built.
import { readFileSync } from "node:fs";
import path from "node:path";
import { sampleIntake } from "../../lib/assessment/intake-sample.ts";
import { DEFAULT_CONSENT_TEXT } from "../../lib/assessment/settings.ts";

export const TARGETS = {
  submitIntake: { file: "app/(patient)/intake/actions.ts", export: "submitIntakeAction", page: () => "/intake" },
  saveExam: { file: "app/(clinic)/visits/[visitId]/exam/actions.ts", export: "saveExamAction", page: (visitId: string) => `/visits/${visitId}/exam` },
  /** Autosave: saveDraftAction(answers, baseVersion, step). */
  saveDraft: { file: "app/(patient)/intake/actions.ts", export: "saveDraftAction", page: () => "/intake" },
  /** Start a visit: startVisitAction({ patientId, kind, date }) (queues the invite email when the patient has one). */
  startVisit: { file: "app/(clinic)/patients/actions.ts", export: "startVisitAction", page: (patientId: string) => `/patients/${patientId}` },
  /** Summary review: saveSummaryEditsAction(visitId, edits, baseVersion) (the fault run's hostile-input fuzz). */
  saveSummary: {
    file: "app/(clinic)/visits/[visitId]/summary/actions.ts",
    export: "saveSummaryEditsAction",
    page: (visitId: string) => `/visits/${visitId}/summary`,
  },
  // The security scan's other targets (scripts/security-scan.ts names no action file of its own).
  createPatient: { file: "app/(clinic)/patients/actions.ts", export: "createPatientAction", page: () => "/patients/new" },
  searchPatients: { file: "app/(clinic)/patients/actions.ts", export: "searchPatientsAction", page: () => "/patients" },
  signOut: { file: "app/(clinic)/actions.ts", export: "signOutAction", page: () => "/patients" },
  /** My plan's check-in: saveCheckInAction({ key, date, kind, done, km, minutes, painDuring, settledWithinHour, exercises }). */
  saveCheckIn: { file: "app/(patient)/plan/actions.ts", export: "saveCheckInAction", page: () => "/plan" },
  /** The benchmark's empty action (answers only on a server started with STRIDE_BENCH=1). */
  benchEmpty: { file: "app/(bench)/bench-empty/actions.ts", export: "benchEmptyAction", page: () => "/bench-empty" },
} as const;

export function actionId(root: string, target: { file: string; export: string }): string {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, a]) => a.filename === target.file && a.exportedName === target.export);
  if (!hit) throw new Error(`No server action ${target.file}#${target.export} in the build: update scripts/faults/targets.ts`);
  return hit[0];
}

/** The request a browser sends for a server action call. */
export function actionRequest(baseUrl: string, id: string, pagePath: string, args: unknown[], cookie: string) {
  return {
    url: `${baseUrl}${pagePath}`,
    init: {
      method: "POST",
      headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: baseUrl, Cookie: cookie },
      body: JSON.stringify(args),
    },
  };
}

export type WriteOutcome = { ok: true; version?: number; id?: string } | { ok: false; status: number; reason: string };

/** What a server action's answer means for the caller: saved (with the version), or not and why. */
export function outcomeOf(status: number, body: string): WriteOutcome {
  if (status === 200 && /"ok":true/.test(body)) {
    const v = /"version":(\d+)/.exec(body);
    return { ok: true, ...(v ? { version: Number(v[1]) } : {}) };
  }
  if (/"conflict"/.test(body)) return { ok: false, status, reason: "conflict" };
  return { ok: false, status, reason: status >= 500 ? "server error" : /"ok":false/.test(body) ? "refused" : `HTTP ${status}` };
}

/** An autosave in the middle of the intake: the first four steps answered (what autosave sends then), with
 * the current pain changing from save to save. saveDraftAction(answers, baseVersion, step). */
export function draftBody(n: number) {
  const { about, running, knee, pain } = sampleIntake();
  return { about, running, knee, pain: { ...pain, now: n % 11 } };
}

export function examBody(n: number) {
  return { bodyMassKg: 70, strength: { hipAbduction: { left: { trialsN: [100 + (n % 50), 101, 102] }, right: { trialsN: [150, 151, 152] } } } };
}

/** A complete intake as the form sends it (lib/assessment/intake-sample.ts), with the consent statement the
 * patient read: submitIntakeAction(answers, submissionKey, consentShown). */
export const intakeBody = sampleIntake();
export const consentShown = DEFAULT_CONSENT_TEXT;
