import type { TDb } from "@/lib/core/db";
import { AppError } from "@/lib/core/errors";
import { gradeQuestion } from "@/lib/quiz/grade-question";
import type { TAnswer, TQuestion } from "@/lib/quiz/schema";

type TQuestionRow = { id: string; definition: unknown };

// Grades every answer on the server and stores attempt, responses and grades in one
// transaction: either the whole submission is saved or nothing is.
export async function submitAttempt(
  db: TDb,
  input: {
    userId: string;
    assignment: { id: string; opensAt: Date | null; closesAt: Date | null; quizVersion: { id: string; questions: TQuestionRow[] } };
    answers: Record<string, TAnswer>;
    now?: Date;
  },
): Promise<{ attemptId: string; score: number; maxScore: number }> {
  const now = input.now ?? new Date();
  const { assignment } = input;
  if ((assignment.opensAt && now < assignment.opensAt) || (assignment.closesAt && now > assignment.closesAt)) {
    throw new AppError("QUIZ_CLOSED");
  }
  const known = new Set(assignment.quizVersion.questions.map((question) => question.id));
  if (Object.keys(input.answers).some((questionId) => !known.has(questionId))) throw new AppError("INVALID_INPUT");

  const graded = assignment.quizVersion.questions.map((question) => {
    const answer = input.answers[question.id];
    return { question, answer, result: gradeQuestion(question.definition as TQuestion, answer) };
  });
  const score = graded.reduce((sum, entry) => sum + entry.result.score, 0);
  const maxScore = graded.reduce((sum, entry) => sum + entry.result.maxScore, 0);

  const attempt = await db.$transaction(async (tx) => {
    const created = await tx.attempt.create({
      data: {
        userId: input.userId,
        quizVersionId: assignment.quizVersion.id,
        assignmentId: assignment.id,
        status: "SUBMITTED",
        startedAt: now,
        submittedAt: now,
        score,
        maxScore,
      },
    });
    for (const entry of graded) {
      await tx.response.create({
        data: {
          attemptId: created.id,
          questionId: entry.question.id,
          answer: entry.answer ?? { type: "unanswered" },
          grade: {
            create: { score: entry.result.score, maxScore: entry.result.maxScore, source: "AUTO", feedback: entry.result },
          },
        },
      });
    }
    return created;
  });
  return { attemptId: attempt.id, score, maxScore };
}
