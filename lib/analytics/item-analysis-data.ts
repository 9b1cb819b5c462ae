import "server-only";
import { db } from "@/lib/core/db";
import type { TAuthorizedClassId } from "@/lib/core/session";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TVariant } from "@/lib/quiz/variants";
import { countedAttempts } from "./counted-attempts";

// Reads behind the item analysis of one assignment. Each returns a few rows per question or per
// student, aggregated in PostgreSQL, whatever the number of responses.

export async function findAnalysedAssignment(classId: TAuthorizedClassId, assignmentId: string) {
  return db.assignment.findFirst({
    where: { id: assignmentId, classId },
    select: {
      id: true,
      mode: true,
      countedAttempt: true,
      opensAt: true,
      closesAt: true,
      quizVersion: {
        select: { id: true, version: true, title: true, questions: { orderBy: { position: "asc" }, select: { id: true, position: true, type: true, points: true, definition: true } } },
      },
    },
  });
}

/** Each student's counted attempt as one row: the question ids and their scores (null while grading is pending). */
export async function findScoreRows(classId: TAuthorizedClassId, assignmentId: string) {
  return db.$queryRaw<{ attemptId: string; userId: string; seconds: number | null; questionIds: string[]; scores: (number | null)[] }[]>`
    WITH counted AS (${countedAttempts(classId, assignmentId)})
    SELECT c."id" AS "attemptId", c."userId",
      EXTRACT(EPOCH FROM c."submittedAt" - c."startedAt")::float8 AS "seconds",
      array_agg(r."questionId") AS "questionIds", array_agg(g."score") AS "scores"
    FROM counted c
    JOIN "Response" r ON r."attemptId" = c."id"
    LEFT JOIN "Grade" g ON g."responseId" = r."id"
    GROUP BY c."id", c."userId", c."submittedAt", c."startedAt"`;
}

/** The distinct answers to each objective question, with how many counted attempts gave each. */
export async function findAnswerGroups(classId: TAuthorizedClassId, assignmentId: string) {
  return db.$queryRaw<{ questionId: string; answer: unknown; variant: TVariant | null; count: number }[]>`
    WITH counted AS (${countedAttempts(classId, assignmentId)})
    SELECT r."questionId", r."answer", r."variant", count(*)::int AS "count"
    FROM counted c
    JOIN "Response" r ON r."attemptId" = c."id"
    JOIN "Question" q ON q."id" = r."questionId" AND q."type" <> 'OPEN'
    GROUP BY r."questionId", r."answer", r."variant"`;
}

const EXAMPLES = 3;

/**
 * For the open questions: how often each rubric criterion got each verdict and each misconception
 * was matched, by the latest final grading of each counted answer; with a few example answers.
 */
export async function findOpenAnswerStats(classId: TAuthorizedClassId, assignmentId: string) {
  // Only SQL, no values: safe as raw text
  const latest = Prisma.raw(`latest AS (
      SELECT DISTINCT ON (f."responseId") f."responseId", r."questionId", f."answer", f."verdicts", f."misconceptions"
      FROM counted c
      JOIN "Response" r ON r."attemptId" = c."id"
      JOIN "FeedbackRound" f ON f."responseId" = r."id" AND f."purpose" = 'FINAL' AND f."status" = 'DONE'
      ORDER BY f."responseId", f."round" DESC)`);
  const [verdicts, misconceptions, examples, graded] = await Promise.all([
    db.$queryRaw<{ questionId: string; criterionId: string; verdict: string; count: number }[]>`
      WITH counted AS (${countedAttempts(classId, assignmentId)}), ${latest}
      SELECT l."questionId", v->>'criterionId' AS "criterionId", v->>'verdict' AS "verdict", count(*)::int AS "count"
      FROM latest l, jsonb_array_elements(COALESCE(l."verdicts", '[]'::jsonb)) v
      GROUP BY 1, 2, 3`,
    db.$queryRaw<{ questionId: string; misconceptionId: string; count: number }[]>`
      WITH counted AS (${countedAttempts(classId, assignmentId)}), ${latest}
      SELECT l."questionId", m AS "misconceptionId", count(*)::int AS "count"
      FROM latest l, unnest(l."misconceptions") m
      GROUP BY 1, 2`,
    // A few answers that missed each criterion, and that showed each misconception
    db.$queryRaw<{ questionId: string; key: string; responseId: string; answer: string }[]>`
      WITH counted AS (${countedAttempts(classId, assignmentId)}), ${latest},
      keyed AS (
        SELECT l."questionId", 'criterion:' || (v->>'criterionId') AS "key", l."responseId", l."answer"
        FROM latest l, jsonb_array_elements(COALESCE(l."verdicts", '[]'::jsonb)) v WHERE v->>'verdict' = 'missed'
        UNION ALL
        SELECT l."questionId", 'misconception:' || m, l."responseId", l."answer" FROM latest l, unnest(l."misconceptions") m)
      SELECT "questionId", "key", "responseId", "answer" FROM (
        SELECT k.*, row_number() OVER (PARTITION BY "questionId", "key" ORDER BY length("answer"), "responseId") AS n FROM keyed k) ranked
      WHERE n <= ${EXAMPLES}`,
    db.$queryRaw<{ questionId: string; count: number }[]>`
      WITH counted AS (${countedAttempts(classId, assignmentId)}), ${latest}
      SELECT "questionId", count(*)::int AS "count" FROM latest GROUP BY 1`,
  ]);
  return { verdicts, misconceptions, examples, graded };
}
