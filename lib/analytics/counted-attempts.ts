import "server-only";
import type { TAuthorizedClassId } from "@/lib/core/session";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The attempt that counts for each student of the class on each assignment, by the
 * assignment's own rule (best, last or first submitted attempt): the rows every dashboard
 * figure and the gradebook are computed from. Students no longer enrolled are left out.
 * Use as a CTE: `WITH counted AS (${countedAttempts(...)})`.
 */
export function countedAttempts(classId: TAuthorizedClassId, assignmentId: string | null = null) {
  return Prisma.sql`
    SELECT DISTINCT ON (a."assignmentId", a."userId")
      a."id", a."assignmentId", a."userId", a."number", a."score", a."maxScore", a."itemScores", a."startedAt", a."submittedAt"
    FROM "Attempt" a
    JOIN "Assignment" s ON s."id" = a."assignmentId" AND s."classId" = ${classId}
    JOIN "Enrollment" e ON e."classId" = s."classId" AND e."userId" = a."userId" AND e."role" = 'STUDENT' AND e."status" = 'ACTIVE'
    WHERE a."status" = 'SUBMITTED' AND (${assignmentId}::text IS NULL OR a."assignmentId" = ${assignmentId})
    ORDER BY a."assignmentId", a."userId",
      CASE WHEN s."countedAttempt" = 'BEST' THEN a."score" END DESC NULLS LAST,
      CASE WHEN s."countedAttempt" = 'LAST' THEN a."number" END DESC NULLS LAST,
      a."number"`;
}
