-- AlterTable
ALTER TABLE "IntakeInvite" ADD COLUMN     "forRevision" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "IntakeResponse" ADD COLUMN     "consentText" TEXT,
ADD COLUMN     "consentedAt" TIMESTAMPTZ(3),
ADD COLUMN     "resumeStep" TEXT;


-- Hand-written (Prisma cannot express these): a visit has at most one draft and at most one current
-- (FINAL) intake at any moment; a reopened intake's earlier revision becomes SUPERSEDED in the same
-- transaction that makes the correction FINAL. A submitted revision always says when it was submitted.
CREATE UNIQUE INDEX "IntakeResponse_one_draft_per_visit" ON "IntakeResponse" ("visitId") WHERE state = 'DRAFT';
CREATE UNIQUE INDEX "IntakeResponse_one_final_per_visit" ON "IntakeResponse" ("visitId") WHERE state = 'FINAL';
ALTER TABLE "IntakeResponse" ADD CONSTRAINT "IntakeResponse_submitted_has_time" CHECK (state = 'DRAFT' OR "submittedAt" IS NOT NULL);
