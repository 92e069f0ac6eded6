import "server-only";
import { db } from "../db";
import type { PatientInput } from "../forms/patient-schema";
import type { ClinicianActor, RequestMeta } from "./actors";
import { recordAudit } from "./audit";
import { fromIsoDate, toIsoDate } from "./dates";

export interface PatientDTO {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: "FEMALE" | "MALE" | "OTHER" | "UNDISCLOSED";
  email: string | null;
  phone: string | null;
}

const patientSelect = { id: true, firstName: true, lastName: true, dateOfBirth: true, sex: true, email: true, phone: true } as const;

function toDTO(p: { id: string; firstName: string; lastName: string; dateOfBirth: Date; sex: PatientDTO["sex"]; email: string | null; phone: string | null }): PatientDTO {
  return { ...p, dateOfBirth: toIsoDate(p.dateOfBirth) };
}

export async function createPatient(actor: ClinicianActor, input: PatientInput, meta: RequestMeta = {}): Promise<PatientDTO> {
  return db().$transaction(async (tx) => {
    const p = await tx.patient.create({
      data: {
        clinicId: actor.clinicId,
        firstName: input.firstName,
        lastName: input.lastName,
        dateOfBirth: fromIsoDate(input.dateOfBirth),
        sex: input.sex,
        email: input.email || null,
        phone: input.phone || null,
        createdById: actor.userId,
      },
      select: patientSelect,
    });
    await recordAudit(tx, { actor, action: "create", recordType: "Patient", recordId: p.id, patientId: p.id, meta });
    return toDTO(p);
  });
}

/** One patient of the actor's clinic, or null (another clinic's patient is indistinguishable from none). */
export async function getPatient(actor: ClinicianActor, patientId: string, meta: RequestMeta = {}): Promise<PatientDTO | null> {
  if (!isUuid(patientId)) return null;
  return db().$transaction(async (tx) => {
    const p = await tx.patient.findFirst({ where: { id: patientId, clinicId: actor.clinicId }, select: patientSelect });
    await recordAudit(tx, {
      actor,
      action: p ? "view" : "access-denied",
      outcome: p ? "ok" : "denied",
      recordType: "Patient",
      recordId: patientId,
      patientId: p?.id ?? null,
      meta,
    });
    return p ? toDTO(p) : null;
  });
}

export function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}

/** Patients of the actor's clinic whose name starts with the words typed, or born on a typed YYYY-MM-DD. */
export async function searchPatients(actor: ClinicianActor, query: string, meta: RequestMeta = {}): Promise<PatientDTO[]> {
  const q = query.trim().slice(0, 100);
  if (!q) return [];
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(q);
  const words = q.split(/\s+/).filter(Boolean).slice(0, 3);
  const rows = await db().patient.findMany({
    where: isDate
      ? { clinicId: actor.clinicId, dateOfBirth: fromIsoDate(q) }
      : {
          clinicId: actor.clinicId,
          AND: words.map((w) => ({
            OR: [{ lastName: { startsWith: w, mode: "insensitive" as const } }, { firstName: { startsWith: w, mode: "insensitive" as const } }],
          })),
        },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    take: 50,
    select: patientSelect,
  });
  await db().$transaction((tx) => recordAudit(tx, { actor, action: "view", recordType: "PatientSearch", details: { results: rows.length }, meta }));
  return rows.map(toDTO);
}
