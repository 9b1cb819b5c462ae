import { beforeAll, describe, expect, it } from "vitest";

import { startAttempt, submitAttempt } from "@/lib/attempt/mutations";
import { loadContent } from "@/lib/content/load-content";
import { syncContent } from "@/lib/content/sync-content";
import type { TAuthorizedClassId } from "@/lib/core/session";
import { createTestDatabase, type TTestDatabase } from "@/lib/core/testing/test-database";
import { demoAssignmentId, seedDemo } from "@/lib/roster/seed-demo";

import { findGradedAnswers, findReviewedPairs, matchesFilter } from "./data";
import { reviewGrade } from "./mutations";
import { runRound } from "./run-round";

// A person's review of machine grades: audited, reflected in the attempt's total, never undone
// by a later machine grading, and refused for another class's answers.

let t: TTestDatabase;
const DEMO = "demo-genai-2024" as TAuthorizedClassId;
const assignmentId = demoAssignmentId("02-what-generative-ai-is");

beforeAll(async () => {
  t = await createTestDatabase();
  // The reads in data.ts use the app's one client, which connects to DATABASE_URL on first use
  process.env.DATABASE_URL = t.url;
  await syncContent(t.db, await loadContent());
  await seedDemo(t.db);
});

async function gradedAnswer(text: string) {
  const user = await t.db.user.create({ data: { email: `r-${Math.random().toString(36).slice(2)}@example.edu`, name: "Reviewed" } });
  await t.db.enrollment.create({ data: { classId: DEMO, userId: user.id, role: "STUDENT" } });
  const assignment = await t.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
  const { attemptId } = await startAttempt(t.db, { userId: user.id, assignment: { id: assignmentId, opensAt: null, closesAt: null, timeLimitMinutes: null, attemptsAllowed: null, quizVersionId: assignment.quizVersionId } });
  const question = await t.db.question.findFirstOrThrow({ where: { quizVersionId: assignment.quizVersionId, questionUuid: "8a8b6dcc-8b1b-4d32-b7f4-ac549ef5b32f" } });
  const { roundIds } = await submitAttempt(t.db, { attemptId, userId: user.id, locale: "en", answers: [{ questionId: question.id, answer: { type: "open", text }, seq: 1 }] });
  await runRound(t.db, roundIds[0]!);
  const response = await t.db.response.findFirstOrThrow({ where: { attemptId, questionId: question.id } });
  return { attemptId, responseId: response.id, roundId: roundIds[0]! };
}

