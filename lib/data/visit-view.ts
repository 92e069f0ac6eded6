import "server-only";
import { db } from "../db";
import type { ClinicianActor, RequestMeta } from "./actors";
import { recordAudit } from "./audit";
import { getVisitHeader, type VisitHeaderDTO } from "./visits";

/** The visit's header for a clinician of its clinic, recording the view (or the denied attempt). */
export async function getVisitAndAudit(actor: ClinicianActor, visitId: string, meta: RequestMeta = {}, recordType = "Visit"): Promise<VisitHeaderDTO | null> {
  const visit = await getVisitHeader(actor, visitId);
  await db().$transaction((tx) =>
    recordAudit(tx, {
      actor,
      action: visit ? "view" : "access-denied",
      outcome: visit ? "ok" : "denied",
      recordType,
      recordId: visitId,
      patientId: visit?.patient.id ?? null,
      meta,
    }),
  );
  return visit;
}
