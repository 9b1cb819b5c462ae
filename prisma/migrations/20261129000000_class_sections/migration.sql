-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "sections" TEXT[] DEFAULT ARRAY[]::TEXT[];