describe("reviewing a machine grade", () => {
  it("replaces score and feedback, logs who, what and why, and updates the attempt's total", async () => {
    const reviewer = await t.db.user.create({ data: { email: `ta-${Math.random().toString(36).slice(2)}@example.edu`, name: "TA" } });
    const { attemptId, responseId, roundId } = await gradedAnswer("A spam filter just picks one of two fixed labels, spam or not spam, so it is classification.");
    const before = await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect((await t.db.grade.findUniqueOrThrow({ where: { responseId } })).score).toBe(1);

    await reviewGrade(t.db, { classId: DEMO, responseId, actorId: reviewer.id, reason: "poem part is implied", decision: { action: "OVERRIDE", score: 2, feedback: "Good; say more about the poem." } });
    const grade = await t.db.grade.findUniqueOrThrow({ where: { responseId } });
    expect(grade).toMatchObject({ score: 2, source: "HUMAN", reviewedById: reviewer.id, gradedById: reviewer.id });
    expect((grade.feedback as { feedback: { en: string }[] }).feedback[0]!.en).toBe("Good; say more about the poem.");
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).score).toBe((before.score ?? 0) + 1);
    expect(await t.db.gradeAudit.findMany({ where: { responseId } })).toMatchObject([
      { action: "OVERRIDE", actorId: reviewer.id, machineScore: 1, previousScore: 1, newScore: 2, previousSource: "BUILTIN_RUBRIC", newSource: "HUMAN", reason: "poem part is implied" },
    ]);

    // A machine grading arriving later (a re-run) leaves the person's grade alone
    await t.db.feedbackRound.update({ where: { id: roundId }, data: { status: "QUEUED" } });
    await runRound(t.db, roundId);
    expect((await t.db.grade.findUniqueOrThrow({ where: { responseId } })).score).toBe(2);

    const pairs = await findReviewedPairs(DEMO);
    expect(pairs).toContainEqual({ machine: 1, human: 2 });
    const entry = (await findGradedAnswers(DEMO)).find((e) => e.responseId === responseId)!;
    expect(matchesFilter(entry, "unreviewed")).toBe(false);
    expect(matchesFilter(entry, "all")).toBe(true);
  });

  it("accepts a grade as it is, still with an audit entry", async () => {
    const reviewer = await t.db.user.create({ data: { email: `i-${Math.random().toString(36).slice(2)}@example.edu` } });
    const { responseId } = await gradedAnswer("Spam filtering picks spam or not spam: classification. A poem is new text, too many versions to list.");
    const { score } = await t.db.grade.findUniqueOrThrow({ where: { responseId } });
    await reviewGrade(t.db, { classId: DEMO, responseId, actorId: reviewer.id, reason: "fine", decision: { action: "ACCEPT" } });
    expect(await t.db.grade.findUniqueOrThrow({ where: { responseId } })).toMatchObject({ score, reviewedById: reviewer.id });
    expect(await t.db.gradeAudit.count({ where: { responseId, action: "ACCEPT" } })).toBe(1);
  });

  it("lets a person grade an answer whose machine grading failed, which there is nothing to accept of", async () => {
    const reviewer = await t.db.user.create({ data: { email: `f-${Math.random().toString(36).slice(2)}@example.edu` } });
    const { responseId, roundId, attemptId } = await gradedAnswer("A spam filter picks a label.");
    await t.db.grade.delete({ where: { responseId } });
    await t.db.feedbackRound.update({ where: { id: roundId }, data: { status: "FAILED", score: null } });
    const entry = (await findGradedAnswers(DEMO)).find((e) => e.responseId === responseId)!;
    expect(entry.status).toBe("FAILED");
    expect(matchesFilter(entry, "unreviewed")).toBe(true);
    await expect(reviewGrade(t.db, { classId: DEMO, responseId, actorId: reviewer.id, reason: "x", decision: { action: "ACCEPT" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await reviewGrade(t.db, { classId: DEMO, responseId, actorId: reviewer.id, reason: "graded by hand", decision: { action: "OVERRIDE", score: 1.5, feedback: "Half of it." } });
    expect(await t.db.grade.findUniqueOrThrow({ where: { responseId } })).toMatchObject({ score: 1.5, maxScore: 3, source: "HUMAN" });
    expect(await t.db.gradeAudit.findFirstOrThrow({ where: { responseId } })).toMatchObject({ previousScore: null, previousSource: null, machineScore: null, newScore: 1.5 });
    const scores = await t.db.grade.aggregate({ where: { response: { attemptId } }, _sum: { score: true } });
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).score).toBe(scores._sum.score);
  });

  it("refuses another class's answers and scores above the maximum, changing nothing", async () => {
    const reviewer = await t.db.user.create({ data: { email: `x-${Math.random().toString(36).slice(2)}@example.edu` } });
    const other = await t.db.class.create({ data: { name: "Other" } });
    const { responseId } = await gradedAnswer("It picks a label.");
    await expect(reviewGrade(t.db, { classId: other.id as TAuthorizedClassId, responseId, actorId: reviewer.id, reason: "x", decision: { action: "ACCEPT" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(reviewGrade(t.db, { classId: DEMO, responseId, actorId: reviewer.id, reason: "x", decision: { action: "OVERRIDE", score: 4, feedback: "" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await t.db.gradeAudit.count({ where: { responseId } })).toBe(0);
  });
});
