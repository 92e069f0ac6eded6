-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "dischargeReason" TEXT,
ADD COLUMN     "dischargedById" UUID,
ADD COLUMN     "dischargedOn" DATE,
ADD COLUMN     "lastCheckInAt" TIMESTAMPTZ(3),
ADD COLUMN     "planAlert" TEXT,
ADD COLUMN     "planStartedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "summaryId" UUID NOT NULL,
    "inviteId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "bodyHash" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "done" BOOLEAN NOT NULL,
    "km" DOUBLE PRECISION,
    "minutes" INTEGER,
    "painDuring" INTEGER,
    "settledWithinHour" BOOLEAN,
    "worseNextMorning" BOOLEAN,
    "exercises" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CheckIn_clinicId_patientId_date_idx" ON "CheckIn"("clinicId", "patientId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_patientId_key_key" ON "CheckIn"("patientId", "key");

-- CreateIndex
CREATE INDEX "Patient_clinicId_planStartedAt_idx" ON "Patient"("clinicId", "planStartedAt");

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

