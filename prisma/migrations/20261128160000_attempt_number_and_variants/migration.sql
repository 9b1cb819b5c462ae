-- CreateEnum
CREATE TYPE "QuizKind" AS ENUM ('ASSESSMENT', 'CHECK_YOURSELF');

-- AlterTable
ALTER TABLE "Quiz" ADD COLUMN     "kind" "QuizKind" NOT NULL DEFAULT 'ASSESSMENT';

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "number" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "variant" JSONB;

-- CreateIndex
CREATE UNIQUE INDEX "Attempt_assignmentId_userId_number_key" ON "Attempt"("assignmentId", "userId", "number");
