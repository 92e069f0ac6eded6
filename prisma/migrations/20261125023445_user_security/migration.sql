-- AlterTable
ALTER TABLE "User" ADD COLUMN     "createdById" UUID,
ADD COLUMN     "lastSignInAt" TIMESTAMPTZ(3),
ADD COLUMN     "passwordChangedAt" TIMESTAMPTZ(3),
ADD COLUMN     "totpEnabledAt" TIMESTAMPTZ(3),
ADD COLUMN     "totpLastStep" INTEGER,
ADD COLUMN     "totpSecret" TEXT;

-- CreateIndex
CREATE INDEX "AuditEvent_clinicId_actorId_at_idx" ON "AuditEvent"("clinicId", "actorId", "at");

