-- CreateEnum
CREATE TYPE "FeedbackPurpose" AS ENUM ('PRACTICE', 'FINAL');

-- CreateEnum
CREATE TYPE "RoundStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "FeedbackRound" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "purpose" "FeedbackPurpose" NOT NULL,
    "answer" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "status" "RoundStatus" NOT NULL DEFAULT 'QUEUED',
    "grader" TEXT,
    "fallback" BOOLEAN NOT NULL DEFAULT false,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "score" DOUBLE PRECISION,
    "maxScore" DOUBLE PRECISION NOT NULL,
    "confidence" DOUBLE PRECISION,
    "builtinScore" DOUBLE PRECISION,
    "verdicts" JSONB,
    "misconceptions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "feedback" TEXT NOT NULL DEFAULT '',
    "tries" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "FeedbackRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackEvent" (
    "roundId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "event" JSONB NOT NULL,

    CONSTRAINT "FeedbackEvent_pkey" PRIMARY KEY ("roundId","seq")
);

-- CreateIndex
CREATE INDEX "FeedbackRound_status_leaseUntil_idx" ON "FeedbackRound"("status", "leaseUntil");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackRound_responseId_round_key" ON "FeedbackRound"("responseId", "round");

-- AddForeignKey
ALTER TABLE "FeedbackRound" ADD CONSTRAINT "FeedbackRound_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackEvent" ADD CONSTRAINT "FeedbackEvent_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FeedbackRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;
