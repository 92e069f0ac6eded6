import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { VisitStatus } from "./visits";

const ORDER: VisitStatus[] = ["INVITED", "INTAKE_SUBMITTED", "EXAMINED", "SUMMARY_FINALIZED"];

/** Move a visit forward to `status` (never backwards: an intake arriving after the exam keeps EXAMINED). */
export async function advanceVisitStatus(
  tx: Prisma.TransactionClient,
  visitId: string,
  clinicId: string,
  status: VisitStatus,
  extra: { needsReview?: boolean } = {},
) {
  const earlier = ORDER.slice(0, ORDER.indexOf(status));
  await tx.visit.updateMany({ where: { id: visitId, clinicId, status: { in: earlier } }, data: { status } });
  if (extra.needsReview !== undefined) {
    await tx.visit.updateMany({ where: { id: visitId, clinicId }, data: { needsReview: extra.needsReview } });
  }
}
