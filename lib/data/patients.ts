import "server-only";
import { db, sql } from "../db";
import type { PatientInput } from "../forms/patient-schema";
import type { ClinicianActor, RequestMeta, StaffActor } from "./actors";
import { recordAudit } from "./audit";
import { looksLikeDate, typedDates } from "../format";
import { fromIsoDate, toIsoDate } from "./dates";
import { toLocale, type Locale } from "../i18n/locales";

export interface PatientDTO {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: "FEMALE" | "MALE" | "OTHER" | "UNDISCLOSED";
  email: string | null;
  phone: string | null;
  locale: Locale;
}

const patientSelect = { id: true, firstName: true, lastName: true, dateOfBirth: true, sex: true, email: true, phone: true, locale: true } as const;

function toDTO(p: {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: Date;
  sex: PatientDTO["sex"];
  email: string | null;
  phone: string | null;
  locale: string;
}): PatientDTO {
  return { ...p, dateOfBirth: toIsoDate(p.dateOfBirth), locale: toLocale(p.locale) };
}

export async function createPatient(actor: ClinicianActor, input: PatientInput, meta: RequestMeta = {}): Promise<PatientDTO> {
  return db().$transaction((tx) => insertPatient(tx, actor, input, meta));
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

async function insertPatient(tx: Tx, actor: ClinicianActor, input: PatientInput, meta: RequestMeta, confirmedNew = false): Promise<PatientDTO> {
  const locale = input.locale ?? (await tx.clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: { locale: true } })).locale;
  const p = await tx.patient.create({
    data: {
      clinicId: actor.clinicId,
      firstName: input.firstName,
      lastName: input.lastName,
      dateOfBirth: fromIsoDate(input.dateOfBirth),
      sex: input.sex,
      email: input.email || null,
      phone: input.phone || null,
      locale,
      createdById: actor.userId,
    },
    select: patientSelect,
  });
  await recordAudit(tx, {
    actor,
    action: "create",
    recordType: "Patient",
    recordId: p.id,
    patientId: p.id,
    ...(confirmedNew ? { details: { confirmedNotDuplicate: true } } : {}),
    meta,
  });
  return toDTO(p);
}

export interface DuplicateMatch {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
}

export type CreatePatientResult = { ok: true; patient: PatientDTO } | { ok: false; duplicates: DuplicateMatch[] };

/**
 * The "New patient" form's create: when the clinic already has a patient with the same first and last name
 * (ignoring case) and date of birth, nothing is created and the matches come back to show, unless the
 * clinician confirmed that this is someone else. The check and the insert hold one lock per name and date,
 * so two clinicians typing the same patient at once still get asked.
 */
export async function createPatientUnlessDuplicate(
  actor: ClinicianActor,
  input: PatientInput,
  confirmedNew: boolean,
  meta: RequestMeta = {},
): Promise<CreatePatientResult> {
  const key = `patient:${actor.clinicId}:${input.firstName.trim().toLowerCase()}|${input.lastName.trim().toLowerCase()}|${input.dateOfBirth}`;
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
    if (!confirmedNew) {
      const matches = await tx.patient.findMany({
        where: {
          clinicId: actor.clinicId,
          dateOfBirth: fromIsoDate(input.dateOfBirth),
          firstName: { equals: input.firstName.trim(), mode: "insensitive" },
          lastName: { equals: input.lastName.trim(), mode: "insensitive" },
        },
        select: { id: true, firstName: true, lastName: true, dateOfBirth: true },
        orderBy: { createdAt: "asc" },
        take: 10,
      });
      if (matches.length) {
        await recordAudit(tx, { actor, action: "view", recordType: "PatientDuplicateCheck", details: { matches: matches.length }, meta });
        return { ok: false, duplicates: matches.map((m) => ({ ...m, dateOfBirth: toIsoDate(m.dateOfBirth) })) } as const;
      }
    }
    return { ok: true, patient: await insertPatient(tx, actor, input, meta, confirmedNew) } as const;
  });
}

/** One patient of the actor's clinic, or null (another clinic's patient is indistinguishable from none). */
export async function getPatient(actor: ClinicianActor, patientId: string, meta: RequestMeta = {}): Promise<PatientDTO | null> {
  if (!isUuid(patientId)) return null;
  // One statement (ADR 0037; the patient page reads this on every open): the row and its audit event, a
  // view or a refusal, as getPatientStepwise writes them.
  const [row] = await sql<{ found: boolean; id: string | null; dateOfBirth: string | null } & Omit<PatientDTO, "id" | "dateOfBirth">>(
    `WITH p AS (
       SELECT id, "firstName", "lastName", to_char("dateOfBirth", 'YYYY-MM-DD') AS "dateOfBirth", sex, email, phone, locale
         FROM "Patient" WHERE id = $1 AND "clinicId" = $2
     ), audited AS (
       INSERT INTO "AuditEvent" ("actorType", "actorId", "clinicId", "patientId", action, "recordType", "recordId", outcome, "requestId", ip, "userAgent")
       SELECT 'user', $3, $2, p.id, CASE WHEN p.id IS NULL THEN 'access-denied' ELSE 'view' END, 'Patient', $4,
              CASE WHEN p.id IS NULL THEN 'denied' ELSE 'ok' END, $5, $6, $7
         FROM (SELECT 1) one LEFT JOIN p ON true
     )
     SELECT p.id IS NOT NULL AS found, p.* FROM (SELECT 1) one LEFT JOIN p ON true`,
    [patientId, actor.clinicId, actor.userId, patientId, meta.requestId ?? null, meta.ip ?? null, meta.userAgent?.slice(0, 300) ?? null],
  );
  if (!row?.found) return null;
  const { found: _found, ...p } = row;
  return { ...(p as PatientDTO), locale: toLocale(p.locale) };
}

