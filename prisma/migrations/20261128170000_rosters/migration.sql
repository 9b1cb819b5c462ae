-- CreateEnum
CREATE TYPE "EnrollmentStatus" AS ENUM ('ACTIVE', 'PENDING_APPROVAL');

-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "joinCode" TEXT,
ADD COLUMN     "joinNeedsApproval" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "rosterName" TEXT,
ADD COLUMN     "section" TEXT,
ADD COLUMN     "status" "EnrollmentStatus" NOT NULL DEFAULT 'ACTIVE',
ADD COLUMN     "studentNumber" TEXT;

-- CreateTable
CREATE TABLE "PendingEnrollment" (
    "id" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "rosterName" TEXT,
    "studentNumber" TEXT,
    "section" TEXT,
    "role" "ClassRole" NOT NULL DEFAULT 'STUDENT',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingEnrollment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Class_joinCode_key" ON "Class"("joinCode");

-- CreateIndex
CREATE INDEX "PendingEnrollment_email_idx" ON "PendingEnrollment"("email");

-- CreateIndex
CREATE UNIQUE INDEX "PendingEnrollment_classId_email_key" ON "PendingEnrollment"("classId", "email");

-- CreateIndex
CREATE INDEX "Enrollment_classId_role_idx" ON "Enrollment"("classId", "role");

-- AddForeignKey
ALTER TABLE "PendingEnrollment" ADD CONSTRAINT "PendingEnrollment_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;
