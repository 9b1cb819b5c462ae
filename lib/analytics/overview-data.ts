import "server-only";
import { db } from "@/lib/core/db";
import type { TAuthorizedClassId } from "@/lib/core/session";
import { countedAttempts } from "./counted-attempts";

// Reads behind the class overview, each aggregated in PostgreSQL: a row per day, per score
// band, per section or per student and concept, never one per response.

/** Days are the class's days: the app shows times in Taiwan's zone (lib/core/i18n-request.ts). */
const ZONE = "Asia/Taipei";

/** An untimed attempt left open longer than this is no longer "being taken" */
const ACTIVE_UNTIMED_MS = 2 * 60 * 60 * 1000;

/** The class's assignments, with how many attempts are being taken now: timed ones before their deadline, untimed ones started lately. */
export async function findOverviewAssignments(classId: TAuthorizedClassId, now: Date) {
  const active = { status: "IN_PROGRESS" as const, OR: [{ deadlineAt: { gt: now } }, { deadlineAt: null, startedAt: { gt: new Date(now.getTime() - ACTIVE_UNTIMED_MS) } }] };
  return db.assignment.findMany({
    where: { classId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      mode: true,
      opensAt: true,
      closesAt: true,
      countedAttempt: true,
      quizVersion: { select: { title: true, version: true } },
      _count: { select: { attempts: { where: active } } },
    },
  });
}

/** Submitted attempts and distinct students per day. */
export async function findParticipation(classId: TAuthorizedClassId) {
  return db.$queryRaw<{ day: string; attempts: number; students: number }[]>`
    SELECT to_char((a."submittedAt" AT TIME ZONE ${ZONE})::date, 'YYYY-MM-DD') AS "day", count(*)::int AS "attempts", count(DISTINCT a."userId")::int AS "students"
    FROM "Attempt" a JOIN "Assignment" s ON s."id" = a."assignmentId" AND s."classId" = ${classId}
    WHERE a."status" = 'SUBMITTED'
    GROUP BY 1 ORDER BY 1`;
}

/** Counted attempts per assignment in ten score bands (band 1 = under 10 %, band 10 = 90 % and over). */
export async function findScoreBands(classId: TAuthorizedClassId) {
  return db.$queryRaw<{ assignmentId: string; band: number; count: number }[]>`
    WITH counted AS (${countedAttempts(classId)})
    SELECT "assignmentId", LEAST(width_bucket("score" / NULLIF("maxScore", 0), 0, 1, 10), 10)::int AS "band", count(*)::int AS "count"
    FROM counted WHERE "maxScore" > 0
    GROUP BY 1, 2`;
}

/** Per assignment: students counted, mean share of points, the mean and median time taken, and answers still being graded. */
export async function findAssignmentFigures(classId: TAuthorizedClassId) {
  return db.$queryRaw<{ assignmentId: string; students: number; meanRatio: number | null; meanSeconds: number | null; medianSeconds: number | null; pending: number }[]>`
    WITH counted AS (${countedAttempts(classId)})
    SELECT c."assignmentId", count(*)::int AS "students",
      avg(c."score" / NULLIF(c."maxScore", 0))::float8 AS "meanRatio",
      avg(EXTRACT(EPOCH FROM c."submittedAt" - c."startedAt"))::float8 AS "meanSeconds",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM c."submittedAt" - c."startedAt"))::float8 AS "medianSeconds",
      sum(p."n")::int AS "pending"
    FROM counted c
    CROSS JOIN LATERAL (SELECT count(*) AS "n" FROM jsonb_array_elements(c."itemScores") x WHERE jsonb_typeof(x) = 'null') p
    GROUP BY 1`;
}

/** Per assignment and section: students enrolled, and how many have submitted an attempt. */
export async function findCompletionBySection(classId: TAuthorizedClassId) {
  return db.$queryRaw<{ assignmentId: string; section: string; students: number; completed: number }[]>`
    WITH counted AS (${countedAttempts(classId)})
    SELECT s."id" AS "assignmentId", COALESCE(e."section", '') AS "section", count(*)::int AS "students", count(c."id")::int AS "completed"
    FROM "Assignment" s
    JOIN "Enrollment" e ON e."classId" = s."classId" AND e."role" = 'STUDENT' AND e."status" = 'ACTIVE'
    LEFT JOIN counted c ON c."assignmentId" = s."id" AND c."userId" = e."userId"
    WHERE s."classId" = ${classId}
    GROUP BY 1, 2 ORDER BY 2`;
}

/**
 * Each student's mastery of each concept: the mean share of points on the latest graded answer to
 * every question that tests it, across the class's assignments (the same measure as "my progress").
 * Read from the attempts' per-question scores, with each question's concepts looked up once.
 */
export async function findConceptMastery(classId: TAuthorizedClassId) {
  return db.$queryRaw<{ userId: string; concept: string; mastery: number; questions: number }[]>`
    WITH qc AS MATERIALIZED (
      SELECT q."quizVersionId", q."position", q."questionUuid", q."points", q."definition"->'concepts' AS "concepts"
      FROM "Question" q WHERE q."quizVersionId" IN (SELECT "quizVersionId" FROM "Assignment" WHERE "classId" = ${classId})),
    latest AS (
      SELECT DISTINCT ON (a."userId", qc."questionUuid") a."userId", qc."questionUuid", (x."score")::float8 / qc."points" AS "ratio"
      FROM "Attempt" a
      JOIN "Assignment" s ON s."id" = a."assignmentId" AND s."classId" = ${classId}
      CROSS JOIN LATERAL jsonb_array_elements(a."itemScores") WITH ORDINALITY AS x("score", "i")
      JOIN qc ON qc."quizVersionId" = a."quizVersionId" AND qc."position" = x."i" - 1
      WHERE a."status" = 'SUBMITTED' AND jsonb_typeof(x."score") = 'number' AND qc."points" > 0
      ORDER BY a."userId", qc."questionUuid", a."submittedAt" DESC),
    concepts AS (SELECT DISTINCT ON ("questionUuid") "questionUuid", "concepts" FROM qc)
    SELECT l."userId", c AS "concept", avg(l."ratio")::float8 AS "mastery", count(*)::int AS "questions"
    FROM latest l JOIN concepts k ON k."questionUuid" = l."questionUuid", jsonb_array_elements_text(k."concepts") c
    GROUP BY 1, 2`;
}

/** The class's students, as the roster names them, for the heatmap's rows. */
export async function findStudents(classId: TAuthorizedClassId) {
  const rows = await db.enrollment.findMany({
    where: { classId, role: "STUDENT", status: "ACTIVE" },
    select: { rosterName: true, section: true, studentNumber: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows
    .map((row) => ({ id: row.user.id, name: row.rosterName ?? row.user.name ?? row.user.email, email: row.user.email, section: row.section, studentNumber: row.studentNumber }))
    .sort((a, b) => a.name.localeCompare(b.name, "zh-TW") || a.email.localeCompare(b.email));
}
