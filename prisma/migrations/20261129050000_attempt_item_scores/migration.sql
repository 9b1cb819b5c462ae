-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "itemScores" JSONB NOT NULL DEFAULT '[]';

-- Backfill the submitted attempts: each question's score by position, null while pending
UPDATE "Attempt" a SET "itemScores" = COALESCE((
  SELECT jsonb_agg(g."score" ORDER BY q."position")
  FROM "Response" r JOIN "Question" q ON q."id" = r."questionId" LEFT JOIN "Grade" g ON g."responseId" = r."id"
  WHERE r."attemptId" = a."id"), '[]'::jsonb)
WHERE a."status" = 'SUBMITTED';
