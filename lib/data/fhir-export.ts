import "server-only";
import type { Bundle } from "@medplum/fhirtypes";
import { db } from "../db";
import { everythingBundle, type FhirPatientRecord, type FhirVisit } from "../fhir/bundle";
import type { ApiTokenActor, ClinicianActor, RequestMeta } from "./actors";
import { recordAudit } from "./audit";
import { toIsoDate } from "./dates";
import { isUuid } from "./patients";
import { readExam, readIntake, readSummary } from "./stored";

type Client = Pick<ReturnType<typeof db>, "clinic" | "patient" | "visit" | "intakeResponse" | "exam" | "summary" | "user">;

/** Latest row per visit from rows sorted by revision, highest first. */
function latestBy<T extends { visitId: string }>(rows: T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of rows) if (!m.has(r.visitId)) m.set(r.visitId, r);
  return m;
}

/**
 * The exportable records of some patients of one clinic, in the order asked: every visit with its latest
 * submitted intake, finalized exam and signed summary (drafts are not part of the record). Seven queries
 * for any number of patients, each scoped by the clinic.
 */
export async function loadFhirRecords(client: Client, clinicId: string, patientIds: string[]): Promise<FhirPatientRecord[]> {
  if (!patientIds.length) return [];
  const [clinic, patients, visits] = await Promise.all([
    client.clinic.findUniqueOrThrow({ where: { id: clinicId }, select: { id: true, name: true, phone: true, email: true, address: true } }),
    client.patient.findMany({
      where: { clinicId, id: { in: patientIds } },
      select: { id: true, firstName: true, lastName: true, dateOfBirth: true, sex: true, email: true, phone: true },
    }),
    client.visit.findMany({
      where: { clinicId, patientId: { in: patientIds } },
      orderBy: [{ date: "asc" }, { createdAt: "asc" }],
      select: { id: true, patientId: true, date: true, kind: true, status: true },
    }),
  ]);
  const visitIds = visits.map((v) => v.id);
  const [intakes, exams, summaries] = visitIds.length
    ? await Promise.all([
        client.intakeResponse.findMany({
          where: { clinicId, visitId: { in: visitIds }, state: "FINAL" },
          orderBy: { revision: "desc" },
          select: { id: true, visitId: true, revision: true, submittedAt: true, answers: true, schemaVersion: true },
        }),
        client.exam.findMany({
          where: { clinicId, visitId: { in: visitIds }, state: "FINAL" },
          orderBy: { revision: "desc" },
          select: { id: true, visitId: true, revision: true, finalizedAt: true, finalizedById: true, data: true, schemaVersion: true },
        }),
        client.summary.findMany({
          where: { clinicId, visitId: { in: visitIds }, state: "FINAL" },
          orderBy: { revision: "desc" },
          select: { id: true, visitId: true, revision: true, finalizedAt: true, finalizedById: true, content: true },
        }),
      ])
    : [[], [], []];
  const intakeBy = latestBy(intakes);
  const examBy = latestBy(exams);
  const summaryBy = latestBy(summaries);
  const userIds = [...new Set([...examBy.values(), ...summaryBy.values()].map((r) => r.finalizedById).filter((x): x is string => !!x))];
  const users = userIds.length ? await client.user.findMany({ where: { clinicId, id: { in: userIds } }, select: { id: true, name: true } }) : [];
  const person = (id: string | null) => {
    const u = id ? users.find((x) => x.id === id) : undefined;
    return u ? { id: u.id, name: u.name } : null;
  };
  const visitsBy = new Map<string, FhirVisit[]>();
  for (const v of visits) {
    const i = intakeBy.get(v.id);
    const e = examBy.get(v.id);
    const s = summaryBy.get(v.id);
    const assessment = s ? (readSummary(s.content).assessment ?? null) : null;
    const fv: FhirVisit = {
      id: v.id,
      date: toIsoDate(v.date),
      kind: v.kind,
      status: v.status,
      intake: i ? { id: i.id, revision: i.revision, submittedAt: i.submittedAt?.toISOString() ?? null, answers: readIntake(i) } : null,
      exam: e
        ? { id: e.id, revision: e.revision, finalizedAt: e.finalizedAt?.toISOString() ?? null, finalizedBy: person(e.finalizedById), data: readExam(e) }
        : null,
      summary:
        s && assessment && s.finalizedAt
          ? { id: s.id, revision: s.revision, finalizedAt: s.finalizedAt.toISOString(), signedBy: person(s.finalizedById), assessment }
          : null,
    };
    const list = visitsBy.get(v.patientId) ?? [];
    list.push(fv);
    visitsBy.set(v.patientId, list);
  }
  const byId = new Map(patients.map((p) => [p.id, p]));
  return patientIds
    .map((id) => byId.get(id))
    .filter((p): p is NonNullable<typeof p> => !!p)
    .map((p) => ({
      clinic,
      patient: { id: p.id, firstName: p.firstName, lastName: p.lastName, dateOfBirth: toIsoDate(p.dateOfBirth), sex: p.sex, email: p.email, phone: p.phone },
      visits: visitsBy.get(p.id) ?? [],
    }));
}

/**
 * `Patient/{id}/$everything` for a clinician of the patient's clinic or an API token of it: the Bundle,
 * or null (unknown id, or another clinic's patient: audited as denied). Every export is audited with the
 * patient, in the same transaction as the reads.
 */
export async function exportPatientEverything(
  actor: ClinicianActor | ApiTokenActor,
  patientId: string,
  appOrigin: string,
  meta: RequestMeta = {},
): Promise<Bundle | null> {
  if (!isUuid(patientId)) return null;
  return db().$transaction(async (tx) => {
    const [record] = await loadFhirRecords(tx, actor.clinicId, [patientId]);
    if (!record) {
      await recordAudit(tx, { actor, action: "access-denied", outcome: "denied", recordType: "FhirExport", recordId: patientId, meta });
      return null;
    }
    await recordAudit(tx, {
      actor,
      action: "fhir-export",
      recordType: "Patient",
      recordId: patientId,
      patientId,
      details: { visits: record.visits.length },
      meta,
    });
    return everythingBundle(record, { appOrigin });
  });
}

/**
 * A whole clinic's records, a batch of patients at a time (keyset by id), so memory holds one batch however
 * many patients the clinic has. For the bulk export script, which audits the run.
 */
export async function* clinicRecordBatches(clinicId: string, batchSize = 200): AsyncGenerator<FhirPatientRecord[]> {
  let after: string | undefined;
  for (;;) {
    const ids = await db().patient.findMany({
      where: { clinicId, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true },
    });
    if (!ids.length) return;
    after = ids[ids.length - 1]!.id;
    yield await loadFhirRecords(
      db(),
      clinicId,
      ids.map((r) => r.id),
    );
    if (ids.length < batchSize) return;
  }
}
