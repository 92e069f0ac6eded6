// A patient's record as FHIR R4 resources: pure functions from plain records (no database, no I/O), so
// the single-patient $everything route, the bulk NDJSON export and the tests all map the same way.
// docs/fhir.md has the mapping table and the source of every external code.
import { createHash } from "node:crypto";
import type {
  Bundle,
  BundleEntry,
  CarePlan,
  CarePlanActivity,
  CodeableConcept,
  Condition,
  DocumentReference,
  Encounter,
  Observation,
  ObservationComponent,
  Organization,
  Patient,
  Practitioner,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  Reference,
  Resource,
} from "@medplum/fhirtypes";
import type { EngineExam, MuscleGroupKey } from "../assessment/exam-schema";
import { MUSCLE_GROUPS } from "../assessment/exam-schema";
import { MUSCLE_GROUP_LABELS, POSITION_LABELS, RTR_SCREEN_LABELS, SCREEN_RESULT_LABELS, SQUAT_RATING_LABELS, TRI_LABELS } from "../assessment/exam-labels";
import type { EngineIntake } from "../assessment/intake-schema";
import { scoreAkps, scoreLefs } from "../assessment/scoring";
import { sideBestN } from "../assessment/strength";
import type { Assessment, ReturnToRun, RtrWeek } from "../assessment/types";
import { en } from "../i18n/en";
import { englishWords } from "../i18n/summary";
import {
  CONDITION_CATEGORY,
  CONDITION_CLINICAL,
  CONDITION_VER_STATUS,
  ENCOUNTER_CLASS,
  LOINC,
  LOINC_CODES,
  OBSERVATION_CATEGORY,
  SNOMED,
  SNOMED_LATERALITY,
  STRIDE,
  UCUM,
} from "./codes";
import { AKPS_TOTAL_ID, LEFS_TOTAL_ID, QUESTIONNAIRE_CANONICAL, akpsItemId, lefsItemId } from "./questionnaire";