/** getPatient step by step with Prisma: the path before ADR 0037, kept for the equivalence tests. */
export async function getPatientStepwise(actor: ClinicianActor, patientId: string, meta: RequestMeta = {}): Promise<PatientDTO | null> {
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

/** The clinic changes the language of the patient's pages. False: not a patient of the actor's clinic. */
export async function setPatientLocale(actor: ClinicianActor, patientId: string, locale: Locale, meta: RequestMeta = {}): Promise<boolean> {
  if (!isUuid(patientId)) return false;
  return db().$transaction(async (tx) => {
    const r = await tx.patient.updateMany({ where: { id: patientId, clinicId: actor.clinicId }, data: { locale } });
    if (r.count === 0) return false;
    await recordAudit(tx, { actor, action: "update", recordType: "Patient", recordId: patientId, patientId, meta });
    return true;
  });
}

export function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}

/**
 * Up to `limit` patients of the actor's clinic whose first or last name starts with each word typed (in any
 * case, ignoring apostrophes, hyphens, dots and spaces inside a name, so "oneil" finds O'Neil), or who were
 * born on a typed date (ISO, or day and month in either order: see typedDates), in alphabetical order
 * whatever the case. Not audited: callers record what they show (searchPatients) or what they filter (the
 * admin's audit trail).
 *
 * One SQL statement (ADR 0013): a name's start is a range of the folded name that the expression indexes of
 * the migration search_folds_punctuation serve. Prisma's `startsWith` with `mode: "insensitive"` is an
 * ILIKE, which no btree serves: at 100,000 patients it read the whole clinic (bench/results.md, read path).
 */
export async function matchPatients(actor: StaffActor, query: string, limit = 50): Promise<PatientDTO[]> {
  const q = query.trim().slice(0, 100);
  if (!q) return [];
  const select = `SELECT id, "firstName", "lastName", to_char("dateOfBirth", 'YYYY-MM-DD') AS "dateOfBirth", sex::text AS sex, email, phone, locale FROM "Patient"`;
  const order = `ORDER BY lower("lastName"), lower("firstName"), id LIMIT $2`;
  if (looksLikeDate(q)) {
    const dates = typedDates(q);
    if (dates.length === 0) return [];
    return sql<PatientDTO>(`${select} WHERE "clinicId" = $1 AND "dateOfBirth" = ANY($3::date[]) ${order}`, [actor.clinicId, limit, dates]);
  }
  const words = q.split(/\s+/).map(foldName).filter(Boolean).slice(0, 3);
  if (words.length === 0) return [];
  // The folded name starts with w: w <= folded < w followed by the highest code point. The expression must
  // be written exactly as in the index for the planner to use it.
  const startsWith = (column: string, p: string) => `(${foldedSql(column)} ~>=~ ${p}::text AND ${foldedSql(column)} ~<~ (${p}::text || chr(1114111)))`;
  const conditions = words.map((_, i) => `(${startsWith("lastName", `$${i + 3}`)} OR ${startsWith("firstName", `$${i + 3}`)})`);
  return sql<PatientDTO>(`${select} WHERE "clinicId" = $1 AND ${conditions.join(" AND ")} ${order}`, [actor.clinicId, limit, ...words]);
}

// What a name is compared by: lower case, without the marks people type or leave out at will (O'Neil,
// ONeil, O’Neil; Smith-Jones; St. John). The SQL and the JS fold the same characters.
const FOLDED_OUT = /['’‘`.\- ]/g;
const foldName = (s: string) => s.toLowerCase().replace(FOLDED_OUT, "");
const foldedSql = (column: string) => `regexp_replace(lower("${column}"), '[''’‘\`. -]', '', 'g')`;

/** Patients of the actor's clinic whose name starts with the words typed, or born on a typed date. */
export async function searchPatients(actor: ClinicianActor, query: string, meta: RequestMeta = {}): Promise<PatientDTO[]> {
  if (!query.trim()) return [];
  const rows = await matchPatients(actor, query);
  await db().$transaction((tx) => recordAudit(tx, { actor, action: "view", recordType: "PatientSearch", details: { results: rows.length }, meta }));
  return rows;
}
