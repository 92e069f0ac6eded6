-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED', 'SKIPPED');

-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "emailOptOut" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "IntakeInvite" ADD COLUMN     "purpose" TEXT NOT NULL DEFAULT 'intake',
ADD COLUMN     "tokenSealed" TEXT;

-- CreateTable
CREATE TABLE "Message" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "visitId" UUID,
    "patientId" UUID,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'email',
    "recipient" TEXT NOT NULL,
    "status" "MessageStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "inviteId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Message_clinicId_visitId_createdAt_idx" ON "Message"("clinicId", "visitId", "createdAt");

-- CreateIndex
CREATE INDEX "Message_clinicId_status_createdAt_idx" ON "Message"("clinicId", "status", "createdAt");