export interface FhirClinic {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface FhirPerson {
  id: string;
  name: string;
}

export interface FhirVisit {
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  kind: "INITIAL" | "FOLLOW_UP";
  status: "INVITED" | "INTAKE_SUBMITTED" | "EXAMINED" | "SUMMARY_FINALIZED";
  /** The latest submitted intake revision. */
  intake: { id: string; revision: number; submittedAt: string | null; answers: EngineIntake } | null;
  /** The latest finalized exam revision. */
  exam: { id: string; revision: number; finalizedAt: string | null; finalizedBy: FhirPerson | null; data: EngineExam } | null;
  /** The latest signed summary, with the assessment exactly as signed. */
  summary: { id: string; revision: number; finalizedAt: string; signedBy: FhirPerson | null; assessment: Assessment } | null;
}

export interface FhirPatientRecord {
  clinic: FhirClinic;
  patient: {
    id: string;
    firstName: string;
    lastName: string;
    dateOfBirth: string;
    sex: "FEMALE" | "MALE" | "OTHER" | "UNDISCLOSED";
    email: string | null;
    phone: string | null;
  };
  visits: FhirVisit[];
}

/** Where the signed PDF can be fetched (the app's own address; the route checks who asks). */
export interface FhirExportOptions {
  appOrigin: string;
}

/** A stable UUID for a derived resource (same input, same id, on every export), in RFC 4122 form. */
export function derivedId(...parts: string[]): string {
  const h = createHash("sha1").update(parts.join("|")).digest("hex");
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function ref<T extends Resource>(r: T, display?: string): Reference<T> {
  return { reference: `${r.resourceType}/${r.id}`, ...(display ? { display } : {}) };
}
const stride = (system: string, code: string, display: string): CodeableConcept => ({ coding: [{ system, code, display }], text: display });
const category = (code: "exam" | "survey" | "vital-signs", display: string): CodeableConcept[] => [
  { coding: [{ system: OBSERVATION_CATEGORY, code, display }] },
];
const quantity = (value: number, unit: string, code: string) => ({ value, unit, system: UCUM, code });

const GENDER = { FEMALE: "female", MALE: "male", OTHER: "other", UNDISCLOSED: "unknown" } as const;

export function clinicToOrganization(c: FhirClinic): Organization {
  return {
    resourceType: "Organization",
    id: c.id,
    identifier: [{ system: STRIDE.clinicId, value: c.id }],
    active: true,
    name: c.name,
    telecom: [
      ...(c.phone ? [{ system: "phone" as const, value: c.phone, use: "work" as const }] : []),
      ...(c.email ? [{ system: "email" as const, value: c.email, use: "work" as const }] : []),
    ],
    ...(c.address ? { address: [{ text: c.address }] } : {}),
  };
}

export function patientResource(record: FhirPatientRecord): Patient {
  const p = record.patient;
  return {
    resourceType: "Patient",
    id: p.id,
    identifier: [{ system: STRIDE.patientId, value: p.id }],
    name: [{ use: "official", family: p.lastName, given: [p.firstName], text: `${p.firstName} ${p.lastName}` }],
    gender: GENDER[p.sex],
    birthDate: p.dateOfBirth,
    telecom: [...(p.phone ? [{ system: "phone" as const, value: p.phone }] : []), ...(p.email ? [{ system: "email" as const, value: p.email }] : [])],
    managingOrganization: { reference: `Organization/${record.clinic.id}`, display: record.clinic.name },
  };
}

function practitioner(p: FhirPerson): Practitioner {
  return { resourceType: "Practitioner", id: p.id, identifier: [{ system: STRIDE.userId, value: p.id }], name: [{ text: p.name }] };
}

interface VisitCtx {
  patient: Patient;
  encounter: Encounter;
  /** The date and time the findings apply to. */
  effective: string;
  performer: Reference<Practitioner>[];
}

function observation(ctx: VisitCtx, key: string, o: Omit<Observation, "resourceType" | "status" | "subject" | "encounter">): Observation {
  return {
    resourceType: "Observation",
    id: derivedId(ctx.encounter.id!, key),
    status: "final",
    subject: ref(ctx.patient),
    encounter: ref(ctx.encounter),
    effectiveDateTime: ctx.effective,
    ...(ctx.performer.length ? { performer: ctx.performer } : {}),
    ...o,
  };
}

const SIDES = ["left", "right"] as const;

function bodySite(site: "hip" | "knee", side: "left" | "right"): CodeableConcept {
  const display = `${side === "left" ? "Left" : "Right"} ${site}`;
  return stride(STRIDE.bodySite, `${site}-${side}`, display);
}

/** Laterality as a component with the SNOMED CT qualifier value, next to the Stride body site. */
function laterality(side: "left" | "right"): ObservationComponent {
  return {
    code: stride(STRIDE.observation, "laterality", "Laterality"),
    valueCodeableConcept: { coding: [{ system: SNOMED, ...SNOMED_LATERALITY[side] }], text: SNOMED_LATERALITY[side].display },
  };
}

function intakeObservations(ctx: VisitCtx, intake: EngineIntake): Observation[] {
  const out: Observation[] = [];
  const pain = intake.pain ?? {};
  const painItems: [keyof typeof pain, string, string][] = [
    ["now", "pain-now", "Pain now (0–10)"],
    ["worstWeek", "pain-worst-week", "Worst pain in the past week (0–10)"],
    ["duringRun", "pain-during-run", "Pain during running (0–10)"],
    ["morningAfter", "pain-morning-after", "Pain the morning after a run (0–10)"],
  ];
  for (const [k, code, display] of painItems) {
    const v = pain[k];
    if (typeof v !== "number") continue;
    // LOINC 72514-3 is the 0–10 numeric rating; the Stride coding says which moment it was asked about.
    out.push(
      observation(ctx, `intake:${code}`, {
        category: category("survey", "Survey"),
        code: {
          coding: [
            { system: LOINC, ...LOINC_CODES.painSeverity },
            { system: STRIDE.observation, code, display },
          ],
          text: display,
        },
        valueInteger: v,
      }),
    );
  }
  return out;
}

function vitalSigns(ctx: VisitCtx, intake: EngineIntake | null, exam: EngineExam | null): Observation[] {
  const out: Observation[] = [];
  // The exam's measurement wins over the patient's own answer, as in the engine.
  const mass = exam?.bodyMassKg ?? intake?.about?.bodyMassKg;
  const height = exam?.heightCm ?? intake?.about?.heightCm;
  const from = (examValue: unknown) => (examValue != null ? "measured at the exam" : "reported by the patient");
  if (typeof mass === "number") {
    out.push(
      observation(ctx, "body-weight", {
        category: category("vital-signs", "Vital Signs"),
        code: { coding: [{ system: LOINC, ...LOINC_CODES.bodyWeight }], text: "Body weight" },
        valueQuantity: quantity(mass, "kg", "kg"),
        note: [{ text: `Body weight ${from(exam?.bodyMassKg)}.` }],
      }),
    );
  }
  if (typeof height === "number") {
    out.push(
      observation(ctx, "body-height", {
        category: category("vital-signs", "Vital Signs"),
        code: { coding: [{ system: LOINC, ...LOINC_CODES.bodyHeight }], text: "Body height" },
        valueQuantity: quantity(height, "cm", "cm"),
        note: [{ text: `Body height ${from(exam?.heightCm)}.` }],
      }),
    );
  }
  return out;
}

const GROUP_SITE: Record<MuscleGroupKey, "hip" | "knee"> = { hipAbduction: "hip", hipExtension: "hip", hipExternalRotation: "hip", kneeExtension: "knee" };

function examObservations(ctx: VisitCtx, exam: EngineExam, assessment: Assessment | null): Observation[] {
  const out: Observation[] = [];
  const examCat = category("exam", "Exam");
  for (const g of MUSCLE_GROUPS) {
    const grp = exam.strength?.[g];
    if (!grp) continue;
    const protocol = grp.protocol ?? {};
    const method = protocol.contraction
      ? stride(STRIDE.method, `hhd-${protocol.contraction}`, `Hand-held dynamometry, ${protocol.contraction} test`)
      : stride(STRIDE.method, "hhd", "Hand-held dynamometry");
    for (const side of SIDES) {
      const best = sideBestN(grp[side]);
      if (best == null) continue;
      const components: ObservationComponent[] = [laterality(side)];
      if (protocol.position) {
        components.push({
          code: stride(STRIDE.observation, "position", "Test position"),
          valueString: POSITION_LABELS[protocol.position] ?? protocol.position,
        });
      }
      if (typeof protocol.leverArmM === "number")
        components.push({ code: stride(STRIDE.observation, "lever-arm", "Lever arm"), valueQuantity: quantity(protocol.leverArmM, "m", "m") });
      if (typeof protocol.belt === "boolean") components.push({ code: stride(STRIDE.observation, "belt", "Belt-stabilised"), valueBoolean: protocol.belt });
      const label = `${MUSCLE_GROUP_LABELS[g]} force, ${side}, best trial`;
      out.push(
        observation(ctx, `hhd:${g}:${side}`, {
          category: examCat,
          code: stride(STRIDE.observation, `hhd-${g}`, `${MUSCLE_GROUP_LABELS[g]} force (hand-held dynamometry)`),
          method,
          bodySite: bodySite(GROUP_SITE[g], side),
          valueQuantity: quantity(best, "N", "N"),
          component: components,
          note: [{ text: label }],
        }),
      );
    }
    const sym = assessment?.derived.strength[g];
    if (sym) {
      out.push(
        observation(ctx, `symmetry:${g}`, {
          category: examCat,
          code: stride(STRIDE.observation, `symmetry-${g}`, `${MUSCLE_GROUP_LABELS[g]} symmetry (weaker ÷ stronger × 100)`),
          method,
          valueQuantity: quantity(sym.symmetryPercent, "%", "%"),
          ...(sym.weakerSide ? { interpretation: [{ text: `Weaker side: ${sym.weakerSide}; ${sym.verdict}` }] } : {}),
        }),
      );
    }
  }
  const fn = exam.functional ?? {};
  for (const side of SIDES) {
    const total = assessment?.derived.stepDown[side];
    if (typeof total === "number") {
      out.push(
        observation(ctx, `step-down:${side}`, {
          category: examCat,
          code: stride(STRIDE.observation, "lateral-step-down", "Lateral step-down quality score (0–6, Piva 2006)"),
          bodySite: bodySite("knee", side),
          valueInteger: total,
          component: [laterality(side)],
        }),
      );
    }
    const squat = fn.singleLegSquat?.[side];
    if (squat?.rating && squat.rating !== "not-tested") {
      out.push(
        observation(ctx, `single-leg-squat:${side}`, {
          category: examCat,
          code: stride(STRIDE.observation, "single-leg-squat", "Single-leg squat quality"),
          bodySite: bodySite("knee", side),
          valueCodeableConcept: stride(STRIDE.result, squat.rating, SQUAT_RATING_LABELS[squat.rating]),
          component: [laterality(side)],
        }),
      );
    }
    const trend = fn.trendelenburg?.[side];
    if (trend && trend !== "not-tested") {
      out.push(
        observation(ctx, `trendelenburg:${side}`, {
          category: examCat,
          code: stride(STRIDE.observation, "trendelenburg", "Trendelenburg sign"),
          bodySite: bodySite("hip", side),
          valueCodeableConcept: stride(STRIDE.result, trend, TRI_LABELS[trend]),
          component: [laterality(side)],
        }),
      );
    }
    const plank = fn.sidePlankS?.[side];
    if (typeof plank === "number") {
      out.push(
        observation(ctx, `side-plank:${side}`, {
          category: examCat,
          code: stride(STRIDE.observation, "side-plank-hold", "Side plank hold"),
          valueQuantity: quantity(plank, "s", "s"),
          component: [laterality(side)],
        }),
      );
    }
  }
  for (const [key, label] of Object.entries(RTR_SCREEN_LABELS) as [keyof NonNullable<EngineExam["rtrScreen"]>, string][]) {
    const t = exam.rtrScreen?.[key];
    if (!t?.result || t.result === "not-tested") continue;
    out.push(
      observation(ctx, `rtr-screen:${key}`, {
        category: examCat,
        code: stride(STRIDE.observation, `rtr-screen-${key}`, `Return-to-run screen: ${label}`),
        valueCodeableConcept: stride(STRIDE.result, t.result, SCREEN_RESULT_LABELS[t.result]),
        ...(typeof t.pain === "number"
          ? { component: [{ code: { coding: [{ system: LOINC, ...LOINC_CODES.painSeverity }], text: "Pain during the test (0–10)" }, valueInteger: t.pain }] }
          : {}),
      }),
    );
  }
  return out;
}

function questionnaireResponse(ctx: VisitCtx, visit: FhirVisit): QuestionnaireResponse | null {
  const intake = visit.intake;
  if (!intake) return null;
  const q = intake.answers.questionnaires ?? {};
  const groups: QuestionnaireResponseItem[] = [];
  const akps = q.akps;
  if (Array.isArray(akps) && akps.every((v) => typeof v === "number")) {
    const items: QuestionnaireResponseItem[] = akps.map((choice, i) => ({
      linkId: akpsItemId(i),
      text: en.intake.akps.items[i]!.q,
      answer: [
        {
          valueCoding: {
            system: `${STRIDE.intakeQuestionnaire}/akps-${i + 1}`,
            code: String(choice),
            display: en.intake.akps.items[i]!.options[choice as number],
          },
        },
      ],
    }));
    items.push({ linkId: AKPS_TOTAL_ID, text: "Kujala AKPS total (0–100, higher is better)", answer: [{ valueInteger: scoreAkps(akps as number[]) }] });
    groups.push({ linkId: "akps", item: items });
  }
  const lefs = q.lefs;
  if (Array.isArray(lefs) && lefs.every((v) => typeof v === "number")) {
    const items: QuestionnaireResponseItem[] = lefs.map((rating, i) => ({
      linkId: lefsItemId(i),
      text: en.intake.lefs.items[i]!,
      answer: [
        { valueCoding: { system: `${STRIDE.intakeQuestionnaire}/lefs-rating`, code: String(rating), display: en.intake.lefs.ratings[rating as number] } },
      ],
    }));
    items.push({ linkId: LEFS_TOTAL_ID, text: "LEFS total (0–80, higher is better)", answer: [{ valueInteger: scoreLefs(lefs as number[]) }] });
    groups.push({ linkId: "lefs", item: items });
  }
  return {
    resourceType: "QuestionnaireResponse",
    id: intake.id,
    questionnaire: QUESTIONNAIRE_CANONICAL,
    status: "completed",
    subject: ref(ctx.patient),
    encounter: ref(ctx.encounter),
    ...(intake.submittedAt ? { authored: intake.submittedAt } : {}),
    source: ref(ctx.patient),
    ...(groups.length ? { item: groups } : {}),
  };
}

function condition(ctx: VisitCtx, visit: FhirVisit, a: Assessment, asserter: Reference<Practitioner> | undefined): Condition | null {
  // A referral has no working classification (the patient goes elsewhere first), as on the summary.
  if (a.status === "refer") return null;
  const c = a.classification;
  const text = c.clinicianOverride ?? c.label;
  return {
    resourceType: "Condition",
    id: derivedId(visit.id, "condition"),
    clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: "active", display: "Active" }] },
    verificationStatus: { coding: [{ system: CONDITION_VER_STATUS, code: "provisional", display: "Provisional" }] },
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: "encounter-diagnosis", display: "Encounter Diagnosis" }] }],
    code: { coding: [{ system: STRIDE.classification, code: c.code, display: c.label }], text },
    ...(a.derived.painfulKnee && a.derived.painfulKnee !== "both" ? { bodySite: [bodySite("knee", a.derived.painfulKnee)] } : {}),
    subject: ref(ctx.patient),
    encounter: ref(ctx.encounter),
    recordedDate: visit.summary!.finalizedAt,
    ...(asserter ? { asserter } : {}),
    ...(c.for.length ? { evidence: [{ code: c.for.map((f) => ({ text: `${f.label}: ${String(f.value)}` })) }] } : {}),
    note: [{ text: `Rule ${c.rule.id} (${c.rule.section}), ruleset ${a.rulesetVersion}.` }],
  };
}

