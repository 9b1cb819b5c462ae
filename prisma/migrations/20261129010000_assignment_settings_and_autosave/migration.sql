-- CreateEnum
CREATE TYPE "CountedAttempt" AS ENUM ('BEST', 'LAST', 'FIRST');

-- CreateEnum
CREATE TYPE "FeedbackTiming" AS ENUM ('IMMEDIATE', 'AFTER_SUBMIT', 'AFTER_CLOSE');

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "attemptsAllowed" INTEGER,
ADD COLUMN     "countedAttempt" "CountedAttempt" NOT NULL DEFAULT 'BEST',
ADD COLUMN     "feedbackTiming" "FeedbackTiming" NOT NULL DEFAULT 'AFTER_SUBMIT',
ADD COLUMN     "graceSeconds" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "shuffleOptions" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "shuffleQuestions" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "timeLimitMinutes" INTEGER;

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "autoSubmitted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "deadlineAt" TIMESTAMP(3),
ADD COLUMN     "flagged" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "seq" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Attempt_status_deadlineAt_idx" ON "Attempt"("status", "deadlineAt");
