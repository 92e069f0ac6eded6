import type { StaffRole } from "./actors";
import "server-only";
import { randomBytes } from "node:crypto";
import { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { hashPassword } from "../auth/password";
import { clinicSettingsSchema, resolveSettings, type ClinicSettings } from "../assessment/settings";
import type { AdminActor, RequestMeta } from "./actors";
import { recordAudit } from "./audit";
import { clearSignInFailures } from "./users";
import { addDays, startOfDayIn } from "../format";
import { toIsoDate } from "./dates";
import { isUuid, matchPatients } from "./patients";
import { toLocale, type Locale } from "../i18n/locales";

// What a clinic's administrator may do: manage the clinic's accounts and settings and read its audit trail.
// Every function takes the admin and is scoped to the admin's clinic; every change is audited in the same
// transaction; a change to an account bumps its session version, so it takes effect on that user's very
// next request.

export interface StaffRow {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  disabled: boolean;
  twoFactor: boolean;
  mustChangePassword: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

const staffSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  disabled: true,
  totpEnabledAt: true,
  mustChangePassword: true,
  lastSignInAt: true,
  createdAt: true,
} as const;

function toRow(u: Prisma.UserGetPayload<{ select: typeof staffSelect }>): StaffRow {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    disabled: u.disabled,
    twoFactor: !!u.totpEnabledAt,
    mustChangePassword: u.mustChangePassword,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

export async function listStaff(admin: AdminActor): Promise<StaffRow[]> {
  const users = await db().user.findMany({ where: { clinicId: admin.clinicId }, orderBy: [{ disabled: "asc" }, { name: "asc" }], select: staffSelect });
  return users.map(toRow);
}

export async function getStaff(admin: AdminActor, userId: string): Promise<StaffRow | null> {
  if (!isUuid(userId)) return null;
  const u = await db().user.findFirst({ where: { id: userId, clinicId: admin.clinicId }, select: staffSelect });
  return u ? toRow(u) : null;
}

/** A one-time password: 120 random bits, shown to the admin once, changed by the user at first sign-in. */
function oneTimePassword(): string {
  return randomBytes(15).toString("base64url");
}

export type CreateStaffResult = { ok: true; userId: string; password: string } | { ok: false; reason: "email-taken" };

export async function createStaff(
  admin: AdminActor,
  input: { name: string; email: string; role: StaffRole },
  meta: RequestMeta = {},
): Promise<CreateStaffResult> {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  try {
    return await db().$transaction(async (tx) => {
      const u = await tx.user.create({
        data: {
          clinicId: admin.clinicId,
          email: input.email.trim().toLowerCase(),
          name: input.name.trim(),
          role: input.role,
          passwordHash,
          mustChangePassword: true,
          createdById: admin.userId,
        },
        select: { id: true },
      });
      await recordAudit(tx, { actor: admin, action: "create", recordType: "User", recordId: u.id, details: { role: input.role }, meta });
      return { ok: true, userId: u.id, password } as const;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return { ok: false, reason: "email-taken" };
    throw e;
  }
}

export type StaffChange =
  | { kind: "disable" }
  | { kind: "enable" }
  | { kind: "role"; role: StaffRole }
  | { kind: "reset-password" }
  | { kind: "reset-two-factor" }
  | { kind: "unblock-sign-in" };

export type ChangeStaffResult = { ok: true; password?: string } | { ok: false; reason: "not-found" | "self" | "last-admin" };

/**
 * Change an account of the admin's clinic. An admin cannot disable or demote themselves (so a clinic never
 * locks itself out), nor remove the clinic's last active admin.
 */
export async function changeStaff(admin: AdminActor, userId: string, change: StaffChange, meta: RequestMeta = {}): Promise<ChangeStaffResult> {
  if (!isUuid(userId)) return { ok: false, reason: "not-found" };
  const password = change.kind === "reset-password" ? oneTimePassword() : undefined;
  const passwordHash = password ? await hashPassword(password) : undefined;
  return db().$transaction(async (tx) => {
    // Lock the clinic's admin rows so two admins demoting each other cannot leave none.
    await tx.$executeRaw`SELECT 1 FROM "User" WHERE "clinicId" = ${admin.clinicId}::uuid AND role = 'ADMIN' FOR UPDATE`;
    const target = await tx.user.findFirst({ where: { id: userId, clinicId: admin.clinicId }, select: { id: true, role: true, disabled: true, email: true } });
    if (!target) {
      await recordAudit(tx, { actor: admin, action: "access-denied", outcome: "denied", recordType: "User", recordId: userId, meta });
      return { ok: false, reason: "not-found" } as const;
    }
    const removesAdmin = target.role === "ADMIN" && !target.disabled && (change.kind === "disable" || (change.kind === "role" && change.role !== "ADMIN"));
    if (removesAdmin && target.id === admin.userId) return { ok: false, reason: "self" } as const;
    if (removesAdmin) {
      const admins = await tx.user.count({ where: { clinicId: admin.clinicId, role: "ADMIN", disabled: false } });
      if (admins <= 1) return { ok: false, reason: "last-admin" } as const;
    }
    if (change.kind === "unblock-sign-in") {
      // The account's sign-in ceiling and every address's delay start over; sessions stay as they are.
      const cleared = await clearSignInFailures(tx, target.email);
      await recordAudit(tx, { actor: admin, action: "update", recordType: "User", recordId: target.id, details: { change: change.kind, cleared }, meta });
      return { ok: true } as const;
    }
    // A new password also lifts the sign-in block (the old one was what was being guessed).
    if (change.kind === "reset-password") await clearSignInFailures(tx, target.email);
    const data: Prisma.UserUpdateInput =
      change.kind === "disable"
        ? { disabled: true }
        : change.kind === "enable"
          ? { disabled: false }
          : change.kind === "role"
            ? { role: change.role }
            : change.kind === "reset-password"
              ? { passwordHash: passwordHash!, mustChangePassword: true, passwordChangedAt: new Date() }
              : { totpSecret: null, totpEnabledAt: null, totpLastStep: null };
    // Every change ends the user's sessions on their next request (enabling too: a fresh start).
    await tx.user.update({ where: { id: target.id }, data: { ...data, sessionVersion: { increment: 1 } }, select: { id: true } });
    await recordAudit(tx, {
      actor: admin,
      action: "update",
      recordType: "User",
      recordId: target.id,
      details: { change: change.kind, ...(change.kind === "role" ? { role: change.role } : {}) },
      meta,
    });
    return { ok: true, ...(password ? { password } : {}) } as const;
  });
}

export async function getSettingsForAdmin(admin: AdminActor): Promise<{ settings: ClinicSettings; clinicName: string; locale: Locale }> {
  const c = await db().clinic.findUniqueOrThrow({ where: { id: admin.clinicId }, select: { settings: true, name: true, locale: true } });
  return { settings: resolveSettings(c.settings), clinicName: c.name, locale: toLocale(c.locale) };
}

/** The clinic's language: the default for new patients (existing patients keep theirs). */
export async function setClinicLocale(admin: AdminActor, locale: Locale, meta: RequestMeta = {}): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.clinic.update({ where: { id: admin.clinicId }, data: { locale } });
    await recordAudit(tx, { actor: admin, action: "update", recordType: "Clinic", recordId: admin.clinicId, meta });
  });
}

/** Replace the clinic's settings (validated with the same schema the form uses). The audit event names the
 * settings that changed and their new values (settings hold no health data). */
export async function updateSettings(admin: AdminActor, next: ClinicSettings, meta: RequestMeta = {}): Promise<void> {
  const parsed = clinicSettingsSchema.parse(next);
  await db().$transaction(async (tx) => {
    const c = await tx.clinic.findUniqueOrThrow({ where: { id: admin.clinicId }, select: { settings: true } });
    const before = resolveSettings(c.settings);
    const changed: Record<string, Prisma.InputJsonValue> = {};
    for (const key of Object.keys(parsed) as (keyof ClinicSettings)[]) {
      if (JSON.stringify(before[key]) !== JSON.stringify(parsed[key]))
        changed[key] = typeof parsed[key] === "string" && (parsed[key] as string).length > 80 ? "(text changed)" : parsed[key];
    }
    await tx.clinic.update({ where: { id: admin.clinicId }, data: { settings: parsed as unknown as Prisma.InputJsonValue } });
    await recordAudit(tx, { actor: admin, action: "update", recordType: "ClinicSettings", recordId: admin.clinicId, details: { changed }, meta });
  });
}

export const AUDIT_PAGE_SIZE = 100;

export interface AuditFilter {
  /** A patient's name (start of first or last name) or date of birth as YYYY-MM-DD. */
  patient?: string;
  userId?: string;
  action?: string;
  from?: string;
  to?: string;
  order: "newest" | "oldest";
  page: number;
}

/** One event as data: the page words the actor's kind, the record's type and the patient in its language. */
export interface AuditRow {
  seq: string;
  at: string;
  /** A staff member by name, or who else acted: a deleted user, a patient on an invite link, a visitor not
   * signed in, the system. */
  actor: { kind: "user"; name: string } | { kind: "unknown-user" | "patient" | "anonymous" | "system" };
  action: string;
  outcome: string;
  /** The record's type (its code) and the first 8 characters of its id. */
  record: { type: string | null; id: string | null };
  /** The patient the event concerns (name and date of birth), `gone` when the record no longer exists. */
  patient: { lastName: string; firstName: string; dateOfBirth: string } | "gone" | null;
  ip: string | null;
}

/**
 * The clinic's audit trail, filtered by patient, user, action and time range, sorted either way (ONC
 * §170.315(d)(3)). Sort and filter keys are fixed here, never passed through from the request (OpenEMR's
 * CVE-2026-24908 was SQL injection through a sort key). Reading the trail is itself recorded.
 */
export async function searchAudit(
  admin: AdminActor,
  f: AuditFilter,
  meta: RequestMeta = {},
): Promise<{ rows: AuditRow[]; hasMore: boolean; patientMatches: number | null }> {
  const timeZone = f.from || f.to ? (await getSettingsForAdmin(admin)).settings.timeZone : "UTC";
  let patientIds: string[] | null = null;
  if (f.patient?.trim()) {
    // The same matching as the clinicians' patient search (names' starts in any case, or a date of birth).
    patientIds = (await matchPatients(admin, f.patient)).map((p) => p.id);
  }
  const where: Prisma.AuditEventWhereInput = {
    clinicId: admin.clinicId,
    ...(patientIds ? { patientId: { in: patientIds } } : {}),
    ...(f.userId && isUuid(f.userId) ? { actorId: f.userId } : {}),
    ...(f.action ? { action: f.action } : {}),
    // From/To are the clinic's calendar days (its time zone), To inclusive.
    ...(f.from || f.to
      ? { at: { ...(f.from ? { gte: startOfDayIn(f.from, timeZone) } : {}), ...(f.to ? { lt: startOfDayIn(addDays(f.to, 1), timeZone) } : {}) } }
      : {}),
  };
  const events = await db().auditEvent.findMany({
    where,
    orderBy: { seq: f.order === "oldest" ? "asc" : "desc" },
    skip: f.page * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE + 1,
    select: { seq: true, at: true, actorType: true, actorId: true, action: true, outcome: true, recordType: true, recordId: true, patientId: true, ip: true },
  });
  const page = events.slice(0, AUDIT_PAGE_SIZE);
  const userIds = [...new Set(page.filter((e) => e.actorType === "user" && e.actorId).map((e) => e.actorId!))].filter(isUuid);
  const pIds = [...new Set(page.map((e) => e.patientId).filter((x): x is string => !!x))];
  const [users, patients] = await Promise.all([
    db().user.findMany({ where: { clinicId: admin.clinicId, id: { in: userIds } }, select: { id: true, name: true } }),
    db().patient.findMany({ where: { clinicId: admin.clinicId, id: { in: pIds } }, select: { id: true, firstName: true, lastName: true, dateOfBirth: true } }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const patientName = new Map(patients.map((p) => [p.id, { lastName: p.lastName, firstName: p.firstName, dateOfBirth: toIsoDate(p.dateOfBirth) }]));
  await db().$transaction((tx) =>
    recordAudit(tx, {
      actor: admin,
      action: "view",
      recordType: "AuditTrail",
      details: {
        patientFilter: patientIds ? patientIds.length : null,
        userId: f.userId ?? null,
        action: f.action ?? null,
        from: f.from ?? null,
        to: f.to ?? null,
        rows: page.length,
      },
      meta,
    }),
  );
  return {
    hasMore: events.length > AUDIT_PAGE_SIZE,
    patientMatches: patientIds ? patientIds.length : null,
    rows: page.map((e) => ({
      seq: String(e.seq ?? ""),
      at: e.at.toISOString(),
      actor: ((): AuditRow["actor"] => {
        if (e.actorType !== "user") return { kind: e.actorType === "patient" ? "patient" : e.actorType === "anonymous" ? "anonymous" : "system" };
        const name = userName.get(e.actorId ?? "");
        return name === undefined ? { kind: "unknown-user" } : { kind: "user", name };
      })(),
      action: e.action,
      outcome: e.outcome,
      record: { type: e.recordType, id: e.recordId ? e.recordId.slice(0, 8) : null },
      patient: e.patientId ? (patientName.get(e.patientId) ?? "gone") : null,
      ip: e.ip,
    })),
  };
}