/** A calendar week in English, from the same catalog the printed sheet uses. */
function weekText(r: ReturnToRun, w: RtrWeek): string {
  const words = englishWords();
  const total = w.weeklyKm != null ? `${w.weeklyKm} km` : w.weeklyMinutes != null ? `${w.weeklyMinutes} min` : null;
  return [`Week ${w.week}: ${w.sessions.map((s) => words.session(s, "km")).join("; ")}`, total ? `(total ${total})` : null, words.weekNote(r, w) || null]
    .filter(Boolean)
    .join(" ");
}

function carePlan(
  ctx: VisitCtx,
  visit: FhirVisit,
  a: Assessment,
  author: Reference<Practitioner> | undefined,
  conditionRef: Reference<Condition> | undefined,
): CarePlan {
  const activities: CarePlanActivity[] = [];
  const words = englishWords();
  for (const ex of a.plan?.exercises ?? []) {
    const name = words.exerciseName(ex);
    activities.push({
      detail: {
        kind: "ServiceRequest",
        code: stride(STRIDE.exercise, ex.exerciseId, name),
        status: "scheduled",
        description: `${name}: ${words.exerciseDose(ex)}. ${words.howTo(ex)}`,
        scheduledTiming: {
          repeat: {
            frequency: ex.dose.daysPerWeek,
            period: 1,
            periodUnit: "wk",
            boundsDuration: { value: ex.dose.weeks, unit: "wk", system: UCUM, code: "wk" },
          },
        },
      },
    });
  }
  for (const st of a.plan?.stretches ?? []) {
    const name = words.exerciseName(st);
    activities.push({
      detail: {
        kind: "ServiceRequest",
        code: stride(STRIDE.exercise, st.stretchId, name),
        status: "scheduled",
        description: `${name}: ${words.stretchDose(st)}. ${words.howTo(st)}`,
        scheduledTiming: { repeat: { frequency: st.daysPerWeek, period: 1, periodUnit: "wk" } },
      },
    });
  }
  const rtr = a.returnToRun;
  if (rtr) {
    const onHold = rtr.start.mode === "on-hold" || !!a.plan?.runningOnHold;
    activities.push({
      detail: {
        code: stride(STRIDE.activity, "return-to-run", "Return to running"),
        status: onHold ? "on-hold" : "scheduled",
        ...(onHold && a.plan?.runningOnHold ? { statusReason: { text: words.onHoldReason(a) } } : {}),
        description: [words.start(rtr), words.progressionRule(rtr), words.painRule(rtr), rtr.goalRace ? words.goalRace(rtr.goalRace, "km") : null]
          .filter(Boolean)
          .join(" "),
      },
    });
    for (const w of rtr.calendar) {
      activities.push({
        detail: {
          code: stride(STRIDE.activity, "return-to-run-week", `Return to running, week ${w.week}`),
          status: onHold ? "on-hold" : "scheduled",
          description: weekText(rtr, w),
          ...(w.weeklyKm != null
            ? { quantity: quantity(w.weeklyKm, "km", "km") }
            : w.weeklyMinutes != null
              ? { quantity: quantity(w.weeklyMinutes, "min", "min") }
              : {}),
        },
      });
    }
  }
  return {
    resourceType: "CarePlan",
    id: derivedId(visit.id, "care-plan"),
    status: "active",
    intent: "plan",
    title: "Knee pain: exercise and return-to-running plan",
    subject: ref(ctx.patient),
    encounter: ref(ctx.encounter),
    created: visit.summary!.finalizedAt,
    ...(author ? { author } : {}),
    ...(conditionRef ? { addresses: [conditionRef] } : {}),
    description: a.statusReason,
    ...(activities.length ? { activity: activities } : {}),
    ...(a.clinicianNotes ? { note: [{ text: a.clinicianNotes }] } : {}),
  };
}

