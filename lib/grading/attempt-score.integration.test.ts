import { beforeAll, describe, expect, it } from "vitest";

import { startAttempt, submitAttempt } from "@/lib/attempt/mutations";
import { loadContent } from "@/lib/content/load-content";
import { syncContent } from "@/lib/content/sync-content";
import { createTestDatabase, type TTestDatabase } from "@/lib/core/testing/test-database";
import { demoAssignmentId, seedDemo } from "@/lib/roster/seed-demo";

import { recomputeAttemptScore } from "./mutations";

// An attempt's total and per-question scores follow its grades, even when two gradings of the
// same attempt finish at the same moment.

let t: TTestDatabase;
const assignmentId = demoAssignmentId("02-what-generative-ai-is");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  t = await createTestDatabase();
  await syncContent(t.db, await loadContent());
  await seedDemo(t.db);
});

describe("recomputeAttemptScore", () => {
  it("loses neither of two grades written by gradings that finish together", async () => {
    const user = await t.db.user.create({ data: { email: "two-gradings@example.edu" } });
    await t.db.enrollment.create({ data: { classId: "demo-genai-2024", userId: user.id, role: "STUDENT" } });
    const assignment = await t.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    const { attemptId } = await startAttempt(t.db, { userId: user.id, assignment: { id: assignmentId, opensAt: null, closesAt: null, timeLimitMinutes: null, attemptsAllowed: null, quizVersionId: assignment.quizVersionId } });
    const open = await t.db.question.findMany({ where: { quizVersionId: assignment.quizVersionId, type: "OPEN" }, orderBy: { position: "asc" } });
    expect(open.length).toBeGreaterThanOrEqual(2);
    await submitAttempt(t.db, { attemptId, userId: user.id, locale: "en", answers: open.map((q, i) => ({ questionId: q.id, answer: { type: "open" as const, text: `answer ${i}` }, seq: 1 })) });
    const responses = await t.db.response.findMany({ where: { attemptId, questionId: { in: open.map((q) => q.id) } }, select: { id: true, questionId: true } });

    // The first grading holds its transaction open a moment after recomputing; the second writes
    // its grade and recomputes meanwhile, and must still see the first one's grade once it commits.
    const first = t.db.$transaction(async (tx) => {
      await tx.grade.create({ data: { responseId: responses[0]!.id, score: 1, maxScore: 3, source: "BUILTIN_RUBRIC", feedback: {} } });
      await recomputeAttemptScore(tx, attemptId);
      await sleep(300);
    });
    await sleep(100);
    const second = t.db.$transaction(async (tx) => {
      await tx.grade.create({ data: { responseId: responses[1]!.id, score: 2, maxScore: 3, source: "BUILTIN_RUBRIC", feedback: {} } });
      await recomputeAttemptScore(tx, attemptId);
    });
    await Promise.all([first, second]);

    const attempt = await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { score: true, itemScores: true } });
    const grades = await t.db.grade.aggregate({ where: { response: { attemptId } }, _sum: { score: true } });
    expect(attempt.score).toBe(grades._sum.score);
    const byPosition = attempt.itemScores as (number | null)[];
    for (const q of open.slice(0, 2)) expect(byPosition[q.position]).not.toBeNull();
  });
});
