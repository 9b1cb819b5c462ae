import "server-only";
import { db } from "@/lib/core/db";
import type { TAuthorizedClassId } from "@/lib/core/session";
import { countedAttempts } from "./counted-attempts";

/** The counted score of every student on every assignment, and how many of its answers are still being graded: the gradebook's cells. */
export async function findGradebookCells(classId: TAuthorizedClassId) {
  return db.$queryRaw<{ assignmentId: string; userId: string; score: number | null; maxScore: number | null; pending: number }[]>`
    WITH counted AS (${countedAttempts(classId)})
    SELECT "assignmentId", "userId", "score", "maxScore",
      (SELECT count(*) FROM jsonb_array_elements("itemScores") x WHERE jsonb_typeof(x) = 'null')::int AS "pending"
    FROM counted`;
}

/** The class's assignments with their quiz version's questions, to name columns and read answers. */
export async function findAssignmentsWithQuestions(classId: TAuthorizedClassId) {
  return db.assignment.findMany({
    where: { classId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      quizVersion: { select: { title: true, version: true, questions: { orderBy: { position: "asc" }, select: { id: true, position: true, points: true, definition: true } } } },
    },
  });
}

/** Every answer of every submitted attempt in the class, with its grade, in a stable order. */
export async function findAllResponses(classId: TAuthorizedClassId) {
  return db.$queryRaw<
    {
      userId: string;
      assignmentId: string;
      attemptNumber: number;
      startedAt: Date;
      submittedAt: Date | null;
      questionId: string;
      answer: unknown;
      variant: Record<string, number> | null;
      score: number | null;
      maxScore: number | null;
      source: string | null;
      reviewed: boolean;
    }[]
  >`
    SELECT a."userId", a."assignmentId", a."number" AS "attemptNumber", a."startedAt", a."submittedAt",
      r."questionId", r."answer", r."variant", g."score", g."maxScore", g."source"::text AS "source", (g."reviewedAt" IS NOT NULL) AS "reviewed"
    FROM "Attempt" a
    JOIN "Assignment" s ON s."id" = a."assignmentId" AND s."classId" = ${classId}
    JOIN "Enrollment" e ON e."classId" = s."classId" AND e."userId" = a."userId" AND e."role" = 'STUDENT'
    JOIN "Response" r ON r."attemptId" = a."id"
    JOIN "Question" q ON q."id" = r."questionId"
    LEFT JOIN "Grade" g ON g."responseId" = r."id"
    WHERE a."status" = 'SUBMITTED'
    ORDER BY a."userId", s."createdAt", a."assignmentId", a."number", q."position"`;
}
