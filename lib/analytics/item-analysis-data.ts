import "server-only";
import { db } from "@/lib/core/db";
import type { TAuthorizedClassId } from "@/lib/core/session";
import type { TVariant } from "@/lib/quiz/variants";
import { countedAttempts } from "./counted-attempts";
import type { TOpenStatRow } from "./item-analysis";

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

/**
 * Each student's counted attempt as one row: the score of each question by position, null while
 * its grading is pending. The attempt keeps these itself (Attempt.itemScores), so this reads one
 * row per student rather than joining every grade (see docs/PERFORMANCE.md).
 */
export async function findScoreRows(classId: TAuthorizedClassId, assignmentId: string) {
  return db.$queryRaw<{ userId: string; seconds: number | null; scores: (number | null)[] }[]>`
    WITH counted AS (${countedAttempts(classId, assignmentId)})
    SELECT "userId", EXTRACT(EPOCH FROM "submittedAt" - "startedAt")::float8 AS "seconds", "itemScores" AS "scores" FROM counted`;
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
const EXAMPLE_CHARS = 400;

/**
 * For the open questions: how often each rubric criterion got each verdict and each misconception
 * was matched, by the latest final grading of each counted answer, with a few of the shortest
 * answers that missed it or showed it. One statement: the counted answers are found once.
 */
export async function findOpenAnswerStats(classId: TAuthorizedClassId, assignmentId: string) {
  const rows = await db.$queryRaw<TOpenStatRow[]>`
    WITH counted AS (${countedAttempts(classId, assignmentId)}),
    latest AS MATERIALIZED (
      SELECT DISTINCT ON (f."responseId") f."responseId", r."questionId", left(f."answer", ${EXAMPLE_CHARS}) AS "answer", length(f."answer") AS "length", f."verdicts", f."misconceptions"
      FROM counted c
      JOIN "Response" r ON r."attemptId" = c."id"
      JOIN "Question" q ON q."id" = r."questionId" AND q."type" = 'OPEN'
      JOIN "FeedbackRound" f ON f."responseId" = r."id" AND f."purpose" = 'FINAL' AND f."status" = 'DONE'
      ORDER BY f."responseId", f."round" DESC),
    verdicts AS (
      SELECT l."questionId", l."responseId", l."answer", l."length", v->>'criterionId' AS "criterionId", v->>'verdict' AS "verdict"
      FROM latest l, jsonb_array_elements(COALESCE(l."verdicts", '[]'::jsonb)) v)
    SELECT 'graded' AS "kind", "questionId", NULL AS "key", count(*)::int AS "count", 0 AS "met", 0 AS "partly", 0 AS "missed", NULL::jsonb[] AS "examples"
    FROM latest GROUP BY "questionId"
    UNION ALL
    SELECT 'criterion', "questionId", "criterionId", count(*)::int,
      count(*) FILTER (WHERE "verdict" = 'met')::int, count(*) FILTER (WHERE "verdict" = 'partly')::int, count(*) FILTER (WHERE "verdict" = 'missed')::int,
      (array_agg(jsonb_build_object('responseId', "responseId", 'answer', "answer") ORDER BY "length", "responseId") FILTER (WHERE "verdict" = 'missed'))[1:${EXAMPLES}]
    FROM verdicts GROUP BY "questionId", "criterionId"
    UNION ALL
    SELECT 'misconception', l."questionId", m, count(*)::int, 0, 0, 0,
      (array_agg(jsonb_build_object('responseId', l."responseId", 'answer', l."answer") ORDER BY l."length", l."responseId"))[1:${EXAMPLES}]
    FROM latest l, unnest(l."misconceptions") m GROUP BY l."questionId", m`;
  return rows;
}
