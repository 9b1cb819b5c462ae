import { describe, expect, it } from "vitest";
import { saveAnswer, startAttempt, submitAttempt } from "@/lib/attempt/mutations";
import { loadContent } from "@/lib/content/load-content";
import { syncContent } from "@/lib/content/sync-content";
import { createTestDatabase } from "@/lib/core/testing/test-database";
import type { TQuestion } from "@/lib/quiz/schema";
import { demoAssignmentId, seedDemo } from "@/lib/roster/seed-demo";
import { answerReview, findReviewQueue } from "./review-queue";

describe("the review queue", () => {
  it("takes in missed questions from a submission, and schedules them by each review's result", async () => {
    const { db } = await createTestDatabase();
    await syncContent(db, await loadContent());
    await seedDemo(db);
    const student = await db.user.findUniqueOrThrow({ where: { email: "student2@example.com" } });
    const assignment = await db.assignment.findUniqueOrThrow({ where: { id: demoAssignmentId("01-starter") }, include: { quizVersion: { include: { questions: { orderBy: { position: "asc" } } } } } });
    const [choice, , numeric] = assignment.quizVersion.questions;
    const t0 = new Date("2026-11-28T09:00:00Z");
    const { attemptId } = await startAttempt(db, { userId: student.id, assignment, now: t0 });
    // Right on the first question, wrong on the numeric one, nothing on the sorting one.
    await saveAnswer(db, { attemptId, userId: student.id, save: { questionId: choice!.id, answer: { type: "single_choice", optionId: "structured" }, seq: 1 }, now: t0 });
    await saveAnswer(db, { attemptId, userId: student.id, save: { questionId: numeric!.id, answer: { type: "numeric", text: "10^100" }, seq: 2 }, now: t0 });
    await submitAttempt(db, { attemptId, userId: student.id, now: t0 });

    const cards = await db.reviewCard.findMany({ where: { userId: student.id } });
    const numericUuid = (numeric!.definition as TQuestion).uuid;
    expect(cards.map((card) => card.questionUuid).sort()).toEqual([(assignment.quizVersion.questions[1]!.definition as TQuestion).uuid, numericUuid].sort());

    const later = new Date(t0.getTime() + 24 * 3600_000);
    const queue = await findReviewQueue(db, student.id, later);
    expect([queue.due, queue.total]).toEqual([2, 2]);
    expect(queue.question).not.toBeNull();
    expect(JSON.stringify(queue.question)).not.toContain("1000^100"); // no key in what the page gets

    const right = await answerReview(db, { userId: student.id, questionUuid: numericUuid, answer: { type: "numeric", text: "1e300" }, now: later });
    expect(right.grade.outcome).toBe("correct");
    expect(right.nextDue.getTime()).toBeGreaterThan(later.getTime());
    expect((await findReviewQueue(db, student.id, later)).due).toBe(1);
    // Right again at each due time: it graduates from learning and comes back days later.
    let when = right.nextDue;
    for (let i = 0; i < 3; i++) when = (await answerReview(db, { userId: student.id, questionUuid: numericUuid, answer: { type: "numeric", text: "1e300" }, now: when })).nextDue;
    const card = await db.reviewCard.findUniqueOrThrow({ where: { userId_questionUuid: { userId: student.id, questionUuid: numericUuid } } });
    expect(card.due.getTime() - new Date((card.card as { last_review: string }).last_review).getTime()).toBeGreaterThan(24 * 3600_000);

    await expect(answerReview(db, { userId: student.id, questionUuid: (choice!.definition as TQuestion).uuid, answer: { type: "single_choice", optionId: "x" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
