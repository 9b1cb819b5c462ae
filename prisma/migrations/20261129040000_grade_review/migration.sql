-- CreateEnum
CREATE TYPE "GradeReviewAction" AS ENUM ('ACCEPT', 'OVERRIDE');

-- AlterTable
ALTER TABLE "Grade" ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" TEXT;

-- CreateTable
CREATE TABLE "GradeAudit" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "actorId" TEXT,
    "action" "GradeReviewAction" NOT NULL,
    "machineScore" DOUBLE PRECISION,
    "previousScore" DOUBLE PRECISION,
    "newScore" DOUBLE PRECISION NOT NULL,
    "previousSource" "GradeSource",
    "newSource" "GradeSource" NOT NULL,
    "previousFeedback" JSONB,
    "newFeedback" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GradeAudit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GradeAudit_responseId_createdAt_idx" ON "GradeAudit"("responseId", "createdAt");

-- AddForeignKey
ALTER TABLE "Grade" ADD CONSTRAINT "Grade_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeAudit" ADD CONSTRAINT "GradeAudit_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeAudit" ADD CONSTRAINT "GradeAudit_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
