-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "followUpRequestedAt" TIMESTAMPTZ(3);