function documentReference(ctx: VisitCtx, visit: FhirVisit, author: Reference<Practitioner> | undefined, opts: FhirExportOptions): DocumentReference {
  const s = visit.summary!;
  return {
    resourceType: "DocumentReference",
    id: derivedId(visit.id, "document", String(s.revision)),
    status: "current",
    docStatus: "final",
    type: stride(STRIDE.document, "visit-summary", "Signed visit summary"),
    subject: ref(ctx.patient),
    date: s.finalizedAt,
    ...(author ? { author: [author], authenticator: author } : {}),
    description: `Signed visit summary of ${visit.date}, revision ${s.revision}`,
    content: [
      {
        attachment: {
          contentType: "application/pdf",
          url: `${opts.appOrigin}/visits/${visit.id}/print/pdf`,
          title: `Visit summary ${visit.date}.pdf`,
          creation: s.finalizedAt,
        },
      },
    ],
    context: { encounter: [ref(ctx.encounter)], period: { start: visit.date } },
  };
}

/** Every resource of one patient's record, each once, in a stable order (patient, clinic, people, then visits). */
export function patientResources(record: FhirPatientRecord, opts: FhirExportOptions): Resource[] {
  const org = clinicToOrganization(record.clinic);
  const patient = patientResource(record);
  const people = new Map<string, Practitioner>();
  const visitResources: Resource[] = [];
  for (const visit of record.visits) {
    const signer = visit.summary?.signedBy ?? null;
    const examiner = visit.exam?.finalizedBy ?? null;
    for (const p of [signer, examiner]) if (p && !people.has(p.id)) people.set(p.id, practitioner(p));
    const signerRef = signer ? ref(people.get(signer.id)!, signer.name) : undefined;
    const examinerRef = examiner ? ref(people.get(examiner.id)!, examiner.name) : undefined;
    const encounter: Encounter = {
      resourceType: "Encounter",
      id: visit.id,
      status: visit.status === "INVITED" ? "planned" : visit.status === "SUMMARY_FINALIZED" ? "finished" : "in-progress",
      class: { system: ENCOUNTER_CLASS, code: "AMB", display: "ambulatory" },
      type: [
        stride(STRIDE.activity, visit.kind === "INITIAL" ? "initial-visit" : "follow-up-visit", visit.kind === "INITIAL" ? "Initial visit" : "Follow-up visit"),
      ],
      subject: ref(patient),
      serviceProvider: ref(org, record.clinic.name),
      period: { start: visit.date },
      ...(signerRef || examinerRef ? { participant: [{ individual: (signerRef ?? examinerRef)! }] } : {}),
    };
    visitResources.push(encounter);
    const effective = visit.date;
    const ctx: VisitCtx = { patient, encounter, effective, performer: examinerRef ? [examinerRef] : [] };
    const qr = questionnaireResponse({ ...ctx, performer: [] }, visit);
    if (qr) visitResources.push(qr);
    if (visit.intake) visitResources.push(...intakeObservations({ ...ctx, performer: [] }, visit.intake.answers));
    visitResources.push(...vitalSigns(ctx, visit.intake?.answers ?? null, visit.exam?.data ?? null));
    const assessment = visit.summary?.assessment ?? null;
    if (visit.exam) visitResources.push(...examObservations(ctx, visit.exam.data, assessment));
    if (visit.summary && assessment) {
      const cond = condition(ctx, visit, assessment, signerRef);
      if (cond) visitResources.push(cond);
      visitResources.push(carePlan(ctx, visit, assessment, signerRef, cond ? ref(cond) : undefined));
      visitResources.push(documentReference(ctx, visit, signerRef, opts));
    }
  }
  return [patient, org, ...people.values(), ...visitResources];
}

/** The $everything answer: a searchset Bundle whose references all point inside it (plus the published
 * Questionnaire by its canonical URL). */
export function everythingBundle(record: FhirPatientRecord, opts: FhirExportOptions & { timestamp?: string }): Bundle {
  const resources = patientResources(record, opts);
  const entry: BundleEntry[] = resources.map((r) => ({
    fullUrl: `${opts.appOrigin}/api/fhir/${r.resourceType}/${r.id}`,
    resource: r,
    search: { mode: r.resourceType === "Patient" ? "match" : "include" },
  }));
  return {
    resourceType: "Bundle",
    id: derivedId(record.patient.id, "everything", opts.timestamp ?? ""),
    type: "searchset",
    timestamp: opts.timestamp ?? new Date().toISOString(),
    total: 1,
    entry,
  };
}
