import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load-content";
import { syncContent } from "@/lib/content/sync-content";
import { createTestDatabase } from "@/lib/core/testing/test-database";
import { ZQuestion } from "@/lib/quiz/schema";
import { demoAssignmentId, seedDemo } from "@/lib/roster/seed-demo";
import { saveAnswer, startAttempt, submitAttempt } from "./mutations";
import { prepareQuestions } from "./prepare-questions";

const text = (en: string) => ({ "zh-TW": en, en });
const PARAMETERIZED = ZQuestion.parse({
  uuid: "9a0c3c36-3f5e-4a4e-9a55-5f0a4f1f4e01",
  type: "numeric",
  concepts: ["search-space-size"],
  section: "search-space",
  prompt: text("How many texts of {{L}} characters from {{V}} characters?"),
  parameters: { V: { values: [500, 1000, 2000, 5000] }, L: { range: [10, 200], step: 10 } },
  answer: "{{V}}^{{L}}",
  tolerance: { kind: "order_of_magnitude", value: 0.01 },
  correctFeedback: text("yes"),
  incorrectFeedback: text("no"),
});

describe("parameterized questions in attempts", () => {
  it("each attempt gets its own variant, stored with the response and graded on it", async () => {
    const { db } = await createTestDatabase();
    const content = await loadContent();
    content.quizzes.find((quiz) => quiz.slug === "01-starter")!.data.questions.push(PARAMETERIZED);
    await syncContent(db, content);
    await seedDemo(db);
    const student = await db.user.findUniqueOrThrow({ where: { email: "student1@example.com" } });
    const assignment = await db.assignment.findUniqueOrThrow({
      where: { id: demoAssignmentId("01-starter") },
      select: { id: true, opensAt: true, closesAt: true, timeLimitMinutes: true, attemptsAllowed: true, quizVersionId: true, quizVersion: { select: { id: true, questions: { orderBy: { position: "asc" }, select: { id: true, definition: true } } } } },
    });
    const row = assignment.quizVersion.questions.at(-1)!;

    for (const attemptNumber of [1, 2, 3]) {
      // What the student was shown for this attempt, computed as the quiz page does.
      const shown = prepareQuestions([row], { userId: student.id, number: attemptNumber, variantSalt: assignment.id })[0]!;
      expect(prepareQuestions([row], { userId: student.id, number: attemptNumber, variantSalt: assignment.id })[0]!.variant).toEqual(shown.variant);
      const { V, L } = shown.variant as { V: number; L: number };
      expect(shown.question.prompt.en).toBe(`How many texts of ${L} characters from ${V} characters?`);
      const { attemptId } = await startAttempt(db, { userId: student.id, assignment });
      await saveAnswer(db, { attemptId, userId: student.id, save: { questionId: row.id, answer: { type: "numeric", text: `${V}^${L}` }, seq: 1 } });
      await submitAttempt(db, { attemptId, userId: student.id });
      const stored = await db.response.findUniqueOrThrow({ where: { attemptId_questionId: { attemptId, questionId: row.id } }, include: { grade: true, attempt: true } });
      expect(stored.attempt.number).toBe(attemptNumber);
      expect(stored.variant).toEqual(shown.variant);
      expect(stored.grade?.score).toBe(1);
    }
  });

  it("a practice attempt and an exam attempt with the same number show different numbers", async () => {
    // Before the assignment was part of the seed, attempt 1 of a practice assignment showed the
    // numbers (and so the key) of attempt 1 of the exam on the same quiz.
    const { db } = await createTestDatabase();
    const content = await loadContent();
    content.quizzes.find((quiz) => quiz.slug === "01-starter")!.data.questions.push(PARAMETERIZED);
    await syncContent(db, content);
    await seedDemo(db);
    const student = await db.user.findUniqueOrThrow({ where: { email: "student1@example.com" } });
    const demo = await db.assignment.findUniqueOrThrow({ where: { id: demoAssignmentId("01-starter") } });
    const select = { id: true, opensAt: true, closesAt: true, timeLimitMinutes: true, attemptsAllowed: true, quizVersionId: true } as const;
    const seen = new Set<string>();
    for (const mode of ["PRACTICE", "EXAM", "PRACTICE", "EXAM"] as const) {
      const assignment = await db.assignment.create({ data: { classId: demo.classId, quizId: demo.quizId, quizVersionId: demo.quizVersionId, mode }, select });
      const { attemptId } = await startAttempt(db, { userId: student.id, assignment });
      const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, include: { quizVersion: { include: { questions: { orderBy: { position: "asc" } } } } } });
      expect(attempt.number).toBe(1);
      expect(attempt.variantSalt).toBe(assignment.id);
      seen.add(JSON.stringify(prepareQuestions(attempt.quizVersion.questions, attempt).at(-1)!.variant));
    }
    // Four draws from the question's V × L grid: at least three differ (a repeat is a 1-in-many chance)
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });
});
